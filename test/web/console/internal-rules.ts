// The internal rules page in a real Chromium against the local desk: the officer publishes a rule
// (a past effective day refused in Japanese, naming the field), reads it and acknowledges it, and sees
// who has not; an operator, on a phone, reads it and acknowledges it, and is offered no publishing;
// in Japanese and English, each state checked (no script error, axe, no English on a Japanese page).
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

export function describeInternalRules({ desk, client, newPage }: ConsoleDesk) {
  async function signedIn(username: string, hash: string, viewport = DESKTOP) {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe('desk console: internal rules and manuals', () => {
    it('the officer publishes a rule, acknowledges it and sees who has not; an operator acknowledges on a phone', async () => {
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '社内規程・マニュアル' }).click();
      await page.getByRole('heading', { level: 1, name: '社内規程・マニュアル' }).waitFor();
      const form = page.getByRole('region', { name: '規程・マニュアルを公開する' });
      await form.getByLabel('識別子（英小文字・数字・ハイフン）').fill('browser-handling-rules');
      await form.getByLabel('名称（日本語）').fill('個人データ取扱規程');
      await form.getByLabel('名称（英語）').fill('Personal data handling rules');
      await form.getByLabel('本文').fill('個人データは、通知した利用目的の範囲内でのみ取り扱う。');
      await checkPage(page, 'desk-rules-1-list-ja');

      // A past effective day: refused, naming the field, nothing published.
      await form.getByLabel('施行日').fill('2020-04-01');
      await form.getByRole('button', { name: '公開する' }).click();
      await form.getByRole('alert').waitFor();
      expect(await form.locator('#rule-effective-from').getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, 'desk-rules-2-refused-ja');

      const today = await page.evaluate(() =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()),
      );
      await form.getByLabel('施行日').fill(today);
      await form.getByRole('button', { name: '公開する' }).click();
      await page.getByText('第1版を公開しました。').waitFor();
      const rule = page.getByRole('region', { name: /個人データ取扱規程/ });
      await rule.getByText('個人データは、通知した利用目的の範囲内でのみ取り扱う。').waitFor();
      const pending = page.getByRole('region', { name: '未確認の担当者' });
      await pending.getByRole('row', { name: /\(operator\)/ }).waitFor();
      await rule.getByRole('button', { name: /この版を読み、遵守することを確認する/ }).click();
      await rule.getByText(/確認済み/).waitFor();
      expect(await pending.getByRole('row', { name: /\(officer\)/ }).count()).toBe(0);
      await checkPage(page, 'desk-rules-3-acknowledged-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Internal rules and manuals' }).waitFor();
      await page
        .getByRole('heading', { level: 2, name: 'Personal data handling rules (Rules, browser-handling-rules)' })
        .waitFor();
      await checkPage(page, 'desk-rules-4-acknowledged-en');
      await page.getByRole('button', { name: '日本語' }).click();
      await close();

      const operator = await signedIn('operator', '#/internal-rules', PHONE);
      const own = operator.page.getByRole('region', { name: /個人データ取扱規程/ });
      expect(await operator.page.getByRole('region', { name: '規程・マニュアルを公開する' }).count()).toBe(0);
      expect(await operator.page.getByRole('region', { name: '未確認の担当者' }).count()).toBe(0);
      await own.getByRole('button', { name: /この版を読み、遵守することを確認する/ }).click();
      await own.getByText(/確認済み/).waitFor();
      await checkPage(operator.page, 'desk-rules-5-operator-phone-ja');
      const refused = await client.call('POST', '/v1/staff/internal-rules', {
        token: await client.signIn('operator'),
        body: {
          ruleId: 'operator-rule',
          version: 1,
          kind: 'rules',
          title: { ja: '規程', en: 'Rules' },
          effectiveFrom: today,
          text: '本文',
        },
      });
      expect(refused.status).toBe(403);
      await operator.close();
    }, 120_000);
  });
}
