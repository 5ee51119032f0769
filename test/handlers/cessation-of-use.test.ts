// A cessation-of-use request end to end against DynamoDB Local and the SES emulator: submitted with its
// grounds and measure, verified, decided. Stopping the use flags the person's subject in the decision's
// transaction, and the very next use check is denied; erasure flags it too, and the subjects-stream
// worker erases every record and leaves a certificate. A refusal states the alternative measure.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certifiesSubject,
  type ErasureCertificate,
  subjectEvidenceId,
} from '../../functions/domain/erasure/certificate';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { handler as checkUse } from '../../functions/handlers/check-use';
import { handler as eraseOnRequest } from '../../functions/handlers/erase-on-request';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  putStaff,
  requestBody,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  submitAndVerify,
  systemPrincipal,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoStaff('test-password'), putStaff('operator-2', 'operator')]);
});

afterAll(() => dropTables(prefix));

const ALTERNATIVE =
  'Your data is locked in the archive and left out of every campaign and analysis until the archive is retired in March.';

/** A person the desk holds two records of (their e-mail address and a phone number) and a lifecycle. */
async function person() {
  const email = uniqueEmail('hanako');
  const subjectId = `subject-${randomUUID()}`;
  const held = [
    { subjectId, recordId: `rec-${randomUUID()}`, category: 'email', value: email },
    { subjectId, recordId: `rec-${randomUUID()}`, category: 'phone', value: '090-1234-5678' },
  ];
  await Promise.all([
    ...held.map((r) =>
      putItem('personal-data', {
        ...r,
        lookupKey: lookupKeyOf(r),
        source: 'from-customer',
        purposes: ['service-provision'],
        acquiredAt: '2026-01-01T00:00:00.000Z',
      }),
    ),
    putItem('subjects', { subjectId, lastActivityAt: '2026-11-01T00:00:00.000Z' }),
  ]);
  return { email, subjectId };
}

const body = (email: string, details: unknown, language: 'ja' | 'en' = 'en') => ({
  ...requestBody({ requesterEmail: email, name: 'Hanako Yamada', language }),
  type: 'cessation-of-use',
  ...(details === undefined ? {} : { details }),
});

const submitFor = (email: string, details: unknown, language: 'ja' | 'en' = 'en') =>
  invoke(submitHandler, {
    method: 'POST',
    path: '/v1/requests',
    resource: '/v1/requests',
    body: body(email, details, language),
  });

const useCheck = (subjectId: string) =>
  invoke(checkUse, {
    method: 'POST',
    path: '/v1/system/use-checks',
    principal: systemPrincipal(),
    body: { subjectId, category: 'phone', purpose: 'service-provision' },
  });

const recordsOf = async (subjectId: string) =>
  (await scanAll('personal-data')).filter((r) => r.subjectId === subjectId);
const certificatesOf = async (requestId: string) =>
  (await scanAll<ErasureCertificate>('evidence')).filter(
    (e) => e.kind === 'erasure-certificate' && e.requestId === requestId,
  );
const decisionMessagesOf = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));

/** Nothing of a decision was written: the request is as verified, the subject unflagged, no result e-mail. */
async function expectUndecided(requestId: string, subjectId: string) {
  expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received', version: 2 });
  expect((await getItem('subjects', { subjectId }))!.cessationOfUse).toBeUndefined();
  expect(await decisionMessagesOf(requestId)).toEqual([]);
}

describe('cessation-of-use: submitting', () => {
  it('no grounds → 400 naming the field', async () => {
    const { email } = await person();
    const result = await submitFor(email, { measure: 'erase' });
    expectProblem(result, 400);
    expect(JSON.stringify(result.json)).toContain('details.grounds');
  });

  it('no details at all → 400 asking for them', async () => {
    const { email } = await person();
    const result = await submitFor(email, undefined);
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.details', message: 'is required' }]);
  });

  it('grounds of cessation of provision, or an unknown measure → 400', async () => {
    const { email } = await person();
    expectProblem(await submitFor(email, { grounds: ['provided-without-consent'], measure: 'erase' }), 400);
    expectProblem(await submitFor(email, { grounds: ['improper-use'], measure: 'delete' }), 400);
  });
});

