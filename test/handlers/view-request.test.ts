// GET /v1/staff/requests/{requestId} against DynamoDB Local: reading a request's personal data is
// access-logged first, in a hash chain; roles and status come from the staff table on every call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAccessLogEntry, type ChainedAccessLogEntry } from '../../functions/domain/access-log';
import { handler } from '../../functions/handlers/view-request';
import { seedDemoStaff } from '../../local/seed';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/adapters/clients';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { expectProblem, putStaff, requestBody, scanAll, setAttributes, staffClaims, submit, submitAndVerify, dropTables } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const view = (requestId: string, claims?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/requests/${requestId}`,
    resource: '/v1/staff/requests/{requestId}',
    pathParameters: { requestId },
    ...(claims ? { claims } : {}),
  });

const logEntriesAbout = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason.includes(requestId));

describe('view-request', () => {
  it('an operator sees requester, subject and history, but no secrets or storage fields', async () => {
    const body = requestBody({ language: 'en', subjectEmail: 'subject@example.jp' });
    const { requestId } = await submitAndVerify(body);
    const result = await view(requestId, staffClaims('operator'));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      requestId,
      type: 'disclosure',
      status: 'received',
      requester: body.requester,
      subject: body.subject,
      language: 'en',
      history: [{ event: 'submitted' }, { event: 'received' }],
    });
    for (const hidden of ['verification', 'statusTokenHash', 'expiresAt', 'version']) expect(result.json).not.toHaveProperty(hidden);
  });

  it('writes an access-log entry naming actor, role and reason, chained by hash', async () => {
    const { requestId } = await submitAndVerify();
    expect((await view(requestId, staffClaims('officer'))).status).toBe(200);
    const [entry, ...more] = await logEntriesAbout(requestId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'officer',
      role: 'officer',
      action: 'read',
      subjects: [`request:${requestId}`],
      fields: ['requester', 'subject', 'details', 'notes', 'representativeVerification', 'delivery'],
      reason: `disclosure ${requestId}`,
      sourceIp: '203.0.113.10',
      chainId: expect.stringMatching(/^chain-\d$/),
      seq: expect.any(Number),
      previousHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(entry!.at)).toBeGreaterThan(Date.now() - 60_000);
    const { hash, expiresAt: _expiresAt, day: _day, ...body } = entry as ChainedAccessLogEntry & { expiresAt: number; day: string };
    expect(hashAccessLogEntry(body)).toBe(hash);
    // Each read adds one entry; each entry carries its predecessor's hash.
    expect((await view(requestId, staffClaims('operator'))).status).toBe(200);
    expect(await logEntriesAbout(requestId)).toHaveLength(2);
    const chains = new Map<string, ChainedAccessLogEntry[]>();
    for (const e of await scanAll<ChainedAccessLogEntry>('access-log')) chains.set(e.chainId, [...(chains.get(e.chainId) ?? []), e]);
    for (const chain of chains.values()) {
      chain.sort((a, b) => a.seq - b.seq);
      chain.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        expect(e.previousHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
      });
    }
  });

  it('the access-log entry is kept for years', async () => {
    const { requestId } = await submitAndVerify();
    await view(requestId, staffClaims('operator'));
    const [entry] = (await logEntriesAbout(requestId)) as Array<ChainedAccessLogEntry & { expiresAt: number }>;
    expect(entry!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 4 * 365 * 24 * 3600);
  });

  it('an auditor is refused with 403 and nothing is logged', async () => {
    const { requestId } = await submitAndVerify();
    const result = await view(requestId, staffClaims('auditor'));
    expectProblem(result, 403);
    expect(result.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('a staff member disabled in the table → 403 on the next call, claims unchanged, nothing logged', async () => {
    await putStaff('view-disabled', 'operator');
    const claims = staffClaims('view-disabled', 'operator');
    const { requestId } = await submitAndVerify();
    expect((await view(requestId, claims)).status).toBe(200);
    await setAttributes('staff', { staffId: 'view-disabled' }, { status: 'disabled' });
    expectProblem(await view(requestId, claims), 403);
    expect(await logEntriesAbout(requestId)).toHaveLength(1);
  });

  it('no claims → 401', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await view(requestId), 401);
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('when the access log cannot be written, nothing personal is shown: 500 without the request', async () => {
    const { requestId } = await submitAndVerify(requestBody({ requesterEmail: 'logged-first@example.jp' }));
    const { mock } = mockDocumentClient();
    try {
      mock.on(PutCommand, { TableName: tableName('access-log') }).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
      const result = await view(requestId, staffClaims('operator'));
      expectProblem(result, 500);
      expect(JSON.stringify(result.json)).not.toContain('logged-first@example.jp');
    } finally {
      mock.restore();
    }
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('an unknown id or a request not yet verified → 404, nothing logged', async () => {
    const unverified = await submit();
    for (const requestId of [randomUUID(), unverified]) {
      expectProblem(await view(requestId, staffClaims('operator')), 404);
      expect(await logEntriesAbout(requestId)).toEqual([]);
    }
  });
});
