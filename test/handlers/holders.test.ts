// The holder registry's routes against DynamoDB Local and a real holder on the loopback: registration
// fetches discovery and pins the certificate; changes are versions, conditional on the version read;
// retirement and reviews; a holder down is 503 with Retry-After, a bad discovery 422, nothing stored;
// every read and write is access-logged; an overdue review reminds the officer once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALLOW_PLAIN_HTTP_HOLDERS } from '../../functions/domain/holders/holder';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler as change } from '../../functions/handlers/change-holder';
import { handler as list } from '../../functions/handlers/list-holders';
import { handler as review } from '../../functions/handlers/record-holder-review';
import { handler as register } from '../../functions/handlers/register-holder';
import { handler as remind } from '../../functions/handlers/remind-holder-reviews';
import { handler as retire } from '../../functions/handlers/retire-holder';
import { handler as view } from '../../functions/handlers/view-holder';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { type HolderMode, loopbackCertificate, startTestHolder, type TestHolder } from '../support/holder-server';
import { dropTables, expectProblem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
let holder: TestHolder;
const OFFICER = staffClaims('officer');

beforeAll(async () => {
  process.env[ALLOW_PLAIN_HTTP_HOLDERS] = 'true';
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  holder = await startTestHolder();
});

afterAll(async () => {
  delete process.env[ALLOW_PLAIN_HTTP_HOLDERS];
  await holder.close();
  await dropTables(prefix);
});

beforeEach(() => {
  holder.mode = 'ok';
});

const path = (id?: string, rest = '') => `/v1/staff/holders${id ? `/${id}` : ''}${rest}`;
const call = (
  handler: Parameters<typeof invoke>[0],
  method: 'GET' | 'POST' | 'PUT',
  resource: string,
  opts: { id?: string; body?: unknown; claims?: Record<string, string> } = {},
) =>
  invoke(handler, {
    method,
    path: resource.replace('{holderId}', opts.id ?? ''),
    resource,
    ...(opts.id ? { pathParameters: { holderId: opts.id } } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    claims: opts.claims ?? OFFICER,
  });

const CONTRACT = {
  reference: 'MH-2026-01',
  signedOn: '2026-01-05',
  inForceFrom: '2026-01-10',
  clauses: [
    { clause: 'security-measures', reference: 'Art. 5' },
    { clause: 'confidentiality', reference: 'Art. 6' },
    { clause: 're-consignment-approval', reference: 'Art. 7, Annex 2' },
    { clause: 'return-or-erasure', reference: 'Art. 12' },
  ],
  approvedSubProcessors: ['Print Partner K.K.'],
};
const registration = (holderId: string, fields: Record<string, unknown> = {}) => ({
  holderId,
  kind: 'processor',
  name: 'Mail House K.K.',
  owner: 'Marketing department',
  categories: ['name', 'address'],
  purposes: [POLICY_PURPOSES[0]!.purposeId],
  baseUrl: holder.baseUrl,
  contract: CONTRACT,
  ...fields,
});
const accessEntries = async () => (await scanAll('access-log')).filter((e) => e.fields.includes('holders'));

describe('registering a holder', () => {
  it('201 with the discovered endpoint and pinned certificate; version 1 kept; logged', async () => {
    const result = await call(register, 'POST', path(), {
      body: registration('mail-house', { confirmFingerprint: holder.certificate.fingerprint.toLowerCase() }),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({
      holderId: 'mail-house',
      version: 1,
      supervisionEveryMonths: 12,
      contractInForce: true,
      endpoint: {
        baseUrl: holder.baseUrl,
        processorDomain: '127.0.0.1',
        apiVersion: '2.0',
        supportedRequestTypes: ['access', 'erasure'],
        certificateFingerprint: holder.certificate.fingerprint,
      },
    });
    const items = (await scanAll('holders')).filter((i) => i.holderId === 'mail-house').map((i) => i.itemKey);
    expect(items.sort()).toEqual(['holder', 'version#0001']);
    expect(await accessEntries()).toContainEqual(
      expect.objectContaining({ actor: 'officer', action: 'write', subjects: [], fields: ['holders'] }),
    );
  });

  it('503 with Retry-After when the holder is down; 422 naming what is wrong with its discovery; nothing stored', async () => {
    holder.mode = 'down';
    const down = await call(register, 'POST', path(), { body: registration('down-holder') });
    expectProblem(down, 503);
    expect(down.headers['retry-after']).toBe('30');
    const refused: [HolderMode, RegExp][] = [
      ['not-json', /discovery is not JSON/],
      ['not-opendsr', /supports none of the OpenDSR request types/],
      ['other-host-certificate', /processor_certificate is on certs\.example\.com/],
      ['no-certificate', /certificate .* answered HTTP 404/],
    ];
    for (const [mode, detail] of refused) {
      holder.mode = mode;
      const result = await call(register, 'POST', path(), { body: registration('bad-holder') });
      expectProblem(result, 422);
      expect(result.json.detail, mode).toMatch(detail);
    }
    holder.mode = 'ok';
    const wrongPrint = await call(register, 'POST', path(), {
      body: registration('bad-holder', { confirmFingerprint: 'AB:CD' }),
    });
    expectProblem(wrongPrint, 422);
    expect(wrongPrint.json.detail).toContain(holder.certificate.fingerprint);
    const unreachable = await call(register, 'POST', path(), {
      body: registration('bad-holder', { baseUrl: 'http://127.0.0.1:9/v2' }),
    });
    expectProblem(unreachable, 503);
    const ids = new Set((await scanAll('holders')).map((i) => i.holderId));
    expect([...ids]).toEqual(['mail-house']);
  });

  it('refuses a processor without a contract, plain HTTP in AWS, bad input and a taken id; only the officer registers', async () => {
    const { contract: _c, ...noContract } = registration('no-contract');
    expectProblem(await call(register, 'POST', path(), { body: noContract }), 422);
    expectProblem(await call(register, 'POST', path(), { body: registration('mail-house') }), 409);
    expectProblem(await call(register, 'POST', path(), { body: registration('Bad Id') }), 400);
    expectProblem(await call(register, 'POST', path(), { body: { ...registration('x1'), kind: 'robot' } }), 400);
    for (const role of ['operator', 'auditor'])
      expectProblem(await call(register, 'POST', path(), { body: registration('x2'), claims: staffClaims(role) }), 403);
    delete process.env[ALLOW_PLAIN_HTTP_HOLDERS];
    try {
      const plain = await call(register, 'POST', path(), { body: registration('plain') });
      expectProblem(plain, 422);
      expect(plain.json.detail).toMatch(/^baseUrl: must be an https:\/\/ URL/);
    } finally {
      process.env[ALLOW_PLAIN_HTTP_HOLDERS] = 'true';
    }
  });
});

describe('changing, reviewing and retiring a holder', () => {
  it('a change is a new version; a rotated certificate is fetched again; a stale version is 409', async () => {
    const body = { ...registration('mail-house'), version: 1, reason: 'Owner moved' };
    const { holderId: _id, kind: _kind, ...changeBody } = body;
    const changed = await call(change, 'PUT', path('{holderId}'), {
      id: 'mail-house',
      body: { ...changeBody, owner: 'Customer care' },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ version: 2, owner: 'Customer care', changeReason: 'Owner moved' });
    const before = holder.certificate.fingerprint;
    holder.certificate = await loopbackCertificate();
    const rotated = await call(change, 'PUT', path('{holderId}'), {
      id: 'mail-house',
      body: { ...changeBody, version: 2, reason: 'Certificate rotated', rediscover: true },
    });
    expect(rotated.json.endpoint.certificateFingerprint).toBe(holder.certificate.fingerprint);
    expect(rotated.json.endpoint.certificateFingerprint).not.toBe(before);
    const stale = await call(change, 'PUT', path('{holderId}'), {
      id: 'mail-house',
      body: { ...changeBody, version: 2 },
    });
    expectProblem(stale, 409);
    expectProblem(await call(change, 'PUT', path('{holderId}'), { id: 'nobody', body: changeBody }), 404);
    // Two changes of the same version at once: one wins, the other is 409.
    const both = await Promise.all(
      ['A', 'B'].map((owner) =>
        call(change, 'PUT', path('{holderId}'), { id: 'mail-house', body: { ...changeBody, owner, version: 3 } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const dossier = await call(view, 'GET', path('{holderId}'), { id: 'mail-house', claims: staffClaims('auditor') });
    expect(dossier.status).toBe(200);
    expect(dossier.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
    expect(dossier.json.versions[0].endpoint.certificateFingerprint).toBe(before);
  });

  it('records a review, which moves the next due day; the operator reads the list but not the holder', async () => {
    const recorded = await call(review, 'POST', path('{holderId}', '/reviews'), {
      id: 'mail-house',
      body: { reviewedOn: '2026-11-02', findings: 'On-site audit; access logs checked.', outcome: 'adequate' },
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    expect(recorded.json.holder.nextReviewDue).toBe('2027-11-02');
    expect(recorded.json.reviews).toEqual([expect.objectContaining({ recordedBy: 'officer', outcome: 'adequate' })]);
    const listed = await call(list, 'GET', path(), { claims: staffClaims('operator') });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((h: { holderId: string }) => h.holderId)).toEqual(['mail-house']);
    expectProblem(
      await call(view, 'GET', path('{holderId}'), { id: 'mail-house', claims: staffClaims('operator') }),
      403,
    );
  });

  it('e-mails the officer once about an overdue review, however often the schedule runs', async () => {
    const registered = await call(register, 'POST', path(), {
      body: registration('overdue-processor', {
        contract: { ...CONTRACT, inForceFrom: '2025-01-10', signedOn: '2025-01-05' },
      }),
    });
    expect(registered.json).toMatchObject({ nextReviewDue: '2026-01-10', reviewOverdue: true });
    const runs = await Promise.all([remind(), remind()]);
    expect(runs.map((r) => r.reminded).sort()).toEqual([0, 1]);
    expect(await remind()).toEqual({ overdue: 1, reminded: 0 });
    const mails = (await scanAll('outbox')).filter((m) => m.topic === 'holder-review-overdue');
    expect(mails).toEqual([
      expect.objectContaining({
        to: ['officer@desk.example.jp'],
        messageId: 'holder-review-overdue-processor-2026-01-10',
      }),
    ]);
  });

  it('retires a holder: kept, listed last, and no longer changed or reviewed', async () => {
    const retired = await call(retire, 'POST', path('{holderId}', '/retirement'), {
      id: 'overdue-processor',
      body: { version: 1, reason: 'Contract terminated' },
    });
    expect(retired.status, JSON.stringify(retired.json)).toBe(200);
    expect(retired.json).toMatchObject({ version: 2, retiredBy: 'officer', retirementReason: 'Contract terminated' });
    expectProblem(
      await call(review, 'POST', path('{holderId}', '/reviews'), {
        id: 'overdue-processor',
        body: { reviewedOn: '2026-11-02', findings: 'x', outcome: 'adequate' },
      }),
      409,
    );
    const listed = await call(list, 'GET', path());
    expect(listed.json.items.at(-1)).toMatchObject({ holderId: 'overdue-processor', retiredAt: expect.any(String) });
    expect(await remind()).toEqual({ overdue: 0, reminded: 0 });
    expect((await accessEntries()).filter((e) => e.action === 'read').length).toBeGreaterThanOrEqual(3);
  });
});
