// The incident register's use cases with an in-memory store: drafts, taking on, versions with who and
// why, conflicts on a stale version, links checked against the registry and the counts, the officer's
// override with its reason, closing, and one access-log entry per call.

import { describe, expect, it } from 'vitest';
import type { IncidentFactors } from '../../../functions/domain/incidents/incident';
import { INCIDENT_LINKS_PER_CALL } from '../../../functions/domain/incidents/limits';
import {
  changeIncident,
  closeIncident,
  type IncidentDetails,
  linkIncidentSubjects,
  listIncidents,
  openIncident,
  overrideReportability,
  registerIncident,
  viewIncident,
} from '../../../functions/domain/incidents/register';
import type { StaffActor } from '../../../functions/domain/staff';
import { DEMO_HOURS } from '../../support/company';
import { FixedClock, OPERATOR, problemOf, RecordingAccessLog } from '../doubles';
import { MemoryIncidents } from './memory-incidents';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const NOW = '2026-12-07T03:00:00.000Z';
const NONE: IncidentFactors = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};

function details(overrides: Partial<IncidentDetails> = {}): IncidentDetails {
  return {
    kinds: ['leak'],
    awareAt: '2026-12-07T01:30:00.000Z',
    awareHow: 'A customer wrote that they had received another customer’s order confirmation.',
    summary: 'An order confirmation e-mail went to the wrong customer.',
    categories: ['name', 'email'],
    dataItems: ['order number'],
    persons: { estimated: 2 },
    factors: NONE,
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    ...overrides,
  };
}

function setup(registered: string[] = ['subj-a', 'subj-b', 'subj-c']) {
  const incidents = new MemoryIncidents();
  const accessLog = new RecordingAccessLog();
  const asked: string[][] = [];
  let n = 0;
  const deps = {
    incidents,
    accessLog,
    clock: new FixedClock(NOW),
    deskHours: DEMO_HOURS,
    preliminaryDeskDays: 3,
    randomSuffix: () => `ABC${String(++n).padStart(3, '0')}`,
    registry: {
      registered: async (ids: readonly string[]) => {
        asked.push([...ids]);
        return new Map(ids.filter((id) => registered.includes(id)).map((id) => [id, ['name']]));
      },
    },
  };
  return { incidents, accessLog, deps, asked };
}

async function openAndRegister(s: ReturnType<typeof setup>, overrides: Partial<IncidentDetails> = {}) {
  const draft = await openIncident(s.deps, OPERATOR, details(overrides));
  return registerIncident(s.deps, OFFICER, draft.incidentId, { version: 1 });
}

describe('opening a draft', () => {
  it('stores version 1 as a draft with a readable id, the desk’s answer and the deadlines; logged once', async () => {
    const s = setup();
    const draft = await openIncident(s.deps, OPERATOR, details());
    expect(draft).toMatchObject({
      incidentId: 'INC-2026-12-07-ABC001',
      version: 1,
      state: 'draft',
      persons: { estimated: 2, linked: 0 },
      createdBy: OPERATOR.staffId,
      reportable: false,
      reportability: { reportable: false, assessedAt: NOW },
      // Awareness on Monday 7 December: three desk days after is Thursday 10th; day 30 is 5 January.
      deadlines: {
        preliminaryDueAt: '2026-12-10T14:59:59.999Z',
        finalDueAt: '2027-01-05T14:59:59.999Z',
        finalDays: 30,
      },
      reports: {},
    });
    expect(draft.reportability.findings.length).toBeGreaterThan(0);
    expect(await s.incidents.versions(draft.incidentId)).toHaveLength(1);
    expect(s.accessLog.entries).toEqual([
      expect.objectContaining({ actor: OPERATOR.staffId, action: 'write', subjects: [], fields: ['incidents'] }),
    ]);
  });

  it('a wrongful purpose is reportable with a 60-day final report', async () => {
    const s = setup();
    const draft = await openIncident(s.deps, OPERATOR, details({ factors: { ...NONE, wrongfulPurpose: true } }));
    expect(draft.reportable).toBe(true);
    expect(draft.deadlines.finalDays).toBe(60);
  });

  it('takes a fresh id when one is taken', async () => {
    const s = setup();
    let n = 0;
    s.deps.randomSuffix = () => (n++ < 2 ? 'SAME00' : 'OTHER0');
    await openIncident(s.deps, OPERATOR, details());
    expect((await openIncident(s.deps, OPERATOR, details())).incidentId).toBe('INC-2026-12-07-OTHER0');
  });

  it.each([
    ['body.awareAt', { awareAt: '2026-12-07T03:10:00.000Z' }],
    ['body.awareAt', { awareAt: '1990-01-01T00:00:00.000Z' }],
    ['body.occurredAt', { occurredAt: '2026-12-08T00:00:00.000Z' }],
    ['body.occurredAt', { occurredAt: '2026-12-07T02:00:00.000Z' }],
    ['body.persons.estimated', { persons: { estimated: 3, confirmed: 5 } }],
    ['body.factors.specialCareRequired', { categories: ['medical-history'] }],
  ])('refuses what cannot be (%s): 422 naming the field, nothing stored or logged', async (field, overrides) => {
    const s = setup();
    const problem = await problemOf(openIncident(s.deps, OPERATOR, details(overrides as Partial<IncidentDetails>)));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    expect(problem.detail).toMatch(/Nothing was stored/);
    expect(s.incidents.current.size).toBe(0);
    expect(s.accessLog.entries).toEqual([]);
  });
});

