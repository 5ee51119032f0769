// POST /v1/system/consents and POST /v1/staff/subjects/{subjectId}/consents against DynamoDB Local
// and the SES emulator: an event appended with its receipt, the notice text kept, the staff write
// access-logged, a withdrawal ending a consent at the next use check; nothing written on a refusal.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { EVIDENCE_RETENTION_SECONDS } from '../../functions/domain/kernel/law';
import { PRIVACY_NOTICE_VERSION } from '../../functions/domain/privacy-notice';
import { handler as checkUse } from '../../functions/handlers/check-use';
import { handler as permitProvision } from '../../functions/handlers/permit-provision';
import { handler as recordBySystem } from '../../functions/handlers/record-consent';
import { handler as recordByStaff } from '../../functions/handlers/record-consent-by-staff';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  putItem,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  systemPrincipal,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  const party = {
    address: '1-1 Example, Chiyoda-ku, Tokyo',
    representative: 'Taro Sato',
    relationship: 'third-party',
    recordKeeping: 'per-provision',
    registeredBy: 'officer',
    registeredAt: '2026-10-01T00:00:00.000Z',
  };
  await Promise.all([
    seedDemoStaff('test-password'),
    putItem('recipients', { ...party, recipientId: 'partner-us', name: 'Partner US Inc.', country: 'US' }),
    putItem('recipients', { ...party, recipientId: 'partner-eu', name: 'Partner EU GmbH', country: 'DE' }),
  ]);
});

afterAll(() => dropTables(prefix));

const bySystem = (body: unknown, signed = true) =>
  invoke(recordBySystem, {
    method: 'POST',
    path: '/v1/system/consents',
    body,
    ...(signed ? { principal: systemPrincipal() } : {}),
  });

const byStaff = (subjectId: string, body: unknown, claims: Record<string, string> = staffClaims('operator')) =>
  invoke(recordByStaff, {
    method: 'POST',
    path: `/v1/staff/subjects/${subjectId}/consents`,
    resource: '/v1/staff/subjects/{subjectId}/consents',
    pathParameters: { subjectId },
    body,
    claims,
  });

/** A subject the desk holds an address and an advertising-purpose record for. */
async function customer() {
  const subjectId = `subject-${randomUUID()}`;
  const email = uniqueEmail('consent');
  const base = { subjectId, source: 'from-customer', acquiredAt: '2026-01-01T00:00:00.000Z' };
  await putItem('personal-data', {
    ...base,
    recordId: `rec-${randomUUID()}`,
    category: 'email',
    value: email,
    purposes: ['service-provision'],
    lookupKey: `email#${email}`,
  });
  await putItem('personal-data', {
    ...base,
    recordId: `rec-${randomUUID()}`,
    category: 'phone',
    value: '03-1234-5678',
    purposes: ['advertising'],
    lookupKey: `subject#${subjectId}`,
  });
  return { subjectId, email };
}

const consentsOf = async (subjectId: string) => (await scanAll('consents')).filter((e) => e.subjectId === subjectId);
const receiptsTo = async (email: string) => (await scanAll('outbox')).filter((m) => m.to.includes(email));
const useCheck = async (subjectId: string) =>
  (
    await invoke(checkUse, {
      method: 'POST',
      path: '/v1/system/use-checks',
      body: { subjectId, category: 'phone', purpose: 'advertising' },
      principal: systemPrincipal(),
    })
  ).json;

const advertising = (subjectId: string, fields: Record<string, unknown> = {}) => ({
  subjectId,
  action: 'given',
  purpose: 'advertising',
  noticeVersion: PRIVACY_NOTICE_VERSION,
  ...fields,
});

