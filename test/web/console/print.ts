// The printable paper disclosure and the readable decision in a real Chromium against the local desk:
// a partial paper disclosure decided through the API, the operator opens its print view from the
// request page, sees the held data and what was withheld, prints only the copy (the console's frame is
// hidden for print), and the read is in the access log. A decided correction shows its changes as rows.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import {
  checkPage,
  DESKTOP,
  openRequest as openRequestPage,
  signInToConsole as signInAsStaff,
} from '../../support/browser';
import type { ConsoleDesk } from './desk';

export function describePrint({ desk, client, newPage }: ConsoleDesk) {
  const signInToConsole = (page: Page, username: string) => signInAsStaff(page, desk().url, username);
  const openRequest = (page: Page, requestId: string) => openRequestPage(page, desk().url, requestId);

  /** The operator's reads of the demo customer's disclosure copies, as the officer sees them in the access log. */
  async function copyReads(requestId: string) {
    const { status, json } = await client.call(
      'GET',
      `/v1/staff/access-log?actor=operator&subject=${DEMO_CUSTOMER.subjectId}`,
      { token: await client.signIn('officer') },
    );
    expect(status).toBe(200);
    return (json.items as Array<{ action: string; reason: string; fields: string[] }>).filter(
      (e) => e.action === 'read' && e.reason === `disclosure ${requestId}` && e.fields.includes('personal-data'),
    );
  }

  describe('desk console: printing a paper disclosure', () => {
    it('the operator opens the copy from the request page, sees what is posted, prints it without the console, and the read is logged', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name },
        details: { method: 'paper', postalAddress: '東京都千代田区神田錦町1-2-3' },
      });
      const operator = await client.signIn('operator');
      const decided = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: operator,
        body: {
          outcome: 'partially-fulfilled',
          grounds: ['harm-to-person-or-third-party'],
          reason: '通話録音には応対者の情報が含まれるため。',
          details: { withheld: ['recorded-call'] },
        },
      });
      expect(decided.status, decided.text).toBe(200);
      expect(await copyReads(requestId)).toHaveLength(0);

      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      const delivery = page.getByRole('region', { name: '開示の方法' });
      await delivery.getByText('書面を表示すると、あなたによる閲覧としてアクセス記録に記録されます。').waitFor();
      await delivery.getByRole('link', { name: '開示書面を表示して印刷する' }).click();

      await page.getByRole('heading', { level: 1, name: `開示書面の印刷: ${requestId}` }).waitFor();
      expect(page.url()).toMatch(new RegExp(`#/requests/${requestId}/print$`));
      await page
        .getByText('この画面を開くと、あなたによる閲覧としてアクセス記録に記録されます。', { exact: false })
        .waitFor();
      const paper = page.getByRole('article', { name: '印刷される書面' });
      await paper.getByRole('heading', { level: 2, name: '保有個人データの開示' }).waitFor();
      const text = await paper.textContent();
      for (const shown of [
        '山田 花子 (Hanako Yamada)',
        '東京都千代田区神田錦町1-2-3',
        DEMO_CUSTOMER.email,
        DEMO_CUSTOMER.customerId,
        `受付番号: ${requestId}`,
        '住所',
        'お客様番号',
        '※ お客様に紐づくアクセス情報',
        '利用目的',
        '同意の記録',
        '第三者提供記録（個人情報の保護に関する法律第33条第5項）',
        '開示しなかった項目',
        '通話録音',
        '第33条第2項第1号',
        '理由: 通話録音には応対者の情報が含まれるため。',
      ]) {
        expect(text, shown).toContain(shown);
      }
      expect(text).not.toContain('Call about a billing question');
      // Japan time, as the person's page writes it; registered values marked to stay as they are.
      expect(text).toMatch(/作成日時: \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      // Once Mecara CRM's results are merged, its part shows the number again, marked the same way.
      const occurrences = text!.split(DEMO_CUSTOMER.customerId).length - 1;
      expect(await paper.locator('[translate="no"]', { hasText: DEMO_CUSTOMER.customerId }).count()).toBe(occurrences);
      expect(text).toContain('お問い合わせ先');
      expect(await paper.getAttribute('lang')).toBe('ja');
      // Nothing of the copy is kept in the browser.
      expect(
        await page.evaluate('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })'),
      ).not.toContain('神田錦町');
      await checkPage(page, 'desk-print-1-paper-copy-ja');

      // The button prints; in print, only the copy is on the page.
      await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
      await page.getByRole('button', { name: '印刷する' }).click();
      expect(await page.evaluate('window.printed')).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
      expect(await paper.isVisible()).toBe(true);
      expect(await paper.getByText('東京都千代田区神田錦町1-2-3').first().isVisible()).toBe(true);
      await page.screenshot({ path: 'test-results/web/desk-print-2-print-media-ja.png', fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('header.site').isVisible()).toBe(true);

      // The officer finds the read in the access log: once, with the person's subject id and the parts read.
      await expect.poll(async () => (await copyReads(requestId)).length).toBe(1);
    }, 120_000);

    it('an electronic disclosure offers nothing to print, and its print address says why', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        details: {},
      });
      expect(
        (
          await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
            token: await client.signIn('operator'),
            body: { outcome: 'fulfilled' },
          })
        ).status,
      ).toBe(200);
      const { page } = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      await page.getByRole('region', { name: '開示の方法' }).getByText('電磁的記録の提供（リンク）').waitFor();
      expect(await page.getByRole('link', { name: '開示書面を表示して印刷する' }).count()).toBe(0);
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/requests/${requestId}/print`);
      await page.getByRole('heading', { level: 1, name: `開示書面の印刷: ${requestId}` }).waitFor();
      await page.getByRole('alert').getByText('印刷・郵送する書面はありません', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: '印刷する' }).count()).toBe(0);
      expect(await page.getByRole('article').count()).toBe(0);
    }, 90_000);
  });

  describe("desk console: a decided request's details", () => {
    it('a decided correction shows its investigation and its changes as rows, not JSON', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'correction',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        details: { items: [{ change: 'correct', description: '電話番号が古いままです', content: '03-9876-5432' }] },
      });
      const decided = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: await client.signIn('operator'),
        body: {
          outcome: 'fulfilled',
          details: {
            investigation: 'ご本人への確認電話で新しい番号を確認しました。',
            changes: [
              { action: 'correct', subjectId: DEMO_CUSTOMER.subjectId, recordId: 'rec-phone', value: '03-9876-5432' },
              {
                action: 'add',
                subjectId: DEMO_CUSTOMER.subjectId,
                category: 'phone',
                value: '090-1111-2222',
                purposes: ['information-and-inquiries'],
              },
            ],
          },
        },
      });
      expect(decided.status, decided.text).toBe(200);

      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      // What was asked is named as the Privacy Center's form names it.
      const asked = await page.getByRole('region', { name: '請求の内容' }).textContent();
      for (const label of ['求める訂正等', '対象のデータ（本人が見た場所、現在の内容）', '正しい内容'])
        expect(asked).toContain(label);
      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByText('ご本人への確認電話で新しい番号を確認しました。').waitFor();
      expect(await decision.locator('pre').count()).toBe(0);
      expect(await decision.textContent()).not.toContain('"changes"');
      const table = decision.getByRole('table');
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([
        '変更の種類',
        '本人ID',
        'レコードID',
        '内容',
        'カテゴリ',
        '利用目的ID',
      ]);
      const rows = table.getByRole('row');
      expect(await rows.count()).toBe(3);
      expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual([
        '訂正',
        DEMO_CUSTOMER.subjectId,
        'rec-phone',
        '03-9876-5432',
        '',
        '',
      ]);
      expect(await rows.nth(2).getByRole('cell').allTextContents()).toEqual([
        '追加',
        DEMO_CUSTOMER.subjectId,
        '',
        '090-1111-2222',
        'phone',
        'information-and-inquiries',
      ]);
      await decision.getByText('調査の内容と結果').waitFor();
      await checkPage(page, 'desk-print-3-decided-correction-ja');
    }, 90_000);
  });
}
