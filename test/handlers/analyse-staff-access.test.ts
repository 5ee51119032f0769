// The access monitoring schedule against DynamoDB Local and the SES emulator: entries appended to the
// real access log, two runs at the same moment, then runs until caught up. The officer gets one
// e-mail naming the person who read too many people in an hour and the person who read at night,
// and nothing about writes, company systems or a person within the limit.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAccessLog } from '../../functions/adapters/access-log-repository';
import { dynamoMonitoringStore, MONITORING_CURSOR_ID } from '../../functions/adapters/access-monitoring-repository';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import type { AccessLogEntry } from '../../functions/domain/access-log/entry';
import { isDeskOpen, JST_OFFSET_MS } from '../../functions/domain/kernel/calendar';
import { alertMessageId } from '../../functions/domain/monitoring/access-analysis';
import { alertIdOf } from '../../functions/domain/monitoring/alerts';
import { handler } from '../../functions/handlers/analyse-staff-access';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { DEMO_HOURS } from '../support/company';
import { freshTables, mailbox } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  getItem,
  putItem,
  scanAll,
  streamEvent,
  streamRecord,
} from '../support/requests';

const HOUR_MS = 60 * 60 * 1000;
const OFFICER = 'officer@desk.example.jp';
const run = randomUUID().slice(0, 8);
const staff = { bulk: `mon-bulk-${run}`, steady: `mon-steady-${run}`, night: `mon-night-${run}` };
let prefix: string;
let deskHour: Date;
let nightRead: Date;

/** The latest hour, at least 60 hours back (more than two runs' worth), that lies wholly within desk hours. */
function pastDeskHour(): Date {
  for (let hour = Math.floor((Date.now() - 60 * HOUR_MS) / HOUR_MS) * HOUR_MS; ; hour -= HOUR_MS) {
    if (isDeskOpen(new Date(hour), DEMO_HOURS) && isDeskOpen(new Date(hour + HOUR_MS - 1), DEMO_HOURS))
      return new Date(hour);
  }
}

const entry = (
  actor: string,
  at: Date,
  subjects: string[],
  overrides: Partial<AccessLogEntry> = {},
): AccessLogEntry => ({
  actor,
  role: 'operator',
  action: 'read',
  subjects,
  fields: ['email'],
  reason: 'req-1',
  sourceIp: '203.0.113.10',
  at: at.toISOString(),
  ...overrides,
});
const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `subj-${tag}-${i}-${run}`);

beforeAll(async () => {
  prefix = await freshTables();
  deskHour = pastDeskHour();
  // 22:10 Japan time on the same Japan day: always after closing, and within the day after deskHour.
  const japanMidnight =
    Math.floor((deskHour.getTime() + JST_OFFSET_MS) / (24 * HOUR_MS)) * 24 * HOUR_MS - JST_OFFSET_MS;
  nightRead = new Date(japanMidnight + 22 * HOUR_MS + 10 * 60_000);
  const minute = (n: number) => new Date(deskHour.getTime() + n * 60_000);
  await Promise.all([
    dynamoAccessLog.append(entry(staff.bulk, minute(5), ids(20, 'a'))),
    dynamoAccessLog.append(entry(staff.bulk, minute(40), [...ids(10, 'a'), ...ids(11, 'b')])),
    dynamoAccessLog.append(entry(staff.steady, minute(10), ids(30, 'c'))),
    dynamoAccessLog.append(entry(staff.night, nightRead, [`subj-night-${run}`])),
    dynamoAccessLog.append(
      entry(staff.night, new Date(nightRead.getTime() + 60_000), [`subj-written-${run}`], { action: 'write' }),
    ),
    dynamoAccessLog.append(
      entry('arn:aws:iam::000000000000:role/payroll', nightRead, ids(40, 'sys'), { role: 'system' }),
    ),
  ]);
  await putItem('evidence', {
    evidenceId: MONITORING_CURSOR_ID,
    kind: 'access-monitoring-cursor',
    analysedThrough: new Date(deskHour.getTime() - HOUR_MS).toISOString(),
  });
});

