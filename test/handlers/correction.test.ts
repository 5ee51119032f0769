// A correction request (APPI Art. 34) end to end against DynamoDB Local and the SES emulator:
// submitted with its items, verified, decided. The changes land in the personal-data table in the
// decision's transaction (a corrected value, an added record, a deleted record marked for the TTL
// and certified on removal); bad input and races are 4xx with nothing written.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { streamEventId } from '../../functions/adapters/dynamodb-stream';
import { dynamoHoldingsReader } from '../../functions/adapters/holdings-repository';
import { type ErasureCertificate, itemEvidenceId } from '../../functions/domain/erasure/certificate';
import { handler as certifyErasure } from '../../functions/handlers/certify-erasure';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  scanAll,
  setAttributes,
  staffClaims,
  streamEvent,
  streamRecord,
  submitAndVerify,
} from '../support/requests';

const SUBJECT = DEMO_CUSTOMER.subjectId;
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const ITEMS = [{ change: 'correct', category: 'name', description: 'My given name is misspelt', content: '山田 華子' }];
const INVESTIGATION = 'Compared the record with the sign-up form: the given name was keyed wrongly.';

const body = (details: unknown, language: 'ja' | 'en' = 'en') => ({
  ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
  type: 'correction',
  details,
});

const fulfil = (changes: unknown[]) => ({ outcome: 'fulfilled', details: { investigation: INVESTIGATION, changes } });
const record = (recordId: string, subjectId: string = SUBJECT) => getItem('personal-data', { subjectId, recordId });

async function mailed(requestId: string) {
  const message = (await outboxAbout(requestId)).find((m) => m.topic.startsWith('decision-'))!;
  expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual([]);
  const mail = (await mailbox(DEMO_CUSTOMER.email)).find((m) => m.body.text?.includes(requestId));
  expect(mail, 'decision e-mail in the SES emulator').toBeDefined();
  return mail!;
}

describe('correction: submitting', () => {
  it('no items → 400 naming the field; an addition without its content → 400 naming the item', async () => {
    const submit = (details: unknown) =>
      invoke(submitHandler, { method: 'POST', path: '/v1/requests', resource: '/v1/requests', body: body(details) });
    const missing = await submit({});
    expectProblem(missing, 400);
    expect(JSON.stringify(missing.json)).toContain('body.details.items');
    const noContent = await submit({ items: [{ change: 'add', description: 'My mobile number' }] });
    expectProblem(noContent, 400);
    expect(JSON.stringify(noContent.json)).toContain('body.details.items.0.content');
  });
});

