// GET /v1/staff/requests as a use case: the queue soonest due first, filtered by type, assignee and
// due day, searched by request id, address or name; requesters and subjects only for the roles that
// may open a request, and each of their lists access-logged once.
import { describe, expect, it } from 'vitest';
import { listRequests, searchableName } from '../../../functions/domain/requests/list-requests';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import {
  ArrayRequestReader,
  FixedClock,
  jst,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
} from '../doubles';

// Thursday 12 November 2026, 11:00 in Japan.
const NOW = jst(2026, 11, 12, 11).toISOString();
const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.8' };
const AUDITOR: StaffActor = { staffId: 'auditor-1', role: 'auditor', sourceIp: '203.0.113.9' };

const member = (staffId: string, displayName: string, overrides: Partial<StaffMember> = {}): StaffMember => ({
  staffId,
  displayName,
  email: `${staffId}@desk.example.jp`,
  role: 'operator',
  status: 'active',
  passwordChangedAt: '2026-10-01T00:00:00.000Z',
  ...overrides,
});

const person = (name: string, email: string, subjectName?: string): Partial<DeskRequest> => ({
  requester: { kind: 'self', name, email },
  subject: { email, ...(subjectName ? { name: subjectName } : {}) },
});

function desk(items: DeskRequest[], staff: StaffMember[] = []) {
  const accessLog = new RecordingAccessLog();
  const deps = {
    requests: new ArrayRequestReader(items),
    staff: { list: async () => staff },
    accessLog,
    clock: new FixedClock(NOW),
  };
  return { deps, accessLog };
}

const ids = (result: { items: Array<{ requestId: string }> }) => result.items.map((i) => i.requestId);

