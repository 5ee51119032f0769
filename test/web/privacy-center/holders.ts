// The status page while a decided request is carried out at the systems and subcontractors holding
// the person's data: it says so, in Japanese and in English, on a phone and a desktop, instead of
// saying the answer was e-mailed; once the answer went out it says that again.
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { setAttributes } from '../../support/requests';
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
}
