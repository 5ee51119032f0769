// GET /v1/staff/requests/{requestId}/records against DynamoDB Local: the records an open request
// concerns, with words for each category and source and the purposes an addition may name; one
// access-log entry per read; operators only; a closed request reads nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/list-request-records';
import { DEMO_CUSTOMER, DEMO_RECORDS, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  requestBody,
  scanAll,
  staffClaims,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const records = (requestId: string, claims: Record<string, string> | null = staffClaims('operator')) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/requests/${requestId}/records`,
    resource: '/v1/staff/requests/{requestId}/records',
    pathParameters: { requestId },
    ...(claims ? { claims } : {}),
  });

const correctionRequest = () =>
  submitAndVerify({
    ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name }),
    type: 'correction',
    details: { items: [{ change: 'correct', category: 'phone', description: 'old number', content: '03-0000-0000' }] },
  } as ReturnType<typeof requestBody>);

const entriesFor = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason === `correction ${requestId}`);

describe('list-request-records', () => {
  it("lists the person's records with their words, and logs the read once", async () => {
    const { requestId } = await correctionRequest();
    const result = await records(requestId);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.subjectIds).toEqual([DEMO_CUSTOMER.subjectId]);
    expect(result.json.records).toHaveLength(DEMO_RECORDS.length);
    expect(result.json.records).toContainEqual(
      expect.objectContaining({
        subjectId: DEMO_CUSTOMER.subjectId,
        recordId: 'rec-phone',
        category: 'phone',
        categoryLabel: { ja: '電話番号', en: 'Telephone number' },
        source: expect.objectContaining({ ja: expect.any(String), en: expect.any(String) }),
      }),
    );
    expect(result.json.purposes.length).toBeGreaterThan(0);
    expect(result.json.categories).toContainEqual({ id: 'phone', label: { ja: '電話番号', en: 'Telephone number' } });
    const entries = await entriesFor(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'read',
      subjects: [DEMO_CUSTOMER.subjectId],
      fields: expect.arrayContaining(['phone', 'email']),
    });
  });

  it('is for operators deciding an open request: others are refused, a decided request reads nothing', async () => {
    const { requestId } = await correctionRequest();
    expectProblem(await records(requestId, staffClaims('officer')), 403);
    expectProblem(await records(requestId, staffClaims('auditor')), 403);
    expect((await records(requestId, null)).status).toBe(401);
    expect(
      (
        await decide(requestId, {
          outcome: 'refused',
          grounds: ['content-found-true'],
          reason: 'Checked: correct.',
          details: { investigation: 'Compared with the contract.' },
        })
      ).status,
    ).toBe(200);
    expectProblem(await records(requestId), 409);
    expect(await entriesFor(requestId)).toEqual([]);
    expectProblem(await records('00000000-0000-4000-8000-000000000000'), 404);
  });
});
