// The training page in a real Chromium against the local desk: the officer sets up a course (a
// validity past the limit refused, naming the field), records a completion and sees its last valid
// day for the member and each member's standing; an operator sees only their own, on a phone; in Japanese and English.
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

export function describeTraining({ desk, newPage }: ConsoleDesk) {
  async function signedIn(username: string, hash: string, viewport = DESKTOP) {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe('desk console: training', () => {
    it('the officer sets up a course and records a completion; an operator sees their own on a phone', async () => {
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '教育・研修' }).click();
      await page.getByRole('heading', { level: 1, name: '教育・研修' }).waitFor();
      const add = page.getByRole('region', { name: '研修を登録する' });
      await add.getByLabel('識別子（英小文字・数字・ハイフン）').fill('browser-basics');
      await add.getByLabel('名称（日本語）').fill('個人情報保護の基礎');
      await add.getByLabel('名称（英語）').fill('Personal information protection basics');
      await add.getByLabel(/有効期間/).fill('40');
      await add.getByRole('button', { name: '登録する' }).click();
      await add.getByRole('alert').waitFor();
      expect(await add.locator('#course-validity').getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, 'desk-training-1-course-refused-ja');

      await add.getByLabel(/有効期間/).fill('1');
      // Optional: a completion already past its validity must not take the operator's standing away.
      await add.getByRole('checkbox', { name: /必修/ }).uncheck();
      await add.getByRole('button', { name: '登録する' }).click();
      await page.getByText('研修を登録しました。').waitFor();

      const record = page.getByRole('region', { name: '修了を記録する' });
      await record.getByLabel('担当者').selectOption('operator');
      await record.getByLabel('研修').selectOption('browser-basics');
      await record.getByLabel('修了日').fill('2026-01-31');
      await record.getByRole('button', { name: '記録する' }).click();
      await page.getByText('修了を記録しました（有効期限 2026-02-28）。').waitFor();
      const members = page.getByRole('region', { name: '担当者ごとの修了状況' });
      await members
        .getByRole('row', { name: /\(operator\)/ })
        .getByText('2026-02-28')
        .waitFor();
      // Each member's standing, by the gate's rule: the seeded lapsed member is refused personal data.
      await members
        .getByRole('row', { name: /\(operator-lapsed\)/ })
        .getByText('個人データの取扱い停止中')
        .waitFor();
      await checkPage(page, 'desk-training-2-recorded-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Each staff member’s training' }).waitFor();
      await checkPage(page, 'desk-training-3-recorded-en');
      await page.getByRole('button', { name: '日本語' }).click();
      await close();

      const operator = await signedIn('operator', '#/training', PHONE);
      const own = operator.page.getByRole('region', { name: 'あなたの修了状況' });
      await own.getByText('2026-02-28').waitFor();
      expect(await own.getByRole('row').count()).toBe(2);
      expect(await operator.page.getByRole('region', { name: '修了を記録する' }).count()).toBe(0);
      await checkPage(operator.page, 'desk-training-4-operator-phone-ja');
      await operator.close();
    }, 120_000);
  });
}
