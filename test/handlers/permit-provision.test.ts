// POST /v1/system/provisions against DynamoDB Local: permitted on each basis and recorded (Art. 29)
// or evidenced; any refusal is 403 with the reason per subject and leaves nothing behind; a
// cessation flag or a withdrawal blocks the very next provision; bad input is 4xx naming the problem.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionRecordExpiresAt } from '../../functions/domain/provisions/retention';
import { handler } from '../../functions/handlers/permit-provision';
import { PROCESSOR } from '../domain/holders/doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

const party = {
  name: 'Partner Insurance K.K.',
  address: '2-2 Marunouchi, Chiyoda-ku, Tokyo',
  representative: 'Taro Sato',
  country: 'JP',
  registeredBy: 'officer',
  registeredAt: '2026-10-01T00:00:00.000Z',
};

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    putItem('recipients', {
      ...party,
      recipientId: 'partner-insurance',
      relationship: 'third-party',
      recordKeeping: 'per-provision',
    }),
    putItem('recipients', {
      ...party,
      recipientId: 'daily-partner',
      relationship: 'third-party',
      recordKeeping: 'bulk',
    }),
    putItem('recipients', {
      ...party,
      recipientId: 'us-analytics',
      relationship: 'third-party',
      recordKeeping: 'per-provision',
      country: 'US',
    }),
    putItem('recipients', {
      ...party,
      recipientId: 'mail-house',
      relationship: 'outsourcing',
      recordKeeping: 'per-provision',
      processorHolderId: PROCESSOR.holderId,
    }),
    // APPI Art. 27(5)(i), 25: the outsourcee is a registered processor with its contract in force.
    putItem('holders', { ...PROCESSOR, itemKey: 'holder' }),
    putItem('recipients', {
      ...party,
      recipientId: 'list-broker',
      relationship: 'third-party',
      recordKeeping: 'per-provision',
      optOut: {
        notifiedOn: '2026-09-01',
        items: ['name', 'address'],
        acquisitionMethod: 'Form',
        provisionMethod: 'File',
        requestMethod: 'POST /v1/requests',
        updateMethod: 'Monthly',
        startsOn: '2026-10-01',
      },
    }),
  ]);
});

afterAll(() => dropTables(prefix));

const provide = (body: Record<string, unknown>, signed = true) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/provisions',
    resource: '/v1/system/provisions',
    body: {
      recipient: 'partner-insurance',
      items: ['name', 'email'],
      purpose: 'advertising',
      basis: 'consent',
      ...body,
    },
    ...(signed ? { principal: systemPrincipal() } : {}),
  });
const subject = () => `subject-${randomUUID()}`;
const consent = (subjectId: string, eventId: string, fields: Record<string, unknown>) =>
  putItem('consents', {
    subjectId,
    eventId,
    action: 'given',
    noticeVersion: '2026-11-25',
    method: 'web-button',
    at: '2026-01-01T00:00:00.000Z',
    ...fields,
  });
const recordsOf = async (subjectId: string) =>
  (await scanAll('provision-records')).filter((r) => r.subjectId === subjectId);
const evidenceOf = async (provisionId: string) =>
  (await scanAll('evidence')).filter((e) => e.provisionId === provisionId);