describe('correction: fulfilled', () => {
  it("corrects, adds and deletes in the decision's transaction, and e-mails what changed (en)", async () => {
    // Decided an hour ahead of the emulator's clock: DynamoDB Local sweeps a record expired by the
    // deletion within a second, and this test reads it back before the sweep would.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { requestId } = await submitAndVerify(
      body({
        items: [
          ...ITEMS,
          { change: 'add', category: 'phone', description: 'My mobile', content: '090-1111-2222' },
          { change: 'delete', category: 'phone', description: 'The directory number is not mine' },
        ],
      }),
    );
    const phoneBefore = await record('rec-phone');
    const result = await decide(
      requestId,
      fulfil([
        { action: 'correct', subjectId: SUBJECT, recordId: 'rec-name', value: '山田 華子 (Hanako Yamada)' },
        {
          action: 'add',
          subjectId: SUBJECT,
          category: 'phone',
          value: '090-1111-2222',
          purposes: ['information-and-inquiries'],
        },
        { action: 'delete', subjectId: SUBJECT, recordId: 'rec-phone' },
      ]),
    );
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const decidedAt = result.json.decidedAt as string;

    expect(await record('rec-name')).toMatchObject({
      value: '山田 華子 (Hanako Yamada)',
      correctedAt: decidedAt,
      correctedBy: requestId,
    });
    const added = (await scanAll('personal-data')).filter(
      (r) => r.subjectId === SUBJECT && r.value === '090-1111-2222',
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      category: 'phone',
      source: 'from-customer',
      purposes: ['information-and-inquiries'],
      acquiredAt: decidedAt,
    });
    expect(added[0]!.expiresAt).toBeGreaterThan(Date.parse(decidedAt) / 1000);

    // The deleted record is expired as of the decision and never served again; the TTL removes it.
    const deleted = await record('rec-phone');
    expect(deleted).toMatchObject({ erasureReason: 'request', expiresAt: Math.floor(Date.parse(decidedAt) / 1000) });
    const held = await dynamoHoldingsReader.holdingsOf(DEMO_CUSTOMER.email, new Date());
    expect(held.records.map((r) => r.recordId)).not.toContain('rec-phone');
    expect(held.records.map((r) => r.recordId)).toContain(added[0]!.recordId);

    // The TTL sweep streams the removal; the consumer certifies it as an erasure on request.
    await dynamo().send(
      new DeleteCommand({ TableName: tableName('personal-data'), Key: { subjectId: SUBJECT, recordId: 'rec-phone' } }),
    );
    const removal = streamRecord('UNKNOWN_TO_SDK_VERSION', { oldImage: { ...phoneBefore, ...deleted } });
    expect((await certifyErasure(streamEvent(removal))).batchItemFailures).toEqual([]);
    const certificate = await getItem<ErasureCertificate>('evidence', {
      evidenceId: itemEvidenceId(streamEventId(removal)),
    });
    expect(certificate).toMatchObject({ reason: 'request', categories: ['phone'], verification: { remaining: 0 } });

    const accessLog = (await scanAll('access-log')).filter((e) => e.reason === `correction ${requestId}`);
    expect(accessLog.map((e) => e.action).sort()).toEqual(['read', 'write']);
    expect(accessLog.find((e) => e.action === 'write')!.fields).toEqual(['name', 'phone']);

    const mail = await mailed(requestId);
    expect(mail.subject).toBe('We have corrected your personal data');
    expect(mail.body.text).toContain('Name: corrected to read "山田 華子 (Hanako Yamada)"');
    expect(mail.body.text).toContain('Telephone number: added, reading "090-1111-2222"');
    expect(mail.body.text).toContain('Telephone number: deleted');
    expect(mail.body.text).toContain(INVESTIGATION);
  });

  it('a refusal in Japanese: the content was found true, nothing changed, grounds and reason e-mailed', async () => {
    const { requestId } = await submitAndVerify(
      body(
        { items: [{ change: 'correct', category: 'address', description: '住所が古い', content: '東京都港区1-1' }] },
        'ja',
      ),
    );
    const before = await record('rec-address');
    const reason = '住民票の写しで確認した住所と一致しています。';
    const result = await decide(requestId, {
      outcome: 'refused',
      grounds: ['content-found-true'],
      reason,
      details: { investigation: '住民票の写しと照合しました。' },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(await record('rec-address')).toEqual(before);
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'refused',
      decision: { details: { investigation: '住民票の写しと照合しました。' } },
    });
    const mail = await mailed(requestId);
    expect(mail.subject).toBe('保有個人データの内容の訂正等のご請求へのご回答');
    expect(mail.body.text).toContain(
      '調査の結果、保有個人データの内容が事実でないとは認められなかったため（第34条第1項・第2項）',
    );
    expect(mail.body.text).toContain(reason);
  });

  it('fulfilled in Japanese: the corrected address is e-mailed', async () => {
    const { requestId } = await submitAndVerify(
      body(
        {
          items: [
            { change: 'correct', category: 'address', description: '転居しました', content: '東京都港区芝公園4-2-8' },
          ],
        },
        'ja',
      ),
    );
    const result = await decide(
      requestId,
      fulfil([{ action: 'correct', subjectId: SUBJECT, recordId: 'rec-address', value: '東京都港区芝公園4-2-8' }]),
    );
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const mail = await mailed(requestId);
    expect(mail.subject).toBe('保有個人データの内容の訂正等を行いました');
    expect(mail.body.text).toContain('住所: 訂正（訂正後の内容: 東京都港区芝公園4-2-8）');
  });
});

