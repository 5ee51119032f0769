// The privacy notice as a customer reads it, in Japanese and English, on a phone and a desktop: the
// company and the desk's address in the page's language, joint use and opt-out provision in words,
// no route, method or field name (the API reference is linked in words), and no paragraph twice.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { apiWordsIn } from '../../support/words-for-people';
import type { PrivacyCenterDesk } from './desk';

const JA_ADDRESS = '〒101-0054 東京都千代田区神田錦町1-23-8 9階';
const EN_ADDRESS = '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan';

const party = {
  name: 'メカラ・データサービス株式会社',
  address: '東京都千代田区神田錦町1-23-8',
  representative: '代表取締役 山田 太郎',
  country: 'JP',
};

/** Paragraphs, items, terms and headings of the page's main part that appear more than once. */
async function repeated(page: Page): Promise<string[]> {
  const texts = await page
    .getByRole('main')
    .locator('p, li, dt, dd, h1, h2, h3')
    .evaluateAll((nodes) =>
      nodes
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, what a reader sees
        .map((n) => (n as unknown as { innerText: string }).innerText.trim())
        .filter((t) => t.length > 0),
    );
  // "None." under each empty heading is one word, said where it applies.
  return texts.filter((text, i) => texts.indexOf(text) !== i && text.length > 12);
}

export function describeNotice({ desk, client, newPage }: PrivacyCenterDesk) {
  describe('the privacy notice speaks to people', () => {
    it('publishes a joint use and an opt-out provision the officer registers', async () => {
      const token = await client.signIn('officer');
      for (const body of [
        {
          ...party,
          recipientId: 'notice-group',
          relationship: 'joint-use',
          jointUse: {
            items: ['name', 'email'],
            jointUsers: 'メカラ合同会社の子会社',
            purpose: 'グループ各社のサービスに関するお問い合わせへの対応',
            responsiblePerson: { name: 'メカラ合同会社', address: '東京都千代田区', representative: '代表社員' },
          },
        },
        {
          ...party,
          recipientId: 'notice-broker',
          relationship: 'third-party',
          optOut: {
            notifiedOn: '2026-09-01',
            items: ['name', 'address'],
            acquisitionMethod: '会員登録フォーム',
            provisionMethod: '暗号化したファイルの送付',
            requestMethod: 'プライバシーセンターの請求フォーム',
            updateMethod: '毎月',
            startsOn: '2026-10-01',
          },
        },
      ]) {
        const registered = await client.call('POST', '/v1/staff/recipients', { token, body });
        expect(registered.status, registered.text).toBe(201);
      }
    });

    for (const [device, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`in Japanese on a ${device}: the company and address in Japanese, terms in words, nothing twice`, async () => {
        const { page, context } = await newPage({ viewport });
        await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/`);
        await page.getByRole('heading', { level: 1, name: 'プライバシーに関するお知らせ' }).waitFor();
        const main = page.getByRole('main');
        await main.getByRole('heading', { name: 'お問い合わせ窓口' }).waitFor();
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, what a reader sees, line by line
        const text = await main.innerText();

        expect(text).toContain('メカラ合同会社 · 版');
        expect(text).toContain(JA_ADDRESS);
        expect(text).not.toContain('Kandanishikicho');
        expect(text).not.toContain('Mecara');
        // Joint use and opt-out in the Act's terms, never the registry's field names.
        expect(text).toContain('共同して利用する者の範囲');
        expect(text).toContain('メカラ合同会社の子会社');
        expect(text).toContain('提供の停止を求める方法');
        expect(text).toContain('個人情報保護委員会への届出日');
        // Policy §3 said beside the publications; none made yet is said as the fact it is.
        expect(text).toContain('第三者に提供することもありません');
        expect(text).toContain('匿名加工情報は、まだ作成していません。');
        expect(apiWordsIn(text)).toEqual([]);
        expect(await repeated(page)).toEqual([]);
        expect(await main.getByRole('link', { name: 'API リファレンス' }).getAttribute('href')).toBe('/docs/api');
        // The hours are said once, after their term, not after it again.
        expect(text.split('9:00〜17:00').length - 1).toBe(1);
        expect(text).not.toMatch(/受付時間\s*受付時間/);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        await checkPage(page, `privacy-center-notice-ja-${device}`);
        await context.close();
      });

      it(`in English on a ${device}: the English address, and the same words-only checks`, async () => {
        const { page, context } = await newPage({ viewport, locale: 'en-GB' });
        await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/`);
        await page.getByRole('heading', { level: 1, name: 'プライバシーに関するお知らせ' }).waitFor();
        await page.getByRole('button', { name: /English/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
        const main = page.getByRole('main');
        await main.getByRole('heading', { name: 'Contact' }).waitFor();
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, what a reader sees, line by line
        const text = await main.innerText();

        expect(text).toContain('Mecara LLC · Version');
        expect(text).toContain(EN_ADDRESS);
        expect(text).not.toContain(JA_ADDRESS);
        expect(text).toContain('Who uses them jointly');
        expect(text).toContain('How to ask for provision to stop');
        expect(text).toContain('We have not created any anonymously processed information yet.');
        expect(apiWordsIn(text)).toEqual([]);
        expect(await repeated(page)).toEqual([]);
        expect(await main.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/docs/api');
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        await checkPage(page, `privacy-center-notice-en-${device}`);
        await context.close();
      });
    }

    it('serves the notice itself without the API’s words in either language', async () => {
      const notice = await client.call('GET', '/v1/privacy-notice');
      expect(notice.status).toBe(200);
      const values = JSON.stringify(notice.json);
      expect(values).not.toMatch(/\/v1\/|\b(?:GET|POST|DELETE) /);
      expect(notice.json).toMatchObject({ desk: { address: { ja: JA_ADDRESS, en: EN_ADDRESS } } });
    });
  });
}
