// The apply-purpose-change worker against DynamoDB Local: after a change, notices go through the
// outbox only to people with a live record carrying the purpose, never twice, at most the batch per
// run with the cursor going on; after a retirement, records held only for retired purposes expire now
// with the reason 'purpose-retired' and the rest are recomputed.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { purposeChangeMessageId } from '../../functions/domain/purposes/notifications';
import { handler } from '../../functions/handlers/apply-purpose-change';
import { handler as change } from '../../functions/handlers/change-purpose';
import { handler as retire } from '../../functions/handlers/retire-purpose';
import { seedDemoStaff } from '../../local/seed';
import { emailRecord, record } from '../domain/purposes/doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, getItem, putItem, scanAll, setAttributes, staffClaims } from '../support/requests';

let prefix: string;
const seconds = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterEach(() => {
  delete process.env.DESK_SES_MAX_SEND_RATE;
});

afterAll(() => dropTables(prefix));

async function putAll(items: StoredPersonalDataRecord[]) {
  for (let i = 0; i < items.length; i += 25) {
    await dynamo().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName('personal-data')]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
}

async function changePurpose(purposeId: string) {
  const result = await invoke(change, {
    method: 'PUT',
    path: `/v1/staff/purposes/${purposeId}`,
    resource: '/v1/staff/purposes/{purposeId}',
    pathParameters: { purposeId },
    body: {
      ja: `変更後の利用目的（${purposeId}）`,
      en: `The purpose as changed (${purposeId})`,
      relatedScope: 'Within the scope reasonably related to the old text.',
    },
    claims: staffClaims('officer'),
  });
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result.json as { version: number };
}

async function retirePurpose(purposeId: string) {
  const result = await invoke(retire, {
    method: 'POST',
    path: `/v1/staff/purposes/${purposeId}/retirement`,
    resource: '/v1/staff/purposes/{purposeId}/retirement',
    pathParameters: { purposeId },
    body: { reason: 'business-ended', note: 'The business this purpose served has ended.' },
    claims: staffClaims('officer'),
  });
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result.json as { version: number; retiredAt: string };
}

const noticesAbout = async (purposeId: string, version: number, subjects: string[]) => {
  const ids = new Map(subjects.map((s) => [purposeChangeMessageId(purposeId, version, s), s]));
  return (await scanAll<StoredOutboxMessage>('outbox'))
    .filter((m) => ids.has(m.messageId))
    .map((m) => ({ ...m, subjectId: ids.get(m.messageId)! }));
};

const jobOf = async (purposeId: string, version: number) =>
  (await getItem('purposes', { purposeId, version }))!.rollout;

describe('apply-purpose-change: a change', () => {
  it('e-mails each affected person once, through the outbox, and nobody else', async () => {
    await putAll([
      record('chg-1', 'r-1', ['billing']),
      record('chg-1', 'r-2', ['billing', 'service-provision']),
      emailRecord('chg-1', 'chg-1@example.jp'),
      record('chg-2', 'r-1', ['billing'], { expiresAt: seconds() - 30 }),
      emailRecord('chg-2', 'chg-2@example.jp'),
      record('chg-3', 'r-1', ['service-provision']),
      emailRecord('chg-3', 'chg-3@example.jp'),
      record('chg-4', 'r-1', ['billing']),
      emailRecord('chg-4', 'chg-4-old@example.jp', { expiresAt: seconds() - 30 }),
      emailRecord('chg-4', 'chg-4@example.jp'),
    ]);
    const { version } = await changePurpose('billing');
    const tally = await handler();
    expect(tally).toMatchObject({ finished: 1, messages: 2 });
    const notices = await noticesAbout('billing', version, ['chg-1', 'chg-2', 'chg-3', 'chg-4']);
    expect(notices.map((m) => [m.subjectId, m.to]).sort()).toEqual([
      ['chg-1', ['chg-1@example.jp']],
      ['chg-4', ['chg-4@example.jp']],
    ]);
    for (const notice of notices) {
      expect(notice).toMatchObject({ outboxState: 'pending', attempts: 0, topic: 'purpose-change' });
      expect(notice.text).toContain('変更後: 変更後の利用目的（billing）');
      expect(notice.text).toContain('After: The purpose as changed (billing)');
    }
    expect(await jobOf('billing', version)).toEqual({ kind: 'notify', state: 'done', processed: 3 });

    // Run again from the start: every notice is already in the outbox; none goes twice.
    await setAttributes(
      'purposes',
      { purposeId: 'billing', version },
      { rollout: { kind: 'notify', state: 'pending', processed: 0 } },
    );
    expect(await handler()).toMatchObject({ messages: 0, finished: 1 });
    expect(await noticesAbout('billing', version, ['chg-1', 'chg-4'])).toHaveLength(2);
    expect(await handler()).toMatchObject({ jobs: 0 });
  });

  it('enqueues at most the SES rate × 60 per run, and the next run goes on from the cursor', async () => {
    process.env.DESK_SES_MAX_SEND_RATE = '1';
    const subjects = Array.from({ length: 75 }, (_, i) => `batch-${String(i).padStart(3, '0')}`);
    await putAll(
      subjects.flatMap((s) => [record(s, 'r-1', ['information-and-inquiries']), emailRecord(s, `${s}@example.jp`)]),
    );
    const { version } = await changePurpose('information-and-inquiries');

    expect((await handler()).messages).toBe(60);
    expect(await noticesAbout('information-and-inquiries', version, subjects)).toHaveLength(60);
    const job = await jobOf('information-and-inquiries', version);
    expect(job).toMatchObject({
      state: 'pending',
      cursor: { subjectId: expect.stringMatching(/^batch-/), recordId: 'r-1' },
    });

    expect((await handler()).messages).toBe(15);
    const notices = await noticesAbout('information-and-inquiries', version, subjects);
    expect(notices.map((m) => m.subjectId).sort()).toEqual(subjects);
    expect(await jobOf('information-and-inquiries', version)).toMatchObject({ state: 'done' });
    expect((await handler()).messages).toBe(0);
  });
});

