// The web pages' response headers, the same from `npm start` and from CloudFront: scripts, styles
// and fetches only from where the page came from (and the API's origin when it is elsewhere),
// nothing inline, never framed.

/**
 * The Content-Security-Policy of the Privacy Center and desk console pages; `apiOrigin` when the API
 * has an origin of its own, `signInOrigin` for the console in AWS, which posts to Cognito's token
 * endpoint there (reaching its sign-in page is a navigation, which no directive governs).
 */
export function contentSecurityPolicy(apiOrigin?: string, signInOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    ['connect-src', "'self'", apiOrigin, signInOrigin].filter(Boolean).join(' '),
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
