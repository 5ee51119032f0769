// The API reference in Chromium: one load of /docs/api on the local gateway renders the routes of the
// OpenAPI document, under its Content-Security-Policy, and nothing is fetched from another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeNamed } from '../../functions/routes';
import { freePort } from '../../local/emulators';
import { LocalGateway } from '../../local/gateway';
import { LocalSignIn, LocalTokenIssuer } from '../../local/staff-sign-in';
import { API_DOCS_PATH } from '../../web/api-docs';
import { DESKTOP, SCREENSHOTS, useBrowser } from '../support/browser';

const openPage = useBrowser();
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

describe('the API reference page', () => {
  it("renders the routes from the desk's own origin only, without a CSP violation or script error", async () => {
    const { context, page } = await openPage({ viewport: DESKTOP, locale: 'en-US' });
    const origin = new URL(gateway.url).origin;
    const offOrigin: string[] = [];
    const problems: string[] = [];
    // Every request the page makes off the desk's origin is recorded and refused: it would be a leak.
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) offOrigin.push(request.url());
    });
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${gateway.url}${API_DOCS_PATH}`);
    // The first operation rendered, headed by its summary in the manifest; every route listed in the sidebar.
    await page.getByRole('heading', { name: routeNamed('submit-request').summary }).waitFor({ timeout: 20_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what a reader sees
    const text = await page.locator('body').innerText();
    expect(ROUTES.filter((route) => !text.includes(route.summary)).map((route) => route.name)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/api-docs.png` });

    expect(offOrigin).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
