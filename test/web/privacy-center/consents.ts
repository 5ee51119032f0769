// The Privacy Center's consent management and multi-item corrections, in Japanese, in a real Chromium
// against the local desk: a person whose consent a company system recorded lists and withdraws it
// through the e-mailed code, a consent to provision naming the recipient as registered (with its
// country abroad and what the person was told about it); a correction request names two items, and the API's error for the
// second item's content shows next to that field.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage } from '../../support/browser';
import { mailbox, type SentEmail, uniqueEmail } from '../../support/desk';
import type { PrivacyCenterDesk } from './desk';

export function describeConsents({ desk, client, newPage: phonePage }: PrivacyCenterDesk) {
  async function mailTo(address: string, matching: RegExp): Promise<SentEmail> {
    for (let waited = 0; waited < 20_000; waited += 200) {
      const found = (await mailbox(address)).filter((e) => matching.test(`${e.subject}\n${e.body.text}`));
      if (found.length > 0) return found.at(-1)!;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`No e-mail to ${address} matching ${matching}`);
  }

  describe('Privacy Center: consents and corrections', () => {
    it("lists a person's consents through the e-mailed code and withdraws one after confirming, in Japanese", async () => {
      const subjectId = `subject-web-${randomUUID().slice(0, 8)}`;
      const email = `${subjectId}@example.jp`;
      const acquiredAt = new Date(Date.now() - 60_000).toISOString();
      const registered = await client.call('POST', '/v1/system/personal-data', {
        as: 'business-systems',
        body: {
          subjectId,
          records: [
            {
              recordId: 'crm-email',
              category: 'email',
              value: email,
              source: 'from-customer',
              purposes: ['service-provision', 'advertising'],
              acquiredAt,
            },
          ],
        },
      });
      expect(registered.status, registered.text).toBe(201);
      const notice = await client.call('GET', '/v1/privacy-notice');
      const advertising = (notice.json.purposesOfUse as { id: string; ja: string }[]).find(
        (p) => p.id === 'advertising',
      )!;
      const given = await client.call('POST', '/v1/system/consents', {
        as: 'business-systems',
        body: { subjectId, action: 'given', purpose: 'advertising', noticeVersion: notice.json.version },
      });
      expect(given.status, given.text).toBe(201);
      const consentId = given.json.eventId as string;

      // A recipient abroad, registered by the officer, and the person's consent to provision to it.
      const recipientId = `partner-${randomUUID().slice(0, 8)}`;
      const officer = await client.signIn('officer');
      const recipient = await client.call('POST', '/v1/staff/recipients', {
        token: officer,
        body: {
          recipientId,
          name: 'Partner Analytics Inc.',
          address: '1 Market St, San Francisco, CA',
          representative: 'Jane Doe, CEO',
          relationship: 'third-party',
          country: 'US',
        },
      });
      expect(recipient.status, recipient.text).toBe(201);
      const foreignInformation = {
        country: 'US',
        protectionSystem: '連邦レベルの包括的な法律はなく、分野別の法律と州法（CCPA等）による',
        recipientMeasures: '契約により個人情報保護法と同等の措置を講じる',
      };
      const provision = await client.call('POST', '/v1/system/consents', {
        as: 'business-systems',
        body: {
          subjectId,
          action: 'given',
          recipient: recipientId,
          foreignInformation,
          noticeVersion: notice.json.version,
        },
      });
      expect(provision.status, provision.text).toBe(201);

      const { context, page } = await phonePage();
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}`);
      await page.getByRole('heading', { level: 1, name: 'プライバシーに関するお知らせ' }).waitFor();
      await page.getByRole('main').getByRole('link', { name: '同意の確認・撤回はこちら' }).click();
      await page.getByRole('heading', { level: 1, name: '同意の確認・撤回' }).waitFor();
      expect(
        await page.getByRole('navigation').getByRole('link', { name: '同意の確認・撤回' }).getAttribute('aria-current'),
      ).toBe('page');

      // Sent empty: the API's message next to the field, in Japanese.
      await page.getByRole('button', { name: '確認コードを送る' }).click();
      const address = page.getByLabel('メールアドレス（当社にご登録のもの）');
      await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#field-email-error').textContent()).toBe(
        'メールアドレスを入力してください（例: hanako@example.jp）。',
      );
      await checkPage(page, 'privacy-center-consents-1-address-errors-ja');

      await address.fill(email);
      await page.getByRole('button', { name: '確認コードを送る' }).click();
      await page.getByLabel('確認コード（6桁）').waitFor();
      const code = /\n {4}(\d{6})\n/.exec((await mailTo(email, /同意の確認・撤回のための確認コード/)).body.text!)![1]!;
      await checkPage(page, 'privacy-center-consents-2-code-ja');
      await page.getByLabel('確認コード（6桁）').fill(code);
      await page.getByRole('button', { name: '確認する' }).click();

      const item = page.getByRole('listitem').filter({ hasText: consentId });
      await item.getByRole('heading', { name: `利用目的: ${advertising.ja}` }).waitFor();
      expect(await item.textContent()).toContain('有効');
      expect(await item.textContent()).toContain('ウェブ上のボタンの操作');
      const toPartner = page.getByRole('listitem').filter({ hasText: provision.json.eventId as string });
      await toPartner.getByRole('heading', { name: '第三者「Partner Analytics Inc.」への個人データの提供' }).waitFor();
      const partnerText = (await toPartner.textContent())!;
      expect(partnerText).not.toContain(recipientId);
      expect(partnerText).toContain('提供先の国アメリカ合衆国');
      expect(partnerText).toContain(`当該国の個人情報保護制度${foreignInformation.protectionSystem}`);
      expect(partnerText).toContain(`提供先が講ずる措置${foreignInformation.recipientMeasures}`);
      expect(await item.textContent()).not.toContain('提供先の国');
      await checkPage(page, 'privacy-center-consents-3-list-ja');

      await item.getByRole('button', { name: 'この同意を撤回する' }).click();
      const confirm = item.getByRole('group', { name: /この同意を撤回しますか/ });
      await confirm.waitFor();
      expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('group');
      await checkPage(page, 'privacy-center-consents-4-confirm-ja');
      await confirm.getByRole('button', { name: '撤回する' }).click();

      await page.getByRole('status').filter({ hasText: `同意の撤回を記録しました（記録番号` }).waitFor();
      expect(await page.getByRole('status').first().textContent()).toContain('受領書をメールでお送りしました。');
      await expect.poll(() => item.textContent()).toContain('撤回済み');
      expect(await item.getByRole('button', { name: 'この同意を撤回する' }).count()).toBe(0);
      await checkPage(page, 'privacy-center-consents-5-withdrawn-ja');
      expect((await mailTo(email, /同意の撤回/)).body.text).toContain(consentId);

      // The subject token was in memory only.
      expect(await page.evaluate('localStorage.length')).toBe(0);
      expect(await page.evaluate('Object.keys(sessionStorage).filter((k) => k !== "appi-desk.language")')).toEqual([]);
      const check = await client.call('POST', '/v1/system/use-checks', {
        as: 'business-systems',
        body: { subjectId, category: 'email', purpose: 'advertising' },
      });
      expect(check.json).toMatchObject({ allowed: false });
      await context.close();
    }, 120_000);

    it("sends a correction of two items, the second item's error shown next to its field", async () => {
      const { context, page } = await phonePage();
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await page.getByLabel('請求・苦情の種類').selectOption('correction');
      await page.getByLabel('ご請求者のお名前').fill('山田 花子');
      await page.getByLabel('ご請求者のメールアドレス').fill(uniqueEmail('hanako'));

      const first = page.getByRole('group', { name: '訂正等を求める項目 1' });
      await first.getByLabel('対象のデータ').fill('ご登録の住所（会員ページ）: 東京都港区');
      await first.getByLabel('正しい内容').fill('東京都千代田区');
      await page.getByRole('button', { name: '項目を追加する' }).click();
      const second = page.getByRole('group', { name: '訂正等を求める項目 2' });
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-details-items-1-change');
      await second.getByLabel('求める訂正等').selectOption('add');
      await second.getByLabel('対象のデータ').fill('電話番号');

      // A third item, then removed again: two remain.
      await page.getByRole('button', { name: '項目を追加する' }).click();
      await page
        .getByRole('group', { name: '訂正等を求める項目 3' })
        .getByRole('button', { name: /この項目を削除する/ })
        .click();
      expect(await page.getByRole('group', { name: /^訂正等を求める項目/ }).count()).toBe(2);

      // The second item's content was left empty: the API names details.items.1.content.
      await page.getByRole('button', { name: '送信する' }).click();
      const content = second.getByLabel('正しい内容');
      await expect.poll(() => content.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${await content.getAttribute('aria-describedby')}`).textContent()).toBe(
        '入力してください。',
      );
      expect(await first.getByLabel('正しい内容').getAttribute('aria-invalid')).toBeNull();
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-details-items-1-content');
      await checkPage(page, 'privacy-center-consents-6-correction-errors-ja');

      await content.fill('03-1234-5678');
      await page.getByRole('button', { name: '送信する' }).click();
      await page.getByRole('heading', { level: 1, name: '確認コードの入力' }).waitFor();
      const requestId = /#\/verify\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
      const code = /(\d{6})/.exec((await client.emailAbout(requestId, /\d{6}/)).subject)![1]!;
      await page.getByLabel('確認コード（6桁）').fill(code);
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByRole('heading', { level: 1, name: 'ご請求の状況' }).waitFor();

      const operator = await client.signIn('operator');
      const view = await client.call('GET', `/v1/staff/requests/${requestId}`, { token: operator });
      expect(view.status, view.text).toBe(200);
      expect(view.json.details).toEqual({
        items: [
          { change: 'correct', description: 'ご登録の住所（会員ページ）: 東京都港区', content: '東京都千代田区' },
          { change: 'add', description: '電話番号', content: '03-1234-5678' },
        ],
      });
      await context.close();
    }, 120_000);
  });
}
