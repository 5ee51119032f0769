// GET /v1/staff/subjects/{id} as a use case: one subject as the desk holds it, each record flagged as
// linked access information or special care-required, expiries as instants; the read access-logged
// with its reason before anything is returned; 404 when nothing is held.
import { describe, expect, it } from 'vitest';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import type { SubjectLifecycleReader } from '../../../functions/domain/personal-data/ports';
import {
  type SubjectHoldings,
  type SubjectHoldingsReader,
  viewSubject,
} from '../../../functions/domain/personal-data/view-subject';
import type { StaffActor } from '../../../functions/domain/staff';
import {
  ArrayRequestReader,
  FixedClock,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
  subjectsByAddress,
} from '../doubles';
import { MemoryIncidents } from '../incidents/doubles';
import { purposeVersions, retired } from './personal-data-doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const epoch = (iso: string) => Date.parse(iso) / 1000;
const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '198.51.100.4' };

/** Like the adapter: never serves an item past its expiresAt. */
class MapSubjectHoldings implements SubjectHoldingsReader {
  readonly asked: string[] = [];
  constructor(private readonly bySubject: Record<string, SubjectHoldings>) {}
  async heldUnder(subjectId: string, now: Date): Promise<SubjectHoldings> {
    this.asked.push(subjectId);
    const live = <T extends { expiresAt?: number }>(items: T[]) =>
      items.filter((i) => i.expiresAt === undefined || i.expiresAt > now.getTime() / 1000);
    const held = this.bySubject[subjectId];
    return held
      ? structuredClone({
          records: live(held.records),
          consents: live(held.consents),
          provisionRecords: live(held.provisionRecords),
        })
      : { records: [], consents: [], provisionRecords: [] };
  }
}

const lifecycles = (items: SubjectLifecycle[]): SubjectLifecycleReader => ({
  get: async (subjectId) => items.find((l) => l.subjectId === subjectId),
});

const HELD: SubjectHoldings = {
  records: [
    {
      subjectId: 'subj-1',
      recordId: 'rec-email',
      category: 'email',
      value: 'hanako@example.jp',
      lookupKey: 'email#hanako@example.jp',
      source: 'from-customer',
      sourceDetail: 'Web sign-up form',
      purposes: ['service-provision'],
      acquiredAt: '2025-04-01T00:00:00.000Z',
      registeredBy: 'arn:aws:iam::000000000000:role/crm',
    },
    {
      subjectId: 'subj-1',
      recordId: 'rec-ad',
      category: 'advertising-identifier',
      value: 'ad-77',
      lookupKey: 'subject#subj-1',
      source: 'service-use',
      purposes: ['advertising'],
      acquiredAt: '2025-06-01T00:00:00.000Z',
      expiresAt: epoch('2027-06-01T00:00:00.000Z'),
    },
    {
      subjectId: 'subj-1',
      recordId: 'rec-health',
      category: 'health-check-result',
      value: 'fit for work',
      lookupKey: 'subject#subj-1',
      source: 'from-customer',
      purposes: ['service-provision'],
      acquiredAt: '2025-06-01T00:00:00.000Z',
      basis: { kind: 'consent', consentId: 'ev-health' },
      registeredBy: 'staff-operator-1',
    },
    {
      subjectId: 'subj-1',
      recordId: 'rec-gone',
      category: 'phone',
      value: '03-0000-0000',
      lookupKey: 'subject#subj-1',
      source: 'public-source',
      purposes: ['information-and-inquiries'],
      acquiredAt: '2020-01-01T00:00:00.000Z',
      expiresAt: epoch(NOW),
    },
  ],
  consents: [
    {
      subjectId: 'subj-1',
      eventId: 'ev-health',
      action: 'given',
      purpose: 'service-provision',
      noticeVersion: 'v1',
      method: 'paper',
      at: '2025-06-01T00:00:00.000Z',
    },
    {
      subjectId: 'subj-1',
      eventId: 'ev-old',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: 'v1',
      method: 'web',
      at: '2020-01-01T00:00:00.000Z',
      expiresAt: epoch(NOW) - 1,
    },
  ],
  provisionRecords: [
    {
      subjectId: 'subj-1',
      recordId: 'prov-1',
      direction: 'provided',
      counterparty: 'Example Payments K.K.',
      items: ['name'],
      basis: 'consent',
      date: '2025-05-01',
      expiresAt: epoch('2028-05-01T00:00:00.000Z'),
    },
  ],
};

function setup(bySubject: Record<string, SubjectHoldings> = { 'subj-1': HELD }, known: SubjectLifecycle[] = []) {
  return {
    purposes: purposeVersions(),
    requests: new ArrayRequestReader([receivedRequest()]),
    subjects: subjectsByAddress({ 'hanako.yamada@example.jp': ['subj-1', 'subj-2', 'subj-3', 'subj-unknown'] }),
    holdings: new MapSubjectHoldings(bySubject),
    lifecycles: lifecycles(known),
    incidents: new MemoryIncidents(),
    accessLog: new RecordingAccessLog(),
    clock: new FixedClock(NOW),
  };
}

