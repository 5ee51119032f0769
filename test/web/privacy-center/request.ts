// The Privacy Center in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core)
// against the local desk: a customer reads the notice, makes a disclosure request in Japanese,
// confirms the e-mailed code and reads the status; axe checks every page (screenshots:
// test/support/browser.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import type { PrivacyCenterDesk } from './desk';

export function describeRequest({ desk, client, newPage: phonePage }: PrivacyCenterDesk) {
  const requestIdOf = (page: Page) => /#\/verify\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;

  describe('Privacy Center', () => {
    it('lets a customer make a disclosure request in Japanese, confirm the code and see its status', async () => {
      const { context, page } = await phonePage();
      const email = uniqueEmail('hanako');
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}`);

      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
      await page.getByRole('heading', { level: 1, name: 'プライバシーに関するお知らせ' }).waitFor();
      await page.getByText('当社サービスの提供及び本人確認のため').waitFor();
      await page.getByRole('heading', { name: 'お問い合わせ窓口' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain(
        'いずれの請求も、当社事務所へのご来社によるお申し出はお受けしておりません。',
      );
      await checkPage(page, '1-notice-ja');

      await page.getByRole('link', { name: '請求・苦情のお申出はこちら' }).click();
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      // APPI Art. 21(2): the purpose of use is stated before the button that sends.
      expect(await page.locator('section.purpose ~ button[type="submit"]').count()).toBe(1);
      await expect
        .poll(() => page.getByRole('region', { name: 'お預かりする情報の利用目的' }).textContent())
        .toContain('第21条第2項');

      // Sent empty: the API's problem+json is placed next to the fields it names, in Japanese.
      await page.getByRole('button', { name: '送信する' }).click();
      const name = page.getByLabel('ご請求者のお名前');
      await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${await name.getAttribute('aria-describedby')}`).textContent()).toBe(
        '入力してください。',
      );
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-requester-name');
      await checkPage(page, '2-request-form-errors-ja');

      await name.fill('山田 花子');
      await page.getByLabel('ご請求者のメールアドレス').fill(email);
      await page.getByLabel('保有個人データ', { exact: true }).check();
      await page.getByRole('button', { name: '送信する' }).click();

      await page.getByRole('heading', { level: 1, name: '確認コードの入力' }).waitFor();
      const requestId = requestIdOf(page);
      const mail = await client.emailAbout(requestId, /\d{6}/);
      expect(mail.destination.to).toEqual([email]);
      const code = /(\d{6})/.exec(mail.subject)![1]!;

      await page.getByLabel('確認コード（6桁）').fill('12ab');
      await page.getByRole('button', { name: '確認する' }).click();
      await expect.poll(() => page.getByLabel('確認コード（6桁）').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#field-code-error').textContent()).toBe(
        'メールでお送りした6桁の数字を入力してください。',
      );
      await checkPage(page, '3-verify-ja');

      await page.getByLabel('確認コード（6桁）').fill(code);
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByRole('heading', { level: 1, name: 'ご請求の状況' }).waitFor();
      await page.getByText('受付済み').waitFor();
      expect(await page.getByRole('main').textContent()).toContain('回答期限');
      await checkPage(page, '4-status-ja');

      // The status token is in this tab's sessionStorage; nothing at all in localStorage.
      const tokenKey = `appi-desk.status-token.${requestId}`;
      expect(await page.evaluate('localStorage.length')).toBe(0);
      const token = (await page.evaluate(`sessionStorage.getItem(${JSON.stringify(tokenKey)})`)) as string;
      expect(token).toBeTruthy();

      const { status, json } = await client.call('GET', `/v1/requests/${requestId}`, { token });
      expect(status).toBe(200);
      expect(json).toMatchObject({ type: 'disclosure', status: 'received' });
      await context.close();
    }, 90_000);

    it('keeps what was typed when the network fails and sends it again safely, in English', async () => {
      const { context, page } = await phonePage();
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Make a request or complaint' }).waitFor();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

      await page.getByLabel('Type of request').selectOption('complaint');
      await page.getByLabel('Your name').fill('Hanako Yamada');
      await page.getByLabel('Your e-mail address').fill(uniqueEmail('hanako'));
      await page.getByLabel(/What happened/).fill('My address was shown to another customer.');

      let attempts = 0;
      await page.route('**/v1/requests', (route) => {
        attempts += 1;
        return attempts === 1 ? route.abort('internetdisconnected') : route.continue();
      });
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('The desk could not be reached.').waitFor();
      expect(await page.getByLabel('Your name').inputValue()).toBe('Hanako Yamada');
      expect(await page.getByLabel(/What happened/).inputValue()).toBe('My address was shown to another customer.');
      await checkPage(page, '5-request-form-network-failure-en');

      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { level: 1, name: 'Enter the confirmation code' }).waitFor();
      expect(attempts).toBe(2);
      const mail = await client.emailAbout(requestIdOf(page), /\d{6}/);
      expect(mail.subject).toMatch(/\d{6}/);
      await context.close();
    }, 60_000);

    it('serves the pages with a strict Content-Security-Policy and the notice in English', async () => {
      const response = await fetch(`${desk().url}${PRIVACY_CENTER_PATH}`);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

      const { context, page } = await phonePage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}`);
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
      await page.getByText('To provide our services and to confirm the identity of the customer').waitFor();
      await checkPage(page, '6-notice-en');
      expect(violations).toEqual([]);
      await context.close();
    }, 60_000);
  });
}