describe('apply-purpose-change: a retirement', () => {
  it('records held only for retired purposes expire now with the reason; the rest are recomputed; nobody is e-mailed', async () => {
    const contractEndedAt = new Date(Date.now() - 5 * DAY * 1000).toISOString();
    const unrelatedExpiry = seconds() + 100 * DAY;
    await putItem('subjects', { subjectId: 'ret-2', contractEndedAt });
    await putAll([
      record('ret-1', 'r-1', ['advertising'], { expiresAt: seconds() + 300 * DAY }),
      emailRecord('ret-1', 'ret-1@example.jp'),
      record('ret-2', 'r-1', ['advertising', 'service-provision'], { expiresAt: seconds() + 350 * DAY }),
      record('ret-3', 'r-1', ['advertising', 'important-notices'], { expiresAt: seconds() + 10 * DAY }),
      record('ret-4', 'r-1', ['registration-screening'], { expiresAt: unrelatedExpiry }),
    ]);
    const outboxBefore = (await scanAll('outbox')).length;
    const { version } = await retirePurpose('advertising');
    const before = seconds();
    const tally = await handler();
    expect(tally).toMatchObject({ finished: 1, messages: 0 });

    const onlyRetired = await getItem<StoredPersonalDataRecord>('personal-data', {
      subjectId: 'ret-1',
      recordId: 'r-1',
    });
    if (onlyRetired) {
      // Still there until the TTL sweep removes it: expired now, never served again.
      expect(onlyRetired.erasureReason).toBe('purpose-retired');
      expect(onlyRetired.expiresAt).toBeGreaterThanOrEqual(before - 1);
      expect(onlyRetired.expiresAt).toBeLessThanOrEqual(seconds());
    }
    expect(
      (await getItem<StoredPersonalDataRecord>('personal-data', { subjectId: 'ret-2', recordId: 'r-1' }))!.expiresAt,
    ).toBe(Math.ceil(Date.parse(contractEndedAt) / 1000) + 90 * DAY);
    // Important notices run until the contract ends; this contract has not.
    expect(await getItem('personal-data', { subjectId: 'ret-3', recordId: 'r-1' })).not.toHaveProperty('expiresAt');
    expect(await getItem('personal-data', { subjectId: 'ret-3', recordId: 'r-1' })).not.toHaveProperty('erasureReason');
    // A record not carrying the retired purpose is not touched.
    expect(
      (await getItem<StoredPersonalDataRecord>('personal-data', { subjectId: 'ret-4', recordId: 'r-1' }))!.expiresAt,
    ).toBe(unrelatedExpiry);
    expect(
      await getItem<StoredPersonalDataRecord>('personal-data', {
        subjectId: 'ret-1',
        recordId: 'email-ret-1@example.jp',
      }),
    ).not.toHaveProperty('erasureReason');
    expect(await jobOf('advertising', version)).toMatchObject({ kind: 'recompute', state: 'done' });
    expect((await scanAll('outbox')).length).toBe(outboxBefore);
  });
});
