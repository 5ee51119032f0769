// An incident of the register as stored, for the tests of what ties to it (the timeline, a cessation
// grounded in it, a draft opened from an alert): written through the register's own store.
import { randomBytes } from 'node:crypto';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import type { Incident, IncidentSubject } from '../../functions/domain/incidents/incident';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newIncidentId(day = '2026-12-07'): string {
  return `INC-${day}-${[...randomBytes(6)].map((b) => ALPHABET[b % 32]).join('')}`;
}

export function incidentFixture(overrides: Partial<Incident> = {}): Incident {
  const at = overrides.createdAt ?? new Date().toISOString();
  return {
    incidentId: newIncidentId(),
    version: 1,
    state: 'open',
    kinds: ['leak'],
    awareAt: at,
    awareHow: 'A customer wrote that they had received another customer’s order confirmation.',
    summary: 'Order confirmations went to the wrong addresses.',
    categories: ['name', 'email'],
    dataItems: [],
    persons: { estimated: 1200, linked: 0 },
    factors: {
      specialCareRequired: false,
      financialLoss: false,
      wrongfulPurpose: false,
      individualNumbers: false,
      publiclyViewable: false,
      advancedEncryption: false,
    },
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    reportability: { reportable: true, underMyNumberAct: false, findings: [], assessedAt: at },
    deadlines: { preliminaryDueAt: at, finalDueAt: at, finalDays: 30 },
    reports: {},
    createdAt: at,
    createdBy: 'officer',
    ...overrides,
  };
}

/** Stores the incident as version 1 with these subjects linked. */
export async function addIncident(incident: Incident, subjectIds: string[] = []): Promise<Incident> {
  const links: IncidentSubject[] = subjectIds.map((subjectId) => ({
    incidentId: incident.incidentId,
    subjectId,
    linkedAt: incident.createdAt,
    linkedBy: 'officer',
  }));
  const stored = { ...incident, persons: { ...incident.persons, linked: subjectIds.length } };
  if (!(await dynamoIncidents.add(stored, links))) throw new Error(`Incident ${incident.incidentId} exists`);
  return stored;
}
