// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, one browser
// for the run (test/support/chromium.ts) with contexts of each file's own, pages at a phone's width,
// and a check of each page (no script error, no serious or critical WCAG 2.1 A/AA violation found by
// axe; a screenshot in test-results/web/ when a check fails, or of every page with
// DESK_TEST_SCREENSHOTS=all).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../local/privacy-center';
import { CHROMIUM } from './chromium';
import { E2E_DEMO_PASSWORD } from './e2e';

export const SCREENSHOTS = 'test-results/web';
/** A phone's width: the Privacy Center must work there. */
export const PHONE = { width: 390, height: 844 };
/** A desk workstation's screen, for the console. */
export const DESKTOP = { width: 1280, height: 900 };

/** The WCAG 2.1 A and AA rules axe checks on every page. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * axe-core itself, put into a page once per document: @axe-core/playwright injects it afresh on every
 * check and finishes each run in a blank page of its own, three times the cost of the check. The
 * pages checked have no frames, so axe.run on the document sees what its per-frame runs would.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/** Script errors of each page, checked with every screenshot. */
const scriptErrors = new WeakMap<Page, string[]>();

/**
 * Registers the hooks; the returned function opens a new page in a context of its own. The file
 * connects to the run's Chromium (launched here only when the file runs outside the browser project),
 * and leaving closes the contexts it opened.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const endpoint = inject('chromiumEndpoint');
    browser = endpoint
      ? await chromium.connect(endpoint)
      : await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (
    options: { viewport?: { width: number; height: number }; locale?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page }> => {
    if (!browser) throw new Error('Chromium is not running: call useBrowser() at the top of the file.');
    const context = await browser.newContext({
      viewport: options.viewport ?? PHONE,
      locale: options.locale ?? 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    scriptErrors.set(page, errors);
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page };
  };
}

/** Kana, kanji and full-width forms: a line with any of them is written in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A word of a sentence: letters standing alone, not part of an id, a code, an address or a link. */
const WORD = /(?<![\w\-:#./@])[A-Za-z]{2,}(?![\w\-:#/@])/g;
/**
 * The visible text of the page, leaving out what is marked translate="no" (HTML's mark for names and
 * data that stay as they are in any language: a record's value, a recipient's registered name).
 */
const VISIBLE_TEXT_TO_TRANSLATE = `(() => {
  const kept = [...document.querySelectorAll('[translate="no"]')].map((e) => [e, e.style.visibility]);
  for (const [e] of kept) e.style.visibility = 'hidden';
  const text = document.body.innerText;
  for (const [e, visibility] of kept) e.style.visibility = visibility;
  return text;
})()`;

/**
 * Sentences of the page's visible text in Latin letters only (three words or more, none Japanese):
 * on a page whose language is Japanese each is English a reader was left with.
 */
export async function latinOnlySentences(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>(VISIBLE_TEXT_TO_TRANSLATE);
  return text
    .split(/[\n\t。]+/)
    .map((line) => line.trim())
    .filter((line) => !JAPANESE.test(line) && (line.match(WORD) ?? []).length >= 3);
}

/**
 * A screenshot of the page as it is now; no script error so far, no serious or critical axe violation,
 * and on a Japanese page no sentence left in English.
 */
/**
 * A full-page screenshot costs Chromium about as much as the axe run (measured 1.3 s against 1.4 s per
 * page on 2 cores), over a hundred pages a run: taken where a check fails, or everywhere on request.
 */
const EVERY_SCREENSHOT = process.env.DESK_TEST_SCREENSHOTS === 'all';

export async function checkPage(page: Page, name: string) {
  const screenshot = () => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  try {
    await checkedPage(page, name);
  } catch (error) {
    await screenshot().catch(() => undefined);
    throw error;
  }
  if (EVERY_SCREENSHOT) await screenshot();
}

async function checkedPage(page: Page, name: string) {
  expect(scriptErrors.get(page)).toEqual([]);
  if ((await page.locator('html').getAttribute('lang')) === 'ja') {
    expect(await latinOnlySentences(page), `${name}: English on a Japanese page`).toEqual([]);
  }
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(AXE_SOURCE);
  // Every rule still runs; resultTypes only spares axe describing (a selector and the markup of)
  // each node that passed, which this check never reads.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

/** Signs in to the local desk's console (Japanese form) and waits for the queue. */
export async function signInToConsole(page: Page, deskUrl: string, username: string, password = E2E_DEMO_PASSWORD) {
  await page.goto(`${deskUrl}${DESK_CONSOLE_PATH}`);
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
}

/** Opens a request's page in the signed-in console. */
export async function openRequest(page: Page, deskUrl: string, requestId: string) {
  await page.goto(`${deskUrl}${DESK_CONSOLE_PATH}#/requests/${requestId}`);
  await page.getByRole('heading', { level: 1, name: `請求の詳細: ${requestId}` }).waitFor();
}