describe('cessation-of-use: fulfilled', () => {
  it('cease-use: the subject carries the flag and the very next use check is denied; the records stay', async () => {
    const { email, subjectId } = await person();
    expect((await useCheck(subjectId)).json).toMatchObject({ allowed: true });
    const { requestId } = await submitAndVerify(
      body(email, { grounds: ['used-beyond-purpose'], measure: 'cease-use', explanation: 'Used for ads.' }),
    );
    const result = await decide(requestId, { outcome: 'fulfilled', details: { measure: 'cease-use' } });
    expect(result.status, JSON.stringify(result.json)).toBe(200);

    expect(await getItem('subjects', { subjectId })).toEqual({
      subjectId,
      lastActivityAt: '2026-11-01T00:00:00.000Z',
      cessationOfUse: { requestId, at: result.json.decidedAt, measure: 'cease-use' },
    });
    const check = await useCheck(subjectId);
    expect(check.json).toMatchObject({ allowed: false, reason: 'cessation-of-use-requested' });
    expect(check.json.detail).toContain(requestId);
    expect(await recordsOf(subjectId)).toHaveLength(2);
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'fulfilled',
      decision: { details: { measure: 'cease-use' } },
    });

    const message = (await decisionMessagesOf(requestId))[0]!;
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox(email)).find((m) => m.body.text?.includes(requestId));
    expect(mail!.subject).toBe('We have stopped using your personal data');
    expect(mail!.body.text).toContain('we no longer use any of the personal data we hold about you, for any purpose');
  });

  it('erase: use stops with the decision; the worker erases every record and leaves one certificate, also when redelivered', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await submitAndVerify(
      body(email, { grounds: ['improper-acquisition', 'reportable-leak'], measure: 'erase' }, 'ja'),
    );
    const before = await getItem('subjects', { subjectId });
    const result = await decide(requestId, { outcome: 'fulfilled', details: { measure: 'erase' } });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const after = (await getItem('subjects', { subjectId }))!;
    expect(after.cessationOfUse).toEqual({ requestId, at: result.json.decidedAt, measure: 'erase' });
    expect((await useCheck(subjectId)).json).toMatchObject({ allowed: false, reason: 'cessation-of-use-requested' });

    const change = streamRecord('MODIFY', { oldImage: before, newImage: after });
    expect((await eraseOnRequest(streamEvent(change))).batchItemFailures).toEqual([]);
    expect(await recordsOf(subjectId)).toEqual([]);
    const [certificate, ...others] = await certificatesOf(requestId);
    expect(others).toEqual([]);
    expect(certificate).toMatchObject({
      evidenceId: subjectEvidenceId(requestId, subjectId),
      scope: 'subject',
      reason: 'request',
      requestId,
      categories: ['email', 'phone'],
      count: 2,
      verification: { readBack: 'subject-partition', remaining: 0, remains: false },
    });
    expect(certifiesSubject(certificate!, subjectId)).toBe(true);
    expect(JSON.stringify(certificate)).not.toContain(email);

    expect((await eraseOnRequest(streamEvent(change))).batchItemFailures).toEqual([]);
    expect(await certificatesOf(requestId)).toEqual([certificate]);

    const message = (await decisionMessagesOf(requestId))[0]!;
    expect(message.subject).toBe('保有個人データを消去しました');
    expect(message.text).toContain('消去証明');
  });

  it('the worker ignores a cessation flag, a later change of a flagged subject and the removal of its lifecycle', async () => {
    const { subjectId } = await person();
    const flag = { requestId: 'req-x', at: '2026-11-12T00:00:00.000Z', measure: 'erase' };
    const result = await eraseOnRequest(
      streamEvent(
        streamRecord('MODIFY', {
          oldImage: { subjectId },
          newImage: { subjectId, cessationOfUse: { ...flag, measure: 'cease-use' } },
        }),
        streamRecord('MODIFY', {
          oldImage: { subjectId, cessationOfUse: flag },
          newImage: { subjectId, cessationOfUse: flag, lastActivityAt: flag.at },
        }),
        streamRecord('REMOVE', { oldImage: { subjectId, cessationOfUse: flag } }),
      ),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(await recordsOf(subjectId)).toHaveLength(2);
    expect(await certificatesOf('req-x')).toEqual([]);
  });
});

