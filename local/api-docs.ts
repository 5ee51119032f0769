// The API reference on the local desk, as the Privacy Center's distribution serves it in AWS: the
// page, Scalar's bundle from node_modules and the OpenAPI document, all from the desk's own origin.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { openApiDocument } from '../functions/openapi';
import {
  API_DOCS_DOCUMENT_PATH,
  API_DOCS_PATH,
  API_DOCS_SCRIPT_PATH,
  apiDocsContentSecurityPolicy,
  apiDocsPage,
  scalarStandaloneFile,
} from '../web/api-docs';
import { PRIVACY_CENTER_HEADERS } from '../web/security-headers';

let scalarBundle: Promise<Buffer> | undefined;
let documentJson: string | undefined;

/** Answers GET for the API reference's page and files; false when the path is not one of them. */
export async function serveApiDocs(pathname: string, res: ServerResponse): Promise<boolean> {
  const headers = {
    ...PRIVACY_CENTER_HEADERS,
    'content-security-policy': apiDocsContentSecurityPolicy(),
    'cache-control': 'no-cache',
  };
  if (pathname === API_DOCS_PATH || pathname === `${API_DOCS_PATH}/`) {
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(apiDocsPage());
    return true;
  }
  if (pathname === API_DOCS_DOCUMENT_PATH) {
    documentJson ??= JSON.stringify(openApiDocument());
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(documentJson);
    return true;
  }
  if (pathname === API_DOCS_SCRIPT_PATH) {
    scalarBundle ??= readFile(scalarStandaloneFile());
    res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
    res.end(await scalarBundle);
    return true;
  }
  return false;
}
