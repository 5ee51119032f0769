// The incident pages in a real Chromium against the local desk. The officer opens the register, opens
// a draft, takes it on, changes its facts and sees it become reportable because of the rule it meets,
// meets a change made meanwhile (reload), links a person, previews and prints the preliminary report,
// records its submission and notifies the person; in Japanese and English, at a desk's width and a
// phone's, each state checked (screenshot, no script error, axe, no English on a Japanese page). An
// operator opens a draft and is offered no way to take it on, and the API refuses it too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { mailbox } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

/** An instant `hoursAgo` before now as the datetime-local field takes it, in Japan time. */
function japanInput(hoursAgo: number): string {
  const at = new Date(Date.now() - hoursAgo * 60 * 60 * 1000 + 9 * 60 * 60 * 1000);
  return at.toISOString().slice(0, 16);
}

export function describeIncidents({ desk, client, newPage }: ConsoleDesk) {
  /** Opens the console at a page and signs in with the local form (in Japanese, the default): once per role. */
  async function signedIn(username: string, hash: string, viewport = DESKTOP) {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  /** Fills the draft form on the register page and opens the incident it made. */
  async function openDraft(page: Page, summary: string): Promise<string> {
    const form = page.getByRole('region', { name: '事案の下書きを作成する' });
    await form.getByRole('checkbox', { name: '漏えい', exact: true }).check();
    await form.getByLabel('認識した日時（日本時間）').fill(japanInput(2));
    await form.getByLabel('認識した経緯').fill('従業員からの報告');
    await form.getByLabel('何が起きたか（概要）').fill(summary);
    await form.getByLabel('見込みの人数').fill('1');
    await form.getByRole('button', { name: '下書きを作成する' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^事案 INC-/ });
    await heading.waitFor();
    return (await heading.textContent())!.replace(/^事案\s*/, '').trim();
  }

  describe('desk console: the incident pages', () => {
    it("walks the officer from the register to a reportable incident's report, its submission and the notices", async () => {
      const { page, close } = await signedIn('officer', '#/');
      await page.getByRole('link', { name: '漏えい等の事案' }).click();
      await page.getByRole('heading', { level: 1, name: '漏えい等の事案' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'アクセス監視の警告' }).waitFor();
      await checkPage(page, 'desk-incidents-1-register-ja');

      // Sent without a kind: refused in Japanese, naming the field, nothing stored.
      const form = page.getByRole('region', { name: '事案の下書きを作成する' });
      await form.getByLabel('何が起きたか（概要）').fill('顧客リストを添付したメールを誤送信した。');
      await form.getByRole('button', { name: '下書きを作成する' }).click();
      await form.getByRole('alert').waitFor();
      await checkPage(page, 'desk-incidents-2-draft-refused-ja');

      const incidentId = await openDraft(page, '顧客リストを添付したメールを社外の1名に誤送信した。');
      expect(incidentId).toMatch(/^INC-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/);
      await page.getByText('下書き（管理者の確認待ち）').first().waitFor();
      await page.getByText('報告対象ではありません。次の理由によります。').waitFor();
      await checkPage(page, 'desk-incidents-3-draft-ja');

      await page.getByRole('button', { name: '確認して事案として登録する' }).click();
      await page.getByText('事案として登録しました。').waitFor();
      expect(await page.getByRole('button', { name: '確認して事案として登録する' }).count()).toBe(0);

      // The facts change as a new version: a wrongful purpose makes it reportable, naming the rule.
      const change = page.getByRole('region', { name: '事実関係を変更する' });
      await change.getByRole('checkbox', { name: /不正の目的をもって行われたおそれがある/ }).check();
      await change.getByLabel('発生の原因').fill('送信先のアドレスを取り違えた。受信者が転送した疑いがある。');
      await change.getByLabel('二次被害又はそのおそれ').fill('現時点で二次被害は確認されていない。');
      await change.getByLabel('変更の理由').fill('受信者が第三者に転送した疑いが判明したため');
      await change.getByRole('button', { name: '変更を保存する' }).click();
      await page.getByText(/変更を保存しました（第\d+版）。/).waitFor();
      const answer = page.getByRole('region', { name: '個人情報保護委員会への報告' });
      await answer.getByText('報告対象です。次の理由によります。').waitFor();
      await answer.getByText(/個人情報保護法施行規則第7条第3号.*：該当する/).waitFor();
      const deadlines = page.getByRole('region', { name: '報告期限（日本時間）' });
      expect(await deadlines.getByRole('rowheader', { name: '速報' }).count()).toBe(1);
      expect(await deadlines.getByText(/確報の期限は、認識した日から60日です/).count()).toBe(1);
      await checkPage(page, 'desk-incidents-4-reportable-ja');

      // Someone changes it meanwhile: the page says so and reloads, nothing of this form is saved.
      const token = await client.signIn('officer');
      const current = await client.call('GET', `/v1/staff/incidents/${incidentId}`, { token });
      expect(current.status, current.text).toBe(200);
      const { incidentId: _id, version, reportable: _r, ...rest } = current.json.incident;
      const meanwhile = await client.call('PUT', `/v1/staff/incidents/${incidentId}`, {
        token,
        body: {
          kinds: rest.kinds,
          awareAt: rest.awareAt,
          awareHow: rest.awareHow,
          summary: rest.summary,
          categories: rest.categories,
          dataItems: ['氏名', 'メールアドレス'],
          persons: { estimated: 1 },
          factors: rest.factors,
          cause: rest.cause,
          secondaryDamage: rest.secondaryDamage,
          version,
          reason: '項目を追記',
        },
      });
      expect(meanwhile.status, meanwhile.text).toBe(200);
      await change.getByLabel('その他参考となる事項').fill('なし');
      await change.getByLabel('変更の理由').fill('追記');
      await change.getByRole('button', { name: '変更を保存する' }).click();
      await change.getByText('他の人がこの事案を変更しました').waitFor();
      await checkPage(page, 'desk-incidents-5-changed-meanwhile-ja');
      await change.getByRole('button', { name: '再読み込みする' }).click();
      await page.getByText('氏名、メールアドレス').waitFor();

      // A person is linked by subject id.
      const persons = page.getByRole('region', { name: '紐づけた本人' });
      await persons.getByLabel('本人ID（1行に1人）').fill(DEMO_CUSTOMER.subjectId);
      await persons.getByRole('button', { name: '紐づける' }).click();
      await page.getByText('本人を紐づけました。').waitFor();
      await persons.getByRole('cell', { name: DEMO_CUSTOMER.subjectId }).waitFor();

      // The preliminary report, in Japanese with the Rules' items, printed without the console.
      await deadlines.getByRole('link', { name: '速報を表示・印刷する' }).click();
      await page.getByRole('heading', { level: 1, name: `速報（事案 ${incidentId}）` }).waitFor();
      const paper = page.getByRole('article');
      await paper.getByRole('heading', { level: 2, name: '漏えい等報告（速報）' }).waitFor();
      const text = await paper.textContent();
      for (const item of ['（1）概要', '（4）原因', '（9）その他参考となる事項', '調査中', incidentId])
        expect(text, item).toContain(item);
      expect(await paper.getAttribute('lang')).toBe('ja');
      await checkPage(page, 'desk-incidents-6-preliminary-report-ja');
      await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
      await page.getByRole('button', { name: '印刷する' }).click();
      expect(await page.evaluate('window.printed')).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(false);
      expect(await paper.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // The final report waits for every item, and says which are still empty.
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/incidents/${incidentId}/reports/final`);
      const incomplete = page.getByRole('alert');
      await incomplete.getByText('確報にはすべての項目の記載が必要です。', { exact: false }).waitFor();
      expect(await incomplete.getByRole('listitem').allTextContents()).toContain('再発防止のための措置');

      // Its submission on the PPC's form is recorded with the receipt reference.
      await page.getByRole('link', { name: '事案へ戻る' }).click();
      const submission = page.getByRole('form', { name: '提出を記録する' });
      await submission.getByLabel('提出した日時（日本時間）').fill(japanInput(0.5));
      await submission.getByLabel('受付番号').fill('PPC-2026-000123');
      await submission.getByRole('button', { name: '提出を記録する' }).click();
      await page.getByText('提出を記録しました。').waitFor();
      await deadlines.getByText(/受付番号 PPC-2026-000123/).waitFor();

      // The notice: how many, then a confirmation before anything is sent.
      const notify = page.getByRole('region', { name: '本人に通知する' });
      await notify.getByText('通知する本人：1人').waitFor();
      await notify.getByText('送られるメールの文面').click();
      expect(await notify.locator('pre').textContent()).toContain(incidentId);
      await notify.getByRole('button', { name: '本人に通知する' }).click();
      await notify.getByText('1人に通知メールを送ります。送信は取り消せません。よろしいですか。').waitFor();
      await checkPage(page, 'desk-incidents-7-notify-confirm-ja');
      await notify.getByRole('button', { name: '通知を送る' }).click();
      await page.getByText('通知を送りました（1人）。').waitFor();
      await notify.getByText('通知していない本人はいません。').waitFor();
      await expect
        .poll(async () => (await mailbox(DEMO_CUSTOMER.email)).filter((m) => m.body.text?.includes(incidentId)).length)
        .toBe(1);

      // In English, and on a phone.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Reporting to the PPC' }).waitFor();
      await page.getByText('Reportable, because:').waitFor();
      await checkPage(page, 'desk-incidents-8-incident-en');
      await page.setViewportSize(PHONE);
      await checkPage(page, 'desk-incidents-9-incident-phone-en');
      await page.getByRole('button', { name: '日本語' }).click();
      await page.getByRole('link', { name: '事案の一覧へ' }).click();
      const row = page.getByRole('row', { name: new RegExp(incidentId) });
      await row.getByText('報告対象', { exact: true }).waitFor();
      await row.getByText(/確報: /).waitFor();
      await checkPage(page, 'desk-incidents-10-register-phone-ja');
      await close();
    }, 120_000);

    it('lets an operator open a draft, on a phone, but not take it on', async () => {
      const { page, close } = await signedIn('operator', '#/incidents', PHONE);
      await page.getByRole('heading', { level: 1, name: '漏えい等の事案' }).waitFor();
      expect(await page.getByRole('heading', { level: 2, name: 'アクセス監視の警告' }).count()).toBe(0);
      const incidentId = await openDraft(page, 'ノートPCを紛失した。');
      await page.getByText('下書き（管理者の確認待ち）').first().waitFor();
      expect(await page.getByRole('button', { name: '確認して事案として登録する' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: '事実関係を変更する' }).count()).toBe(0);
      await checkPage(page, 'desk-incidents-11-operator-draft-phone-ja');
      const refused = await client.call('POST', `/v1/staff/incidents/${incidentId}/registration`, {
        token: await client.signIn('operator'),
        body: { version: 1 },
      });
      expect(refused.status).toBe(403);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('Draft (awaiting the officer)').first().waitFor();
      await checkPage(page, 'desk-incidents-12-operator-draft-phone-en');
      await close();
    }, 60_000);
  });
}
