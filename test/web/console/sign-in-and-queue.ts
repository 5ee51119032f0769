// The desk console in a real Chromium against the local desk: sign-in (a wrong password, a locked
// account, a temporary password to change), the queue with due dates and an overdue request marked,
// what an auditor sees, a sign-in that expires and returns to the page, and sign-out leaving no
// token behind. axe checks every page (screenshots: test/support/browser.ts).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { hashLocalPassword } from '../../../local/staff-sign-in';
import { japanTime } from '../../../web/src/desk/officer';
import { dueMark, japanDate } from '../../../web/src/desk/queue';
import { receivedRequest } from '../../domain/doubles';
import { checkPage, DESKTOP } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import { putItem } from '../../support/requests';
import type { ConsoleDesk } from './desk';

export function describeSignInAndQueue({ desk, client, newPage: desktopPage }: ConsoleDesk) {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const suffix = randomUUID().slice(0, 8);
  const overdueId = `req-overdue-${suffix}`;
  const dueSoonId = `req-soon-${suffix}`;
  const overdueDueAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
  const dueSoonDueAt = new Date(Date.now() + 2 * DAY_MS).toISOString();

  async function openConsole(options: { hash?: string; locale?: string } = {}) {
    const { context, page } = await desktopPage({
      viewport: DESKTOP,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${options.hash ?? ''}`);
    return { context, page };
  }

  async function signIn(page: Page, username: string, password = E2E_DEMO_PASSWORD) {
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  }

  /** Every value this page's origin keeps in localStorage and sessionStorage. */
  const storedValues = (page: Page) =>
    page.evaluate<string[]>(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the expression is evaluated in the page, where the template runs
      '[localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`))',
    );

  describe('desk console', () => {
    let createdId: string;
    let createdDueAt: string;

    beforeAll(async () => {
      const email = uniqueEmail('console');
      const created = await client.submitAndVerify({
        type: 'disclosure',
        requester: { kind: 'self', name: 'Hanako Yamada', email },
        subject: { email },
      });
      createdId = created.requestId;
      createdDueAt = (await client.call('GET', `/v1/requests/${createdId}`, { token: created.statusToken })).json.dueAt;
      // Overdue and nearly due: a desk that ran for weeks has these; put them in the desk's tables directly.
      await putItem(
        'requests',
        receivedRequest({
          requestId: overdueId,
          type: 'correction',
          receivedAt: new Date(Date.now() - 20 * DAY_MS).toISOString(),
          dueAt: overdueDueAt,
        }),
      );
      await putItem(
        'requests',
        receivedRequest({
          requestId: dueSoonId,
          type: 'complaint',
          status: 'in-progress',
          receivedAt: new Date(Date.now() - 10 * DAY_MS).toISOString(),
          dueAt: dueSoonDueAt,
        }),
      );
    }, 90_000);

    it('serves the console under /desk/ with the strict Content-Security-Policy, and the runtime config beside it', async () => {
      const redirect = await fetch(`${desk().url}/desk`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe(DESK_CONSOLE_PATH);
      const response = await fetch(`${desk().url}${DESK_CONSOLE_PATH}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).toContain('src="../assets/');
      const config = await fetch(new URL('../config.json', `${desk().url}${DESK_CONSOLE_PATH}`));
      expect(await config.json()).toEqual({ apiBaseUrl: '' });
      expect((await fetch(`${desk().url}/privacy/`)).status).toBe(200);
    });

    it('signs the operator in after a wrong password and shows the queue with due dates and the overdue request marked', async () => {
      const { context, page } = await openConsole();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.getByRole('heading', { level: 1, name: '担当者ログイン' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      await checkPage(page, 'desk-console-1-sign-in-ja');

      await signIn(page, 'operator', 'not-the-password');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('ユーザー名又はパスワードが正しくありません。');
      expect(await page.getByLabel('パスワード', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('パスワード', { exact: true }).getAttribute('aria-describedby')).toBe(
        await alert.getAttribute('id'),
      );
      await checkPage(page, 'desk-console-2-sign-in-error-ja');

      await signIn(page, 'operator');
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      const header = page.getByRole('banner');
      await expect.poll(() => header.textContent()).toContain('operator');
      expect(await header.textContent()).toContain('窓口担当者');
      const nav = page.getByRole('navigation', { name: 'コンソールのメニュー' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        '請求一覧',
        '本人の検索',
        '漏えい等の事案',
        '社内規程・マニュアル',
        '教育・研修',
      ]);

      const row = (id: string) => page.locator(`li.queue-card:has(#queue-${id})`);
      await row(createdId).waitFor();
      expect(await row(createdId).textContent()).toContain('保有個人データの開示');
      expect(await row(createdId).textContent()).toContain(japanDate(createdDueAt));
      expect(japanDate(createdDueAt)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await row(overdueId).textContent()).toContain('期限超過');
      expect(await row(overdueId).textContent()).toContain(japanDate(overdueDueAt));
      expect(await row(dueSoonId).textContent()).toContain('あと2日');
      expect(await row(overdueId).textContent()).toContain('期限超過（2日）');
      expect(await row(createdId).textContent()).not.toContain('期限超過');
      expect(dueMark({ status: 'received', dueAt: createdDueAt }, new Date())).toBeUndefined();
      // Soonest due first, as the API lists them.
      const ids = await page.locator('h2.queue-title code').allTextContents();
      expect(ids.indexOf(overdueId)).toBeLessThan(ids.indexOf(dueSoonId));
      expect(ids.indexOf(dueSoonId)).toBeLessThan(ids.indexOf(createdId));
      expect(await row(createdId).getByRole('link').getAttribute('href')).toBe(`#/requests/${createdId}`);
      await checkPage(page, 'desk-console-3-queue-ja');

      await page.getByLabel('状況').selectOption('fulfilled');
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByText('該当する請求はありません。').waitFor();
      expect(page.url()).toMatch(/#\/\?status=fulfilled$/);
      await checkPage(page, 'desk-console-4-queue-empty-ja');

      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('link', { name: 'Request queue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Request queue' }).waitFor();
      await row(overdueId).waitFor();
      expect(await row(overdueId).textContent()).toContain('Overdue');
      expect(await row(overdueId).textContent()).toContain('Correction, addition or deletion');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await checkPage(page, 'desk-console-5-queue-en');
      expect(violations).toEqual([]);
      await context.close();
    }, 90_000);

    it("shows the auditor the queue without the operators' pages", async () => {
      const { context, page } = await openConsole();
      await signIn(page, 'auditor');
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      await page.locator(`#queue-${overdueId}`).waitFor();
      expect(await page.getByRole('banner').textContent()).toContain('監査担当者');
      expect(
        await page.getByRole('navigation', { name: 'コンソールのメニュー' }).getByRole('link').allTextContents(),
      ).toEqual([
        '請求一覧',
        'アクセス記録',
        '対応状況レポート',
        '保有先',
        '漏えい等の事案',
        '社内規程・マニュアル',
        '教育・研修',
        '監査',
        '匿名加工情報',
      ]);
      // The request pages are the operators' and the officer's: the auditor gets no link to them.
      expect(await page.getByRole('main').getByRole('link').count()).toBe(0);
      await checkPage(page, 'desk-console-6-queue-auditor-ja');
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/requests/${overdueId}`);
      await page.getByRole('heading', { level: 1, name: 'このページはあなたの役割では利用できません。' }).waitFor();
      await context.close();
    }, 90_000);

    it('refuses a page the role may not use', async () => {
      const { context, page } = await openConsole({ hash: '#/accounts' });
      await signIn(page, 'operator');
      await page.getByRole('heading', { level: 1, name: 'このページはあなたの役割では利用できません。' }).waitFor();
      await checkPage(page, 'desk-console-7-not-allowed-ja');
      await context.close();
    }, 90_000);

    it('tells a member whose training lapsed what is missing, and refuses the queue in words (policy §6(2))', async () => {
      const { context, page } = await openConsole();
      await signIn(page, 'operator-lapsed');
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      const banner = page.getByRole('status').filter({ hasText: '内部規程の確認又は研修の受講の期限が過ぎています' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain('研修「個人情報保護研修（年次）」の受講');
      expect(await banner.textContent()).toContain('個人情報保護管理者に受講の記録を依頼してください');
      await page.getByText('研修の受講の期限が過ぎているため、個人データを扱う画面は利用できません。').waitFor();
      await checkPage(page, 'desk-console-7b-standing-lapsed-ja');
      await context.close();
    }, 90_000);

    it('asks for sign-in again when the API refuses the token, and returns to the page', async () => {
      const { context, page } = await openConsole({ hash: '#/?status=in-progress' });
      await signIn(page, 'operator');
      await page.locator(`#queue-${dueSoonId}`).waitFor();
      await page.route('**/v1/staff/requests*', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'urn:appi-desk:problem:unauthorized',
            title: 'Unauthorized',
            status: 401,
            detail: 'The token has expired.',
          }),
        }),
      );
      await page.getByLabel('状況').selectOption('received');
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByRole('heading', { level: 1, name: '担当者ログイン' }).waitFor();
      await page.getByText('ログインの有効期限が切れました。').waitFor();
      await checkPage(page, 'desk-console-8-expired-ja');
      await page.unroute('**/v1/staff/requests*');
      await signIn(page, 'operator');
      await page.locator(`#queue-${overdueId}`).waitFor();
      expect(page.url()).toMatch(/#\/\?status=received$/);
      expect(await page.getByLabel('状況').inputValue()).toBe('received');
      await context.close();
    }, 90_000);

    it('tells a locked account when to try again, and has a temporary password changed first', async () => {
      const lockedUntil = new Date(Date.now() + 10 * 60_000).toISOString();
      const base = {
        role: 'operator',
        status: 'active',
        displayName: 'Console test',
        passwordChangedAt: new Date().toISOString(),
      };
      await putItem('staff', {
        ...base,
        staffId: `locked-${suffix}`,
        email: `locked-${suffix}@desk.example.jp`,
        localPasswordHash: hashLocalPassword(E2E_DEMO_PASSWORD),
        lockedUntil,
      });
      await putItem('staff', {
        ...base,
        staffId: `new-${suffix}`,
        email: `new-${suffix}@desk.example.jp`,
        localPasswordHash: hashLocalPassword('temporary-password-1'),
        passwordMustChange: true,
      });
      const { context, page } = await openConsole();
      await signIn(page, `locked-${suffix}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('ロックされています');
      // The end of the lock in Japan time, from the problem's lockedUntil member.
      expect(await page.getByRole('alert').textContent()).toContain(
        `${japanTime(lockedUntil, 'ja')}以降に、もう一度お試しください。`,
      );
      await checkPage(page, 'desk-console-9-locked-ja');

      await signIn(page, `new-${suffix}`, 'temporary-password-1');
      const newPassword = page.getByLabel('新しいパスワード');
      await newPassword.waitFor();
      await page.getByText('このパスワードは変更が必要です').waitFor();
      await newPassword.fill('short');
      await page.getByRole('button', { name: 'パスワードを変更してログイン' }).click();
      await expect.poll(() => newPassword.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').textContent()).toContain('新しいパスワードの長さが足りないか、長すぎます。');
      expect(await page.getByRole('alert').textContent()).toContain('14');
      await checkPage(page, 'desk-console-10-change-password-ja');
      await newPassword.fill('a-new-long-password-2026');
      await page.getByRole('button', { name: 'パスワードを変更してログイン' }).click();
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      await context.close();
    }, 90_000);

    it('keeps the token for the tab only, and signing out forgets it', async () => {
      const { context, page } = await openConsole();
      await signIn(page, 'officer');
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      expect(
        await page.getByRole('navigation', { name: 'コンソールのメニュー' }).getByRole('link').allTextContents(),
      ).toEqual([
        '請求一覧',
        '本人の検索',
        '担当者アカウント',
        'アクセス記録',
        '対応状況レポート',
        '保有先',
        '漏えい等の事案',
        '社内規程・マニュアル',
        '教育・研修',
        '監査',
        '匿名加工情報',
      ]);
      // Signed in, the ID token is kept for this tab only (sessionStorage), so a reload keeps the session.
      expect(await page.evaluate('localStorage.length')).toBe(0);
      expect((await storedValues(page)).filter((v) => /eyJ/.test(v))).toEqual([
        expect.stringMatching(/^appi-desk\.desk-session=eyJ/),
      ]);
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.getByRole('heading', { level: 1, name: '担当者ログイン' }).waitFor();
      await page.getByText('ログアウトしました。').waitFor();
      expect(await page.getByRole('banner').textContent()).not.toContain('officer');
      expect((await storedValues(page)).join('\n')).not.toMatch(/eyJ|token/i);
      await checkPage(page, 'desk-console-11-signed-out-ja');
      await context.close();
    }, 90_000);
  });
}
