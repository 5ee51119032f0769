// The request page's section on the holders in a real Chromium: a decided cessation of use whose
// answer waits for the company's CRM (sent) and its mailing subcontractor (a person must act). An
// operator at a desktop, in Japanese, records what was done by hand at the subcontractor, then answers
// with what is known; the officer on a phone reads the section in English.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { receivedRequest } from '../../domain/doubles';
import { sentTask } from '../../domain/fulfilment/tracking-doubles';
import { checkPage, DESKTOP, openRequest, PHONE, signInToConsole } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import { getItem, putItem } from '../../support/requests';
import type { ConsoleDesk } from './desk';

export function describeTasksAtHolders({ desk, client, newPage }: ConsoleDesk) {
  async function decidedAwaitingHolders() {
    const requestId = `holders-${randomUUID().slice(0, 8)}`;
    const email = uniqueEmail('holders');
    const crm = `crm-${requestId}`;
    const mailer = `mailer-${requestId}`;
    await putItem('holders', { holderId: crm, itemKey: 'holder', name: 'Mecara CRM', version: 1 });
    await putItem('holders', { holderId: mailer, itemKey: 'holder', name: 'Hikari Mail Service', version: 1 });
    const now = Date.now();
    await putItem(
      'requests',
      receivedRequest({
        requestId,
        type: 'cessation-of-use',
        status: 'fulfilled',
        requester: { kind: 'self', name: '山田 花子', email },
        subject: { email, name: '山田 花子' },
        receivedAt: new Date(now - 3 * 86_400_000).toISOString(),
        dueAt: new Date(now + 5 * 86_400_000).toISOString(),
        closedAt: new Date(now - 3_600_000).toISOString(),
        decision: {
          outcome: 'fulfilled',
          grounds: [],
          details: { measure: 'erase' },
          decidedAt: new Date(now - 3_600_000).toISOString(),
          decidedBy: 'operator',
        },
        answer: {
          state: 'awaiting-holders',
          heldAt: new Date(now - 3_600_000).toISOString(),
          message: {
            subject: 'ご請求への対応について',
            text: `山田 花子 様\n\n受付番号 ${requestId} のご請求のデータを消去しました。`,
          },
        },
        expiresAt: Math.floor(now / 1000) + 86_400,
      } as Parameters<typeof receivedRequest>[0]),
    );
    const tasks: FulfilmentTask[] = [
      sentTask({
        taskId: randomUUID(),
        requestId,
        holderId: crm,
        holderName: 'Mecara CRM',
        categories: ['email', 'phone'],
        contacts: [{ at: new Date(now - 3_000_000).toISOString(), kind: 'send', outcome: 'pending' }],
        expectedCompletionAt: new Date(now + 86_400_000).toISOString(),
      }),
      sentTask({
        taskId: randomUUID(),
        requestId,
        holderId: mailer,
        holderName: 'Hikari Mail Service',
        categories: ['email'],
        taskState: 'needs-person',
        contacts: [{ at: new Date(now - 3_000_000).toISOString(), kind: 'send', outcome: 'refused: 400' }],
      }),
    ];
    for (const task of tasks) await putItem('fulfilment-tasks', task);
    return { requestId, tasks, email };
  }

  describe('desk console: a decided request at the holders', () => {
    it('Japanese, desktop: the tasks in words, a task closed by hand, the answer sent with what is known', async () => {
      const { requestId, tasks, email } = await decidedAwaitingHolders();
      const { page } = await newPage({ viewport: DESKTOP });
      await signInToConsole(page, desk().url, 'operator');
      await openRequest(page, desk().url, requestId);
      const section = page.getByRole('region', { name: '保有先での対応' });
      await section.waitFor();
      const text = await section.textContent();
      expect(text).toContain('回答は保有先の対応の完了を待っています');
      expect(text).toContain('Mecara CRM');
      expect(text).toContain('依頼済み・保有先の対応待ち');
      expect(text).toContain('担当者の対応が必要');
      expect(text).toContain('消去');
      await checkPage(page, 'desk-at-holders-1-awaiting-ja');

      const byHand = section.getByRole('form', { name: '手作業で行った対応の記録：Hikari Mail Service' });
      await byHand.getByRole('button', { name: '対応を記録して完了にする' }).click();
      await byHand.getByText('送信できませんでした').waitFor();
      await checkPage(page, 'desk-at-holders-2-note-missing-ja');
      await byHand.getByLabel('行った対応').fill('委託先の佐藤様に電話で依頼し、配信リストからの削除を確認した。');
      await byHand.getByRole('button', { name: '対応を記録して完了にする' }).click();
      await expect.poll(() => section.locator(`tr[data-task="${tasks[1]!.taskId}"]`).textContent()).toContain('完了');
      expect(await section.getByRole('form').count()).toBe(1);
      expect((await getItem('fulfilment-tasks', { taskId: tasks[1]!.taskId }))!.taskState).toBe('completed');
      await checkPage(page, 'desk-at-holders-3-closed-by-hand-ja');

      await section.getByRole('button', { name: '分かっている内容で今すぐ回答する' }).click();
      await expect
        .poll(() => section.locator('#answer-state').textContent())
        .toContain('その時点で分かっていた内容で送信済み');
      expect(await section.getByRole('button', { name: '分かっている内容で今すぐ回答する' }).count()).toBe(0);
      await checkPage(page, 'desk-at-holders-4-answered-ja');
      const mail = await client.emailAbout(requestId, /Mecara CRM/);
      expect(mail.destination.to).toEqual([email]);
    }, 150_000);

    it('English, phone: the officer reads the holders and may close by hand', async () => {
      const { requestId } = await decidedAwaitingHolders();
      const { page } = await newPage({ viewport: PHONE, locale: 'en-GB' });
      await signInToConsole(page, desk().url, 'officer');
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/requests/${requestId}`);
      await page.getByRole('heading', { level: 1, name: `Request: ${requestId}` }).waitFor();
      const section = page.getByRole('region', { name: 'At the holders' });
      await section.waitFor();
      const text = await section.textContent();
      expect(text).toContain('The answer waits for the holders to finish');
      expect(text).toContain('Sent; the holder is carrying it out');
      expect(text).toContain('A person must act');
      await section.getByRole('button', { name: 'Answer now with what is known' }).waitFor();
      await section.getByRole('button', { name: 'Record it and mark the task done' }).waitFor();
      await checkPage(page, 'desk-at-holders-5-awaiting-en-phone');
    }, 150_000);
  });
}
