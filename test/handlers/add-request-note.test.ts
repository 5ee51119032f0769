// POST /v1/staff/requests/{requestId}/notes against DynamoDB Local: operators and the officer note
// how an open request is handled; the write is access-logged; the staff view shows assignee, notes
// and the full history; refusals write nothing; two notes at once cannot both commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/add-request-note';
import { handler as assignHandler } from '../../functions/handlers/assign-request';
import { handler as viewHandler } from '../../functions/handlers/view-request';
import { handler as withdrawHandler } from '../../functions/handlers/withdraw-request';
import { staffRequestResponse } from '../../functions/http/contract';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  scanAll,
  setAttributes,
  staffClaims,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const addNote = (requestId: string, body: unknown, claims: Record<string, string> = staffClaims('operator')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/notes`,
    resource: '/v1/staff/requests/{requestId}/notes',
    pathParameters: { requestId },
    body,
    claims,
  });

const noteWrites = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
    (e) => e.action === 'write' && e.reason.includes(requestId),
  );

async function expectNoNote(requestId: string, status = 'received') {
  const stored = await getItem('requests', { requestId });
  expect(stored).toMatchObject({ status, version: 2 });
  expect(stored!.notes).toBeUndefined();
  expect(await noteWrites(requestId)).toEqual([]);
}

describe('add-request-note', () => {
  it('appends the note with author and time, and access-logs the write without its text', async () => {
    const { requestId } = await submitAndVerify();
    const result = await addNote(requestId, { text: '  電話でご請求の範囲を確認した。  ' });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const note = { at: expect.any(String), by: 'operator', text: '電話でご請求の範囲を確認した。' };
    expect(result.json).toEqual({ requestId, note });
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'received', notes: [note], version: 3 });
    expect(stored!.history.at(-1)).toEqual({ at: result.json.note.at, event: 'note-added', by: 'operator' });

    const [entry, ...more] = await noteWrites(requestId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'operator',
      role: 'operator',
      action: 'write',
      subjects: [`request:${requestId}`],
      fields: ['notes'],
      reason: `disclosure ${requestId}`,
    });
    expect(JSON.stringify(entry)).not.toContain('電話');
  });

  it('the staff view shows the assignee, every note and the full history, as the contract describes', async () => {
    const { requestId } = await submitAndVerify();
    expect(
      (
        await invoke(assignHandler, {
          method: 'POST',
          path: `/v1/staff/requests/${requestId}/assignment`,
          resource: '/v1/staff/requests/{requestId}/assignment',
          pathParameters: { requestId },
          body: { assignee: 'operator' },
          claims: staffClaims('officer'),
        })
      ).status,
    ).toBe(200);
    expect((await addNote(requestId, { text: 'Asked for the order number.' })).status).toBe(201);
    expect((await addNote(requestId, { text: 'Order number received.' }, staffClaims('officer'))).status).toBe(201);

    const view = await invoke(viewHandler, {
      method: 'GET',
      path: `/v1/staff/requests/${requestId}`,
      resource: '/v1/staff/requests/{requestId}',
      pathParameters: { requestId },
      claims: staffClaims('officer'),
    });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      status: 'in-progress',
      assignee: 'operator',
      notes: [
        { by: 'operator', text: 'Asked for the order number.' },
        { by: 'officer', text: 'Order number received.' },
      ],
    });
    expect(view.json.history.map((h: { event: string }) => h.event)).toEqual([
      'submitted',
      'received',
      'assigned',
      'note-added',
      'note-added',
    ]);
    expect(view.json.history[2]).toMatchObject({ by: 'officer', assignee: 'operator' });
    expect(() => staffRequestResponse.strict().parse(view.json)).not.toThrow();
  });

  it('refuses an auditor with 403, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await addNote(requestId, { text: 'Looks fine.' }, staffClaims('auditor')), 403);
    await expectNoNote(requestId);
  });

  it('refuses a note on a closed request with 409: the record is final', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    expect(
      (
        await invoke(withdrawHandler, {
          method: 'POST',
          path: `/v1/requests/${requestId}/withdrawal`,
          resource: '/v1/requests/{requestId}/withdrawal',
          pathParameters: { requestId },
          headers: { Authorization: `Bearer ${statusToken}` },
        })
      ).status,
    ).toBe(200);
    const result = await addNote(requestId, { text: 'Too late.' });
    expectProblem(result, 409);
    expect(result.json.title).toBe('Request closed');
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(stored!.notes).toBeUndefined();
    expect(await noteWrites(requestId)).toEqual([]);

    const decided = await submitAndVerify();
    await setAttributes('requests', { requestId: decided.requestId }, { status: 'fulfilled' });
    expectProblem(await addNote(decided.requestId, { text: 'Too late.' }), 409);
    await expectNoNote(decided.requestId, 'fulfilled');
  });

  it('lets only one of two notes at once commit; the other gets 409', async () => {
    const { requestId } = await submitAndVerify();
    const results = await Promise.all([
      addNote(requestId, { text: 'first' }),
      addNote(requestId, { text: 'second' }, staffClaims('officer')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const stored = await getItem('requests', { requestId });
    expect(stored!.notes).toHaveLength(1);
    expect(stored).toMatchObject({ version: 3 });
  });

  it('answers bad input with 400 naming the field, writing nothing', async () => {
    const { requestId } = await submitAndVerify();
    const cases: Array<[unknown, string]> = [
      [{}, 'body.text'],
      [{ text: ' \n ' }, 'body.text'],
      [{ text: 'x'.repeat(4001) }, 'body.text'],
      [{ text: ['a'] }, 'body.text'],
      [{ text: 'ok', by: 'someone-else' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const result = await addNote(requestId, body);
      expectProblem(result, 400);
      expect(result.json.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    await expectNoNote(requestId);
  });
});