describe('viewSubject', () => {
  it('shows live records with their flags and expiry, live consents and provision records, and the lifecycle', async () => {
    const deps = setup({ 'subj-1': HELD }, [
      {
        subjectId: 'subj-1',
        contractEndedAt: '2026-03-31T00:00:00.000Z',
        cessationOfUse: { requestId: 'req-9', at: '2026-04-01T00:00:00.000Z' },
      },
    ]);
    const view = await viewSubject(deps, OPERATOR, 'subj-1', { requestId: 'req-1' });
    expect(view.subjectId).toBe('subj-1');
    expect(view.lifecycle).toEqual({
      contractEndedAt: '2026-03-31T00:00:00.000Z',
      cessationOfUse: { requestId: 'req-9', at: '2026-04-01T00:00:00.000Z' },
    });
    expect(view.records).toEqual([
      {
        recordId: 'rec-email',
        category: 'email',
        value: 'hanako@example.jp',
        source: 'from-customer',
        sourceDetail: 'Web sign-up form',
        purposes: ['service-provision'],
        acquiredAt: '2025-04-01T00:00:00.000Z',
        linkedAccessInformation: false,
        specialCare: false,
        registeredBy: 'arn:aws:iam::000000000000:role/crm',
      },
      {
        recordId: 'rec-ad',
        category: 'advertising-identifier',
        value: 'ad-77',
        source: 'service-use',
        purposes: ['advertising'],
        acquiredAt: '2025-06-01T00:00:00.000Z',
        linkedAccessInformation: true,
        specialCare: false,
        expiresAt: '2027-06-01T00:00:00.000Z',
      },
      {
        recordId: 'rec-health',
        category: 'health-check-result',
        value: 'fit for work',
        source: 'from-customer',
        purposes: ['service-provision'],
        acquiredAt: '2025-06-01T00:00:00.000Z',
        linkedAccessInformation: false,
        specialCare: true,
        basis: { kind: 'consent', consentId: 'ev-health' },
        registeredBy: 'staff-operator-1',
      },
    ]);
    expect(view.consents).toEqual([
      {
        eventId: 'ev-health',
        action: 'given',
        purpose: 'service-provision',
        noticeVersion: 'v1',
        method: 'paper',
        at: '2025-06-01T00:00:00.000Z',
      },
    ]);
    expect(view.provisionRecords).toEqual([
      {
        recordId: 'prov-1',
        direction: 'provided',
        counterparty: 'Example Payments K.K.',
        items: ['name'],
        basis: 'consent',
        date: '2025-05-01',
        expiresAt: '2028-05-01T00:00:00.000Z',
      },
    ]);
  });

  it('an item expiring exactly now is not shown: expiresAt must be after now', async () => {
    const view = await viewSubject(setup(), OPERATOR, 'subj-1', { purpose: 'billing' });
    expect(view.records.map((r) => r.recordId)).not.toContain('rec-gone');
    expect(JSON.stringify(view)).not.toContain('03-0000-0000');
    expect(view.consents.map((c) => c.eventId)).toEqual(['ev-health']);
  });

  it('access-logs the read with actor, role, source address, the subject, the categories shown and the request it serves', async () => {
    const deps = setup();
    await viewSubject(deps, OFFICER, 'subj-1', { requestId: 'req-1' });
    expect(deps.accessLog.entries).toEqual([
      {
        actor: 'staff-officer-1',
        role: 'officer',
        action: 'read',
        subjects: ['subj-1'],
        fields: ['advertising-identifier', 'email', 'health-check-result', 'consents', 'provision-records'],
        reason: 'request req-1',
        sourceIp: '198.51.100.4',
        at: NOW,
      },
    ]);
  });

  it('gives a purpose as the reason when the read serves a purpose of use', async () => {
    const deps = setup();
    await viewSubject(deps, OPERATOR, 'subj-1', { purpose: 'billing' });
    expect(deps.accessLog.entries[0]!.reason).toBe('purpose billing');
  });

  it('shows nothing when the access log cannot be written', async () => {
    const deps = setup();
    deps.accessLog.append = async () => {
      throw new Error('access log unavailable');
    };
    await expect(viewSubject(deps, OPERATOR, 'subj-1', { requestId: 'req-1' })).rejects.toThrow(
      'access log unavailable',
    );
  });

  it.each([
    ['no reason', {}],
    ['two reasons', { requestId: 'req-1', purpose: 'billing' }],
  ])('%s: unprocessable, before anything is read or logged', async (_name, reason) => {
    const deps = setup();
    const problem = await problemOf(viewSubject(deps, OPERATOR, 'subj-1', reason));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toMatch(/requestId.*purpose/);
    expect(deps.holdings.asked).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it.each([
    ['unknown', 'req-404', /no request req-404/],
    ['closed', 'req-closed', /no request req-closed \(received or in progress\)/],
  ])('an %s request is no reason to read: unprocessable, nothing read or logged', async (_name, requestId, detail) => {
    const deps = {
      ...setup(),
      requests: new ArrayRequestReader([receivedRequest({ requestId: 'req-closed', status: 'fulfilled' })]),
    };
    const problem = await problemOf(viewSubject(deps, OPERATOR, 'subj-1', { requestId }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Not an open request' });
    expect(problem.detail).toMatch(detail);
    expect(deps.holdings.asked).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('an open request about someone else is no reason to read this subject: 422 naming requestId, nothing read or logged', async () => {
    const deps = {
      ...setup(),
      requests: new ArrayRequestReader([
        receivedRequest(),
        receivedRequest({ requestId: 'req-other', subject: { email: 'taro@example.jp' } }),
      ]),
    };
    const problem = await problemOf(viewSubject(deps, OPERATOR, 'subj-1', { requestId: 'req-other' }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Request about someone else' });
    expect(problem.detail).toMatch(/^requestId: request req-other is not about subject subj-1/);
    expect(deps.holdings.asked).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('a purpose that is not published, or retired, is no reason to read: unprocessable, nothing read or logged', async () => {
    for (const [purposes, purpose] of [
      [purposeVersions(), 'curiosity'],
      [purposeVersions(retired('billing', '2026-10-01T00:00:00.000Z')), 'billing'],
    ] as const) {
      const deps = { ...setup(), purposes };
      const problem = await problemOf(viewSubject(deps, OPERATOR, 'subj-1', { purpose }));
      expect(problem.kind).toBe('unprocessable');
      expect(problem.detail).toContain(`"${purpose}"`);
      expect(deps.holdings.asked).toEqual([]);
      expect(deps.accessLog.entries).toEqual([]);
    }
  });

  it('an unknown subject: not found, saying so plainly, nothing logged', async () => {
    const deps = setup();
    const problem = await problemOf(viewSubject(deps, OPERATOR, 'subj-unknown', { requestId: 'req-1' }));
    expect(problem.kind).toBe('not-found');
    expect(problem.detail).toContain('holds nothing under subject subj-unknown');
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('shows a cessation of provision as stops (a flag from before recipients were named as one to every third party) and its lifts', async () => {
    const stop = { requestId: 'req-7', at: '2026-04-01T00:00:00.000Z' };
    const lift = {
      scope: { scope: 'all' as const },
      lifted: [{ recipient: 'x', ...stop }],
      reason: "Resumed at the person's request.",
      by: 'staff-officer-1',
      at: '2026-05-01T00:00:00.000Z',
    };
    const legacy = await viewSubject(
      setup({ 'subj-1': HELD }, [
        { subjectId: 'subj-1', cessationOfProvision: stop, cessationOfProvisionLifts: [lift] },
      ]),
      OPERATOR,
      'subj-1',
      { requestId: 'req-1' },
    );
    expect(legacy.lifecycle).toEqual({ cessationOfProvision: { all: stop }, cessationOfProvisionLifts: [lift] });
    const named = await viewSubject(
      setup({ 'subj-1': HELD }, [{ subjectId: 'subj-1', cessationOfProvision: { recipients: { x: stop } } }]),
      OPERATOR,
      'subj-1',
      { requestId: 'req-1' },
    );
    expect(named.lifecycle).toEqual({ cessationOfProvision: { recipients: { x: stop } } });
  });

  it('a subject whose every item has expired (only the lifecycle left): not found', async () => {
    const expired: SubjectHoldings = {
      records: [{ ...HELD.records[3]! }],
      consents: [{ ...HELD.consents[1]! }],
      provisionRecords: [],
    };
    const deps = setup({ 'subj-2': expired }, [{ subjectId: 'subj-2', contractEndedAt: '2020-01-01T00:00:00.000Z' }]);
    expect((await problemOf(viewSubject(deps, OPERATOR, 'subj-2', { requestId: 'req-1' }))).kind).toBe('not-found');
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('a subject with only a consent on file is shown, with an empty lifecycle', async () => {
    const deps = setup({
      'subj-3': { records: [], consents: [{ ...HELD.consents[0]!, subjectId: 'subj-3' }], provisionRecords: [] },
    });
    const view = await viewSubject(deps, OPERATOR, 'subj-3', { requestId: 'req-1' });
    expect(view).toMatchObject({
      lifecycle: {},
      records: [],
      consents: [{ eventId: 'ev-health' }],
      provisionRecords: [],
    });
    expect(deps.accessLog.entries[0]!.fields).toEqual(['consents']);
  });
});
