// The API reference: the OpenAPI document rendered by Scalar's standalone bundle, served from the
// desk's own origin (locally by the gateway, in AWS from the Privacy Center's distribution), with no
// CDN, no web fonts and no calls to Scalar's services. Shared by local/ and lib/ like security-headers.ts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the page is; the trailing-slash form is the same page. */
export const API_DOCS_PATH = '/docs/api';
/** The OpenAPI document the page renders: the same document as GET /v1/openapi.json. */
export const API_DOCS_DOCUMENT_PATH = `${API_DOCS_PATH}/openapi.json`;
/** Scalar's pre-built browser bundle (MIT), copied as it ships. */
export const API_DOCS_SCRIPT_PATH = `${API_DOCS_PATH}/scalar-standalone.js`;

/** The file of @scalar/api-reference's standalone browser bundle in node_modules. */
export function scalarStandaloneFile(): string {
  const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
  return join(dirname(entry), 'browser', 'standalone.js');
}

/**
 * Scalar's configuration: no default fonts (fetched from Scalar's font host), no telemetry, no
 * request proxy (it would send "try it" calls through Scalar's servers), no AI agent, no client
 * that calls the API from the page (the routes need codes, tokens or SigV4 signatures anyway).
 */
export const SCALAR_CONFIGURATION = {
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  hideTestRequestButton: true,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  externalUrls: { dashboardUrl: '', registryUrl: '', proxyUrl: '', apiBaseUrl: '' },
  defaultOpenAllTags: false,
  documentDownloadType: 'json',
} as const;

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The page: one element Scalar reads its document URL and configuration from, and its script. No inline code. */
export function apiDocsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>appi-desk API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<noscript>The API reference needs JavaScript. The OpenAPI document itself is at <a href="${API_DOCS_DOCUMENT_PATH}">${API_DOCS_DOCUMENT_PATH}</a>.</noscript>
<script id="api-reference" type="application/json" data-url="${API_DOCS_DOCUMENT_PATH}" data-configuration="${escapeAttribute(JSON.stringify(SCALAR_CONFIGURATION))}"></script>
<script src="${API_DOCS_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

/**
 * The page's Content-Security-Policy: the Privacy Center's, except that Scalar adds <style> elements
 * from its script, so styles may be inline, and the page's empty icon is a data: URL. Scripts, fonts
 * and fetches stay on the page's own origin, and nothing may frame it. The page holds no personal
 * data and sends nothing: it only reads the public OpenAPI document.
 */
export function apiDocsContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