describe('cessation-of-use: refused and rejected decisions', () => {
  it('costly or difficult with the alternative measure: e-mailed in Japanese and English, nothing flagged', async () => {
    for (const language of ['ja', 'en'] as const) {
      const { email, subjectId } = await person();
      const { requestId } = await submitAndVerify(
        body(email, { grounds: ['no-longer-needed'], measure: 'erase' }, language),
      );
      const reason = 'The archive cannot be edited record by record.';
      const result = await decide(requestId, {
        outcome: 'refused',
        grounds: ['costly-or-difficult-alternative-taken'],
        reason,
        details: { alternativeMeasure: ALTERNATIVE },
      });
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      expect((await getItem('subjects', { subjectId }))!.cessationOfUse).toBeUndefined();
      expect(await getItem('requests', { requestId })).toMatchObject({
        status: 'refused',
        decision: { details: { alternativeMeasure: ALTERNATIVE } },
      });
      const message = (await decisionMessagesOf(requestId))[0]!;
      expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
        [],
      );
      const mail = (await mailbox(email)).find((m) => m.body.text?.includes(requestId));
      expect(mail!.body.text).toContain(ALTERNATIVE);
      expect(mail!.body.text).toContain(
        language === 'ja' ? '代わりにとった措置' : 'The alternative measure we have taken',
      );
    }
  });

  it('costly or difficult without the alternative measure → 422, nothing written', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await submitAndVerify(body(email, { grounds: ['no-longer-needed'], measure: 'cease-use' }));
    const result = await decide(requestId, {
      outcome: 'refused',
      grounds: ['costly-or-difficult-alternative-taken'],
      reason: 'Too costly.',
    });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('details.alternativeMeasure');
    await expectUndecided(requestId, subjectId);
  });

  it('a refusal ground of another type → 422, nothing written', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await submitAndVerify(body(email, { grounds: ['no-longer-needed'], measure: 'cease-use' }));
    expectProblem(
      await decide(requestId, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Because.' }),
      422,
    );
    await expectUndecided(requestId, subjectId);
  });

  it('an officer or an auditor may not decide → 403, nothing written', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await submitAndVerify(body(email, { grounds: ['no-longer-needed'], measure: 'cease-use' }));
    expectProblem(
      await decide(requestId, { outcome: 'fulfilled', details: { measure: 'cease-use' } }, staffClaims('officer')),
      403,
    );
    expectProblem(
      await decide(requestId, { outcome: 'fulfilled', details: { measure: 'cease-use' } }, staffClaims('auditor')),
      403,
    );
    await expectUndecided(requestId, subjectId);
  });

  it('decided twice → 409, the first decision stands', async () => {
    const { email } = await person();
    const { requestId } = await submitAndVerify(body(email, { grounds: ['no-longer-needed'], measure: 'cease-use' }));
    expect((await decide(requestId, { outcome: 'fulfilled', details: { measure: 'cease-use' } })).status).toBe(200);
    expectProblem(
      await decide(requestId, { outcome: 'refused', grounds: ['no-grounds-found'], reason: 'Changed my mind.' }),
      409,
    );
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'fulfilled', version: 3 });
  });

  it('two operators deciding at once: one 200, one 409, one flag, one e-mail', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await submitAndVerify(body(email, { grounds: ['no-longer-needed'], measure: 'erase' }));
    const results = await Promise.all([
      decide(requestId, { outcome: 'fulfilled', details: { measure: 'erase' } }, staffClaims('operator')),
      decide(
        requestId,
        { outcome: 'fulfilled', details: { measure: 'cease-use' } },
        staffClaims('operator-2', 'operator'),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409);
    const won = results.findIndex((r) => r.status === 200) === 0 ? 'erase' : 'cease-use';
    expect((await getItem('subjects', { subjectId }))!.cessationOfUse).toMatchObject({ requestId, measure: won });
    expect(await decisionMessagesOf(requestId)).toHaveLength(1);
  });
});
