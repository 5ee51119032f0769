// The desk at work in a real Chromium against the local desk: the queue as one card per request
// (requester, subject, assignee, due day in Japan time), searched by name, address and request number
// and filtered on the server, each search access-logged once and never kept in the address;
// assignment from the staff list, "assign to me" gone once it is mine; the console on a 390 px phone
// (cards, no horizontal scroll, touch targets of 44 px). Japanese and English, desktop and phone.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { hashLocalPassword } from '../../../local/staff-sign-in';
import { receivedRequest } from '../../domain/doubles';
import { checkPage, DESKTOP, PHONE, signInToConsole as signInAsStaff } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import { putItem } from '../../support/requests';
import type { ConsoleDesk } from './desk';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whatever a page scrolls sideways by: the document wider than the screen. */
const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.scrollingElement.scrollWidth - document.documentElement.clientWidth');

/** The controls on the page a finger must hit that are smaller than 44 px each way (WCAG 2.5.5). */
const smallTargets = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const controls = [...document.querySelectorAll(
      'header a, header button, main button, main select, main textarea, main summary, main h2 a, main p > a:only-child,' +
      ' main input:not([type=checkbox]):not([type=radio]):not([type=hidden])'
    )];
    return controls
      .filter((e) => e.offsetParent !== null && !e.closest('.visually-hidden'))
      .map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([e, r]) => e.tagName + ' "' + (e.textContent || e.getAttribute('name') || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
  })()`);

export function describeQueue({ desk, client, newPage }: ConsoleDesk) {
  const signInToConsole = (page: Page, username: string) => signInAsStaff(page, desk().url, username);
  const suffix = randomUUID().slice(0, 8);
  const satoEmail = uniqueEmail(`ichiro.sato.${suffix}`);
  const satoName = `佐藤 一郎 ${suffix}`;
  const agentName = `ＡＢＣ法律事務所 ${suffix}`;
  const subjectName = `鈴木 二郎 ${suffix}`;
  const colleague = `queue-op-${suffix}`;
  const assignedId = `req-assigned-${suffix}`;
  let sato: string;
  let agent: string;

  const card = (page: Page, requestId: string) => page.locator(`li.queue-card:has(#queue-${requestId})`);
  const shownIds = (page: Page) => page.locator('h2.queue-title code').allTextContents();

  /** The officer's view of the access log: the entries naming this request with this reason. */
  async function logged(requestId: string, reason: string) {
    const { status, json } = await client.call('GET', `/v1/staff/access-log?subject=request:${requestId}`, {
      token: await client.signIn('officer'),
    });
    expect(status).toBe(200);
    return (json.items as Array<{ actor: string; reason: string }>).filter((e) => e.reason === reason);
  }

  describe('desk console: the queue and assignment', () => {
    beforeAll(async () => {
      sato = (
        await client.submitAndVerify({
          type: 'disclosure',
          requester: { kind: 'self', name: satoName, email: satoEmail },
          subject: { email: satoEmail },
        })
      ).requestId;
      const agentEmail = uniqueEmail(`abc-law-${suffix}`);
      agent = (
        await client.submitAndVerify({
          type: 'complaint',
          requester: { kind: 'agent', name: agentName, email: agentEmail },
          subject: { email: uniqueEmail(`jiro-${suffix}`), name: subjectName },
          details: { description: '対応が遅いことについての苦情です。' },
        })
      ).requestId;
      // A colleague to assign to, and a request already assigned to the demo operator, overdue by a day.
      await putItem('staff', {
        staffId: colleague,
        role: 'operator',
        status: 'active',
        displayName: `田中 太郎 ${suffix}`,
        email: `${colleague}@desk.example.jp`,
        passwordChangedAt: new Date().toISOString(),
        localPasswordHash: hashLocalPassword(E2E_DEMO_PASSWORD),
      });
      await putItem(
        'requests',
        receivedRequest({
          requestId: assignedId,
          type: 'correction',
          status: 'in-progress',
          assignee: 'operator',
          requester: { kind: 'self', name: `山本 三郎 ${suffix}`, email: uniqueEmail(`saburo-${suffix}`) },
          subject: { email: uniqueEmail(`saburo-${suffix}`) },
          receivedAt: new Date(Date.now() - 14 * DAY_MS).toISOString(),
          dueAt: new Date(Date.now() - DAY_MS).toISOString(),
        }),
      );
    }, 90_000);

    it('shows each request as a card with requester, subject, assignee and due day, and searches by name, address and number (Japanese, desktop)', async () => {
      const { context, page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, 'operator');
      await card(page, sato).waitFor();

      const self = await card(page, sato).textContent();
      expect(self).toContain('保有個人データの開示');
      expect(self).toContain(satoName);
      expect(self).toContain(satoEmail);
      expect(self).toContain('請求者本人');
      expect(self).toContain('未割当て');
      expect(self).toMatch(/あと\d+日/);
      const represented = await card(page, agent).textContent();
      expect(represented).toContain(agentName);
      expect(represented).toContain('任意代理人');
      expect(represented).toContain(subjectName);
      const assigned = await card(page, assignedId).textContent();
      expect(assigned).toContain('期限超過');
      expect(assigned).toContain('Demo operator（自分）');
      expect(await card(page, sato).getByRole('link').getAttribute('href')).toBe(`#/requests/${sato}`);
      await checkPage(page, 'desk-queue-1-cards-ja');

      // By part of a name, spaces and width as typed: one search, one access-log entry, nothing in the address.
      const before = (await logged(sato, 'request queue search')).length;
      await page.getByLabel('検索（氏名・メールアドレス・受付番号）').fill(`一郎${suffix}`);
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByText('検索の結果です。').waitFor();
      expect(await shownIds(page)).toEqual([sato]);
      expect(page.url()).not.toMatch(/[?&]q=/);
      expect(page.url()).not.toContain(suffix);
      await expect.poll(async () => (await logged(sato, 'request queue search')).length).toBe(before + 1);
      await checkPage(page, 'desk-queue-2-search-name-ja');

      // By address, whole, in another case; by request number.
      await page.getByLabel('検索（氏名・メールアドレス・受付番号）').fill(satoEmail.toUpperCase());
      await page.getByRole('button', { name: '表示する' }).click();
      await expect.poll(() => shownIds(page)).toEqual([sato]);
      await page.getByLabel('検索（氏名・メールアドレス・受付番号）').fill(satoEmail.slice(0, 12));
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByText('該当する請求はありません。').waitFor();
      await page.getByLabel('検索（氏名・メールアドレス・受付番号）').fill(agent);
      await page.getByRole('button', { name: '表示する' }).click();
      await expect.poll(() => shownIds(page)).toEqual([agent]);

      // Filters run on the server and stay in the address: a complaint, not assigned, searched by the agent's name.
      await page.getByLabel('検索（氏名・メールアドレス・受付番号）').fill(`ＡＢＣ法律事務所${suffix}`);
      await page.getByLabel('種類').selectOption('complaint');
      await page.getByLabel('担当者', { exact: true }).selectOption('unassigned');
      await page.getByRole('button', { name: '表示する' }).click();
      await expect.poll(() => page.url()).toMatch(/#\/\?type=complaint&assignee=unassigned$/);
      await expect.poll(() => shownIds(page)).toEqual([agent]);
      await page.getByLabel('種類').selectOption('disclosure');
      await page.getByRole('button', { name: '表示する' }).click();
      await page.getByText('該当する請求はありません。').waitFor();
      await checkPage(page, 'desk-queue-3-filtered-empty-ja');

      // Mine, due by today (overdue included): the overdue one assigned to me.
      await page.getByRole('button', { name: '条件を解除する' }).click();
      await card(page, sato).waitFor();
      await page.getByLabel('担当者', { exact: true }).selectOption('me');
      await page.getByLabel('回答期限').selectOption('0');
      await page.getByRole('button', { name: '表示する' }).click();
      await expect.poll(() => page.url()).toMatch(/#\/\?assignee=me&due=0$/);
      // Both at once: the unfiltered list shown until the answer arrives holds the assigned one too.
      await expect
        .poll(async () => {
          const shown = await shownIds(page);
          return shown.includes(assignedId) && !shown.includes(sato);
        })
        .toBe(true);
      await checkPage(page, 'desk-queue-4-mine-due-today-ja');
      await context.close();
    }, 120_000);

    it('reads the same in English, and an auditor gets no names and no search', async () => {
      const { context, page } = await newPage({ viewport: DESKTOP, locale: 'en-GB' });
      await signInToConsole(page, 'operator');
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Request queue' }).waitFor();
      await card(page, agent).waitFor();
      const represented = await card(page, agent).textContent();
      expect(represented).toContain('Appointed agent');
      expect(represented).toContain('Not assigned');
      expect(represented).toMatch(/Due (today|in \d+ days?)/);
      expect(await card(page, assignedId).textContent()).toMatch(/Overdue( by \d+ days?)?/);
      await page.getByLabel('Assigned to').selectOption(colleague);
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.url()).toContain(`assignee=${colleague}`);
      await page.getByText('No requests match.').waitFor();
      await checkPage(page, 'desk-queue-5-en');
      await context.close();

      const auditor = await newPage({ viewport: DESKTOP });
      await signInToConsole(auditor.page, 'auditor');
      await card(auditor.page, sato).waitFor();
      expect(await auditor.page.getByLabel('検索（氏名・メールアドレス・受付番号）').count()).toBe(0);
      const main = await auditor.page.getByRole('main').textContent();
      expect(main).not.toContain(satoEmail);
      expect(main).not.toContain(satoName);
      expect(main).not.toContain('請求者');
      await checkPage(auditor.page, 'desk-queue-6-auditor-ja');
      await auditor.context.close();
    }, 120_000);

    it('assigns on a phone: "assign to me" goes once it is mine, another operator is picked from the staff list (Japanese, 390 px)', async () => {
      const { context, page } = await newPage({ viewport: PHONE });
      await signInToConsole(page, 'operator');
      await card(page, sato).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      // Cards, one column: each card as wide as the list, the facts stacked.
      const box = await card(page, sato).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await checkPage(page, 'desk-queue-7-phone-ja');

      await card(page, sato).getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `請求の詳細: ${sato}` }).waitFor();
      await page.getByText(satoEmail).first().waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      const assignment = page.getByRole('region', { name: '担当の割当て' });
      await assignment.getByRole('button', { name: '自分に割り当てる' }).click();
      await assignment.getByText('この請求はあなたの担当です。').waitFor();
      expect(await assignment.getByRole('button', { name: '自分に割り当てる' }).count()).toBe(0);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      await checkPage(page, 'desk-queue-8-phone-request-mine-ja');

      // Someone else, from the staff list: the list is read only when the picker opens, and names active operators.
      const before = (await logged(sato, 'request queue')).length;
      await assignment.getByText('別の担当者に割り当てる').click();
      const picker = assignment.getByLabel('割り当てる担当者');
      await picker.waitFor();
      const offered = await picker.locator('option').allTextContents();
      expect(offered).toContain(`田中 太郎 ${suffix}（${colleague}）`);
      expect(offered.join()).not.toContain('（operator）');
      expect(offered.join()).not.toMatch(/officer|auditor/);
      await checkPage(page, 'desk-queue-9-phone-pick-ja');
      await picker.selectOption(colleague);
      await assignment.getByRole('button', { name: '割り当てる', exact: true }).click();
      await expect.poll(() => page.locator('dl.facts').first().textContent()).toContain(colleague);
      // Not mine any more: "assign to me" is back.
      await assignment.getByRole('button', { name: '自分に割り当てる' }).waitFor();
      expect((await logged(sato, 'request queue')).length).toBe(before);
      await context.close();
    }, 120_000);

    it('works on a phone in English: the queue, its filters and a request page without sideways scrolling', async () => {
      const { context, page } = await newPage({ viewport: PHONE });
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}`);
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByLabel('Username').fill('officer');
      await page.getByLabel('Password', { exact: true }).fill(E2E_DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Request queue' }).waitFor();
      await card(page, agent).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      await checkPage(page, 'desk-queue-10-phone-en');
      await card(page, agent).getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: new RegExp(agent) }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      // The officer may assign but is not assignable: no "assign to me".
      expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
      await checkPage(page, 'desk-queue-11-phone-request-en');
      await context.close();
    }, 120_000);
  });
}
