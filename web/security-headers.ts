// The Privacy Center's response headers, the same from `npm start` and from CloudFront: scripts,
// styles and fetches only from where the page came from (and the API's origin when it is elsewhere),
// nothing inline, never framed.

/** The Content-Security-Policy of every Privacy Center page; `apiOrigin` when the API has an origin of its own. */
export function contentSecurityPolicy(apiOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PRIVACY_CENTER_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;