describe('correction: bad decisions write nothing', () => {
  async function expectUnchanged(requestId: string) {
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received' });
    expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toEqual([]);
  }

  it("a change naming another person's record → 422 naming the change; neither record changes", async () => {
    await putItem('personal-data', {
      subjectId: 'subject-someone-else',
      recordId: 'rec-other',
      category: 'name',
      value: 'Someone Else',
      source: 'from-customer',
      purposes: ['service-provision'],
      acquiredAt: '2026-01-01T00:00:00.000Z',
      lookupKey: 'subject#subject-someone-else',
    });
    const { requestId } = await submitAndVerify(body({ items: ITEMS }));
    const name = await record('rec-name');
    const result = await decide(
      requestId,
      fulfil([
        { action: 'correct', subjectId: SUBJECT, recordId: 'rec-name', value: 'x' },
        { action: 'correct', subjectId: 'subject-someone-else', recordId: 'rec-other', value: 'Hijacked' },
      ]),
    );
    expectProblem(result, 422);
    expect(result.json.detail).toContain(
      'details.changes[1]: record rec-other of subject subject-someone-else is not held about this person',
    );
    expect(await record('rec-other', 'subject-someone-else')).toMatchObject({ value: 'Someone Else' });
    expect(await record('rec-name')).toEqual(name);
    await expectUnchanged(requestId);
  });

  it("unknown grounds, or another type's grounds → 422", async () => {
    const { requestId } = await submitAndVerify(body({ items: ITEMS }));
    for (const ground of ['because', 'no-grounds-found']) {
      const result = await decide(requestId, {
        outcome: 'refused',
        grounds: [ground],
        reason: 'x',
        details: { investigation: 'x' },
      });
      expectProblem(result, 422);
      expect(result.json.title).toBe('Unknown grounds');
    }
    await expectUnchanged(requestId);
  });

  it('a decision by an auditor → 403', async () => {
    const { requestId } = await submitAndVerify(body({ items: ITEMS }));
    expectProblem(
      await decide(
        requestId,
        fulfil([{ action: 'delete', subjectId: SUBJECT, recordId: 'rec-call' }]),
        staffClaims('auditor'),
      ),
      403,
    );
    expect(await record('rec-call')).not.toHaveProperty('erasureReason');
    await expectUnchanged(requestId);
  });

  it('a record being erased meanwhile → 409, and the decision is not recorded', async () => {
    const { requestId } = await submitAndVerify(body({ items: ITEMS }));
    await setAttributes(
      'personal-data',
      { subjectId: SUBJECT, recordId: 'rec-referral' },
      { erasureReason: 'purpose-retired' },
    );
    const before = await record('rec-referral');
    const result = await decide(
      requestId,
      fulfil([{ action: 'correct', subjectId: SUBJECT, recordId: 'rec-referral', value: 'Walk-in' }]),
    );
    expectProblem(result, 409);
    expect(result.json.detail).toContain('or personal data the decision changes');
    expect(await record('rec-referral')).toEqual(before);
    await expectUnchanged(requestId);
  });

  it('two operators at once: one 200, one 409; decided again: 409', async () => {
    const { requestId } = await submitAndVerify(body({ items: ITEMS }));
    const decision = fulfil([{ action: 'correct', subjectId: SUBJECT, recordId: 'rec-name', value: '山田 花子' }]);
    const results = await Promise.all([decide(requestId, decision), decide(requestId, decision)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toHaveLength(1);
    expectProblem(await decide(requestId, decision), 409);
  });
});