describe('listRequests', () => {
  const requests = [
    receivedRequest({ requestId: 'late', dueAt: jst(2026, 11, 30, 17).toISOString() }),
    receivedRequest({
      requestId: 'soon',
      status: 'in-progress',
      assignee: 'staff-operator-1',
      dueAt: jst(2026, 11, 20, 17).toISOString(),
      ...person('佐藤 一郎', 'Ichiro.Sato@Example.JP'),
    }),
    receivedRequest({
      requestId: 'today',
      type: 'complaint',
      assignee: 'suzuki',
      dueAt: jst(2026, 11, 12, 17).toISOString(),
      requester: { kind: 'agent', name: 'ＴＡＮＡＫＡ　Law Office', email: 'office@law.example.jp' },
      subject: { email: 'jiro@example.jp', name: 'Jiro Tanaka' },
    }),
    receivedRequest({
      requestId: 'overdue',
      type: 'correction',
      dueAt: jst(2026, 11, 10, 17).toISOString(),
      ...person('ｶﾜｲ ﾐｷ', 'miki@example.jp'),
    }),
    receivedRequest({ requestId: 'done', status: 'fulfilled', dueAt: jst(2026, 11, 13, 17).toISOString() }),
    receivedRequest({ requestId: 'unconfirmed', status: 'awaiting-verification', dueAt: undefined }),
  ];
  const staff = [
    member('suzuki', '鈴木 一'),
    member('staff-operator-1', '青木 花'),
    member('left', '退職 者', { status: 'disabled' }),
    member('officer-1', '責任 者', { role: 'officer' }),
  ];

  it('lists the open requests soonest due first, naming requester, subject and assignee for an operator', async () => {
    const { deps } = desk(requests, staff);
    const result = await listRequests(deps, OPERATOR);
    expect(ids(result)).toEqual(['overdue', 'today', 'soon', 'late']);
    expect(result.items[2]).toEqual({
      requestId: 'soon',
      type: 'disclosure',
      status: 'in-progress',
      receivedAt: '2026-11-09T01:05:00.000Z',
      dueAt: jst(2026, 11, 20, 17).toISOString(),
      assignee: 'staff-operator-1',
      requester: { kind: 'self', name: '佐藤 一郎', email: 'Ichiro.Sato@Example.JP' },
      subject: { email: 'Ichiro.Sato@Example.JP' },
    });
    // The assignable staff, by name in Japanese collation: active operators only, no addresses.
    expect(result.assignees).toEqual([
      { staffId: 'staff-operator-1', displayName: '青木 花', role: 'operator' },
      { staffId: 'suzuki', displayName: '鈴木 一', role: 'operator' },
    ]);
  });

  it('writes one access-log entry per list, naming the requests listed and no name or address', async () => {
    const { deps, accessLog } = desk(requests, staff);
    await listRequests(deps, OFFICER, { type: 'disclosure' });
    expect(accessLog.entries).toEqual([
      {
        actor: 'officer-1',
        role: 'officer',
        action: 'read',
        subjects: ['request:soon', 'request:late', 'staff-directory'],
        fields: [
          'requester.kind',
          'requester.name',
          'requester.email',
          'subject.email',
          'subject.name',
          'staff.displayName',
          'staff.role',
        ],
        reason: 'request queue',
        sourceIp: '203.0.113.8',
        at: NOW,
      },
    ]);
    expect(JSON.stringify(accessLog.entries)).not.toMatch(/@|佐藤|山田/);
  });

  it('shows an auditor the queue without requesters, subjects or staff names, and logs nothing', async () => {
    const { deps, accessLog } = desk(requests, staff);
    const result = await listRequests(deps, AUDITOR);
    expect(ids(result)).toEqual(['overdue', 'today', 'soon', 'late']);
    expect(JSON.stringify(result)).not.toMatch(/@|佐藤|鈴木|requester|subject/);
    expect(result).not.toHaveProperty('assignees');
    expect(accessLog.entries).toEqual([]);
  });

  it('refuses an auditor a search (403), reading and logging nothing', async () => {
    const { deps, accessLog } = desk(requests, staff);
    const problem = await problemOf(listRequests(deps, AUDITOR, { q: 'late' }));
    expect(problem.kind).toBe('forbidden');
    expect(problem.specifics.slug).toBe('queue-search-not-allowed');
    expect(accessLog.entries).toEqual([]);
  });

  it('lists one status when asked', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { status: 'fulfilled' }))).toEqual(['done']);
  });

  it('filters by type', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { type: 'complaint' }))).toEqual(['today']);
    expect(ids(await listRequests(deps, OPERATOR, { type: 'no-such-type' }))).toEqual([]);
  });

  it('filters by assignee: me, unassigned, or a staff id', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { assignee: 'me' }))).toEqual(['soon']);
    expect(ids(await listRequests(deps, OFFICER, { assignee: 'me' }))).toEqual([]);
    expect(ids(await listRequests(deps, OPERATOR, { assignee: 'unassigned' }))).toEqual(['overdue', 'late']);
    expect(ids(await listRequests(deps, OPERATOR, { assignee: 'suzuki' }))).toEqual(['today']);
  });

  it('filters by the Japan day a request is due: today plus N days, overdue ones included', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { dueWithinDays: 0 }))).toEqual(['overdue', 'today']);
    // 20 November is eight days after 12 November, counted on Japan's calendar.
    expect(ids(await listRequests(deps, OPERATOR, { dueWithinDays: 7 }))).toEqual(['overdue', 'today']);
    expect(ids(await listRequests(deps, OPERATOR, { dueWithinDays: 8 }))).toEqual(['overdue', 'today', 'soon']);
  });

  it('counts the due day in Japan time: 23:30 in Japan is already the next day in UTC terms', async () => {
    const lateEvening = receivedRequest({ requestId: 'evening', dueAt: jst(2026, 11, 13, 23, 30).toISOString() });
    const { deps } = desk([lateEvening]);
    expect(ids(await listRequests(deps, OPERATOR, { dueWithinDays: 0 }))).toEqual([]);
    expect(ids(await listRequests(deps, OPERATOR, { dueWithinDays: 1 }))).toEqual(['evening']);
  });

  it('searches names by part, ignoring case, width and spaces, on requester and subject', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { q: '佐藤一郎' }))).toEqual(['soon']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'tanaka' }))).toEqual(['today']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'jiro' }))).toEqual(['today']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'カワイ' }))).toEqual(['overdue']);
    expect(ids(await listRequests(deps, OPERATOR, { q: '山田' }))).toEqual(['late']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'nobody' }))).toEqual([]);
    expect(searchableName('ＨＡＮＡＫＯ　Yamada')).toBe('hanakoyamada');
  });

  it('searches e-mail addresses whole and in any case, never by part', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'ichiro.sato@example.jp' }))).toEqual(['soon']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'jiro@example.jp' }))).toEqual(['today']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'office@law.example.jp' }))).toEqual(['today']);
    expect(ids(await listRequests(deps, OPERATOR, { q: '@example.jp' }))).toEqual([]);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'sato@example' }))).toEqual([]);
  });

  it('finds a request by its id in any status, but an unconfirmed one only when that status is asked for', async () => {
    const { deps } = desk(requests, staff);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'done' }))).toEqual(['done']);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'unconfirmed' }))).toEqual([]);
    expect(ids(await listRequests(deps, OPERATOR, { q: 'unconfirmed', status: 'awaiting-verification' }))).toEqual([
      'unconfirmed',
    ]);
    // The other filters still apply.
    expect(ids(await listRequests(deps, OPERATOR, { q: 'done', type: 'complaint' }))).toEqual([]);
  });

  it('logs a search once, even when it finds nobody', async () => {
    const { deps, accessLog } = desk(requests, staff);
    await listRequests(deps, OPERATOR, { q: 'nobody@example.jp' });
    expect(accessLog.entries).toHaveLength(1);
    expect(accessLog.entries[0]).toMatchObject({ subjects: ['staff-directory'], reason: 'request queue search' });
    await listRequests(deps, OPERATOR, { q: '佐藤' });
    expect(accessLog.entries[1]).toMatchObject({
      subjects: ['request:soon', 'staff-directory'],
      reason: 'request queue search',
    });
  });

  it('shows nothing when the access log refuses the entry', async () => {
    const { deps } = desk(requests, staff);
    deps.accessLog.append = async () => {
      throw new Error('access log down');
    };
    await expect(listRequests(deps, OPERATOR)).rejects.toThrow('access log down');
  });
});