describe('the officer keeps the incident', () => {
  it('takes a draft on once; every version is kept with who and why', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    expect(open).toMatchObject({ state: 'open', version: 2, changedBy: OFFICER.staffId });
    const again = await problemOf(registerIncident(s.deps, OFFICER, open.incidentId, { version: 2 }));
    expect(again.kind).toBe('conflict');
    const changed = await changeIncident(s.deps, OFFICER, open.incidentId, {
      ...details({ persons: { estimated: 2, confirmed: 2 }, cause: 'The address was picked from the wrong row.' }),
      version: 2,
      reason: 'Cause found.',
    });
    expect(changed).toMatchObject({
      version: 3,
      changeReason: 'Cause found.',
      state: 'open',
      createdBy: OPERATOR.staffId,
    });
    expect((await s.incidents.versions(open.incidentId)).map((v) => [v.version, v.state])).toEqual([
      [1, 'draft'],
      [2, 'open'],
      [3, 'open'],
    ]);
  });

  it('a change on a version read before another change is 409, and of two at once one wins', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    const change = (reason: string) =>
      changeIncident(s.deps, OFFICER, open.incidentId, { ...details(), version: 2, reason });
    const results = await Promise.allSettled([change('first'), change('second')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.kind).toBe('conflict');
    expect((await s.incidents.versions(open.incidentId)).length).toBe(3);
  });

  it('an unknown incident is 404', async () => {
    const s = setup();
    expect((await problemOf(viewIncident(s.deps, OFFICER, 'INC-2026-12-07-NONE00'))).kind).toBe('not-found');
  });
});

describe('linking subjects', () => {
  it('links registry subjects, counts them and logs them as the entry’s subjects', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    const linked = await linkIncidentSubjects(s.deps, OFFICER, open.incidentId, {
      version: 2,
      subjectIds: ['subj-a', 'subj-b', 'subj-a'],
    });
    expect(linked.incident).toMatchObject({ version: 3, persons: { estimated: 2, linked: 2 } });
    expect(linked.subjects.map((l) => [l.subjectId, l.linkedBy])).toEqual([
      ['subj-a', OFFICER.staffId],
      ['subj-b', OFFICER.staffId],
    ]);
    expect(s.accessLog.entries.at(-1)).toMatchObject({ action: 'write', subjects: ['subj-a', 'subj-b'] });
  });

  it('refuses unknown subjects, naming them; nothing linked', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    const problem = await problemOf(
      linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 2, subjectIds: ['subj-a', 'ghost-1'] }),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.errors).toEqual([{ field: 'body.subjectIds', message: expect.stringContaining('ghost-1') }]);
    expect(problem.errors?.[0]?.message).not.toContain('subj-a');
    expect(await s.incidents.subjects(open.incidentId)).toEqual([]);
    expect((await s.incidents.get(open.incidentId))?.version).toBe(2);
  });

  it('refuses more links than the confirmed count or the estimate, and links twice', async () => {
    const s = setup();
    const open = await openAndRegister(s, { persons: { confirmed: 1 } });
    const over = await problemOf(
      linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 2, subjectIds: ['subj-a', 'subj-b'] }),
    );
    expect(over.errors?.[0]).toMatchObject({
      field: 'body.subjectIds',
      message: expect.stringContaining('persons.confirmed'),
    });
    await linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 2, subjectIds: ['subj-a'] });
    const twice = await problemOf(
      linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 3, subjectIds: ['subj-a'] }),
    );
    expect(twice.errors?.[0]?.message).toMatch(/already linked/);
    // A change may not confirm fewer persons than are linked, nor estimate fewer than confirmed.
    const fewer = await problemOf(
      changeIncident(s.deps, OFFICER, open.incidentId, {
        ...details({ persons: { confirmed: 0 } }),
        version: 3,
        reason: 'recount',
      }),
    );
    expect(fewer.errors?.map((e) => e.field)).toEqual(['body.persons.confirmed']);
    const estimate = await problemOf(
      linkIncidentSubjects(s.deps, OFFICER, (await openAndRegister(s, { persons: { estimated: 1 } })).incidentId, {
        version: 2,
        subjectIds: ['subj-a', 'subj-b'],
      }),
    );
    expect(estimate.errors?.[0]?.message).toContain('persons.estimated');
  });

  it(`refuses more than ${INCIDENT_LINKS_PER_CALL} in one call, before asking the registry`, async () => {
    const s = setup();
    const open = await openAndRegister(s, { persons: {} });
    const many = Array.from({ length: INCIDENT_LINKS_PER_CALL + 1 }, (_, i) => `subj-${i}`);
    const problem = await problemOf(
      linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 2, subjectIds: many }),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.errors?.[0]?.message).toContain(String(INCIDENT_LINKS_PER_CALL));
    expect(s.asked).toEqual([]);
  });
});

