// GET /v1/disclosures/{token} against DynamoDB Local and the SES emulator: the link e-mailed with a
// fulfilled disclosure serves the dossier until it expires, and not a moment after, even while the
// expired item still waits for TTL.

import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../functions/adapters/system';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import {
  type StoredDisclosure,
  servedDossier,
} from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { handler as decideHandler } from '../../functions/handlers/decide-request';
import { handler } from '../../functions/handlers/get-disclosure';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { dossierResponse } from '../../functions/http/contract';
import { DEMO_CUSTOMER, DEMO_RECORDS, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { DEMO_DESK } from '../support/company';
import { apiEvent, freshTables, invoke, lambdaContext, mailbox } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  submitAndVerify,
  withoutInstance,
} from '../support/requests';

let token: string;
let stored: StoredDisclosure;

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
  const { requestId } = await submitAndVerify(
    requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language: 'en' }),
  );
  const decided = await invoke(decideHandler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/decision`,
    resource: '/v1/staff/requests/{requestId}/decision',
    pathParameters: { requestId },
    body: { outcome: 'fulfilled' },
    claims: staffClaims('operator'),
  });
  expect(decided.status).toBe(200);
  // The decision e-mail goes out through the outbox; the link is read from the delivered e-mail.
  const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
  expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual([]);
  const mail = (await mailbox(DEMO_CUSTOMER.email)).find(
    (m) => m.body.text?.includes(requestId) && m.body.text.includes('/v1/disclosures/'),
  );
  expect(mail, 'decision e-mail in the SES emulator').toBeDefined();
  token = /\/v1\/disclosures\/([A-Za-z0-9_-]+)/.exec(mail!.body.text!)![1]!;
  stored = (await scanAll<StoredDisclosure>('disclosures')).find((d) => d.requestId === requestId)!;
});

afterAll(() => dropTables(prefix));

afterEach(() => {
  vi.restoreAllMocks();
});

const event = (linkToken: string, accept?: string, query?: Record<string, string>) => ({
  method: 'GET',
  path: `/v1/disclosures/${linkToken}`,
  resource: '/v1/disclosures/{token}',
  pathParameters: { token: linkToken },
  ...(accept ? { headers: { Accept: accept } } : {}),
  ...(query ? { query } : {}),
});
const download = (linkToken: string, accept?: string) => invoke(handler, event(linkToken, accept));
/** For answers that are not JSON. */
const raw = (linkToken: string, accept: string, query?: Record<string, string>) =>
  handler(apiEvent(event(linkToken, accept, query)), lambdaContext);

/** A dossier stored directly, as decide-request would have, under a token of our own. */
async function storeDisclosure(expiresAt: number, overrides: Partial<StoredDisclosure> = {}) {
  const own = randomBytes(32).toString('base64url');
  await putItem('disclosures', {
    ...stored,
    tokenHash: hashSecret(own),
    createdAt: new Date().toISOString(),
    expiresAt,
    ...overrides,
  });
  return own;
}

describe('get-disclosure', () => {
  it('the link token from the decision e-mail serves the dossier as JSON', async () => {
    const result = await download(token);
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(dossierResponse.safeParse(result.json).success).toBe(true);
    expect(result.json.subject.email).toBe(DEMO_CUSTOMER.email);
    expect(result.json.records).toHaveLength(DEMO_RECORDS.length);
    expect(result.json.records.map((r: { category: string }) => r.category)).toEqual(
      expect.arrayContaining(['email', 'address', 'credit-information']),
    );
    expect(result.json.consents.length).toBeGreaterThan(0);
    expect(result.json.provisionRecords.length).toBeGreaterThan(0);
    // As stored, less the expiries the copy keeps to leave each item out once it expires.
    expect(stored.dossier.records!.some((r) => r.expiresAt !== undefined)).toBe(true);
    expect(JSON.stringify(result.json)).not.toContain('expiresAt');
    expect(result.json).toEqual(JSON.parse(JSON.stringify(servedDossier(stored.dossier, new Date(), DEMO_DESK))));
    // An API caller reading JSON by Accept is not sent a file.
    expect(result.headers['content-disposition']).toBeUndefined();
  });

  it('serves a readable page for Accept: text/html and CSV for Accept: text/csv', async () => {
    const page = await raw(token, 'text/html,application/xhtml+xml;q=0.9');
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers?.['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain(DEMO_CUSTOMER.email);

    const csv = await raw(token, 'text/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers?.['content-disposition']).toMatch(/^attachment/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // The request was made in English: so is the CSV.
    expect(lines[0]).toBe(
      'Section,Item,Content,Source or basis,Purposes of use,Date (Japan time),Access information linked to you,Special care-required',
    );
    expect(lines.filter((l) => l.startsWith('Personal data we hold,'))).toHaveLength(DEMO_RECORDS.length);
    expect(csv.body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('the page runs only its own style and script (CSP by hash), leaks its link to no one, and links to both downloads', async () => {
    const page = await raw(token, 'text/html');
    const policy = page.headers?.['content-security-policy'] as string;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(policy).not.toContain('unsafe');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers?.['referrer-policy']).toBe('no-referrer');
    expect(page.headers?.['cache-control']).toBe('no-store');
    expect(page.body).toContain('<a href="?format=json" download>');
    expect(page.body).toContain('<a href="?format=csv" download>');
    expect(page.body).toContain('<footer>');
  });

  it.each([
    ['json', 'application/json; charset=utf-8'],
    ['csv', 'text/csv; charset=utf-8'],
  ])('?format=%s downloads the file under the request number, whatever Accept says', async (format, type) => {
    const file = await raw(token, 'text/html,application/xhtml+xml', { format });
    expect(file.statusCode).toBe(200);
    expect(file.headers?.['content-type']).toBe(type);
    expect(file.headers?.['content-disposition']).toBe(
      `attachment; filename="personal-data-disclosure-${stored.requestId}.${format}"`,
    );
    expect(file.headers?.['cache-control']).toBe('no-store');
    if (format === 'json') expect(dossierResponse.safeParse(JSON.parse(file.body)).success).toBe(true);
  });

  it('a format that is not one, or a parameter the route does not take → 400 naming it, never the copy', async () => {
    const queries: Array<Record<string, string>> = [
      { format: 'pdf' },
      { format: 'html' },
      { format: 'CSV' },
      { download: '1' },
    ];
    for (const query of queries) {
      const result = await invoke(handler, event(token, 'text/html', query));
      expectProblem(result, 400);
      expect(result.json.errors[0].field, JSON.stringify(query)).toMatch(/^query/);
    }
  });

  it('?format does not open an expired or unknown link', async () => {
    const expired = await storeDisclosure(Math.floor(Date.now() / 1000) - 1);
    for (const linkToken of [expired, randomBytes(32).toString('base64url')]) {
      expectProblem(await invoke(handler, event(linkToken, undefined, { format: 'csv' })), 404);
    }
  });

  it('a wrong token → 404 problem', async () => {
    const wrong = randomBytes(32).toString('base64url');
    const result = await download(wrong);
    expectProblem(result, 404);
    expect(result.json.detail).toMatch(/unknown or has expired/);
  });

  it('a token that is not one → 400 naming path.token', async () => {
    const result = await download('short');
    expectProblem(result, 400);
    expect(result.json.errors[0].field).toBe('path.token');
  });

  it('an item past its expiresAt is not served (404 like an unknown token) although it is still stored', async () => {
    // Expired a moment ago: DynamoDB Local's TTL will remove it, but the read must not wait for that.
    const expired = await storeDisclosure(Math.floor(Date.now() / 1000) - 1);
    const result = await download(expired);
    expectProblem(result, 404);
    const unknown = await download(randomBytes(32).toString('base64url'));
    expect(withoutInstance(result.json)).toEqual(withoutInstance(unknown.json));
  });

  it("deterministically: a dossier whose expiry has passed by the desk's clock is refused while DynamoDB still holds it", async () => {
    const now = Date.now();
    const inAnHour = Math.floor(now / 1000) + 3600;
    const own = await storeDisclosure(inAnHour);
    expect((await download(own)).status).toBe(200);
    vi.spyOn(systemClock, 'now').mockReturnValue(new Date(now + 2 * 3600 * 1000));
    expectProblem(await download(own), 404);
    expect(await getItem('disclosures', { tokenHash: hashSecret(own), subjectId: stored.subjectIds[0] })).toBeDefined();
    // The real link, valid for 14 days, is still served at that time.
    expect((await download(token)).status).toBe(200);
  });
});