describe('record-consent (system)', () => {
  it('201: the consent is appended with its receipt, the notice text kept; the use check then allows', async () => {
    const { subjectId, email } = await customer();
    expect((await useCheck(subjectId)).reason).toBe('consent-withdrawn');
    const result = await bySystem(advertising(subjectId, { language: 'en' }));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({
      subjectId,
      action: 'given',
      covers: { purpose: 'advertising' },
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'web-button',
      collectedBy: systemPrincipal(),
      receipt: 'e-mailed',
    });
    const [stored] = await consentsOf(subjectId);
    expect(stored).toEqual({
      subjectId,
      eventId: result.json.eventId,
      action: 'given',
      purpose: 'advertising',
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'web-button',
      collectedBy: systemPrincipal(),
      at: result.json.at,
    });
    expect(await getItem('evidence', { evidenceId: `privacy-notice-${PRIVACY_NOTICE_VERSION}` })).toMatchObject({
      kind: 'privacy-notice',
      version: PRIVACY_NOTICE_VERSION,
      notice: { version: PRIVACY_NOTICE_VERSION },
    });
    expect(await useCheck(subjectId)).toMatchObject({ allowed: true, reason: 'within-purpose' });

    const [receipt] = await receiptsTo(email);
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: receipt! })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox(email)).find((m) => m.body.text?.includes(result.json.eventId));
    expect(mail!.subject).toBe('Your consent receipt');
    expect(mail!.body.text).toContain(`Privacy notice version shown: ${PRIVACY_NOTICE_VERSION}`);
  });

  it('a subject without an address on file: recorded, no receipt, and the answer says so', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const result = await bySystem({
      subjectId,
      action: 'given',
      linkage: 'access-information',
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    expect(result.status).toBe(201);
    expect(result.json.receipt).toBe('no-address-held');
    expect(await consentsOf(subjectId)).toHaveLength(1);
  });

  it('422 for an unknown purpose, naming it; nothing written', async () => {
    const { subjectId, email } = await customer();
    const result = await bySystem(advertising(subjectId, { purpose: 'horoscopes' }));
    expectProblem(result, 422);
    expect(result.json.detail).toContain('purpose: "horoscopes" is not a registered purpose of use');
    expect(await consentsOf(subjectId)).toEqual([]);
    expect(await receiptsTo(email)).toEqual([]);
  });

  it('422 for a recipient the registry does not hold, naming recipient; nothing written', async () => {
    const { subjectId, email } = await customer();
    const result = await bySystem({
      subjectId,
      action: 'given',
      recipient: 'partner-unknown',
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('recipient: "partner-unknown" is not in the recipient registry');
    expect(await consentsOf(subjectId)).toEqual([]);
    expect(await receiptsTo(email)).toEqual([]);
  });

  it('a recipient abroad without equivalence needs the foreign information; the consent then lets the provision guard permit', async () => {
    const { subjectId, email } = await customer();
    const body = { subjectId, action: 'given', recipient: 'partner-us', noticeVersion: PRIVACY_NOTICE_VERSION };
    const missing = await bySystem(body);
    expectProblem(missing, 422);
    expect(missing.json.detail).toContain(
      'foreignInformation: "partner-us" is in US, without an equivalent system or setup',
    );
    const partial = await bySystem({
      ...body,
      foreignInformation: { country: 'US', protectionSystem: 'Sectoral laws' },
    });
    expectProblem(partial, 422);
    expect(partial.json.detail).toContain('foreignInformation.recipientMeasures');
    const elsewhere = await bySystem({
      ...body,
      foreignInformation: { country: 'SG', protectionSystem: 'PDPA 2012', recipientMeasures: 'Contract' },
    });
    expectProblem(elsewhere, 422);
    expect(elsewhere.json.detail).toContain('foreignInformation.country: "partner-us" is registered in US');
    expect(await consentsOf(subjectId)).toEqual([]);
    expect(await receiptsTo(email)).toEqual([]);

    const provide = () =>
      invoke(permitProvision, {
        method: 'POST',
        path: '/v1/system/provisions',
        resource: '/v1/system/provisions',
        principal: systemPrincipal(),
        body: {
          recipient: 'partner-us',
          subjects: [subjectId],
          items: ['email'],
          purpose: 'service-provision',
          basis: 'consent',
        },
      });
    expectProblem(await provide(), 403);
    const given = await bySystem({
      ...body,
      foreignInformation: {
        country: 'US',
        protectionSystem: 'No comprehensive federal law; sectoral laws',
        recipientMeasures: 'Contractual safeguards equivalent to APPI',
      },
    });
    expect(given.status, JSON.stringify(given.json)).toBe(201);
    const provided = await provide();
    expect(provided.status, JSON.stringify(provided.json)).toBe(200);
    expect(provided.json).toMatchObject({
      recipient: 'partner-us',
      results: [{ subjectId, basis: 'consent', consentId: given.json.eventId }],
    });
  });

  it('a linkage consent naming the recipient lets the guard give it access information to link (APPI Art. 31)', async () => {
    const { subjectId } = await customer();
    const provide = () =>
      invoke(permitProvision, {
        method: 'POST',
        path: '/v1/system/provisions',
        resource: '/v1/system/provisions',
        principal: systemPrincipal(),
        body: {
          recipient: 'partner-eu',
          subjects: [subjectId],
          items: ['cookie-id'],
          purpose: 'advertising',
          basis: 'linkage-consent',
        },
      });
    expectProblem(await provide(), 403);
    const given = await bySystem({
      subjectId,
      action: 'given',
      linkage: 'access-information',
      recipient: 'partner-eu',
      noticeVersion: PRIVACY_NOTICE_VERSION,
    });
    expect(given.status, JSON.stringify(given.json)).toBe(201);
    const provided = await provide();
    expect(provided.status, JSON.stringify(provided.json)).toBe(200);
    expect(provided.json).toMatchObject({
      results: [{ subjectId, basis: 'linkage-consent', consentId: given.json.eventId }],
    });
  });

  it('an EU recipient takes no foreign information (APPI Art. 28(1), equivalent country)', async () => {
    const { subjectId } = await customer();
    const body = { subjectId, action: 'given', recipient: 'partner-eu', noticeVersion: PRIVACY_NOTICE_VERSION };
    const refused = await bySystem({
      ...body,
      foreignInformation: { country: 'DE', protectionSystem: 'GDPR', recipientMeasures: 'GDPR compliance' },
    });
    expectProblem(refused, 422);
    expect(refused.json.detail).toContain('foreignInformation: "partner-eu" is equivalent-country');
    expect(await consentsOf(subjectId)).toEqual([]);
    const given = await bySystem(body);
    expect(given.status, JSON.stringify(given.json)).toBe(201);
    expect((await consentsOf(subjectId))[0]).not.toHaveProperty('foreignInformation');
  });

  it('422 for a notice version whose text is not kept; 400 for a method other than web-button', async () => {
    const { subjectId } = await customer();
    const stale = await bySystem(advertising(subjectId, { noticeVersion: '2019-01-01' }));
    expectProblem(stale, 422);
    expect(stale.json.detail).toContain('noticeVersion: "2019-01-01"');
    expectProblem(await bySystem(advertising(subjectId, { method: 'oral' })), 400);
    expect(await consentsOf(subjectId)).toEqual([]);
  });

  it('401 unsigned', async () => {
    expectProblem(await bySystem(advertising('subject-x'), false), 401);
  });

  it('a withdrawal blocks the very next use check and starts the evidence period of both events', async () => {
    const { subjectId } = await customer();
    const given = await bySystem(advertising(subjectId));
    const withdrawal = await bySystem({ subjectId, action: 'withdrawn', withdraws: given.json.eventId });
    expect(withdrawal.status, JSON.stringify(withdrawal.json)).toBe(201);
    expect(withdrawal.json).toMatchObject({
      action: 'withdrawn',
      withdraws: given.json.eventId,
      covers: { purpose: 'advertising' },
    });
    expect(await useCheck(subjectId)).toMatchObject({ allowed: false, reason: 'consent-withdrawn' });
    const until = Math.floor(Date.parse(withdrawal.json.at) / 1000) + EVIDENCE_RETENTION_SECONDS;
    const stored = await consentsOf(subjectId);
    expect(stored.map((e) => e.expiresAt)).toEqual([until, until]);
    expect(stored.find((e) => e.eventId === given.json.eventId)).not.toHaveProperty('withdraws');

    const again = await bySystem({ subjectId, action: 'withdrawn', withdraws: given.json.eventId });
    expectProblem(again, 422);
    expect(again.json.detail).toContain('was withdrawn on');
  });

  it("422 for the withdrawal of another subject's consent; nothing written", async () => {
    const mine = await customer();
    const theirs = await customer();
    const given = await bySystem(advertising(theirs.subjectId));
    const result = await bySystem({ subjectId: mine.subjectId, action: 'withdrawn', withdraws: given.json.eventId });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('is not a consent of this subject on file');
    expect(await consentsOf(mine.subjectId)).toEqual([]);
    expect(await consentsOf(theirs.subjectId)).toHaveLength(1);
  });
});

describe('record-consent-by-staff', () => {
  it('201: a written consent, access-logged first, collected by the operator', async () => {
    const { subjectId } = await customer();
    const result = await byStaff(subjectId, {
      action: 'given',
      purpose: 'advertising',
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'written',
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({ method: 'written', collectedBy: 'operator', receipt: 'e-mailed' });
    const log = (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));
    expect(log).toMatchObject([
      {
        actor: 'operator',
        role: 'operator',
        action: 'write',
        fields: ['consents'],
        reason: 'written consent received',
      },
    ]);
  });

  it('an oral withdrawal', async () => {
    const { subjectId } = await customer();
    const given = await byStaff(subjectId, {
      action: 'given',
      purpose: 'advertising',
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'written',
    });
    const result = await byStaff(subjectId, { action: 'withdrawn', withdraws: given.json.eventId, method: 'oral' });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(await useCheck(subjectId)).toMatchObject({ reason: 'consent-withdrawn' });
  });

  it('400 for a web-button consent, 403 for an auditor; nothing written', async () => {
    const { subjectId } = await customer();
    expectProblem(
      await byStaff(subjectId, {
        action: 'given',
        purpose: 'advertising',
        noticeVersion: PRIVACY_NOTICE_VERSION,
        method: 'web-button',
      }),
      400,
    );
    expectProblem(
      await byStaff(
        subjectId,
        { action: 'given', purpose: 'advertising', noticeVersion: PRIVACY_NOTICE_VERSION, method: 'written' },
        staffClaims('auditor'),
      ),
      403,
    );
    expect(await consentsOf(subjectId)).toEqual([]);
  });
});
