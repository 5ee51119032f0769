// POST /v1/staff/requests/{requestId}/posting against DynamoDB Local and the SES emulator: an
// operator records that a paper disclosure was posted; the request keeps the date and the tracking
// number, its history says 'posted', and the requester's e-mail commits with it. Only once, only for
// a decided paper disclosure, only by an operator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { handler } from '../../functions/handlers/record-posting';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, mailbox } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  scanAll,
  staffClaims,
  staffStep,
  streamEvent,
  streamRecord,
  submitAndVerify,
} from '../support/requests';

const ADDRESS = '〒100-0001 東京都千代田区千代田1-1';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const body = (details?: Record<string, unknown>, language: 'ja' | 'en' = 'ja') => ({
  ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
  ...(details ? { details } : {}),
});

const decideFulfilled = (requestId: string) => decide(requestId, { outcome: 'fulfilled' });
const post = (requestId: string, posting?: unknown, claims = staffClaims('operator')) =>
  staffStep(handler, requestId, 'posting', posting, claims);

async function decidedPaper(language: 'ja' | 'en' = 'ja') {
  const { requestId } = await submitAndVerify(body({ method: 'paper', postalAddress: ADDRESS }, language));
  expect((await decideFulfilled(requestId)).status).toBe(200);
  return requestId;
}

describe('record-posting', () => {
  it('records the posting and e-mails the requester, who receives it through the SES emulator', async () => {
    const requestId = await decidedPaper('en');
    const result = await post(requestId, { trackingNumber: 'JP-1234-5678' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const today = japanDay(new Date());
    expect(result.json).toEqual({ requestId, postedOn: today, trackingNumber: 'JP-1234-5678' });
    const stored = (await getItem('requests', { requestId }))!;
    expect(stored).toMatchObject({
      status: 'fulfilled',
      version: 4,
      delivery: { method: 'paper', postedOn: today, trackingNumber: 'JP-1234-5678', postedBy: 'operator' },
    });
    expect(stored.history.at(-1)).toMatchObject({ event: 'posted', by: 'operator' });
    const logged = (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
      (e) => e.reason === `disclosure ${requestId}` && e.action === 'write',
    );
    expect(logged).toMatchObject([{ fields: ['delivery'], subjects: [`request:${requestId}`] }]);

    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'disclosure-posted')!;
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox(DEMO_CUSTOMER.email)).find(
      (m) => m.subject === 'We have posted your personal data disclosure' && m.body.text?.includes(requestId),
    );
    expect(mail, 'posting e-mail in the SES emulator').toBeDefined();
    expect(mail!.body.text).toContain('Tracking number: JP-1234-5678');
  });

  it('takes no body at all (posted today), then refuses a second posting with 409 and writes nothing more', async () => {
    const requestId = await decidedPaper();
    expect((await post(requestId)).status).toBe(200);
    const after = await getItem('requests', { requestId });
    expectProblem(await post(requestId, { postedOn: japanDay(new Date()) }), 409);
    expect(await getItem('requests', { requestId })).toEqual(after);
    expect((await outboxAbout(requestId)).filter((m) => m.topic === 'disclosure-posted')).toHaveLength(1);
  });

  it('an electronic disclosure or an undecided paper one → 409, nothing written', async () => {
    const { requestId: electronic } = await submitAndVerify(body());
    expect((await decideFulfilled(electronic)).status).toBe(200);
    expectProblem(await post(electronic), 409);
    const { requestId: undecided } = await submitAndVerify(body({ method: 'paper', postalAddress: ADDRESS }));
    expectProblem(await post(undecided), 409);
    expect(await getItem('requests', { requestId: undecided })).toMatchObject({ status: 'received', version: 2 });
    expect((await outboxAbout(undecided)).filter((m) => m.topic === 'disclosure-posted')).toEqual([]);
  });

  it('bad input → 400 naming the field; a date in the future → 422; wrong role → 403; nothing written', async () => {
    const requestId = await decidedPaper();
    const badDate = await post(requestId, { postedOn: '13/11/2026' });
    expectProblem(badDate, 400);
    expect(JSON.stringify(badDate.json.errors)).toContain('body.postedOn');
    expectProblem(await post(requestId, { trackingNumber: 'x'.repeat(65) }), 400);
    expectProblem(await post(requestId, { postedOn: '2099-01-01' }), 422);
    expectProblem(await post(requestId, {}, staffClaims('officer')), 403);
    expectProblem(await post(requestId, {}, staffClaims('auditor')), 403);
    expect(await getItem('requests', { requestId })).toMatchObject({ version: 3 });
    expect((await getItem('requests', { requestId }))!.delivery.postedOn).toBeUndefined();
  });
});
