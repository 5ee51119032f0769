// A cessation-of-provision request end to end against DynamoDB Local and the SES emulator: submitted
// with its grounds, verified, decided; fulfilling it records whom provision stops to on the person's
// subject in the decision's transaction and e-mails the result; a refusal records nothing; the
// officer lifts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as liftHandler } from '../../functions/handlers/lift-provision-cessation';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { DEMO_CUSTOMER, DEMO_PAYMENTS_RECIPIENT, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  submitAndVerify,
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
      method: 'POST',
      path: '/v1/requests',
      resource: '/v1/requests',
      body: body({ grounds: ['i-do-not-like-it'] }),
    });
    expectProblem(result, 400);
    expect(JSON.stringify(result.json)).toContain('details.grounds');
  });

  it('no details at all → 400 asking for the grounds, nothing stored', async () => {
    const { details: _details, ...withoutDetails } = body(undefined);
    const result = await invoke(submitHandler, {
      method: 'POST',
      path: '/v1/requests',
      resource: '/v1/requests',
      body: withoutDetails,
    });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.details', message: 'is required' }]);
  });

  it('a refusal, costly or difficult, with the alternative measure taken → 200, the measure e-mailed, no flag', async () => {
    const { requestId } = await submitAndVerify(
      body({ grounds: ['provided-without-consent'], recipients: 'Example Payments K.K.' }),
    );
    const reason = 'Our partner cannot remove single customers before March.';
    const alternativeMeasure = 'Your data is left out of every export to it from now on.';
    const result = await decide(requestId, {
      outcome: 'refused',
      grounds: ['costly-or-difficult-alternative-taken'],
      reason,
      details: { alternativeMeasure },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.status).toBe('refused');
    expect((await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision).toBeUndefined();
    const [message] = (await outboxAbout(requestId)).filter((m) => m.topic === 'decision-refused');
    expect(message!.text).toContain(reason);
    expect(message!.text).toContain(
      `The alternative measure we have taken (APPI Art. 35(4),(6), proviso):\n${alternativeMeasure}`,
    );
  });

  it('the costly-or-difficult ground without the alternative measure → 422, nothing written', async () => {
    const { requestId } = await submitAndVerify(body({ grounds: ['provided-without-consent'] }));
    const result = await decide(requestId, {
      outcome: 'refused',
      grounds: ['costly-or-difficult-alternative-taken'],
      reason: 'Too costly.',
    });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('needs details.alternativeMeasure');
    expect((await getItem('requests', { requestId }))!.status).toBe('received');
  });

  it('a decision naming a recipient not in the registry → 422 naming the field, nothing written', async () => {
    const { requestId } = await submitAndVerify(
      body({ grounds: ['provided-without-consent'], recipients: 'Example Payments K.K.' }),
    );
    const result = await decide(requestId, {
      outcome: 'fulfilled',
      details: { recipients: { scope: 'named', recipientIds: ['example-payments'] } },
    });
    expectProblem(result, 422);
    expect(result.json.errors).toEqual([
      {
        field: 'body.details.recipients.recipientIds.0',
        message: expect.stringContaining('not in the recipient registry'),
      },
    ]);
    expect((await getItem('requests', { requestId }))!.status).toBe('received');
    expect((await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision).toBeUndefined();
  });

  it('fulfilled for a named recipient: the subject carries the stop and the result e-mail names the recipient', async () => {
    const { requestId } = await submitAndVerify(
      body({ grounds: ['no-longer-needed', 'reportable-leak'], recipients: 'the payment company' }),
    );
    expect(await getItem('requests', { requestId })).toMatchObject({
      type: 'cessation-of-provision',
      details: { grounds: ['no-longer-needed', 'reportable-leak'] },
    });
    const before = await getItem('subjects', { subjectId: SUBJECT });
    const result = await decide(requestId, {
      outcome: 'fulfilled',
      details: { recipients: { scope: 'named', recipientIds: [DEMO_PAYMENTS_RECIPIENT.recipientId] } },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);

    // The seeded lifecycle (last activity) is untouched; only the stop is added.
    expect(await getItem('subjects', { subjectId: SUBJECT })).toEqual({
      ...before,
      cessationOfProvision: {
        recipients: { [DEMO_PAYMENTS_RECIPIENT.recipientId]: { requestId, at: result.json.decidedAt } },
      },
    });
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox(DEMO_CUSTOMER.email)).find((m) => m.body.text?.includes(requestId));
    expect(mail, 'decision e-mail in the SES emulator').toBeDefined();
    expect(mail!.subject).toBe('We have stopped providing your personal data to third parties');
    expect(mail!.body.text).toContain(
      `we no longer provide any of the personal data we hold about you to ${DEMO_PAYMENTS_RECIPIENT.name}, except where the law requires`,
    );
  });

  it('a later request for all adds a stop to every third party and keeps the first', async () => {
    const first = (await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision;
    const { requestId } = await submitAndVerify(body({ grounds: ['risk-to-rights-or-interests'] }, 'ja'));
    const result = await decide(requestId, { outcome: 'fulfilled', details: { recipients: { scope: 'all' } } });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect((await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision).toEqual({
      ...first,
      all: { requestId, at: result.json.decidedAt },
    });
  });

  it('the officer lifts it with a reason: 201, kept on the subject and access-logged; an operator may not (403)', async () => {
    const lift = (claims: Record<string, string>, recipients: unknown) =>
      invoke(liftHandler, {
        method: 'POST',
        path: `/v1/staff/subjects/${SUBJECT}/provision-cessation-lifts`,
        resource: '/v1/staff/subjects/{subjectId}/provision-cessation-lifts',
        pathParameters: { subjectId: SUBJECT },
        body: { recipients, reason: 'The person asked to resume provision.' },
        claims,
      });
    expectProblem(await lift(staffClaims('operator'), { scope: 'all' }), 403);
    const stood = (await getItem('subjects', { subjectId: SUBJECT }))!.cessationOfProvision;
    const named = await lift(staffClaims('officer'), {
      scope: 'named',
      recipientIds: [DEMO_PAYMENTS_RECIPIENT.recipientId],
    });
    expect(named.status, JSON.stringify(named.json)).toBe(201);
    expect(named.json).toMatchObject({
      lifted: [{ recipient: DEMO_PAYMENTS_RECIPIENT.recipientId }],
      cessationOfProvision: { all: stood.all },
    });
    const again = await lift(staffClaims('officer'), {
      scope: 'named',
      recipientIds: [DEMO_PAYMENTS_RECIPIENT.recipientId],
    });
    expectProblem(again, 422);
    expect(again.json.errors).toEqual([
      { field: 'body.recipients.recipientIds.0', message: expect.stringContaining('scope "all"') },
    ]);
    const result = await lift(staffClaims('officer'), { scope: 'all' });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({
      subjectId: SUBJECT,
      by: 'officer',
      cessationOfProvision: null,
      lifted: [{ recipient: 'all', requestId: stood.all.requestId }],
    });
    const item = (await getItem('subjects', { subjectId: SUBJECT }))!;
    expect(item.cessationOfProvision).toBeUndefined();
    expect(item.cessationOfProvisionLifts).toEqual([
      expect.objectContaining({
        scope: { scope: 'named', recipientIds: [DEMO_PAYMENTS_RECIPIENT.recipientId] },
        by: 'officer',
      }),
      expect.objectContaining({ reason: 'The person asked to resume provision.', by: 'officer', at: result.json.at }),
    ]);
    const logged = (await scanAll('access-log')).filter((e) => e.actor === 'officer' && e.subjects.includes(SUBJECT));
    expect(logged).toHaveLength(2);
    expect(logged).toContainEqual(
      expect.objectContaining({
        action: 'write',
        fields: ['cessation-of-provision'],
        reason: expect.stringContaining(stood.all.requestId),
      }),
    );
    expect(JSON.stringify(logged)).not.toContain('resume');
    expectProblem(await lift(staffClaims('officer'), { scope: 'all' }), 409);
  });
});
