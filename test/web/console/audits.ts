// The audit pages in a real Chromium against the local desk. The officer plans an audit, first naming
// themself as its auditor (refused, naming the field, nothing stored), then the auditor, with two
// checklist items; the auditor answers both, records a finding whose corrective action is already past
// due (marked overdue), closes the audit and reads its report, in Japanese and English and on a phone;
// the officer marks the action done. Each state checked (no script error, axe, no English on a
// Japanese page). An operator is offered no audit page, and the API refuses one too.
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

/** The Japan day `days` from now, as a date field takes it. */
const japanDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);

export function describeAudits({ desk, client, newPage }: ConsoleDesk) {
  async function signedIn(username: string, hash: string, viewport = DESKTOP) {
    const { context, page } = await newPage({ viewport });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe('desk console: the audit pages', () => {
    it('walks an audit from its plan through results, a finding and its report to the action done', async () => {
      const officer = await signedIn('officer', '#/');
      await officer.page.getByRole('link', { name: '監査', exact: true }).click();
      await officer.page.getByRole('heading', { level: 1, name: '監査' }).waitFor();
      const plan = officer.page.getByRole('region', { name: '監査を計画する' });
      await plan.getByLabel('件名').fill('2026年度 上期 個人データ取扱い監査');
      await plan.getByLabel('監査の範囲').fill('プライバシーデスクと担当者コンソール');
      await plan.getByLabel('対象期間の開始日').fill('2026-04-01');
      await plan.getByLabel('対象期間の終了日').fill('2026-09-30');
      await plan.getByLabel('実施予定日').fill(japanDay(0));
      await plan.getByLabel('監査担当者のユーザー名').fill('officer');
      for (const box of await plan.getByRole('checkbox').all()) {
        const name = (await box.evaluate((e) => e.parentElement?.textContent ?? '')).trim();
        if (!name.startsWith('10-1 ') && !name.startsWith('10-4 ')) await box.uncheck();
      }
      await plan.getByRole('button', { name: '監査を計画する' }).click();
      await plan.getByRole('alert').waitFor();
      await plan.locator('#audit-auditor-error').waitFor();
      await checkPage(officer.page, 'desk-audits-1-plan-refused-ja');

      await plan.getByLabel('監査担当者のユーザー名').fill('auditor');
      await plan.getByRole('button', { name: '監査を計画する' }).click();
      const heading = officer.page.getByRole('heading', { level: 1, name: /^監査 AUD-/ });
      await heading.waitFor();
      const auditId = (await heading.textContent())!.replace(/^監査\s*/, '').trim();
      expect(auditId).toMatch(/^AUD-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/);
      await officer.page.getByText('この監査の結果は、担当の監査担当者（auditor）が記録します。').waitFor();
      expect(await officer.page.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        '10-1 基本方針の策定',
        '10-4 従業者の教育',
      ]);
      await checkPage(officer.page, 'desk-audits-2-planned-officer-ja');
      await officer.close();

      const auditor = await signedIn('auditor', `#/audits/${auditId}`);
      const { page } = auditor;
      await page.getByRole('heading', { level: 1, name: `監査 ${auditId}` }).waitFor();
      await page.getByLabel('結果（基本方針の策定）').selectOption('conforms');
      await page.getByRole('button', { name: '結果を記録する（基本方針の策定）' }).click();
      await page.getByText('結果を記録しました。').waitFor();
      await page.getByLabel('結果（従業者の教育）').selectOption('does-not-conform');
      await page.getByLabel('所見（従業者の教育）').fill('窓口担当者1名が今年度の研修を受講していない。');
      await page.getByRole('button', { name: '結果を記録する（従業者の教育）' }).click();
      await page.locator('li.audit-item strong', { hasText: /^不適合$/ }).waitFor();

      const finding = page.getByRole('region', { name: '指摘を記録する' });
      await finding.getByLabel('対象の項目').selectOption('human-training');
      await finding.getByLabel('指摘の内容').fill('窓口担当者1名の研修が未受講。');
      await finding.getByLabel('是正措置の内容').fill('研修を受講させ、受講記録を残す。');
      await finding.getByLabel('是正措置の担当者のユーザー名').fill('operator');
      await finding.getByLabel('是正措置の期限').fill(japanDay(-2));
      await finding.getByRole('button', { name: '指摘を記録する' }).click();
      await page.getByText('指摘を記録しました。').waitFor();
      await page.getByText(/期限超過: 2日超過/).waitFor();
      await checkPage(page, 'desk-audits-3-results-auditor-ja');

      await page.getByLabel('監査意見').fill('研修の受講を除き、安全管理措置は適切に講じられている。');
      await page.getByRole('button', { name: '監査を完了する' }).click();
      await page.getByText('監査を完了しました。').waitFor();
      expect(await page.getByRole('button', { name: /結果を記録する/ }).count()).toBe(0);

      await page.getByRole('link', { name: '監査報告書を表示する' }).click();
      await page.getByRole('heading', { level: 1, name: /監査報告書/ }).waitFor();
      await page.getByText('適合 1件、不適合 1件、該当なし 0件、未記録 0件').waitFor();
      await page.getByText('未完了の是正措置 1件（うち期限超過 1件）').waitFor();
      await checkPage(page, 'desk-audits-4-report-ja');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('1 conform, 1 do not conform, 0 not applicable, 0 not yet answered').waitFor();
      await checkPage(page, 'desk-audits-5-report-en');
      await page.setViewportSize(PHONE);
      await checkPage(page, 'desk-audits-6-report-phone-en');
      await auditor.close();

      const back = await signedIn('officer', `#/audits/${auditId}`);
      const action = back.page.getByRole('form', { name: /是正措置の状況を更新する/ });
      await action.getByLabel(/^状況/).selectOption('done');
      await action.getByLabel(/^実施した内容/).fill('12月に研修を受講させ、受講記録を登録した。');
      await action.getByRole('button', { name: /是正措置の状況を更新する/ }).click();
      await back.page.getByText('是正措置の状況を更新しました。').waitFor();
      expect(await back.page.getByText(/期限超過/).count()).toBe(0);
      await checkPage(back.page, 'desk-audits-7-action-done-ja');
      await back.close();
    }, 180_000);

    it('offers an operator no audit page, and the API refuses one', async () => {
      const { page, close } = await signedIn('operator', '#/audits', PHONE);
      await page.getByRole('heading', { level: 1, name: 'このページはあなたの役割では利用できません。' }).waitFor();
      expect(await page.getByRole('link', { name: '監査', exact: true }).count()).toBe(0);
      const refused = await client.call('GET', '/v1/staff/audits', { token: await client.signIn('operator') });
      expect(refused.status).toBe(403);
      await close();
    }, 60_000);
  });
}
