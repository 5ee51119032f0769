// GET /v1/staff/subjects?email=…|customerId=… as a use case: subjects found through the lookup key,
// with the categories and number of their records and never a value; the search access-logged with
// what it found and its reason before any record is counted.
import { describe, expect, it } from 'vitest';
import { type SubjectFinder, searchSubjects } from '../../../functions/domain/personal-data/search-subjects';
import { ArrayRequestReader, FixedClock, OPERATOR, problemOf, RecordingAccessLog, receivedRequest } from '../doubles';
import { purposeVersions } from './personal-data-doubles';

const NOW = '2026-11-12T05:30:00.000Z';

class MapSubjectFinder implements SubjectFinder {
  readonly calls: string[] = [];
  constructor(
    private readonly byKey: Record<string, string[]>,
    private readonly summaries: Record<string, { categories: string[]; records: number }>,
    private readonly log?: RecordingAccessLog,
  ) {}
  async subjectIdsByLookupKey(lookupKey: string) {
    this.calls.push(`find ${lookupKey}`);
    return this.byKey[lookupKey] ?? [];
  }
  async recordSummary(subjectId: string) {
    this.calls.push(`summary ${subjectId} after ${this.log?.entries.length ?? 0} log entries`);
    return this.summaries[subjectId] ?? { categories: [], records: 0 };
  }
}

function setup() {
  const accessLog = new RecordingAccessLog();
  const subjects = new MapSubjectFinder(
    {
      'email#hanako@example.jp': ['subj-b', 'subj-a', 'subj-b'],
      'customer#C-0042': ['subj-a'],
    },
    {
      'subj-a': { categories: ['customer-id', 'email', 'name'], records: 4 },
      'subj-b': { categories: ['email'], records: 1 },
    },
    accessLog,
  );
  return {
    purposes: purposeVersions(),
    requests: new ArrayRequestReader([receivedRequest({ subject: { email: 'hanako@example.jp' } })]),
    subjects,
    accessLog,
    clock: new FixedClock(NOW),
  };
}

describe('searchSubjects', () => {
  it('by e-mail, in any case and with spaces: each subject once, sorted, with categories and counts only', async () => {
    const deps = setup();
    const result = await searchSubjects(deps, OPERATOR, { email: ' Hanako@Example.JP ', requestId: 'req-1' });
    expect(result).toEqual({
      items: [
        { subjectId: 'subj-a', categories: ['customer-id', 'email', 'name'], records: 4 },
        { subjectId: 'subj-b', categories: ['email'], records: 1 },
      ],
    });
    expect(deps.subjects.calls[0]).toBe('find email#hanako@example.jp');
  });

  it('by customer number', async () => {
    const deps = setup();
    const result = await searchSubjects(deps, OPERATOR, { customerId: 'C-0042', purpose: 'billing' });
    expect(result.items.map((i) => i.subjectId)).toEqual(['subj-a']);
    expect(deps.subjects.calls[0]).toBe('find customer#C-0042');
  });

  it('access-logs the search with the subjects found, the key searched by and the reason, before counting any record', async () => {
    const deps = setup();
    await searchSubjects(deps, OPERATOR, { email: 'hanako@example.jp', requestId: 'req-1' });
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-a', 'subj-b'],
        fields: ['email'],
        reason: 'request req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    expect(deps.subjects.calls.filter((c) => c.startsWith('summary'))).toEqual([
      'summary subj-a after 1 log entries',
      'summary subj-b after 1 log entries',
    ]);
    await searchSubjects(deps, OPERATOR, { customerId: 'C-0042', purpose: 'billing' });
    expect(deps.accessLog.entries[1]).toMatchObject({
      subjects: ['subj-a'],
      fields: ['customer-id'],
      reason: 'purpose billing',
    });
  });

  it('finding nothing is an empty answer, and the search is still logged', async () => {
    const deps = setup();
    expect(await searchSubjects(deps, OPERATOR, { email: 'nobody@example.jp', requestId: 'req-1' })).toEqual({
      items: [],
    });
    expect(deps.accessLog.entries).toEqual([
      expect.objectContaining({ subjects: [], fields: ['email'], reason: 'request req-1' }),
    ]);
  });

  it('leaves out a subject whose records all expired between finding and counting', async () => {
    const deps = setup();
    const finder = new MapSubjectFinder({ 'email#gone@example.jp': ['subj-gone'] }, {});
    const found = await searchSubjects({ ...deps, subjects: finder }, OPERATOR, {
      email: 'gone@example.jp',
      purpose: 'billing',
    });
    expect(found.items).toEqual([]);
  });

  it('a request reason must concern every subject found: a search for someone else under it → 422, nothing logged or counted', async () => {
    const deps = setup();
    deps.requests = new ArrayRequestReader([
      receivedRequest({ subject: { email: 'hanako@example.jp' } }),
      receivedRequest({ requestId: 'req-taro', subject: { email: 'taro@example.jp' } }),
    ]);
    const problem = await problemOf(searchSubjects(deps, OPERATOR, { customerId: 'C-0042', requestId: 'req-taro' }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Request about someone else' });
    expect(problem.detail).toMatch(/^requestId: /);
    expect(deps.accessLog.entries).toEqual([]);
    expect(deps.subjects.calls.filter((c) => c.startsWith('summary'))).toEqual([]);
  });

  it.each([
    ['no reason', { email: 'hanako@example.jp' }],
    ['two reasons', { email: 'hanako@example.jp', requestId: 'req-1', purpose: 'billing' }],
    ['no key', { requestId: 'req-1' }],
    ['two keys', { email: 'hanako@example.jp', customerId: 'C-0042', requestId: 'req-1' }],
  ])('%s: unprocessable, nothing searched or logged', async (_name, search) => {
    const deps = setup();
    expect((await problemOf(searchSubjects(deps, OPERATOR, search))).kind).toBe('unprocessable');
    expect(deps.subjects.calls).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });
});