afterAll(() => dropTables(prefix));

const alerts = async () =>
  (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.topic === 'access-monitoring');

describe('analyse-staff-access', () => {
  it('two runs at the same moment: one analyses the day after the cursor and alerts once, the other moves on to the next day', async () => {
    bothReadBeforeEitherWrites(dynamoMonitoringStore, 'cursor');
    const tallies = await Promise.all([handler(), handler()]);
    const [winner, loser] = tallies[0]!.alert ? tallies : [tallies[1]!, tallies[0]!];
    expect(winner).toEqual({ hours: 24, findings: 2, alert: alertMessageId(deskHour), alertId: alertIdOf(deskHour) });
    expect(loser).toEqual({ hours: 24, findings: 0 });

    const [alert, ...more] = await alerts();
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ messageId: alertMessageId(deskHour), to: [OFFICER], outboxState: 'pending' });
    expect(alert!.text).toContain(`${staff.bulk} (operator)`);
    expect(alert!.text).toContain('read the data of 31 people');
    expect(alert!.text).toContain(`${staff.night} (operator)`);
    expect(alert!.text).toContain(`subj-night-${run}`);
    for (const absent of [staff.steady, `subj-written-${run}`, 'payroll', 'email', 'req-1'])
      expect(alert!.text).not.toContain(absent);
  });

  it("keeps the alert as evidence with its findings, by staff and subject ids, first on the cursor's recent list", async () => {
    const record = await getItem('evidence', { evidenceId: alertIdOf(deskHour) });
    expect(record).toMatchObject({
      kind: 'access-alert',
      alertId: alertIdOf(deskHour),
      messageId: alertMessageId(deskHour),
      from: deskHour.toISOString(),
      limit: 30,
      findingCount: 2,
      subjectCount: 31 + 1,
    });
    expect(record!.findings).toEqual([
      expect.objectContaining({ kind: 'many-subjects', actor: staff.bulk, roles: ['operator'], subjectCount: 31 }),
      expect.objectContaining({
        kind: 'outside-desk-hours',
        actor: staff.night,
        subjects: [`subj-night-${run}`],
        reads: 1,
      }),
    ]);
    expect(record!.subjects).toContain(`subj-night-${run}`);
    for (const absent of [staff.steady, `subj-written-${run}`, 'email', 'req-1', '203.0.113.10'])
      expect(JSON.stringify(record)).not.toContain(absent);
    expect(record!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 365 * 24 * 3600);
    const cursor = await getItem('evidence', { evidenceId: MONITORING_CURSOR_ID });
    expect(cursor!.recentAlerts).toEqual([alertIdOf(deskHour)]);
  });

  it('later runs catch up on every closed hour since, alert nothing more, and leave the cursor at the last closed hour', async () => {
    let runs = 0;
    for (let tally = await handler(); tally.hours > 0; tally = await handler()) {
      expect(tally.alert).toBeUndefined();
      runs += 1;
    }
    expect(runs).toBeGreaterThan(0);
    expect(await alerts()).toHaveLength(1);
    const cursor = await getItem('evidence', { evidenceId: MONITORING_CURSOR_ID });
    const lastClosed = Math.floor((Date.now() - 5 * 60_000 - HOUR_MS) / HOUR_MS) * HOUR_MS;
    expect(Date.parse(cursor!.analysedThrough as string)).toBeGreaterThanOrEqual(lastClosed - HOUR_MS);
    expect(cursor).not.toHaveProperty('expiresAt');
  });

  it('the outbox delivers the alert to the officer', async () => {
    const [alert] = await alerts();
    await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: alert! })));
    const mail = (await mailbox(OFFICER)).filter((m) => m.body.text?.includes(staff.bulk));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('アクセス監視');
    expect(mail[0]!.body.text).toContain('窓口時間外');
  });
});
