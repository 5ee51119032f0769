// An incident as the register keeps it, its reportability and deadlines computed by the law-as-data.

import { reportDeadlines } from '../../../functions/domain/incidents/deadlines';
import type { Incident, IncidentFactors, PersonsInvolved } from '../../../functions/domain/incidents/incident';
import { assessReportability } from '../../../functions/domain/incidents/reportability';
import { DEMO_HOURS } from '../../support/company';

export const NO_FACTORS: IncidentFactors = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};

export function incidentAt(
  incidentId: string,
  awareAt: Date,
  factors: Partial<IncidentFactors> = { specialCareRequired: true },
  overrides: Partial<Incident> = {},
  persons: PersonsInvolved = { estimated: 3, linked: 0 },
): Incident {
  const all = { ...NO_FACTORS, ...factors };
  return {
    incidentId,
    version: 1,
    state: 'open',
    kinds: ['leak'],
    awareAt: awareAt.toISOString(),
    awareHow: 'A staff member reported a misdirected e-mail.',
    summary: 'A file was sent to the wrong recipient.',
    categories: ['name', 'email'],
    dataItems: [],
    persons,
    factors: all,
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    reportability: assessReportability(all, persons, awareAt),
    deadlines: reportDeadlines(awareAt, all, 3, DEMO_HOURS),
    reports: {},
    createdAt: awareAt.toISOString(),
    createdBy: 'officer',
    ...overrides,
  };
}
