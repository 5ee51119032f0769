// Anonymously processed information in a real Chromium against the local desk and its demo registry.
// The officer defines the README walk's dataset (DEMO_DATASET_DEFINITION), first with k = 1 (refused,
// the message next to k, the focus there, nothing stored), then as it should be; runs it, waits while
// it is made, reads the risk report and the items published, opens the rows after being told the read
// is logged, and finds the items in the Privacy Center's notice; a model the population cannot meet
// is refused, saying why. An auditor reads the definition and the dataset without the rows or the
// method; an operator is offered no anonymisation page, and the API refuses one too. Each state
// checked (no script error, axe, no English on a Japanese page).
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH, PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

const DEFINITION_ID = 'customer-attributes';
const TITLE_JA = '顧客属性の統計用データ';
const TITLE_EN = 'Customer attributes for statistics';

export function describeAnonymisation({ desk, client, newPage }: ConsoleDesk) {
  async function signedIn(username: string, hash: string, viewport = DESKTOP) {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe('desk console: anonymously processed information', () => {
    it('defines a dataset over the demo registry, refused at its field first, runs it and finds its items in the notice', async () => {
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '匿名加工情報', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '匿名加工情報' }).waitFor();
      const form = page.getByRole('region', { name: '定義を作成する' });
      await form.getByLabel('定義の識別子').fill(DEFINITION_ID);
      await form.getByLabel('名称（日本語）').fill(TITLE_JA);
      await form.getByLabel('名称（英語）').fill(TITLE_EN);
      await form.getByRole('checkbox', { name: '当社サービスの維持・改善及び新サービスの検討のため' }).check();
      // Identifying descriptions can only be deleted: the form offers nothing else.
      expect(await form.getByLabel('措置（氏名）').locator('option').allTextContents()).toEqual(['含めない', '削除']);
      await form.getByLabel('措置（氏名）').selectOption('delete');
      await form.getByLabel('措置（生年月日）').selectOption('generalise');
      await form.getByLabel('年齢の階級の幅（歳、生年月日）').fill('5, 10, 20');
      await form.getByLabel('措置（性別）').selectOption('generalise');
      await form.getByLabel('対応表（性別）').fill('女性 > 男女計\n男性 > 男女計');
      await form.getByLabel('措置（住所）').selectOption('generalise');
      await form.getByLabel('措置（契約内容）').selectOption('keep');
      await form.getByLabel(/^k（/).fill('1');
      await form.getByRole('button', { name: '定義を作成する' }).click();
      const kError = form.locator('#anon-k-error');
      await kError.waitFor();
      expect(await kError.textContent()).toContain('k = 1 では誰も保護されません');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('anon-k');
      await checkPage(page, 'desk-anonymisation-1-refused-ja');
      expect(
        (
          await client.call('GET', `/v1/staff/anonymisation/definitions/${DEFINITION_ID}`, {
            token: await client.signIn('officer'),
          })
        ).status,
      ).toBe(404);

      await form.getByLabel(/^k（/).fill('5');
      await form.getByRole('button', { name: '定義を作成する' }).click();
      await page.getByRole('heading', { level: 1, name: `定義 ${DEFINITION_ID}` }).waitFor();
      await page.getByRole('button', { name: '匿名加工情報を作成する' }).click();
      const published = page.locator('td.anon-state.published');
      await published.waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: /^ANON-/ }).click();
      await page.getByRole('heading', { level: 1, name: /^匿名加工情報 ANON-/ }).waitFor();
      await page.getByText('k-匿名性（k = 5）を満たしています。').waitFor();
      const items = await page.locator('ul.anon-items li').allTextContents();
      expect(items.map((i) => i.replace(/[（(].*$/, '').trim())).toEqual(['住所', '年齢', '性別', '契約内容']);
      expect(items.join(' ')).not.toMatch(/氏名|お客様番号/);
      await page
        .getByText('行を表示すると、その閲覧はあなたの名前でアクセス記録に残ります。', { exact: false })
        .waitFor();
      await page.getByRole('button', { name: '行を表示する（アクセス記録に残ります）' }).click();
      await page.getByRole('region', { name: '加工後の行（横にスクロールできます）' }).waitFor();
      await checkPage(page, 'desk-anonymisation-2-published-ja');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('The model is met: k-anonymity (k = 5).').waitFor();
      await page.setViewportSize(PHONE);
      await checkPage(page, 'desk-anonymisation-3-published-phone-en');

      // A model the population cannot meet: the run is refused, saying why, and nothing is published.
      const token = await client.signIn('officer');
      const unmet = await client.call('POST', '/v1/staff/anonymisation/definitions', {
        token,
        body: {
          definitionId: `${DEFINITION_ID}-unmet`,
          title: { ja: '満たせない定義', en: 'A model not met' },
          purposes: ['usage-analysis'],
          attributes: [
            { category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'date' } },
            { category: 'contract', treatment: 'keep' },
          ],
          model: { k: 1000, maxSuppression: 0 },
        },
      });
      expect(unmet.status, unmet.text).toBe(201);
      const run = await client.call('POST', `/v1/staff/anonymisation/definitions/${DEFINITION_ID}-unmet/datasets`, {
        token,
      });
      expect(run.status, run.text).toBe(202);
      await page.goto(
        `${desk().url}${DESK_CONSOLE_PATH}#/anonymised-datasets/${(run.json as { datasetId: string }).datasetId}`,
      );
      await page.getByRole('heading', { level: 2, name: 'Why it was not created' }).waitFor({ timeout: 60_000 });
      await page.getByText('Privacy model cannot be met', { exact: false }).waitFor();
      expect(await page.getByRole('heading', { name: 'Items published' }).count()).toBe(0);
      await page.getByRole('button', { name: /日本語/ }).click();
      await page.getByText('削除（抑制）してよい記録の上限の範囲では満たせませんでした', { exact: false }).waitFor();
      await checkPage(page, 'desk-anonymisation-4-run-refused-phone-ja');
      await close();

      const notice = await newPage({ viewport: DESKTOP });
      await notice.page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/`);
      const section = notice.page.getByRole('region', { name: '匿名加工情報' });
      await section.getByRole('heading', { level: 3, name: TITLE_JA }).waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, what a reader sees
      const text = await section.innerText();
      for (const item of items) expect(text).toContain(item.replace(/\s*\(.*\)$/, ''));
      expect(text).toContain('第三者に提供することもありません');
      await checkPage(notice.page, 'privacy-center-notice-anonymised-ja');
      await notice.context.close();
    }, 180_000);

    it('shows an auditor the definition and its dataset read-only, without the rows or the method', async () => {
      const { page, close } = await signedIn('auditor', '#/anonymisation', PHONE);
      await page.getByRole('heading', { level: 1, name: '匿名加工情報' }).waitFor();
      expect(await page.getByRole('region', { name: '定義を作成する' }).count()).toBe(0);
      await page.getByRole('link', { name: DEFINITION_ID, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `定義 ${DEFINITION_ID}` }).waitFor();
      expect(await page.getByRole('button', { name: '匿名加工情報を作成する' }).count()).toBe(0);
      await page
        .getByRole('link', { name: /^ANON-/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 2, name: 'リスク評価' }).waitFor();
      expect(await page.getByRole('heading', { name: '加工後の行' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: '加工の方法' }).count()).toBe(0);
      await checkPage(page, 'desk-anonymisation-5-auditor-phone-ja');
      await close();
    }, 60_000);

    it('offers an operator no anonymisation page, and the API refuses one', async () => {
      const { page, close } = await signedIn('operator', '#/anonymisation', PHONE);
      await page.getByRole('heading', { level: 1, name: 'このページはあなたの役割では利用できません。' }).waitFor();
      expect(await page.getByRole('link', { name: '匿名加工情報', exact: true }).count()).toBe(0);
      const refused = await client.call('GET', '/v1/staff/anonymisation/definitions', {
        token: await client.signIn('operator'),
      });
      expect(refused.status).toBe(403);
      await close();
    }, 60_000);
  });
}
