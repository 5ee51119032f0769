// A cessation-of-provision request end to end against DynamoDB Local and the SES emulator: submitted
// with its grounds, verified, decided; fulfilling it flags the person's subject in the decision's
// transaction and e-mails the result; a refusal flags nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  decide, dropTables, expectProblem, getItem, outboxAbout, requestBody, staffClaims, streamEvent, streamRecord, submitAndVerify,
} from '../support/requests';

const SUBJECT = 'subject-demo-hanako';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const body = (details: unknown, language: 'ja' | 'en' = 'en') => ({
  ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
  type: 'cessation-of-provision',
  details,
});

describe('cessation-of-provision end to end', () => {
  it('unknown grounds → 400 naming the field, nothing stored', async () => {
    const result = await invoke(submitHandler, {
      method: 'POST', path: '/v1/requests', resource: '/v1/requests', body: body({ grounds: ['i-do-not-like-it'] }),
    });
    expectProblem(result, 400);
    expect(JSON.stringify(result.json)).toContain('details.grounds');
  });

  it('no details at all → 400 asking for the grounds, nothing stored', async () => {
    const { details: _details, ...withoutDetails } = body(undefined);
    const result = await invoke(submitHandler, { method: 'POST', path: '/v1/requests', resource: '/v1/requests', body: withoutDetails });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.details', message: 'is required' }]);
  });

  it('a refusal, costly or difficult, with the alternative measure taken → 200, the measure e-mailed, no flag', async () => {
    const { requestId } = await submitAndVerify(body({ grounds: ['provided-without-consent'], recipients: 'Example Payments K.K.' }));
    const reason = 'Our partner cannot remove single customers before March.';
    const alternativeMeasure = 'Your data is left out of every export to it from now on.';
    const result = await decide(requestId, { outcome: 'refused', grounds: ['costly-or-difficult-alternative-taken'], reason, details: { alternativeMeasure } });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.status).toBe('refused');
    expect((await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision).toBeUndefined();
    const [message] = (await outboxAbout(requestId)).filter((m) => m.topic === 'decision-refused');
    expect(message!.text).toContain(reason);
    expect(message!.text).toContain(`The alternative measure we have taken (APPI Art. 35(4),(6), proviso):\n${alternativeMeasure}`);
  });

  it('the costly-or-difficult ground without the alternative measure → 422, nothing written', async () => {
    const { requestId } = await submitAndVerify(body({ grounds: ['provided-without-consent'] }));
    const result = await decide(requestId, { outcome: 'refused', grounds: ['costly-or-difficult-alternative-taken'], reason: 'Too costly.' });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('needs details.alternativeMeasure');
    expect((await getItem('requests', { requestId }))!.status).toBe('received');
  });

  it('fulfilled: the subject carries the flag and the result e-mail reaches the mailbox', async () => {
    const { requestId } = await submitAndVerify(body({ grounds: ['no-longer-needed', 'reportable-leak'] }));
    expect(await getItem('requests', { requestId })).toMatchObject({
      type: 'cessation-of-provision', details: { grounds: ['no-longer-needed', 'reportable-leak'] },
    });
    const before = await getItem('subjects', { subjectId: SUBJECT });
    const result = await decide(requestId, { outcome: 'fulfilled' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);

    // The seeded lifecycle (last activity) is untouched; only the flag is added.
    expect(await getItem('subjects', { subjectId: SUBJECT })).toEqual({
      ...before, cessationOfProvision: { requestId, at: result.json.decidedAt },
    });
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual([]);
    const mail = (await mailbox(DEMO_CUSTOMER.email)).find((m) => m.body.text?.includes(requestId));
    expect(mail, 'decision e-mail in the SES emulator').toBeDefined();
    expect(mail!.subject).toBe('We have stopped providing your personal data to third parties');
    expect(mail!.body.text).toContain('we no longer provide any of the personal data we hold about you to third parties');
  });

  it('a later request keeps the first flag', async () => {
    const first = (await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision;
    const { requestId } = await submitAndVerify(body({ grounds: ['risk-to-rights-or-interests'] }, 'ja'));
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    expect((await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision).toEqual(first);
  });
});
