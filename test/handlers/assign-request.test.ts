// POST /v1/staff/requests/{requestId}/assignment against DynamoDB Local: operators and the officer
// hand an open request to an active operator from the staff table; the first assignment starts the
// handling; refusals write nothing; two assignments at once cannot both win.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoRequestReader } from '../../functions/adapters/request-repository';
import { handler } from '../../functions/handlers/assign-request';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putStaff,
  setAttributes,
  staffClaims,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    seedDemoStaff('test-password'),
    putStaff('operator-2', 'operator'),
    putStaff('operator-left', 'operator', 'disabled'),
  ]);
});

afterAll(() => dropTables(prefix));

const assign = (requestId: string, body: unknown, claims: Record<string, string> = staffClaims('officer')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/assignment`,
    resource: '/v1/staff/requests/{requestId}/assignment',
    pathParameters: { requestId },
    body,
    claims,
  });

async function expectUnassigned(requestId: string, status = 'received') {
  const stored = await getItem('requests', { requestId });
  expect(stored).toMatchObject({ status, version: 2 });
  expect(stored!.assignee).toBeUndefined();
}

describe('assign-request', () => {
  it('the officer assigns a received request to an operator: it moves to in-progress, with the event in its history', async () => {
    const { requestId } = await submitAndVerify();
    const result = await assign(requestId, { assignee: 'operator-2' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({
      requestId,
      status: 'in-progress',
      assignee: 'operator-2',
      assignedAt: expect.any(String),
    });
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'in-progress', assignee: 'operator-2', version: 3 });
    expect(stored!.history.at(-1)).toEqual({
      at: result.json.assignedAt,
      event: 'assigned',
      by: 'officer',
      assignee: 'operator-2',
    });
    expect(stored!.expiresAt).toBeUndefined();
  });

  it('an operator reassigns an in-progress request', async () => {
    const { requestId } = await submitAndVerify();
    expect((await assign(requestId, { assignee: 'operator-2' })).status).toBe(200);
    const result = await assign(requestId, { assignee: 'operator' }, staffClaims('operator'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'in-progress', assignee: 'operator', version: 4 });
    expect(
      stored!.history
        .filter((h: { event: string }) => h.event === 'assigned')
        .map((h: { assignee: string }) => h.assignee),
    ).toEqual(['operator-2', 'operator']);
  });

  it('refuses an auditor with 403, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await assign(requestId, { assignee: 'operator-2' }, staffClaims('auditor')), 403);
    await expectUnassigned(requestId);
  });

  it('refuses an assignee who is not an active operator with 422, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    for (const assignee of ['nobody-here', 'operator-left', 'officer', 'auditor']) {
      const result = await assign(requestId, { assignee });
      expectProblem(result, 422);
      expect(result.json).toMatchObject({ title: 'Not an active operator', detail: expect.stringContaining(assignee) });
    }
    await expectUnassigned(requestId);
  });

  it('refuses a closed request with 409 and an unknown one with 404, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    await setAttributes('requests', { requestId }, { status: 'withdrawn' });
    const closed = await assign(requestId, { assignee: 'operator-2' });
    expectProblem(closed, 409);
    expect(closed.json.title).toBe('Request closed');
    await expectUnassigned(requestId, 'withdrawn');
    expectProblem(await assign('no-such-request', { assignee: 'operator-2' }), 404);
  });

  it('lets only one of two assignments at once win; the other gets 409', async () => {
    const { requestId } = await submitAndVerify();
    // Both read the request before either writes, as two at once do; without this the first may
    // finish before the second reads, and the second is then a lawful reassignment.
    bothReadBeforeEitherWrites(dynamoRequestReader, 'get');
    const results = await Promise.all([
      assign(requestId, { assignee: 'operator-2' }),
      assign(requestId, { assignee: 'operator' }, staffClaims('operator')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect(await getItem('requests', { requestId })).toMatchObject({ assignee: winner.json.assignee, version: 3 });
  });

  it('answers bad input with 400 naming the field, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    const cases: Array<[unknown, string]> = [
      [{}, 'body.assignee'],
      [{ assignee: '  ' }, 'body.assignee'],
      [{ assignee: 7 }, 'body.assignee'],
      [{ assignee: 'x'.repeat(129) }, 'body.assignee'],
      [{ assignee: 'operator-2', priority: 'high' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const result = await assign(requestId, body);
      expectProblem(result, 400);
      expect(result.json.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    await expectUnassigned(requestId);
  });
});
