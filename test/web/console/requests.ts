// The request page of the desk console in a real Chromium against the local desk: a customer makes a
// disclosure request in Japanese on a phone, an operator at a desktop finds it in the queue, assigns
// it, notes and decides it, and the customer opens the dossier from the e-mailed link. The decision
// form offers only the grounds of the request's type and places the API's errors next to the fields.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH, PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import {
  checkPage,
  DESKTOP,
  openRequest as openRequestPage,
  PHONE,
  signInToConsole as signInAsStaff,
} from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import type { ConsoleDesk } from './desk';

export function describeRequests({ desk, client, newPage }: ConsoleDesk) {
  const signInToConsole = (page: Page, username: string) => signInAsStaff(page, desk().url, username);
  const openRequest = (page: Page, requestId: string) => openRequestPage(page, desk().url, requestId);
  /** Deciding takes the preview of what the person receives, then the confirmation. */
  const previewAndDecide = async (decision: ReturnType<Page['getByRole']>) => {
    await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
    await decision.getByRole('button', { name: 'この内容で決定し、本人に送る' }).click();
  };

  describe('desk console: a request from submission to the dossier', () => {
    it('a Japanese disclosure request is assigned, noted and decided in the console; the customer opens the dossier', async () => {
      // The customer, on a phone, in the Privacy Center.
      const customer = await newPage({ viewport: PHONE });
      await customer.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await customer.page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await customer.page.getByLabel('ご請求者のお名前').fill(DEMO_CUSTOMER.name);
      await customer.page.getByLabel('ご請求者のメールアドレス').fill(DEMO_CUSTOMER.email);
      await customer.page.getByLabel('保有個人データ', { exact: true }).check();
      await customer.page.getByRole('button', { name: '送信する' }).click();
      await customer.page.getByRole('heading', { level: 1, name: '確認コードの入力' }).waitFor();
      const requestId = /#\/verify\/([A-Za-z0-9_-]+)$/.exec(customer.page.url())![1]!;
      const codeMail = await client.emailAbout(requestId, /\d{6}/);
      await customer.page.getByLabel('確認コード（6桁）').fill(/(\d{6})/.exec(codeMail.subject)![1]!);
      await customer.page.getByRole('button', { name: '確認する' }).click();
      await customer.page.getByRole('heading', { level: 1, name: 'ご請求の状況' }).waitFor();

      // The operator, at a desktop, finds it in the queue.
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await page.getByRole('link', { name: requestId }).click();
      await page.getByRole('heading', { level: 1, name: `請求の詳細: ${requestId}` }).waitFor();
      const main = page.getByRole('main');
      await expect.poll(() => main.textContent()).toContain(DEMO_CUSTOMER.email);
      const facts = await main.textContent();
      expect(facts).toContain('保有個人データの開示');
      expect(facts).toContain('受付済み');
      expect(facts).toContain('未割当て');
      expect(facts).toContain('受付（確認コード入力済み）');
      // She asked from the address the desk holds for her: no warning about where the answer goes.
      expect(await page.locator('#answer-address-not-held').count()).toBe(0);
      await checkPage(page, 'desk-requests-1-request-ja');

      await page.getByRole('button', { name: '自分に割り当てる' }).click();
      await expect.poll(() => page.locator('dl.facts').first().textContent()).toContain('operator');
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('対応中');

      await page.getByLabel('メモ', { exact: true }).fill('本人確認済み。電子データで開示予定。');
      await page.getByRole('button', { name: 'メモを追加する' }).click();
      await page.locator('ul.notes').getByText('本人確認済み。電子データで開示予定。').waitFor();
      expect(await page.getByLabel('メモ', { exact: true }).inputValue()).toBe('');

      // Disclosure's grounds are offered only for a refusal or a partial decision; fulfilling takes no details.
      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByLabel('一部対応する').check();
      expect(await decision.getByRole('group', { name: /根拠/ }).getByRole('checkbox').count()).toBe(3);
      await decision.getByLabel('対応する（全部）').check();
      expect(await decision.getByRole('group', { name: /根拠/ }).count()).toBe(0);
      await decision.getByText('この結果には追加の入力はありません。').waitFor();
      await checkPage(page, 'desk-requests-2-decision-form-ja');
      await previewAndDecide(decision);

      // The page reloads the request: decided, with the delivery by link, and no form any more.
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('対応済み');
      expect(await page.getByRole('button', { name: '本人に届く内容を確認する' }).count()).toBe(0);
      const decided = await main.textContent();
      expect(decided).toContain('電磁的記録の提供（リンク）');
      expect(decided).toContain('決定：対応');
      await checkPage(page, 'desk-requests-3-decided-ja');

      // The customer opens the dossier from the e-mailed link, as a page.
      const resultMail = await client.emailAbout(requestId, /開示のご用意ができました/);
      const link = /(https?:\/\/\S+\/v1\/disclosures\/[A-Za-z0-9_-]+)/.exec(resultMail.body.text!)![1]!;
      await customer.page.goto(link);
      const dossier = await customer.page.locator('body').textContent();
      expect(dossier).toContain('山田 花子 (Hanako Yamada)');
      expect(dossier).toContain('東京都千代田区神田錦町1-2-3');
      expect(dossier).toContain(DEMO_CUSTOMER.email);
      await customer.context.close();
    }, 120_000);
  });

  describe('desk console: the decision form of another type', () => {
    const correctionBody = (email = uniqueEmail('ichiro')) => ({
      type: 'correction',
      requester: { kind: 'self', name: '佐藤 一郎', email },
      subject: { email },
      details: {
        items: [{ change: 'correct', description: '登録住所が旧住所のままです', content: '東京都港区芝公園4-2-8' }],
      },
    });

    it('a correction offers only its own grounds; a refusal without a reason is answered next to the reason, and a network failure loses nothing', async () => {
      const { requestId } = await client.submitAndVerify(correctionBody());
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      await page.getByText('東京都港区芝公園4-2-8').waitFor();

      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByLabel('対応しない').check();
      const grounds = decision.getByRole('group', { name: /根拠/ }).getByRole('checkbox');
      const offered = await decision.getByRole('group', { name: /根拠/ }).locator('label').allTextContents();
      expect(offered).toHaveLength(3);
      expect(offered.every((label) => label.includes('第34条'))).toBe(true);
      expect(offered.join()).not.toContain('第33条');
      expect(await grounds.count()).toBe(3);
      await grounds.first().check();
      await decision.getByLabel('調査の内容と結果').fill('登録時の住民票の写しと照合しました。');

      // Previewed without a reason: the API's 422 names body.reason; the message sits under the field, which gets the focus.
      await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
      const reason = decision.getByLabel(/理由（請求者に通知されます/);
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${await reason.getAttribute('aria-describedby')}`).textContent()).toContain('第36条');
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-reason');
      await checkPage(page, 'desk-requests-4-refusal-errors-ja');

      // The network fails mid-submit: everything typed stays; sending again decides once.
      await reason.fill('調査の結果、登録内容は事実と一致していました。');
      await page.route('**/decision-preview', (route) => route.abort());
      await decision.getByRole('button', { name: '本人に届く内容を確認する' }).click();
      await decision.getByText('通信できませんでした。入力内容はそのまま残っています。', { exact: false }).waitFor();
      expect(await reason.inputValue()).toBe('調査の結果、登録内容は事実と一致していました。');
      expect(await grounds.first().isChecked()).toBe(true);
      expect(await decision.getByLabel('調査の内容と結果').inputValue()).toBe('登録時の住民票の写しと照合しました。');
      await page.unroute('**/decision-preview');
      await previewAndDecide(decision);
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('対応できない旨の回答済み');
      const { json } = await client.call('GET', `/v1/staff/requests/${requestId}`, {
        token: await client.signIn('operator'),
      });
      expect(json.decision).toMatchObject({
        outcome: 'refused',
        grounds: ['content-found-true'],
        details: { investigation: '登録時の住民票の写しと照合しました。' },
      });
    }, 90_000);

    it("a correction's changes are rows to add and remove; an error in one row's value is shown in that row (English)", async () => {
      const { requestId } = await client.submitAndVerify(correctionBody());
      const { page } = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await signInToConsole(page, 'operator');
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/requests/${requestId}`);
      await page.getByRole('heading', { level: 1, name: `Request: ${requestId}` }).waitFor();

      const decision = page.getByRole('region', { name: 'Decision' });
      await decision.getByLabel('Fulfilled', { exact: true }).check();
      expect(await decision.getByRole('group', { name: /Grounds/ }).count()).toBe(0);
      await decision.getByLabel('What was checked, and what it showed').fill('Checked against the resident record.');
      const first = decision.getByRole('group', { name: 'Changes to the personal data: Row 1' });
      await first.getByLabel(/^Change/).selectOption('correct');
      // The person (a new address) holds no records: the rows take the ids, as the API names them.
      await first.getByLabel('Subject id').fill('subject-1');
      await first.getByLabel('Record id').fill('rec-address');
      await first.getByLabel('Value').fill('東京都港区芝公園4-2-8');
      await decision.getByRole('button', { name: 'Add a row (Changes to the personal data)' }).click();
      const second = decision.getByRole('group', { name: 'Changes to the personal data: Row 2' });
      await second.getByLabel(/^Change/).selectOption('delete');
      expect(await second.getByLabel('Value').count()).toBe(0);
      await second.getByLabel(/^Change/).selectOption('add');
      await second.getByLabel('Subject id').fill('subject-1');
      await second.getByLabel('Category').selectOption('phone');
      await decision.getByRole('button', { name: 'Add a row (Changes to the personal data)' }).click();
      await decision.getByRole('button', { name: 'Remove this row (Changes to the personal data: Row 3)' }).click();
      expect(await decision.getByRole('group', { name: /Row 3/ }).count()).toBe(0);

      await decision.getByRole('button', { name: 'Preview what the person receives' }).click();
      const value = second.getByLabel('Value');
      await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#field-details-changes-1-value-error').textContent()).toBe('is required');
      expect(await page.locator('#field-details-changes-0-value').getAttribute('aria-invalid')).toBeNull();
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-details-changes-1-value');
      await checkPage(page, 'desk-requests-5-correction-rows-en');
    }, 90_000);
  });

  describe('desk console: a cessation of provision', () => {
    it('names the registered third parties to stop by name, from a list of checkboxes', async () => {
      const email = uniqueEmail('cessation');
      const { requestId } = await client.submitAndVerify({
        type: 'cessation-of-provision',
        requester: { kind: 'self', name: '佐藤 一郎', email },
        subject: { email },
        details: { grounds: ['no-longer-needed'] },
      });
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByLabel('対応する（全部）').check();
      await decision.getByLabel(/^範囲/).selectOption('named');
      const named = decision.getByRole('group', { name: /提供先（登録済みの第三者）/ });
      expect(await named.locator('label').allTextContents()).toEqual([
        'Mecara Payments K.K. (JP)',
        'Northwind Analytics Inc. (US)',
      ]);
      await named.getByLabel('Mecara Payments K.K. (JP)').check();
      await checkPage(page, 'desk-requests-7-cessation-recipients-ja');
      await previewAndDecide(decision);
      await expect.poll(() => page.locator('.request-status').textContent(), { timeout: 15_000 }).toBe('対応済み');
      const { json } = await client.call('GET', `/v1/staff/requests/${requestId}`, {
        token: await client.signIn('operator'),
      });
      expect(json.decision).toMatchObject({
        outcome: 'fulfilled',
        details: { recipients: { scope: 'named', recipientIds: ['mecara-payments'] } },
      });
    }, 90_000);
  });

  describe("desk console: an agent's paper disclosure", () => {
    it('the representative check comes first, then the decision, then the posting of the paper copy', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'disclosure',
        requester: { kind: 'agent', name: '鈴木 法律事務所', email: uniqueEmail('agent') },
        subject: { email: uniqueEmail('principal'), name: '田中 次郎' },
        details: { method: 'paper', postalAddress: '大阪府大阪市北区梅田1-1-1' },
      });
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await openRequest(page, requestId);
      const check = page.getByRole('region', { name: '代理人の確認' });
      await check.getByText('代理人による請求です。').waitFor();
      // The agent's own address is none the desk holds for the principal: the page says so.
      expect(await page.locator('#answer-address-not-held').textContent()).toContain(
        '当社がご本人について保有するメールアドレスのいずれとも異なります',
      );
      // Only the documents that show an agent's authority are offered.
      expect(
        await check
          .getByLabel(/代理権を確認した書類/)
          .locator('option')
          .allTextContents(),
      ).toEqual([
        '選択してください',
        'ご本人の委任状（任意代理人）',
        'ご本人の実印を押印した委任状及び印鑑登録証明書（任意代理人）',
      ]);
      await check.getByRole('button', { name: '確認を記録する' }).click();
      const authority = check.getByLabel(/代理権を確認した書類/);
      await expect.poll(() => authority.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.evaluate('document.activeElement?.id'))
        .toBe('field-representative-authorityDocument');
      await authority.selectOption('power-of-attorney');
      await check.getByLabel(/代理人の本人確認書類/).selectOption('driving-licence');
      await check.getByRole('button', { name: '確認を記録する' }).click();
      await check.getByText('ご本人の委任状（任意代理人）').waitFor();
      await check.getByText('運転免許証').waitFor();

      const decision = page.getByRole('region', { name: '決定' });
      await decision.getByLabel('対応する（全部）').check();
      await previewAndDecide(decision);
      await expect.poll(() => page.locator('.request-status').textContent()).toBe('対応済み');

      const delivery = page.getByRole('region', { name: '開示の方法' });
      await delivery.getByText('書面の郵送').waitFor();
      await delivery.getByText('未発送').waitFor();
      await delivery.getByLabel('追跡番号').fill('1234-5678-9012');
      await delivery.getByRole('button', { name: '発送を記録する' }).click();
      await delivery.getByText('1234-5678-9012').waitFor();
      expect(await delivery.getByRole('button', { name: '発送を記録する' }).count()).toBe(0);
      await checkPage(page, 'desk-requests-6-paper-posted-ja');
    }, 90_000);
  });
}
