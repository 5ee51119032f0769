// The officer's reminders of staff standings against DynamoDB Local: 14 days ahead and once lapsed,
// each once however often and however concurrently the worker runs; the marker and the outbox
// message commit together, so a failed write leaves neither and the next run mails.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSafeguards } from '../../functions/adapters/safeguards-repository';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { addDays } from '../../functions/domain/safeguards/standing';
import { handler as remind } from '../../functions/handlers/remind-standing-lapses';
import { freshTables } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, putStaff, scanAll } from '../support/requests';

let prefix: string;
const today = japanDay(new Date());

async function trained(staffId: string, validUntil: string) {
  await dynamoSafeguards.acknowledge({
    staffId,
    ruleId: 'handling-rules',
    version: 1,
    acknowledgedAt: '2025-01-05T00:00:00.000Z',
  });
  await dynamoSafeguards.recordCompletion({
    staffId,
    courseId: 'basics',
    completedOn: addDays(validUntil, -364),
    validUntil,
    recordedBy: 'officer',
    recordedAt: '2025-01-05T00:00:00.000Z',
  });
}

beforeAll(async () => {
  prefix = await freshTables();
  await dynamoSafeguards.publishRuleVersion({
    ruleId: 'handling-rules',
    version: 1,
    kind: 'rules',
    title: { ja: '個人情報取扱規程', en: 'Personal data handling rules' },
    effectiveFrom: '2025-01-01',
    text: 'Handle personal data only for the purposes published.',
    publishedBy: 'officer',
    publishedAt: '2025-01-01T00:00:00.000Z',
  });
  await dynamoSafeguards.addCourse({
    courseId: 'basics',
    title: { ja: '個人情報保護研修', en: 'Personal data protection training' },
    validityMonths: 12,
    required: true,
    createdBy: 'officer',
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  await Promise.all([
    putStaff('op-lapsed', 'operator'),
    putStaff('op-soon', 'operator'),
    putStaff('op-current', 'operator'),
    putStaff('op-gone', 'operator', 'disabled'),
  ]);
  // Grace 30 days: lapsed since long ago; due in 6 days (refused in 7, within the 14-day lead); a year to go.
  await trained('op-lapsed', addDays(today, -60));
  await trained('op-soon', addDays(today, -25));
  await trained('op-current', addDays(today, 200));
  await trained('op-gone', addDays(today, -60));
});

afterAll(() => dropTables(prefix));

const reminders = async () =>
  (await scanAll('safeguards'))
    .filter((i) => i.pk === 'reminders')
    .map((i) => String(i.sk))
    .sort();
const mails = async () => (await scanAll('outbox')).filter((m) => String(m.topic).startsWith('safeguards-standing-'));

describe('remind-standing-lapses', () => {
  it('a failed write leaves neither marker nor message, and the run fails for the schedule to retry', async () => {
    const { mock } = mockDocumentClient();
    mock.on(TransactWriteCommand).rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable' }));
    try {
      await expect(remind()).rejects.toThrow();
    } finally {
      mock.restore();
    }
    expect(await reminders()).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it('e-mails the officer once about the lapsed member and once about the one lapsing soon, however it runs', async () => {
    const runs = await Promise.all([remind(), remind()]);
    expect(runs.map((r) => r.reminded).reduce((a, b) => a + b)).toBe(2);
    expect(await remind()).toEqual({ due: 2, reminded: 0 });

    expect(await reminders()).toEqual([
      `lapse#op-lapsed#${addDays(today, -60 + 1 + 30 + 1)}#lapsed`,
      `lapse#op-soon#${addDays(today, 7)}#coming`,
    ]);
    const sent = await mails();
    expect(sent.map((m) => m.topic).sort()).toEqual(['safeguards-standing-coming', 'safeguards-standing-lapsed']);
    for (const mail of sent) {
      expect(mail.to).toEqual(['officer@desk.example.jp']);
      // Pending in the outbox: with SES down, retry-outbox sends it later; the reminder is not lost.
      expect(mail.outboxState).toBe('pending');
      expect(mail.text).toContain('Personal data protection training');
    }
    const soon = sent.find((m) => m.topic === 'safeguards-standing-coming')!;
    expect(soon.subject).toContain(`op-soon) will be refused personal data from ${addDays(today, 7)}`);
    expect(soon.text).toContain(`was current until ${addDays(today, -25)}`);
  });
});