describe('permit-provision', () => {
  it('200 on consent: a record per subject naming recipient, items, basis and date, kept 3 years', async () => {
    const [a, b] = [subject(), subject()];
    await consent(a, 'c-1', { recipient: 'partner-insurance' });
    await consent(b, 'c-2', { purpose: 'advertising' });
    const before = new Date();
    const result = await provide({ subjects: [a, b] });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      provisionId: expect.any(String),
      recipient: 'partner-insurance',
      basis: 'consent',
      results: [
        { subjectId: a, basis: 'consent', consentId: 'c-1' },
        { subjectId: b, basis: 'consent', consentId: 'c-2' },
      ],
    });
    const [record] = await recordsOf(a);
    expect(record).toMatchObject({
      direction: 'provided',
      recipientName: 'Partner Insurance K.K.',
      recipientAddress: party.address,
      recipientRepresentative: 'Taro Sato',
      items: ['name', 'email'],
      basis: 'consent',
      consentId: 'c-1',
      recordId: result.json.results[0].recordId,
      providedBy: systemPrincipal(),
    });
    expect(record!.expiresAt).toBeGreaterThanOrEqual(provisionRecordExpiresAt('per-provision', before));
    expect(await recordsOf(b)).toHaveLength(1);
  });

  it('403 with the reason per subject when any is refused, and nothing recorded for anyone', async () => {
    const [a, b, c] = [subject(), subject(), subject()];
    await consent(a, 'c-1', { recipient: 'partner-insurance' });
    await putItem('subjects', {
      subjectId: c,
      cessationOfProvision: { requestId: 'req-9', at: '2026-11-20T00:00:00.000Z' },
    });
    const result = await provide({ subjects: [a, b, c] });
    expectProblem(result, 403);
    expect(result.json.detail).toMatch(/2 of 3 subjects .*nothing was provided or recorded/);
    expect(result.json.errors).toEqual([
      { field: 'subjects.1', message: expect.stringMatching(new RegExp(`^${b}: no-consent: `)) },
      {
        field: 'subjects.2',
        message: expect.stringMatching(new RegExp(`^${c}: cessation-of-provision-requested: .*req-9`)),
      },
    ]);
    expect(await recordsOf(a)).toEqual([]);
  });

  it('a withdrawal blocks the very next provision', async () => {
    const a = subject();
    await consent(a, 'c-1', { recipient: 'partner-insurance' });
    expect((await provide({ subjects: [a] })).status).toBe(200);
    await putItem('consents', {
      subjectId: a,
      eventId: 'w-1',
      action: 'withdrawn',
      withdraws: 'c-1',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: new Date().toISOString(),
    });
    const result = await provide({ subjects: [a] });
    expectProblem(result, 403);
    expect(result.json.errors[0].message).toContain('consent-withdrawn');
    expect(await recordsOf(a)).toHaveLength(1);
  });

  it('a cessation-of-provision flag blocks the very next provision', async () => {
    const a = subject();
    await consent(a, 'c-1', { recipient: 'partner-insurance' });
    expect((await provide({ subjects: [a] })).status).toBe(200);
    await putItem('subjects', {
      subjectId: a,
      cessationOfProvision: { requestId: 'req-10', at: new Date().toISOString() },
    });
    expectProblem(await provide({ subjects: [a] }), 403);
    expect(await recordsOf(a)).toHaveLength(1);
  });

  it('a stop to one recipient leaves another; an Art. 27(1) exception passes the stop, the evidence naming it', async () => {
    const a = subject();
    await consent(a, 'c-1', { purpose: 'advertising' });
    await putItem('subjects', {
      subjectId: a,
      cessationOfProvision: {
        recipients: { 'partner-insurance': { requestId: 'req-11', at: new Date().toISOString() } },
      },
    });
    expectProblem(await provide({ subjects: [a] }), 403);
    expect((await provide({ recipient: 'daily-partner', subjects: [a] })).status).toBe(200);
    const lawful = await provide({
      subjects: [a],
      basis: 'exception',
      exception: 'required-by-law',
      justification: 'Statutory report under Income Tax Act Art. 225',
    });
    expect(lawful.status, JSON.stringify(lawful.json)).toBe(200);
    expect(await evidenceOf(lawful.json.provisionId)).toEqual([
      expect.objectContaining({
        exception: 'required-by-law',
        cessationsPassed: [{ subjectId: a, requestId: 'req-11' }],
      }),
    ]);
  });

  it("abroad: 403 for a consent without the country's information, 200 with it", async () => {
    const a = subject();
    await consent(a, 'c-1', { recipient: 'us-analytics' });
    const refused = await provide({ recipient: 'us-analytics', subjects: [a] });
    expectProblem(refused, 403);
    expect(refused.json.errors[0].message).toMatch(/no-foreign-information: .*Art\. 28\(2\)/);
    await consent(a, 'c-2', {
      recipient: 'us-analytics',
      foreignInformation: {
        country: 'US',
        protectionSystem: 'Sectoral and state laws',
        recipientMeasures: 'Contractual safeguards',
      },
    });
    expect((await provide({ recipient: 'us-analytics', subjects: [a] })).json).toMatchObject({
      results: [{ consentId: 'c-2' }],
    });
  });

  it('200 under an exception: evidence with the justification, no record', async () => {
    const a = subject();
    const result = await provide({
      subjects: [a],
      basis: 'exception',
      exception: 'required-by-law',
      justification: 'Court order under Code of Civil Procedure Art. 186',
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(await evidenceOf(result.json.provisionId)).toEqual([
      expect.objectContaining({
        evidenceId: result.json.evidenceId,
        kind: 'provision-under-exception',
        subjectIds: [a],
        justification: 'Court order under Code of Civil Procedure Art. 186',
      }),
    ]);
    expect(await recordsOf(a)).toEqual([]);
  });

  it('200 by opt-out with a record; 422 naming special care-required information, nothing recorded', async () => {
    const a = subject();
    const result = await provide({ recipient: 'list-broker', basis: 'opt-out', items: ['name'], subjects: [a] });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(await recordsOf(a)).toEqual([expect.objectContaining({ basis: 'opt-out', recipientId: 'list-broker' })]);
    const b = subject();
    const specialCare = await provide({
      recipient: 'list-broker',
      basis: 'opt-out',
      items: ['name', 'medical-history'],
      subjects: [b],
    });
    expectProblem(specialCare, 422);
    expect(specialCare.json.detail).toMatch(
      /medical-history .*special care-required.*Nothing was provided or recorded/,
    );
    expect(await recordsOf(b)).toEqual([]);
  });

  it('200 to an outsourcee with evidence and no record', async () => {
    const a = subject();
    const result = await provide({ recipient: 'mail-house', basis: 'not-third-party', subjects: [a] });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(await evidenceOf(result.json.provisionId)).toEqual([
      expect.objectContaining({ kind: 'provision-not-to-third-party', relationship: 'outsourcing' }),
    ]);
    expect(await recordsOf(a)).toEqual([]);
  });

  it('422 to an outsourcee whose processor is retired or whose contract has ended; nothing provided', async () => {
    await putItem('holders', {
      ...PROCESSOR,
      holderId: 'ended-processor',
      itemKey: 'holder',
      contract: { ...PROCESSOR.contract!, inForceUntil: '2026-03-31' },
    });
    await putItem('recipients', {
      ...party,
      recipientId: 'old-mail-house',
      relationship: 'outsourcing',
      recordKeeping: 'per-provision',
      processorHolderId: 'ended-processor',
    });
    const a = subject();
    const ended = await provide({ recipient: 'old-mail-house', basis: 'not-third-party', subjects: [a] });
    expectProblem(ended, 422);
    expect(ended.json.detail).toMatch(
      /consignment contract with "ended-processor" is not in force today: the contract ended on 2026-03-31/,
    );
    expect((await scanAll('evidence')).filter((e) => e.recipientId === 'old-mail-house')).toEqual([]);
  });

  it("access information on the person's linkage consent (APPI Art. 31): confirmed and recorded", async () => {
    const a = subject();
    await consent(a, 'l-1', { recipient: 'partner-insurance', linkage: 'access-information' });
    const result = await provide({ subjects: [a], basis: 'linkage-consent', items: ['advertising-identifier'] });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(await recordsOf(a)).toEqual([
      expect.objectContaining({ basis: 'linkage-consent', consentId: 'l-1', items: ['advertising-identifier'] }),
    ]);
  });

  it('rolls a bulk record forward on repeated provision: one record, items merged', async () => {
    const a = subject();
    await consent(a, 'c-1', { recipient: 'daily-partner' });
    expect((await provide({ recipient: 'daily-partner', subjects: [a], items: ['name'] })).status).toBe(200);
    const first = (await recordsOf(a))[0]!;
    expect((await provide({ recipient: 'daily-partner', subjects: [a], items: ['email'] })).status).toBe(200);
    const records = await recordsOf(a);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      recordId: 'provided#bulk#daily-partner',
      items: ['name', 'email'],
      firstProvidedAt: first.firstProvidedAt,
    });
    expect(records[0]!.lastProvidedAt >= first.lastProvidedAt).toBe(true);
  });

  it('422 for an unknown recipient or purpose; 400 for an unknown item, a repeated subject, or more than 100 subjects; 401 unsigned', async () => {
    const a = subject();
    await consent(a, 'c-1', { purpose: 'advertising' });
    const unknownRecipient = await provide({ recipient: 'nobody', subjects: [a] });
    expectProblem(unknownRecipient, 422);
    expect(unknownRecipient.json.detail).toContain('"nobody" is not in the recipient registry');
    const unknownPurpose = await provide({ purpose: 'no-such-purpose', subjects: [a] });
    expectProblem(unknownPurpose, 422);
    expect(unknownPurpose.json.detail).toContain('no-such-purpose');
    expectProblem(await provide({ subjects: [a], items: ['shoe-size'] }), 400);
    expectProblem(await provide({ subjects: [a, a] }), 400);
    expectProblem(await provide({ subjects: Array.from({ length: 101 }, subject) }), 400);
    expectProblem(await provide({ subjects: [a] }, false), 401);
    expect(await recordsOf(a)).toEqual([]);
  });
});
