// GET /v1/staff/assignees against DynamoDB Local: the active operators a request can be assigned to,
// for operators and the officer only, without their addresses; each read access-logged once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/list-assignees';
import { assigneesResponse } from '../../functions/http/contract';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putStaff, scanAll, setAttributes, staffClaims } from '../support/requests';

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

const list = (claims?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/assignees',
    resource: '/v1/staff/assignees',
    ...(claims ? { claims } : {}),
  });

const entries = async () =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason === 'request assignment');

describe('list-assignees', () => {
  it('gives operators and the officer the active operators, by name, without addresses', async () => {
    for (const role of ['operator', 'officer']) {
      const result = await list(staffClaims(role));
      expect(result.status, role).toBe(200);
      expect(() => assigneesResponse.parse(result.json)).not.toThrow();
      expect(result.json.items.map((a: { staffId: string }) => a.staffId).sort()).toEqual(['operator', 'operator-2']);
      expect(result.json.items[0]).toEqual({
        staffId: expect.any(String),
        displayName: expect.any(String),
        role: 'operator',
      });
      expect(JSON.stringify(result.json)).not.toContain('@');
    }
  });

  it('logs each read once, naming the staff directory', async () => {
    const before = await entries();
    await list(staffClaims('operator'));
    const after = await entries();
    expect(after).toHaveLength(before.length + 1);
    // A scan returns items in no particular order: the new entry is the one not there before.
    const known = new Set(before.map((e) => JSON.stringify(e)));
    expect(after.filter((e) => !known.has(JSON.stringify(e)))).toEqual([
      expect.objectContaining({ actor: 'operator', subjects: ['staff-directory'], action: 'read' }),
    ]);
  });

  it('a disabled operator drops out of the list at once', async () => {
    await putStaff('operator-3', 'operator');
    expect((await list(staffClaims('officer'))).json.items.map((a: { staffId: string }) => a.staffId)).toContain(
      'operator-3',
    );
    await setAttributes('staff', { staffId: 'operator-3' }, { status: 'disabled' });
    expect((await list(staffClaims('officer'))).json.items.map((a: { staffId: string }) => a.staffId)).not.toContain(
      'operator-3',
    );
  });

  it('refuses an auditor (403) and a caller without a token (401), logging nothing', async () => {
    const before = (await entries()).length;
    const auditor = await list(staffClaims('auditor'));
    expectProblem(auditor, 403);
    expect(auditor.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    expectProblem(await list(), 401);
    expect((await entries()).length).toBe(before);
  });
});
