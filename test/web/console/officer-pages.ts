// The officer's and auditor's pages in a real Chromium against the local desk: the request report in
// Japanese and English (the operator is not offered it), a visit of a request leaving one access-log
// entry for its one read of personal data, and refusals said in the staff member's language from the
// problem's type (an existing account, a read refused), never the API's English detail.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import { checkPage, DESKTOP } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

export function describeOfficerPages({ desk, client, newPage }: ConsoleDesk) {
  const SELF = { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email };

  /** Opens the console at a page and signs in with the local form (in Japanese, the default). */
  async function signedIn(username: string, hash: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage({ viewport: DESKTOP });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  /** The access log's entries naming `subject` by `actor`, as the officer lists them. */
  async function entries(actor: string, subject: string) {
    const listed = await client.call(
      'GET',
      `/v1/staff/access-log?${new URLSearchParams({ actor, subject, limit: '500' })}`,
      { token: await client.signIn('officer') },
    );
    expect(listed.status, listed.text).toBe(200);
    return listed.json.items as Array<{ action: string; fields: string[]; reason: string }>;
  }

  describe("the console's officer pages: the report, the access log's economy, refusals in words", () => {
    it('shows the officer the request report in Japanese and English, printable; the auditor too; not the operator', async () => {
      await client.submitAndVerify({ type: 'disclosure', requester: SELF, subject: { email: DEMO_CUSTOMER.email } });
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '対応状況レポート' }).click();
      await page.getByRole('heading', { level: 1, name: '請求の対応状況レポート' }).waitFor();
      await page.getByText('請求の総数：', { exact: false }).waitFor();
      const table = page.getByRole('table', { name: '種類別・状況別の件数' });
      expect(await table.getByRole('rowheader', { name: '保有個人データの開示' }).count()).toBe(1);
      expect(await table.getByRole('columnheader', { name: '受付済み' }).count()).toBe(1);
      expect(await page.getByRole('table', { name: '結果別の件数（決定済みの請求）' }).count()).toBe(1);
      expect(
        await page.getByRole('heading', { level: 2, name: '期限を過ぎた個人情報保護委員会への漏えい等報告' }).count(),
      ).toBe(1);
      expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(true);
      await checkPage(page, 'desk-officer-pages-1-report-ja');

      // Printed, the console's frame and the form are left out.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '表示する' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1, name: '請求の対応状況レポート' }).isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // A period that ends before it starts: said in words, in Japanese.
      await page.getByLabel('開始日').fill('2026-12-10');
      await page.getByLabel('終了日').fill('2026-12-01');
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByText('期間の開始日は終了日以前にしてください。').waitFor();
      expect(await page.getByLabel('終了日').getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, 'desk-officer-pages-2-report-range-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('First day').fill('');
      await page.getByLabel('Last day').fill('');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Request report' }).waitFor();
      await page.getByText('Requests in all:', { exact: false }).waitFor();
      expect(await page.getByRole('rowheader', { name: 'Disclosure of your personal data' }).count()).toBe(1);
      expect(
        await page
          .getByRole('heading', {
            level: 2,
            name: 'Reports of leaks to the Personal Information Protection Commission past their due date',
          })
          .count(),
      ).toBe(1);
      await checkPage(page, 'desk-officer-pages-3-report-en');
      await close();

      const auditor = await signedIn('auditor', '#/report');
      await auditor.page.getByRole('heading', { level: 1, name: '請求の対応状況レポート' }).waitFor();
      await auditor.page.getByText('請求の総数：', { exact: false }).waitFor();
      await auditor.close();

      const operator = await signedIn('operator', '#/');
      await operator.page.getByRole('heading', { level: 1, name: '請求一覧' }).waitFor();
      expect(await operator.page.getByRole('link', { name: '対応状況レポート' }).count()).toBe(0);
      await operator.page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/report`);
      await operator.page.getByText('このページはあなたの役割では利用できません。').waitFor();
      await checkPage(operator.page, 'desk-officer-pages-4-report-refused-ja');
      // The API refuses the operator too, whatever the page offers.
      const refused = await client.call('GET', '/v1/staff/reports/requests', {
        token: await client.signIn('operator'),
      });
      expect(refused.status).toBe(403);
      await operator.close();
    }, 120_000);

    it('a visit of a request is one access-log entry for its one read; reading the subject is one more', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'disclosure',
        requester: SELF,
        subject: { email: DEMO_CUSTOMER.email },
      });
      const { page, close } = await signedIn('operator', `#/requests/${requestId}`);
      await page.getByRole('heading', { level: 1, name: `請求の詳細: ${requestId}` }).waitFor();
      await expect.poll(() => page.getByRole('main').textContent()).toContain(DEMO_CUSTOMER.email);
      // Whatever the page fetched, the visit read the request's personal data once.
      await expect.poll(async () => (await entries('operator', `request:${requestId}`)).length).toBe(1);
      const [read] = await entries('operator', `request:${requestId}`);
      expect(read).toMatchObject({ action: 'read', reason: `disclosure ${requestId}` });
      expect(read!.fields).toEqual(expect.arrayContaining(['requester', 'subject']));
      // Settling does not add any: the page asks nothing more of the API on its own.
      await page.waitForTimeout(1500);
      expect(await entries('operator', `request:${requestId}`)).toHaveLength(1);

      // Reading the person's data for that request is a read of its own, logged once.
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/subjects/${DEMO_CUSTOMER.subjectId}`);
      await page.getByRole('heading', { level: 1, name: '本人の保有個人データ' }).waitFor();
      await page.getByLabel('対応中の請求のため').check();
      await page.getByLabel('請求', { exact: true }).selectOption(requestId);
      await page.getByRole('button', { name: '理由を記録して表示する' }).click();
      await page.getByRole('cell', { name: DEMO_CUSTOMER.email }).waitFor();
      await checkPage(page, 'desk-officer-pages-5-subject-read-ja');
      const subjectReads = (await entries('operator', DEMO_CUSTOMER.subjectId)).filter(
        (e) => e.reason === `request ${requestId}`,
      );
      expect(subjectReads).toHaveLength(1);
      await close();
    }, 120_000);

    it("says an existing account and a refused read in the officer's language, never the API's English detail", async () => {
      const closed = await client.submitAndVerify({
        type: 'purpose-notification',
        requester: SELF,
        subject: { email: DEMO_CUSTOMER.email },
      });
      const withdrawn = await client.call('POST', `/v1/requests/${closed.requestId}/withdrawal`, {
        token: closed.statusToken,
        body: {},
      });
      expect(withdrawn.status, withdrawn.text).toBe(200);

      const { page, close } = await signedIn('officer', '#/accounts');
      await page.getByRole('heading', { level: 1, name: '担当者アカウント' }).waitFor();
      await page.getByLabel('ユーザー名', { exact: true }).fill('operator');
      await page.getByLabel('氏名').fill('重複 担当');
      await page.getByLabel('メールアドレス', { exact: true }).fill(uniqueEmail('again'));
      await page.getByRole('button', { name: '作成する' }).click();
      const alert = page.locator('[data-problem="urn:appi-desk:problem:account-exists"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('このユーザー名のアカウントは既にあります');
      expect(await page.getByRole('main').textContent()).not.toContain('There is already');
      await checkPage(page, 'desk-officer-pages-6-account-exists-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByText('An account with this username exists.', { exact: false }).waitFor();
      await checkPage(page, 'desk-officer-pages-7-account-exists-en');
      await page.getByRole('button', { name: '日本語' }).click();

      // A read for a closed request: refused at the field, in Japanese; nothing read.
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/subjects/${DEMO_CUSTOMER.subjectId}`);
      await page.getByRole('heading', { level: 1, name: '本人の保有個人データ' }).waitFor();
      await page.getByLabel('対応中の請求のため').check();
      await page.getByLabel('請求', { exact: true }).selectOption({ label: 'その他（受付番号を入力）' });
      await page.getByLabel('受付番号').fill(closed.requestId);
      await page.getByRole('button', { name: '理由を記録して表示する' }).click();
      await expect.poll(() => page.locator('#reason-request-id-error').textContent()).toContain('対応中ではありません');
      await checkPage(page, 'desk-officer-pages-8-read-refused-ja');
      await close();
    }, 120_000);
  });
}
