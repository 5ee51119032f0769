// The holder registry in a real Chromium against the local desk: the officer registers a processor
// (its discovery fetched from a real holder on the loopback) and sees the fingerprint to compare,
// records a review, reads the contract, versions and next review in Japanese and English, on a phone
// too, and retires it; the auditor reads without forms; the operator is not offered the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import { startTestHolder, type TestHolder } from '../../support/holder-server';
import type { ConsoleDesk } from './desk';

export function describeHolders({ desk, newPage }: ConsoleDesk) {
  let holder: TestHolder;
  beforeAll(async () => {
    holder = await startTestHolder();
  });
  afterAll(() => holder?.close());

  async function signedIn(
    username: string,
    hash: string,
    viewport = DESKTOP,
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe('the holder registry page', () => {
    it('lets the officer register a processor with its contract and compare the certificate fingerprint', async () => {
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '保有先' }).click();
      await page.getByRole('heading', { level: 1, name: '個人データの保有先' }).waitFor();
      await checkPage(page, 'desk-holders-1-list-ja');

      // Sent without a contract: refused in Japanese, nothing stored.
      await page.getByLabel('保有先ID').fill('demo-mailing');
      await page.getByLabel('名称').first().fill('Demo Mailing K.K.');
      await page.getByLabel('管理部署・会社').first().fill('Marketing');
      await page.getByRole('checkbox', { name: '氏名' }).first().check();
      await page.getByLabel('利用目的（ID、カンマ区切り）').first().fill('registration-screening');
      await page.getByLabel('OpenDSRのベースURL').first().fill(holder.baseUrl);
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByRole('alert').waitFor();
      await checkPage(page, 'desk-holders-2-refused-ja');

      await page.getByLabel('契約番号').fill('DM-2026-07');
      await page.getByLabel('締結日').fill('2026-01-05');
      await page.getByLabel('効力発生日').fill('2026-01-10');
      await page.getByLabel('安全管理措置').fill('第5条');
      await page.getByLabel('秘密保持').fill('第6条');
      await page.getByLabel('再委託の条件（承認した再委託先に限る）').fill('第7条');
      await page.getByLabel('契約終了時の個人情報の返還・消去').fill('第12条');
      await page.getByLabel('証明書のフィンガープリント（SHA-256）').fill(holder.certificate.fingerprint);
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByText('登録しました。', { exact: false }).waitFor();
      expect(await page.getByText(holder.certificate.fingerprint).count()).toBeGreaterThan(0);
      await checkPage(page, 'desk-holders-3-registered-ja');

      await page.getByRole('link', { name: 'Demo Mailing K.K.' }).click();
      await page.getByRole('heading', { level: 1, name: 'Demo Mailing K.K.' }).waitFor();
      expect(await page.getByText('有効', { exact: true }).count()).toBe(1);
      await checkPage(page, 'desk-holders-4-holder-ja');

      await page.getByLabel('確認日').fill('2026-11-02');
      await page.getByLabel('確認した内容と所見').fill('Access logs checked on site.');
      await page.getByRole('button', { name: '定期確認を記録する' }).click();
      await page.getByText('定期確認を記録しました。').waitFor();
      await page.getByText('2027-11-02').first().waitFor();
      await checkPage(page, 'desk-holders-5-reviewed-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Supervision reviews' }).waitFor();
      expect(await page.getByRole('cell', { name: 'Adequate' }).count()).toBe(1);
      await checkPage(page, 'desk-holders-6-holder-en');
      await close();
    });

    it('shows the holder on a phone, lets the auditor read without forms, and retires it; the operator is not offered it', async () => {
      const auditor = await signedIn('auditor', '#/holders/demo-mailing', PHONE);
      await auditor.page.getByRole('heading', { level: 1, name: 'Demo Mailing K.K.' }).waitFor();
      expect(await auditor.page.getByRole('button', { name: '保存する' }).count()).toBe(0);
      await checkPage(auditor.page, 'desk-holders-7-holder-auditor-phone-ja');
      await auditor.close();

      const operator = await signedIn('operator', '#/holders');
      await operator.page.getByText('このページはあなたの役割では利用できません。').waitFor();
      await operator.close();

      const { page, close } = await signedIn('officer', '#/holders/demo-mailing');
      await page.getByRole('heading', { level: 1, name: 'Demo Mailing K.K.' }).waitFor();
      await page.getByLabel('理由').last().fill('Contract terminated');
      await page.getByRole('button', { name: '登録を終了する' }).click();
      await page.getByText('登録を終了しました。').waitFor();
      expect(await page.getByRole('button', { name: '保存する' }).count()).toBe(0);
      await checkPage(page, 'desk-holders-8-retired-ja');
      await close();
    });
  });
}
