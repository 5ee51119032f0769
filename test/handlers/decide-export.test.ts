// POST /v1/staff/exports/{exportId}/approval against DynamoDB Local and the SES emulator: two
// people (the requester never approves), a conditional transition (two officers at once: one 200,
// one 409), and the single-use token stored only as its hash, its link e-mailed with the approval.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoExports } from '../../functions/adapters/export-repository';
import type { ExportRequest } from '../../functions/domain/exports/rules';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import { handler as decideExport } from '../../functions/handlers/decide-export';
import { handler as requestExport } from '../../functions/handlers/request-export';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putStaff,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
} from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 6);
const OPERATOR = `dec-op-${run}`;
const OFFICER = `dec-officer-${run}`;
const OFFICER_2 = `dec-officer2-${run}`;
const officer = (staffId = OFFICER) => staffClaims(staffId, 'officer');

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([putStaff(OPERATOR, 'operator'), putStaff(OFFICER, 'officer'), putStaff(OFFICER_2, 'officer')]);
});

afterAll(() => dropTables(prefix));

async function requested(claims = staffClaims(OPERATOR, 'operator')): Promise<string> {
  const result = await invoke(requestExport, {
    method: 'POST',
    path: '/v1/staff/exports',
    resource: '/v1/staff/exports',
    claims,
    body: { subjectIds: [`s-${randomUUID()}`, `s-${randomUUID()}`], purpose: 'service-provision' },
  });
  expect(result.status, JSON.stringify(result.json)).toBe(202);
  return result.json.exportId as string;
}

const decide = (exportId: string, body: unknown, claims = officer()) =>
  invoke(decideExport, {
    method: 'POST',
    path: `/v1/staff/exports/${exportId}/approval`,
    resource: '/v1/staff/exports/{exportId}/approval',
    pathParameters: { exportId },
    body,
    claims,
  });

async function deliveredAbout(exportId: string, topic: string) {
  const [message, ...more] = (await scanAll('outbox')).filter((m) => m.messageId === `export-${topic}-${exportId}`);
  expect(more).toEqual([]);
  expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).batchItemFailures).toEqual([]);
  return (await mailbox(`${OPERATOR}@desk.example.jp`)).find((m) => m.subject.includes(exportId))!;
}

describe('decide-export', () => {
  it('approval by another officer: 200, token kept only as its hash, the link (not the data) e-mailed to the requester, valid 24 hours', async () => {
    const exportId = await requested();
    const before = Date.now();
    const result = await decide(exportId, { decision: 'approved', reason: 'Needed for the annual audit' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({ exportId, status: 'approved', decidedBy: OFFICER });
    const expires = Date.parse(result.json.linkExpiresAt);
    expect(expires - Date.parse(result.json.decidedAt)).toBe(24 * 3600_000);
    expect(expires).toBeGreaterThanOrEqual(before + 24 * 3600_000);

    const mail = await deliveredAbout(exportId, 'approved');
    const link = new RegExp(`https://desk\\.test/test/v1/staff/exports/${exportId}/download/([A-Za-z0-9_-]{43})`).exec(
      mail.body.text!,
    );
    expect(link).not.toBeNull();
    const token = link![1]!;
    const stored = await getItem<ExportRequest>('exports', { exportId });
    expect(stored).toMatchObject({
      status: 'approved',
      version: 2,
      tokenHash: hashSecret(token),
      decision: { outcome: 'approved', by: OFFICER },
    });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('the requester may not approve their own request: 403 naming why; another officer then may', async () => {
    const exportId = await requested(officer());
    const own = await decide(exportId, { decision: 'approved', reason: 'Approving my own request' });
    expectProblem(own, 403);
    expect(own.json.detail).toContain('two people');
    expect(await getItem<ExportRequest>('exports', { exportId })).toMatchObject({ status: 'requested', version: 1 });
    expect(
      (await decide(exportId, { decision: 'approved', reason: 'Checked by a second officer' }, officer(OFFICER_2)))
        .status,
    ).toBe(200);
  });

  it('refusal: 200, no token, the reason e-mailed; deciding again → 409', async () => {
    const exportId = await requested();
    const result = await decide(exportId, { decision: 'refused', reason: 'The purpose does not need every subject' });
    expect(result.status).toBe(200);
    expect(result.json).not.toHaveProperty('linkExpiresAt');
    expect((await getItem<ExportRequest>('exports', { exportId }))!.tokenHash).toBeUndefined();
    expect((await deliveredAbout(exportId, 'refused')).body.text).toContain('The purpose does not need every subject');
    expectProblem(
      await decide(exportId, { decision: 'approved', reason: 'On second thoughts' }, officer(OFFICER_2)),
      409,
    );
  });

  it('two officers at once: one 200, one 409, one decision stored and one e-mail', async () => {
    const exportId = await requested();
    // Both read the request before either writes, as two at once do.
    bothReadBeforeEitherWrites(dynamoExports, 'get');
    const results = await Promise.all([
      decide(exportId, { decision: 'approved', reason: 'Needed for the annual audit' }),
      decide(exportId, { decision: 'refused', reason: 'Not needed for this purpose' }, officer(OFFICER_2)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect(await getItem<ExportRequest>('exports', { exportId })).toMatchObject({
      status: winner.json.status,
      version: 2,
    });
    expect(
      (await scanAll('outbox')).filter(
        (m) => (m.messageId as string).endsWith(`-${exportId}`) && !(m.messageId as string).includes('requested'),
      ),
    ).toHaveLength(1);
  });

  it('an operator may not decide (403); unknown export → 404; bad input → 400 naming the field', async () => {
    const exportId = await requested();
    expectProblem(
      await decide(
        exportId,
        { decision: 'approved', reason: 'Approving as an operator' },
        staffClaims(OPERATOR, 'operator'),
      ),
      403,
    );
    expectProblem(await decide('no-such-export', { decision: 'approved', reason: 'Needed for the annual audit' }), 404);
    const cases: Array<[unknown, string]> = [
      [{ reason: 'Needed for the annual audit' }, 'body.decision'],
      [{ decision: 'maybe', reason: 'Needed for the annual audit' }, 'body.decision'],
      [{ decision: 'approved' }, 'body.reason'],
      [{ decision: 'approved', reason: 'short' }, 'body.reason'],
      [{ decision: 'approved', reason: 'Needed for the annual audit', token: 'x' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const result = await decide(exportId, body);
      expectProblem(result, 400);
      expect(result.json.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(await getItem<ExportRequest>('exports', { exportId })).toMatchObject({ status: 'requested', version: 1 });
  });
});
