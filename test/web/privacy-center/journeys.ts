// The customer's journeys that must lose nothing and speak the person's language, in Chromium on a
// phone (and the status page on a desktop): a complaint in Japanese with counted fields, Back from the
// code step to the form as typed, a lock and a new code to the masked address, the status and a
// withdrawal; in English a new code asked for too soon, a refusal's next steps and a complaint about
// it; a withdrawal the desk overtook, said in Japanese. checkPage on every state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP } from '../../support/browser';
import { mailbox, uniqueEmail } from '../../support/desk';
import { setAttributes } from '../../support/requests';
import type { PrivacyCenterDesk } from './desk';

const requestIdOf = (page: Page) => /#\/verify\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;

/** The codes e-mailed about a request, oldest first, once there are at least `count`. */
async function codesFor(requestId: string, count: number): Promise<string[]> {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const codes = (await mailbox())
      .filter((e) => e.body.text?.includes(requestId) && /\d{6}/.test(e.subject))
      .map((e) => /(\d{6})/.exec(e.subject)![1]!);
    if (codes.length >= count) return codes;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Fewer than ${count} codes e-mailed about ${requestId}`);
}

/** As if the code had been sent over a minute ago, on the desk and in the page. */
async function aMinuteLater(page: Page, requestId: string) {
  await setAttributes(
    'requests',
    { requestId },
    { 'verification.codeSentAt': new Date(Date.now() - 61_000).toISOString() },
  );
  await page.clock.fastForward('01:01');
}

const classOf = (page: Page, selector: string) => page.locator(selector).first().getAttribute('class');

export function describeJourneys({ desk, client, newPage: phonePage }: PrivacyCenterDesk) {
  describe('Privacy Center journeys', () => {
    it('a complaint in Japanese: counted fields, Back keeps the form, a lock, a new code, the status and a withdrawal', async () => {
      const { context, page } = await phonePage();
      await page.clock.install();
      const email = uniqueEmail('hanako');
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await page.getByLabel('請求・苦情の種類').selectOption('complaint');

      // The form stops where the API would refuse, and counts.
      const name = page.getByLabel('ご請求者のお名前');
      expect(await name.getAttribute('maxlength')).toBe('200');
      await name.fill('山'.repeat(250));
      expect((await name.inputValue()).length).toBe(200);
      await page.getByText('200文字の上限に達しました').waitFor();
      await name.fill('山田 花子');
      await page.getByLabel('ご請求者のメールアドレス').fill(email);
      const description = page.getByLabel('苦情の内容');
      expect(await description.getAttribute('maxlength')).toBe('4000');
      await description.fill('会員ページに他の方の住所が表示されました。');
      await page.getByText('21 / 4000文字').waitFor();
      await checkPage(page, 'journeys-1-form-counted-ja');

      await page.getByRole('button', { name: '送信する' }).click();
      await page.getByRole('heading', { level: 1, name: '確認コードの入力' }).waitFor();
      const requestId = requestIdOf(page);
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('ha***@example.jp');
      expect(await main.textContent()).toContain('苦情のお申出の確認のため');
      const resend = page.getByRole('button', { name: '新しい確認コードを送る' });
      expect(await resend.isDisabled()).toBe(true);
      await page.getByText(/新しいコードは.+からお送りできます/).waitFor();
      await checkPage(page, 'journeys-2-code-ja');

      // Back: the form as typed; forward: the same code step.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      expect(await page.getByLabel('請求・苦情の種類').inputValue()).toBe('complaint');
      expect(await page.getByLabel('ご請求者のお名前').inputValue()).toBe('山田 花子');
      expect(await page.getByLabel('苦情の内容').inputValue()).toBe('会員ページに他の方の住所が表示されました。');
      await checkPage(page, 'journeys-3-back-to-form-ja');
      await page.goForward();
      await page.getByRole('heading', { level: 1, name: '確認コードの入力' }).waitFor();
      expect(await main.textContent()).toContain('ha***@example.jp');

      // Wrong codes, in Japanese with the tries left, then the lock: the field waits for a new code.
      const [first] = await codesFor(requestId, 1);
      const wrong = String((Number(first) + 1) % 1_000_000).padStart(6, '0');
      const codeField = page.getByLabel('確認コード（6桁）');
      await codeField.fill(wrong);
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByText('確認コードが違います。あと4回入力できます。').waitFor();
      await checkPage(page, 'journeys-4-wrong-code-ja');
      for (let tries = 3; tries >= 1; tries -= 1) {
        await page.getByRole('button', { name: '確認する' }).click();
        await page.getByText(`確認コードが違います。あと${tries}回入力できます。`).waitFor();
      }
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByText(/このコードでは確認できなくなりました/).waitFor();
      await expect.poll(() => codeField.isDisabled()).toBe(true);
      expect(await classOf(page, 'form [role="alert"]')).toBe('summary');
      await checkPage(page, 'journeys-5-locked-ja');

      // A minute on: a new code to the same address, said as a success, and the field open again.
      await aMinuteLater(page, requestId);
      await expect.poll(() => resend.isDisabled()).toBe(false);
      await resend.click();
      await page.getByText(/新しい確認コードを ha\*\*\*@example\.jp にお送りしました/).waitFor();
      expect(await classOf(page, 'section [role="status"]')).toBe('done');
      await expect.poll(() => codeField.isDisabled()).toBe(false);
      await checkPage(page, 'journeys-6-new-code-ja');

      const codes = await codesFor(requestId, 2);
      const mails = (await mailbox()).filter((e) => e.body.text?.includes(requestId) && /\d{6}/.test(e.subject));
      expect(new Set(mails.flatMap((m) => m.destination.to))).toEqual(new Set([email]));
      // The draft holds what was typed, never a code.
      const stored = (await page.evaluate('JSON.stringify(sessionStorage)')) as string;
      expect(stored).toContain('会員ページに他の方の住所');
      for (const code of codes) expect(stored).not.toContain(code);

      await codeField.fill(codes.at(-1)!);
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByRole('heading', { level: 1, name: '苦情のお申出の状況' }).waitFor();
      await page.getByRole('heading', { name: '今後の流れ' }).waitFor();
      // Confirmed: the draft is gone, and the form is empty again.
      expect(await page.evaluate('sessionStorage.getItem("appi-desk.form-draft.request")')).toBeNull();
      await checkPage(page, 'journeys-7-status-complaint-ja');

      // Withdrawing asks first, then says so as a success.
      await page.getByRole('button', { name: 'この苦情のお申出を取り下げる' }).click();
      await page.getByRole('group').getByText('本当に取り下げますか').waitFor();
      await page.getByLabel('取り下げる理由（任意）').fill('窓口で解決しました。');
      await checkPage(page, 'journeys-8-withdraw-confirm-ja');
      await page.getByRole('button', { name: '取り下げる', exact: true }).click();
      await page.getByText('苦情のお申出を取り下げました。確認のメールをお送りしました。').waitFor();
      expect(await classOf(page, 'main > [role="status"]')).toBe('done');
      await page.getByRole('definition').getByText('取下げ済み').waitFor();
      await page.getByText(/対応は終了しています/).waitFor();
      expect(await page.getByRole('button', { name: /取り下げる/ }).count()).toBe(0);
      await checkPage(page, 'journeys-9-withdrawn-ja');
      await client.emailAbout(requestId, /取り下げました/);

      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      expect(await page.getByLabel('ご請求者のお名前').inputValue()).toBe('');
      await context.close();
    }, 180_000);

    it('in English: a new code asked for too soon, a refusal with what happens next, and a complaint about it', async () => {
      const { context, page } = await phonePage({ locale: 'en-GB' });
      await page.clock.install();
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Make a request or complaint' }).waitFor();
      await page.getByLabel('Type of request or complaint').selectOption('purpose-notification');
      await page.getByLabel('Your name').fill('Hanako Yamada');
      await page.getByLabel('Your e-mail address').fill(uniqueEmail('hanako'));
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { level: 1, name: 'Enter the confirmation code' }).waitFor();
      const requestId = requestIdOf(page);
      await page.getByText(/we sent a six-digit code to ha\*\*\*@example\.jp/).waitFor();

      // The page's clock runs ahead of the desk's: the desk says when, in Japan time.
      await page.clock.fastForward('01:01');
      await page.getByRole('button', { name: 'Send a new code' }).click();
      await page.getByText(/A new code can be sent from .+ Japan time/).waitFor();
      await checkPage(page, 'journeys-10-too-soon-en');

      const [code] = await codesFor(requestId, 1);
      await page.getByLabel('Confirmation code (six digits)').fill(code!);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('heading', { level: 1, name: 'Status of your request' }).waitFor();
      await page.getByRole('heading', { name: 'What happens next' }).waitFor();
      await page.getByRole('button', { name: 'Withdraw this request' }).waitFor();
      await checkPage(page, 'journeys-11-status-open-en');

      const operator = await client.signIn('operator');
      const refused = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: operator,
        body: {
          outcome: 'refused',
          grounds: ['purpose-already-clear'],
          reason: 'The purposes were stated on the form you signed.',
        },
      });
      expect(refused.status, refused.text).toBe(200);
      await page.getByRole('button', { name: 'Show the latest status' }).click();
      await page.getByText('Your request was refused').waitFor();
      await page.getByText(/you may make a complaint/).waitFor();
      expect(await page.getByRole('button', { name: 'Withdraw this request' }).count()).toBe(0);
      await checkPage(page, 'journeys-12-refused-next-en');

      await page.getByRole('button', { name: 'Complain about this answer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Make a request or complaint' }).waitFor();
      expect(await page.getByLabel('Type of request or complaint').inputValue()).toBe('complaint');
      expect(await page.getByLabel(/Number of an earlier request/).inputValue()).toBe(requestId);
      // The form was cleared when the code was confirmed; the complaint starts from the earlier number.
      expect(await page.getByLabel('Your name').inputValue()).toBe('');
      await checkPage(page, 'journeys-13-complaint-about-answer-en');
      await context.close();
    }, 120_000);

    it("on a desktop, in Japanese: a withdrawal the desk overtook is said in words, not the API's", async () => {
      const { context, page } = await phonePage({ viewport: DESKTOP });
      const email = uniqueEmail('taro');
      const { requestId, statusToken } = await client.submitAndVerify({
        type: 'purpose-notification',
        requester: { kind: 'self', name: '山田 太郎', email },
        subject: { email },
      });
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${requestId}/${statusToken}?lang=ja`);
      await page.getByRole('heading', { level: 1, name: 'ご請求の状況' }).waitFor();
      await page.getByRole('button', { name: 'このご請求を取り下げる' }).click();
      await checkPage(page, 'journeys-14-withdraw-confirm-desktop-ja');

      const operator = await client.signIn('operator');
      const decided = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: operator,
        body: { outcome: 'refused', grounds: ['purpose-already-clear'], reason: 'ご署名の申込書に記載しています。' },
      });
      expect(decided.status, decided.text).toBe(200);
      await page.getByRole('button', { name: '取り下げる', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'のため、取り下げることはできません' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('「対応できない旨の回答済み」');
      expect(await page.getByRole('main').textContent()).not.toMatch(/already|closed/);
      await checkPage(page, 'journeys-15-withdraw-overtaken-desktop-ja');
      await context.close();
    }, 90_000);
  });
}
