// The firewall's refusals as a browser meets them, in a real Chromium against the local desk. There is
// no WAF locally, so the page's call is answered the way lib/firewall.ts answers it in AWS: 429 with
// Retry-After and its problem body as application/json. The Privacy Center keeps what was typed and
// says how long to wait; the console says so in its own words; neither says the desk was unreachable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BLOCK_RESPONSES, RATE_LIMIT_WINDOW_SECONDS } from '../../../lib/firewall';
import { DESK_CONSOLE_PATH, PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { PrivacyCenterDesk } from './desk';

export function describeFirewall({ desk, newPage }: PrivacyCenterDesk) {
  /** Answers the page's calls matching `path` as the firewall does when it blocks. */
  const blockAsFirewall = (page: Page, path: RegExp, kind: keyof typeof BLOCK_RESPONSES) =>
    page.route(path, (route) =>
      route.fulfill({
        status: BLOCK_RESPONSES[kind].status,
        headers: {
          'content-type': 'application/json',
          ...(kind === 'rate-limited' ? { 'retry-after': String(RATE_LIMIT_WINDOW_SECONDS) } : {}),
        },
        body: JSON.stringify(BLOCK_RESPONSES[kind].problem),
      }),
    );

  describe('refusals from the firewall', () => {
    it('the request form says to wait five minutes and keeps what was typed (ja)', async () => {
      const { context, page } = await newPage();
      await blockAsFirewall(page, /\/v1\/requests$/, 'rate-limited');
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await page.getByLabel('請求・苦情の種類').selectOption('purpose-notification');
      await page.getByLabel('ご請求者のお名前').fill('山田 花子');
      const email = uniqueEmail('waf');
      await page.getByLabel('ご請求者のメールアドレス').fill(email);
      await page.getByRole('button', { name: '送信する' }).click();

      const alert = page.getByRole('alert').filter({ hasText: '約5分待ってから' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('受付を一時的に止めています');
      expect(await page.getByRole('alert').allTextContents()).not.toContainEqual(
        expect.stringContaining('通信できませんでした'),
      );
      expect(await page.getByLabel('ご請求者のメールアドレス').inputValue()).toBe(email);
      await checkPage(page, 'rate-limit-1-request-form-ja');
      await context.close();
    });

    it('the console says to wait, and says when staff routes are closed outside the company network (ja)', async () => {
      const { context, page } = await newPage({ viewport: DESKTOP });
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}`);
      await page.getByLabel('ユーザー名').fill('operator');
      await page.getByLabel('パスワード', { exact: true }).fill(E2E_DEMO_PASSWORD);
      await blockAsFirewall(page, /\/v1\/staff\/requests(\?.*)?$/, 'rate-limited');
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      await page.getByRole('alert').filter({ hasText: '約5分待ってから、もう一度お試しください' }).waitFor();
      await checkPage(page, 'rate-limit-2-console-queue-ja');

      await page.unroute(/\/v1\/staff\/requests(\?.*)?$/);
      await blockAsFirewall(page, /\/v1\/staff\/requests(\?.*)?$/, 'outside-staff-network');
      // The session is kept for the tab, so the reload asks for the queue again at once.
      await page.reload();
      await page.getByRole('alert').filter({ hasText: '社内のネットワークからのみ利用できます' }).waitFor();
      await context.close();
    });
  });
}
