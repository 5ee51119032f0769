// The personal data registry end to end, over HTTP against the local runtime (the gateway npm start
// runs, with its SigV4 check of system callers): a system registers a subject's data, asks whether
// uses are allowed, and an operator looks the subject up for a named purpose.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, DEMO_INDIVIDUAL_NUMBER } from '../../local/seed';
import { LOCAL_SYSTEM_CREDENTIALS } from '../../local/system-signing';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const subjectId = `subject-e2e-${randomUUID().slice(0, 8)}`;
const email = `${subjectId}@example.jp`;

const { call, signIn } = deskClient(desk);

const registration = {
  subjectId,
  records: [
    {
      recordId: 'crm-email',
      category: 'email',
      value: email,
      source: 'from-customer',
      sourceDetail: 'Web sign-up form',
      purposes: ['service-provision', 'important-notices'],
      acquiredAt: new Date(Date.now() - 60_000).toISOString(),
    },
    {
      recordId: 'web-cookie',
      category: 'cookie-id',
      value: 'cookie 4be1 (linked to this customer)',
      source: 'service-use',
      purposes: ['usage-analysis'],
      acquiredAt: new Date(Date.now() - 60_000).toISOString(),
    },
  ],
};

describe('registering personal data and asking before a use', () => {
  it("registers a subject's records for business-systems, signed with its local key (201)", async () => {
    const registered = await call('POST', '/v1/system/personal-data', { body: registration, as: 'business-systems' });
    expect(registered.status).toBe(201);
    expect(registered.json.subjectId).toBe(subjectId);
    expect(registered.json.records.map((r: { recordId: string }) => r.recordId).sort()).toEqual([
      'crm-email',
      'web-cookie',
    ]);
    // Usage analysis is achieved two years after the last activity; service provision waits for the contract's end.
    const cookie = registered.json.records.find((r: { recordId: string }) => r.recordId === 'web-cookie');
    expect(Date.parse(cookie.expiresAt)).toBeGreaterThan(Date.now() + 700 * 24 * 60 * 60 * 1000);
    expect(
      registered.json.records.find((r: { recordId: string }) => r.recordId === 'crm-email').expiresAt,
    ).toBeUndefined();
  });

  it('answers use checks: allowed within the purposes, denied beyond them', async () => {
    const allowed = await call('POST', '/v1/system/use-checks', {
      body: { subjectId, category: 'email', purpose: 'important-notices' },
      as: 'business-systems',
    });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toMatchObject({ allowed: true, reason: 'within-purpose' });
    const denied = await call('POST', '/v1/system/use-checks', {
      body: { subjectId, category: 'email', purpose: 'advertising' },
      as: 'business-systems',
    });
    expect(denied.status).toBe(200);
    expect(denied.json).toMatchObject({ allowed: false, reason: 'purpose-not-among-record-purposes' });
  });

  it('shows the operator the subject, read for a named purpose, with who registered each record', async () => {
    const operator = await signIn('operator');
    const viewed = await call('GET', `/v1/staff/subjects/${subjectId}?purpose=service-provision`, { token: operator });
    expect(viewed.status).toBe(200);
    const records = viewed.json.records as Array<Record<string, unknown>>;
    expect(records.find((r) => r.recordId === 'crm-email')).toMatchObject({
      category: 'email',
      value: email,
      source: 'from-customer',
      registeredBy: LOCAL_SYSTEM_CREDENTIALS['business-systems'].principal,
    });
    expect(records.find((r) => r.recordId === 'web-cookie')).toMatchObject({ linkedAccessInformation: true });
    const unexplained = await call('GET', `/v1/staff/subjects/${subjectId}`, { token: operator });
    expect(unexplained.status).toBe(400);
  });

  it('finds the seeded demo customer by customer number', async () => {
    const operator = await signIn('operator');
    const found = await call(
      'GET',
      `/v1/staff/subjects?customerId=${DEMO_CUSTOMER.customerId}&purpose=service-provision`,
      { token: operator },
    );
    expect(found.status).toBe(200);
    expect(found.json.items.map((i: { subjectId: string }) => i.subjectId)).toEqual([DEMO_CUSTOMER.subjectId]);
  });

  it('gives the seeded Individual Number to payroll only', async () => {
    const path = `/v1/system/my-number/${DEMO_CUSTOMER.subjectId}?affair=tax`;
    const read = await call('GET', path, { as: 'payroll' });
    expect(read.status).toBe(200);
    expect(read.json.documents).toMatchObject([
      { document: 'dependant-deduction-declaration', number: DEMO_INDIVIDUAL_NUMBER },
    ]);
    const byBusiness = await call('GET', path, { as: 'business-systems' });
    expect(byBusiness.status).toBe(403);
    expect(JSON.stringify(byBusiness.json)).not.toContain(DEMO_INDIVIDUAL_NUMBER);
  });

  it('refuses an unsigned system call with 403 and writes nothing', async () => {
    const other = { ...registration, subjectId: `${subjectId}-unsigned` };
    const unsigned = await call('POST', '/v1/system/personal-data', { body: other });
    expect(unsigned.status).toBe(403);
    expect(unsigned.contentType).toContain('application/problem+json');
    expect(unsigned.json.title).toBe('Missing Authentication Token');
    const operator = await signIn('operator');
    const viewed = await call('GET', `/v1/staff/subjects/${other.subjectId}?purpose=service-provision`, {
      token: operator,
    });
    expect(viewed.json.records ?? []).toEqual([]);
  });
});
