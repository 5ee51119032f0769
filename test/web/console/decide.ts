// Deciding in the desk console, in a real Chromium against the local desk: the preview of what the
// person will receive (the e-mail as sent, and a disclosure's dossier per category and item) before
// the operator confirms, the success banner after; a correction's changes chosen from the person's
// records; drafts that survive a forced sign-in; a session that survives a reload and not a sign-out;
// and a staff view that speaks about "the person", never to "you".
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import { checkPage, DESKTOP, openRequest, signInToConsole } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

const SESSION_KEY = 'appi-desk.desk-session';

/** The keys this page keeps in sessionStorage, and whether anything is in localStorage. */
const stored = (page: Page) =>
  page.evaluate<{ session: string[]; local: number }>(
    '({ session: Object.keys(sessionStorage), local: localStorage.length })',
  );

export function describeDecide({ desk, client, newPage }: ConsoleDesk) {
  describe('desk console: deciding with a preview', () => {
    it('a disclosure: drafts survive a forced sign-in, the preview shows the e-mail and the dossier, a banner says it is done (Japanese)', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
      });
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, desk().url, 'operator');
      await openRequest(page, desk().url, requestId);
      const main = page.getByRole('main');
      await expect.poll(() => main.textContent()).toContain(DEMO_CUSTOMER.email);
      // The staff view speaks about the person (本人), never to them.
      expect(await main.textContent()).not.toMatch(/ご本人|お客様/);

      // Typing a note and a partial decision, then the token is refused: sign in again, and it is all back.
      await page.getByLabel('メモ', { exact: true }).fill('電話で本人確認済み。');
      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByLabel('一部対応する').check();
      await decision.getByLabel(/業務の適正な実施に著しい支障/).check();
      await decision.getByLabel(/理由（請求者に通知されます/).fill('通話録音には応対者の情報が含まれるため。');
      await decision.getByLabel('開示しない項目（カテゴリID）: 1行目').fill('recorded-call');
      expect((await stored(page)).session).toContain(SESSION_KEY);
      await page.route('**/decision-preview', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Token expired.' }),
        }),
      );
      await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
      await page.getByRole('heading', { level: 1, name: '担当者ログイン' }).waitFor();
      expect((await stored(page)).session).not.toContain(SESSION_KEY);
      await checkPage(page, 'desk-decide-1-forced-sign-in-ja');
      await page.unroute('**/decision-preview');
      await page.getByLabel('ユーザー名').fill('operator');
      await page.getByLabel('パスワード', { exact: true }).fill(E2E_DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `請求の詳細: ${requestId}` }).waitFor();
      expect(await page.getByLabel('メモ', { exact: true }).inputValue()).toBe('電話で本人確認済み。');
      expect(await decision.getByLabel('一部対応する').isChecked()).toBe(true);
      expect(await decision.getByLabel(/業務の適正な実施に著しい支障/).isChecked()).toBe(true);
      expect(await decision.getByLabel(/理由（請求者に通知されます/).inputValue()).toBe(
        '通話録音には応対者の情報が含まれるため。',
      );
      // Nothing of the person is in storage: the drafts hold what the operator typed and chose.
      expect(JSON.stringify(await page.evaluate('({ ...sessionStorage })'))).not.toContain(DEMO_CUSTOMER.email);
      expect((await stored(page)).local).toBe(0);

      // Sending the note clears its draft.
      await page.getByRole('button', { name: 'メモを追加する' }).click();
      await page.locator('ul.notes').getByText('電話で本人確認済み。').waitFor();
      expect((await stored(page)).session.filter((k) => k.endsWith('.note'))).toEqual([]);

      // The preview: the e-mail as it will be sent, with the link made on sending marked, and the dossier.
      await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
      const preview = decision.getByRole('region', { name: '本人に届く内容の確認' });
      await preview.waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('preview-heading');
      const previewText = (await preview.textContent()) ?? '';
      expect(previewText).toContain(DEMO_CUSTOMER.email);
      expect(previewText).toContain('保有個人データの開示（一部）のご用意ができました');
      const mail = (await preview.locator('pre.mail').textContent()) ?? '';
      expect(mail).toContain(`受付番号 ${requestId}`);
      expect(mail).toContain('［決定の送信時に作られるリンク］');
      expect(mail).toContain('通話録音には応対者の情報が含まれるため。');
      const counts = preview.getByRole('table', { name: '区分ごとの件数' });
      expect(
        await counts
          .getByRole('row', { name: /メールアドレス/ })
          .getByRole('cell')
          .textContent(),
      ).toBe('1');
      expect(await counts.textContent()).not.toContain('通話録音');
      expect(await preview.getByRole('table', { name: '開示する項目' }).textContent()).toContain(DEMO_CUSTOMER.email);
      await preview.getByText('開示しない区分').waitFor();
      // Nothing is decided yet.
      expect(await page.locator('.request-status').textContent()).not.toBe('一部対応済み');
      await checkPage(page, 'desk-decide-2-preview-ja');

      // Changing the decision makes the preview stale; preview again, then confirm.
      await decision.getByLabel(/理由（請求者に通知されます/).fill('通話録音には応対者の個人情報が含まれるため。');
      expect(await preview.count()).toBe(0);
      await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
      await preview.waitFor();
      expect(await preview.locator('pre.mail').textContent()).toContain('応対者の個人情報');
      await preview.getByRole('button', { name: 'この内容で決定し、本人に送る' }).click();
      const banner = decision.getByRole('status');
      await banner.getByText('決定を記録しました。').waitFor();
      expect(await banner.getAttribute('class')).toBe('success');
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('一部対応済み');
      expect((await stored(page)).session.filter((k) => k.startsWith('appi-desk.draft.'))).toEqual([]);
      await checkPage(page, 'desk-decide-3-decided-ja');

      // What was previewed is what was sent, but for the link.
      const sent = await client.emailAbout(requestId, /開示（一部）のご用意ができました/);
      const [before, after] = mail
        .replace('通話録音には応対者の情報', '通話録音には応対者の個人情報')
        .split('［決定の送信時に作られるリンク］');
      expect(sent.body.text!.replace(/\r\n/g, '\n').startsWith(before!.trim().slice(0, 40))).toBe(true);
      expect(sent.body.text!.replace(/\r\n/g, '\n').trim().endsWith(after!.trim().slice(-40))).toBe(true);

      // A reload keeps the session while the token is valid; signing out forgets it.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `請求の詳細: ${requestId}` }).waitFor();
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.getByText('ログアウトしました。').waitFor();
      // Only the language chosen stays: no token, no draft.
      expect(await stored(page)).toEqual({ session: ['appi-desk.language'], local: 0 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '担当者ログイン' }).waitFor();
    }, 150_000);

    it("a correction: the changes are chosen from the person's records, previewed and confirmed (English)", async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'correction',
        language: 'en',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        details: {
          items: [{ change: 'correct', category: 'phone', description: 'The old number', content: '03-5555-0101' }],
        },
      });
      const { page } = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await signInToConsole(page, desk().url, 'operator');
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/requests/${requestId}`);
      await page.getByRole('heading', { level: 1, name: `Request: ${requestId}` }).waitFor();
      const main = page.getByRole('main');
      await main.getByText("Which of the person's data", { exact: false }).waitFor();
      expect(await main.textContent()).not.toMatch(/\byour?\b/i);

      const decision = page.getByRole('region', { name: 'Decision' });
      await decision.getByLabel('Fulfilled', { exact: true }).check();
      await decision
        .getByLabel('What was checked, and what it showed')
        .fill('Called the person back on the new number.');
      const row = decision.getByRole('group', { name: 'Changes to the personal data: Row 1' });
      const record = row.getByLabel("The person's record to change");
      // Every record of the person is offered by category and value; no id is typed.
      const phone = record.locator('option', { hasText: 'Telephone number' });
      await phone.first().waitFor({ state: 'attached' });
      expect(await row.getByLabel('Record id').count()).toBe(0);
      const offered = await record.locator('option').allTextContents();
      expect(offered).toEqual(expect.arrayContaining([expect.stringMatching(/^E-mail address: /)]));
      await record.selectOption(`${DEMO_CUSTOMER.subjectId}\u0001rec-phone`);
      await row.getByText('Now reads:').waitFor();
      await row.getByLabel('New value').fill('03-5555-0101');
      await checkPage(page, 'desk-decide-4-correction-records-en');

      await decision.getByRole('button', { name: 'Preview what the person receives' }).click();
      const preview = decision.getByRole('region', { name: 'What the person will receive' });
      await preview.waitFor();
      const mail = (await preview.locator('pre.mail').textContent()) ?? '';
      expect(mail).toContain('Telephone number: corrected to read "03-5555-0101"');
      expect(await preview.textContent()).toContain('The e-mail is sent in English.');
      expect(await preview.getByRole('table').count()).toBe(0);
      // Previewing changed nothing.
      const token = await client.signIn('operator');
      const before = await client.call('GET', `/v1/staff/requests/${requestId}`, { token });
      expect(before.json.status).toBe('received');
      await checkPage(page, 'desk-decide-5-correction-preview-en');

      await preview.getByRole('button', { name: 'Decide and send this to the person' }).click();
      await decision.getByRole('status').getByText('The decision is recorded.', { exact: false }).waitFor();
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('Fulfilled');
      await checkPage(page, 'desk-decide-6-correction-decided-en');
      const { json } = await client.call('GET', `/v1/staff/requests/${requestId}`, { token });
      expect(json.decision.details.changes).toEqual([
        { action: 'correct', subjectId: DEMO_CUSTOMER.subjectId, recordId: 'rec-phone', value: '03-5555-0101' },
      ]);
    }, 120_000);
  });
}
