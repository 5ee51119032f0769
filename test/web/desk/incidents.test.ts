// The console's incident pages without a browser: their addresses and who may open them (the roles of
// the API routes they stand on), the next report due and its overdue mark, a rule's finding in the
// page's language, and what the facts form sends.
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATES } from '../../../functions/domain/incidents/incident';
import { INCIDENT_FACTOR_WORDS, INCIDENT_STATE_WORDS } from '../../../functions/domain/incidents/incident-words';
import { incidentFactors } from '../../../functions/http/contract/incidents';
import { viewIncidentReport } from '../../../functions/routes/incident-reports';
import { listIncidents, viewIncident } from '../../../functions/routes/incidents';
import {
  emptyFactsForm,
  factsBody,
  factsFormOf,
  findingInWords,
  type IncidentView,
  japanInputOf,
  NO_FACTORS,
  nextReport,
  reportOverdue,
  subjectIdsOf,
} from '../../../web/src/desk/incidents';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

const sorted = (roles: readonly string[]) => [...roles].sort();

function incident(overrides: Partial<IncidentView> = {}): IncidentView {
  return {
    incidentId: 'INC-2026-12-07-7KQ2MX',
    version: 2,
    state: 'open',
    kinds: ['leak'],
    awareAt: '2026-12-07T01:00:00.000Z',
    awareHow: 'A report by staff',
    summary: 'A list was e-mailed to the wrong address.',
    categories: [],
    dataItems: [],
    persons: { estimated: 1, linked: 0 },
    factors: { ...NO_FACTORS, wrongfulPurpose: true },
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    reportability: {
      reportable: true,
      underMyNumberAct: false,
      findings: [{ rule: 'rules-7-3-wrongful-purpose', met: true, because: 'kept sentence' }],
      assessedAt: '2026-12-07T01:00:00.000Z',
    },
    deadlines: {
      preliminaryDueAt: '2026-12-10T08:00:00.000Z',
      finalDueAt: '2027-02-05T08:00:00.000Z',
      finalDays: 60,
    },
    reports: {},
    createdAt: '2026-12-07T01:00:00.000Z',
    createdBy: 'operator',
    reportable: true,
    ...overrides,
  };
}

describe('the incident pages', () => {
  it('round-trip their addresses and open to the roles of the routes they stand on', () => {
    expect(parseDeskRoute('#/incidents')).toEqual({ page: 'incidents' });
    expect(parseDeskRoute('#/incidents/INC-2026-12-07-7KQ2MX')).toEqual({
      page: 'incident',
      incidentId: 'INC-2026-12-07-7KQ2MX',
    });
    expect(parseDeskRoute('#/incidents/INC-2026-12-07-7KQ2MX/reports/final')).toEqual({
      page: 'incident-report',
      incidentId: 'INC-2026-12-07-7KQ2MX',
      report: 'final',
    });
    for (const wrong of ['#/incidents/x/reports/other', '#/incidents/x/reports', '#/incidents/x/reports/final/y'])
      expect(parseDeskRoute(wrong)).toEqual({ page: 'not-found' });
    for (const route of [
      { page: 'incidents' as const },
      { page: 'incident' as const, incidentId: 'a b' },
      { page: 'incident-report' as const, incidentId: 'a b', report: 'preliminary' as const },
    ])
      expect(parseDeskRoute(hrefOfDeskRoute(route))).toEqual(route);
    // The rest of the console's addresses are read as before.
    expect(parseDeskRoute('#/requests/r-1/print')).toEqual({ page: 'request-print', requestId: 'r-1' });
    expect(parseDeskRoute('#/requests/r-1/print/x')).toEqual({ page: 'not-found' });
    expect(sorted(DESK_PAGE_ROLES.incidents)).toEqual(sorted(listIncidents.auth.roles));
    expect(sorted(DESK_PAGE_ROLES.incident)).toEqual(sorted(viewIncident.auth.roles));
    expect(sorted(DESK_PAGE_ROLES['incident-report'])).toEqual(sorted(viewIncidentReport.auth.roles));
  });

  it('names every state and every fact the register takes', () => {
    expect(Object.keys(INCIDENT_STATE_WORDS).sort()).toEqual([...INCIDENT_STATES].sort());
    expect(Object.keys(INCIDENT_FACTOR_WORDS).sort()).toEqual(Object.keys(incidentFactors.shape).sort());
  });

  it('marks the next report due, overdue once its instant passed without a submission', () => {
    const before = new Date('2026-12-09T00:00:00.000Z');
    const after = new Date('2026-12-10T08:00:01.000Z');
    expect(nextReport(incident(), before)).toEqual({
      kind: 'preliminary',
      dueAt: '2026-12-10T08:00:00.000Z',
      overdue: false,
    });
    expect(nextReport(incident(), after)?.overdue).toBe(true);
    expect(reportOverdue(incident(), 'preliminary', after)).toBe(true);
    const submitted = incident({
      reports: {
        preliminary: {
          kind: 'preliminary',
          submittedAt: '2026-12-09T01:00:00.000Z',
          receiptReference: 'PPC-1',
          recordedBy: 'officer',
          recordedAt: '2026-12-09T01:00:00.000Z',
          fromVersion: 2,
        },
      },
    });
    expect(nextReport(submitted, after)).toEqual({ kind: 'final', dueAt: '2027-02-05T08:00:00.000Z', overdue: false });
    expect(reportOverdue(submitted, 'preliminary', after)).toBe(false);
    // Nothing is due for an incident not reportable (as acted on) or closed.
    expect(nextReport(incident({ reportable: false }), after)).toBeUndefined();
    expect(nextReport(incident({ state: 'closed' }), after)).toBeUndefined();
  });

  it("says a rule's finding in the page's language from the rule's words, else as it was kept", () => {
    const finding = { rule: 'rules-7-3-wrongful-purpose', met: true, because: 'kept sentence' };
    expect(findingInWords(finding, NO_FACTORS, 'ja')).toContain('個人情報保護法施行規則第7条第3号');
    expect(findingInWords(finding, NO_FACTORS, 'ja')).toContain('該当する');
    expect(findingInWords(finding, NO_FACTORS, 'en')).toContain('Enforcement Rules Art. 7(3)');
    expect(findingInWords({ ...finding, rule: 'some-future-rule' }, NO_FACTORS, 'ja')).toBe('kept sentence');
  });

  it('sends the facts as typed: Japan time as instants, counts as numbers, lines as items', () => {
    const form = {
      ...emptyFactsForm(),
      kinds: ['leak' as const],
      awareAt: '2026-12-07T10:00',
      awareHow: 'report',
      summary: 'what',
      dataItems: '氏名\n\n メールアドレス ',
      estimated: '12',
      confirmed: 'about 3',
    };
    const body = factsBody(form);
    expect(body.awareAt).toBe('2026-12-07T01:00:00.000Z');
    expect(body.dataItems).toEqual(['氏名', 'メールアドレス']);
    // A count that is not a whole number goes as typed, for the API to refuse naming the field.
    expect(body.persons).toEqual({ estimated: 12, confirmed: 'about 3' });
    expect(body).not.toHaveProperty('occurredAt');
    expect(japanInputOf('2026-12-07T01:00:00.000Z')).toBe('2026-12-07T10:00');
    const back = factsFormOf({ ...incident(), awareAt: body.awareAt });
    expect(back.awareAt).toBe('2026-12-07T10:00');
    expect(subjectIdsOf('subject-a\nsubject-b, subject-a  subject-c')).toEqual(['subject-a', 'subject-b', 'subject-c']);
  });
});