describe("the officer's override", () => {
  it('is kept with its reason and who; giving the desk’s own answer withdraws it', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    const over = await overrideReportability(s.deps, OFFICER, open.incidentId, {
      version: 2,
      reportable: true,
      reason: 'The recipient is a competitor and has not confirmed deletion.',
    });
    expect(over.reportable).toBe(true);
    expect(over.reportability).toMatchObject({
      reportable: false,
      override: { reportable: true, by: OFFICER.staffId, at: NOW, reason: expect.stringContaining('competitor') },
    });
    const back = await overrideReportability(s.deps, OFFICER, open.incidentId, {
      version: 3,
      reportable: false,
      reason: 'The recipient confirmed deletion in writing.',
    });
    expect(back.reportable).toBe(false);
    expect(back.reportability.override).toBeUndefined();
    const nothing = await problemOf(
      overrideReportability(s.deps, OFFICER, open.incidentId, {
        version: 4,
        reportable: false,
        reason: 'same again, no.',
      }),
    );
    expect(nothing.errors?.map((e) => e.field)).toEqual(['body.reportable']);
  });

  it('stays through a change that leaves the desk’s answer, and lapses when new facts change it', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    await overrideReportability(s.deps, OFFICER, open.incidentId, {
      version: 2,
      reportable: true,
      reason: 'Reported as a precaution on the PPC’s advice.',
    });
    const kept = await changeIncident(s.deps, OFFICER, open.incidentId, {
      ...details({ cause: 'Wrong row picked.' }),
      version: 3,
      reason: 'Cause.',
    });
    expect(kept.reportability.override?.reportable).toBe(true);
    const lapsed = await changeIncident(s.deps, OFFICER, open.incidentId, {
      ...details({ factors: { ...NONE, financialLoss: true } }),
      version: 4,
      reason: 'Card numbers were in the mail too.',
    });
    expect(lapsed.reportability.reportable).toBe(true);
    expect(lapsed.reportability.override).toBeUndefined();
    expect(lapsed.reportable).toBe(true);
  });
});

describe('closing, viewing, listing', () => {
  it('closes with the reason; a closed incident takes no change', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    const closed = await closeIncident(s.deps, OFFICER, open.incidentId, {
      version: 2,
      reason: 'Deleted by the recipient.',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      closedBy: OFFICER.staffId,
      closeReason: 'Deleted by the recipient.',
    });
    const after = await problemOf(
      changeIncident(s.deps, OFFICER, open.incidentId, { ...details(), version: 3, reason: 'x' }),
    );
    expect(after.kind).toBe('conflict');
    expect(after.title).toBe('Incident closed');
  });

  it('a view logs the linked subjects once; a list logs once with none', async () => {
    const s = setup();
    const open = await openAndRegister(s);
    await linkIncidentSubjects(s.deps, OFFICER, open.incidentId, { version: 2, subjectIds: ['subj-b'] });
    const before = s.accessLog.entries.length;
    const dossier = await viewIncident(s.deps, { ...OFFICER, role: 'auditor', staffId: 'auditor-1' }, open.incidentId);
    expect(dossier.versions).toHaveLength(3);
    await listIncidents(s.deps, OPERATOR);
    expect(s.accessLog.entries.slice(before)).toEqual([
      expect.objectContaining({ actor: 'auditor-1', action: 'read', subjects: ['subj-b'] }),
      expect.objectContaining({ actor: OPERATOR.staffId, action: 'read', subjects: [] }),
    ]);
  });
});
