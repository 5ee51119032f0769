// The API reference on the local gateway: a page with no inline code that loads Scalar's bundle and
// the OpenAPI document from the desk's own origin, under its own Content-Security-Policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi';
import { freePort } from '../../local/emulators';
import { LocalGateway } from '../../local/gateway';
import { LocalSignIn, LocalTokenIssuer } from '../../local/staff-sign-in';
import {
  API_DOCS_DOCUMENT_PATH,
  API_DOCS_PATH,
  API_DOCS_SCRIPT_PATH,
  apiDocsContentSecurityPolicy,
} from '../../web/api-docs';

let gateway: LocalGateway;

beforeAll(async () => {
  gateway = new LocalGateway({
    port: await freePort(),
    issuer: new LocalTokenIssuer(),
    signIn: new LocalSignIn(),
    mailboxUrl: 'http://127.0.0.1:1',
    demoPassword: 'unused',
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
});

describe('GET /docs/api on the local desk', () => {
  it('answers a page that loads the script and the document from the same origin, and no inline code', async () => {
    for (const path of [API_DOCS_PATH, `${API_DOCS_PATH}/`]) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(apiDocsContentSecurityPolicy());
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map((s) => s[2]!.trim())).toEqual(['', '']);
      expect(html).toContain(`<script src="${API_DOCS_SCRIPT_PATH}"></script>`);
      expect(html).toContain(`data-url="${API_DOCS_DOCUMENT_PATH}"`);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it("serves Scalar's bundle and the OpenAPI document the API serves", async () => {
    const script = await fetch(`${gateway.url}${API_DOCS_SCRIPT_PATH}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await script.text()).length).toBeGreaterThan(100_000);
    const document = await fetch(`${gateway.url}${API_DOCS_DOCUMENT_PATH}`);
    expect(document.status).toBe(200);
    expect(await document.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('keeps the policy strict for scripts: own origin only, nothing inline or evaluated', () => {
    const policy = apiDocsContentSecurityPolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
