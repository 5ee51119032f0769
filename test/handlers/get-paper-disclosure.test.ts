// A disclosure by the person's chosen method against DynamoDB Local: paper needs an address; a paper
// disclosure stores the dossier and records its delivery; a partial one withholds only held
// categories; GET /v1/staff/requests/{requestId}/disclosure serves the stored copy to print,
// access-logged first, to operators only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { handler } from '../../functions/handlers/get-paper-disclosure';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { apiEvent, freshTables, invoke, lambdaContext } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  scanAll,
  staffClaims,
  submitAndVerify,
} from '../support/requests';

const ADDRESS = '〒100-0001 東京都千代田区千代田1-1';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const body = (details?: Record<string, unknown>, language: 'ja' | 'en' = 'en') => ({
  ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
  ...(details ? { details } : {}),
});

const printEvent = (requestId: string, accept: string, claims = staffClaims('operator')) =>
  apiEvent({
    method: 'GET',
    path: `/v1/staff/requests/${requestId}/disclosure`,
    resource: '/v1/staff/requests/{requestId}/disclosure',
    pathParameters: { requestId },
    headers: { accept },
    claims,
  });

const logOf = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log'))
    .filter((e) => e.reason === `disclosure ${requestId}`)
    .sort((a, b) => a.at.localeCompare(b.at));

describe('submitting a disclosure with a method', () => {
  it('paper without an address → 400 naming details.postalAddress, nothing stored', async () => {
    const before = (await scanAll('requests')).length;
    const result = await invoke(submitHandler, {
      method: 'POST',
      path: '/v1/requests',
      resource: '/v1/requests',
      body: body({ method: 'paper' }),
    });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      { field: 'body.details.postalAddress', message: 'is required for a paper copy: the address to post it to' },
    ]);
    const tooLong = await invoke(submitHandler, {
      method: 'POST',
      path: '/v1/requests',
      resource: '/v1/requests',
      body: body({ method: 'paper', postalAddress: 'あ'.repeat(501) }),
    });
    expectProblem(tooLong, 400);
    expect(JSON.stringify(tooLong.json.errors)).toContain('body.details.postalAddress');
    expect((await scanAll('requests')).length).toBe(before);
  });
});

describe('deciding a paper or partial disclosure', () => {
  it('paper: the dossier is stored, the request records the delivery, the e-mail carries the address and no link', async () => {
    const { requestId } = await submitAndVerify(
      body({ method: 'paper', postalAddress: ADDRESS, records: ['personal-data', 'provision-records'] }),
    );
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const [stored] = (await scanAll<StoredDisclosure>('disclosures')).filter((d) => d.requestId === requestId);
    expect((await getItem('requests', { requestId }))!.delivery).toEqual({
      method: 'paper',
      dossierTokenHash: stored!.tokenHash,
    });
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
    expect(message.text).toContain(ADDRESS);
    expect(message.text).not.toContain('/v1/disclosures/');
  });

  it('partial with a category the person has no data in → 422 naming it, nothing written', async () => {
    const { requestId } = await submitAndVerify(body());
    const result = await decide(requestId, {
      outcome: 'partially-fulfilled',
      grounds: ['violation-of-law'],
      reason: 'A court order.',
      details: { withheld: ['medical-history'] },
    });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('medical-history');
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received', version: 2 });
    expect((await scanAll<StoredDisclosure>('disclosures')).filter((d) => d.requestId === requestId)).toEqual([]);
    expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toEqual([]);
  });

  it('partial: the dossier leaves the withheld category out and names it, with grounds and reason', async () => {
    const { requestId } = await submitAndVerify(body({ records: ['personal-data'] }));
    const result = await decide(requestId, {
      outcome: 'partially-fulfilled',
      grounds: ['hindrance-to-business'],
      reason: 'Under investigation.',
      details: { withheld: ['credit-information'] },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.status).toBe('partially-fulfilled');
    const [stored] = (await scanAll<StoredDisclosure>('disclosures')).filter((d) => d.requestId === requestId);
    expect(stored!.dossier.records!.map((r) => r.category)).not.toContain('credit-information');
    expect(stored!.dossier.withheld).toMatchObject({
      categories: [{ id: 'credit-information' }],
      reason: 'Under investigation.',
    });
    expect(stored!.dossier).not.toHaveProperty('provisionRecords');
    const [logged] = await logOf(requestId);
    expect(logged!.fields).not.toContain('credit-information');
    expect(logged!.fields).not.toContain('provision-records');
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-partially-fulfilled')!;
    expect(message.text).toContain('Under investigation.');
    expect(message.text).toContain('Art. 33(2)(ii)');
  });
});

describe('GET /v1/staff/requests/{requestId}/disclosure', () => {
  it('serves the printable page and JSON of a paper disclosure, each read access-logged', async () => {
    const { requestId } = await submitAndVerify(body({ method: 'paper', postalAddress: ADDRESS }, 'ja'));
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const page = await handler(printEvent(requestId, 'text/html'), lambdaContext);
    expect(page.statusCode).toBe(200);
    expect(page.headers!['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('第三者提供記録（個人情報の保護に関する法律第33条第5項）');
    const json = await handler(printEvent(requestId, 'application/json'), lambdaContext);
    expect(JSON.parse(json.body)).toMatchObject({ requestId, covers: ['personal-data', 'provision-records'] });
    // The decision's compilation, then the two prints, each naming the person whose data it shows.
    const reads = await logOf(requestId);
    expect(reads).toHaveLength(3);
    for (const read of reads.slice(1)) {
      expect(read).toMatchObject({
        actor: 'operator',
        role: 'operator',
        action: 'read',
        subjects: ['subject-demo-hanako'],
        fields: ['personal-data', 'provision-records'],
      });
    }
  });

  it('an electronic or undecided disclosure → 409; an officer → 403; an unknown id → 404; all problem+json', async () => {
    const electronic = await submitAndVerify(body());
    expect((await decide(electronic.requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const asProblem = async (requestId: string, claims = staffClaims('operator')) => {
      const result = await handler(printEvent(requestId, 'text/html', claims), lambdaContext);
      return { status: result.statusCode, headers: result.headers ?? {}, json: JSON.parse(result.body) };
    };
    expectProblem(await asProblem(electronic.requestId), 409);
    const undecided = await submitAndVerify(body({ method: 'paper', postalAddress: ADDRESS }));
    expectProblem(await asProblem(undecided.requestId), 409);
    expectProblem(await asProblem(undecided.requestId, staffClaims('officer')), 403);
    expectProblem(await asProblem('no-such-request'), 404);
    expect(await logOf(undecided.requestId)).toEqual([]);
  });
});
