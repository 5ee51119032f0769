// The status page while a decided request is carried out at the systems and subcontractors holding
// the person's data: it says so, in Japanese and in English, on a phone and a desktop, instead of
// saying the answer was e-mailed; once the answer went out it says that again. While the holders act,
// the person may still withdraw, and is told first that what the holders already did stays done.
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { getItem, setAttributes } from '../../support/requests';
import type { PrivacyCenterDesk } from './desk';

export function describeHolders({ desk, client, newPage }: PrivacyCenterDesk) {
  /** A cessation of use decided by the desk, its answer held until the holders have acted. */
  async function decidedAwaitingHolders(language: 'ja' | 'en') {
    const email = uniqueEmail('holders-pc');
    const { requestId, statusToken } = await client.submitAndVerify({
      type: 'cessation-of-use',
      language,
      requester: { kind: 'self', name: '山田 花子', email },
      subject: { email },
      details: { measure: 'erase', grounds: ['used-beyond-purpose'] },
    });
    const at = new Date().toISOString();
    await setAttributes(
      'requests',
      { requestId },
      {
        status: 'fulfilled',
        closedAt: at,
        decision: {
          outcome: 'fulfilled',
          grounds: [],
          details: { measure: 'erase' },
          decidedAt: at,
          decidedBy: 'operator',
        },
        answer: { state: 'awaiting-holders', heldAt: at, message: { subject: 'held', text: 'held' } },
      },
    );
    return { requestId, statusToken };
  }

  describe('the status page while the holders carry the decision out', () => {
    it('Japanese on a phone, English on a desktop; after the answer went out, it says it was e-mailed', async () => {
      const ja = await decidedAwaitingHolders('ja');
      const phone = await newPage({ viewport: PHONE });
      await phone.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${ja.requestId}/${ja.statusToken}?lang=ja`);
      await phone.page.getByRole('heading', { level: 1, name: 'ご請求の状況' }).waitFor();
      const note = phone.page.locator('#awaiting-holders');
      await note.waitFor();
      expect(await note.textContent()).toContain('お客様のデータを保有するシステムと委託先で実施しています');
      expect(await phone.page.getByRole('main').textContent()).not.toContain('メールアドレスにもお送りしています');
      await checkPage(phone.page, 'holders-pc-1-awaiting-phone-ja');

      await setAttributes(
        'requests',
        { requestId: ja.requestId },
        { answer: { state: 'released', heldAt: 'x', releasedAt: 'y' } },
      );
      await phone.page.getByRole('button', { name: '最新の状況を表示' }).click();
      await phone.page.getByText('メールアドレスにもお送りしています').waitFor();
      expect(await phone.page.locator('#awaiting-holders').count()).toBe(0);
      await checkPage(phone.page, 'holders-pc-2-answered-phone-ja');

      const en = await decidedAwaitingHolders('en');
      const desktop = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await desktop.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${en.requestId}/${en.statusToken}?lang=en`);
      await desktop.page.getByRole('heading', { level: 1, name: 'Status of your request' }).waitFor();
      await desktop.page.locator('#awaiting-holders').waitFor();
      expect(await desktop.page.locator('#awaiting-holders').textContent()).toContain(
        'being carried out at the systems and subcontractors that hold your data',
      );
      await checkPage(desktop.page, 'holders-pc-3-awaiting-desktop-en');
    }, 150_000);
  });

  describe('withdrawing while the holders carry the decision out', () => {
    it('offered with what it does (what is done stays done), in Japanese on a phone and English on a desktop; withdrawn, the page says so', async () => {
      const ja = await decidedAwaitingHolders('ja');
      const phone = await newPage({ viewport: PHONE });
      await phone.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${ja.requestId}/${ja.statusToken}?lang=ja`);
      await phone.page.locator('#awaiting-holders').waitFor();
      const help = phone.page.locator('#withdraw-while-holders-act');
      await help.waitFor();
      expect(await help.textContent()).toContain(
        'すでに実施された対応（消去、訂正、利用停止など）は、取り下げても元に戻りません',
      );
      expect(await help.textContent()).toContain('結果のお知らせ（回答）はお送りしません');
      await checkPage(phone.page, 'holders-pc-4-withdraw-offered-phone-ja');

      await phone.page.getByRole('button', { name: 'このご請求を取り下げる' }).click();
      await phone.page.getByRole('group', { name: /本当に取り下げますか/ }).waitFor();
      await checkPage(phone.page, 'holders-pc-5-withdraw-confirm-phone-ja');
      await phone.page.getByRole('button', { name: '取り下げる', exact: true }).click();
      await phone.page.getByText('ご請求を取り下げました。確認のメールをお送りしました。').waitFor();
      await phone.page.locator('#awaiting-holders').waitFor({ state: 'detached' });
      expect(await phone.page.locator('#withdraw-while-holders-act').count()).toBe(0);
      expect(await getItem('requests', { requestId: ja.requestId })).toMatchObject({
        status: 'withdrawn',
        answer: { state: 'withdrawn' },
      });
      await checkPage(phone.page, 'holders-pc-6-withdrawn-phone-ja');

      const en = await decidedAwaitingHolders('en');
      const desktop = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await desktop.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${en.requestId}/${en.statusToken}?lang=en`);
      const enHelp = desktop.page.locator('#withdraw-while-holders-act');
      await enHelp.waitFor();
      expect(await enHelp.textContent()).toContain(
        'What has already been done (an erasure, a correction, a stop of use) stays done',
      );
      await desktop.page.getByRole('button', { name: 'Withdraw this request' }).waitFor();
      await checkPage(desktop.page, 'holders-pc-7-withdraw-offered-desktop-en');
    }, 150_000);
  });
}
