// An in-memory IncidentStore with the adapter's guarantees: notify() is all or nothing, conditional on
// the current version and on each subject not yet noticed, and a message id is put once.
import type { Incident, IncidentSubject } from '../../../functions/domain/incidents/incident';
import type { IncidentStore } from '../../../functions/domain/incidents/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';

const clone = <T>(value: T): T => structuredClone(value);

export class MemoryIncidents implements IncidentStore {
  readonly current = new Map<string, Incident>();
  readonly history = new Map<string, Incident[]>();
  readonly links = new Map<string, Map<string, IncidentSubject>>();
  readonly outbox = new Map<string, OutboxMessage>();
  notifyCalls = 0;
  /** Set to make the next notify fail as a dependency would. */
  failNext?: Error;

  seed(incident: Incident, subjectIds: string[], linkedAt = incident.createdAt): this {
    this.current.set(incident.incidentId, clone(incident));
    this.history.set(incident.incidentId, [clone(incident)]);
    const links = new Map<string, IncidentSubject>();
    for (const subjectId of subjectIds)
      links.set(subjectId, { incidentId: incident.incidentId, subjectId, linkedAt, linkedBy: incident.createdBy });
    this.links.set(incident.incidentId, links);
    return this;
  }

  async get(incidentId: string) {
    const found = this.current.get(incidentId);
    return found && clone(found);
  }
  async list() {
    return [...this.current.values()].map(clone).sort((a, b) => b.awareAt.localeCompare(a.awareAt));
  }
  async versions(incidentId: string) {
    return clone(this.history.get(incidentId) ?? []);
  }
  async subjects(incidentId: string) {
    return [...(this.links.get(incidentId)?.values() ?? [])].map(clone);
  }
  async incidentsOf(subjectId: string) {
    return [...this.links.values()].flatMap((m) => (m.has(subjectId) ? [clone(m.get(subjectId)!)] : []));
  }
  async add(incident: Incident, link: IncidentSubject[]) {
    if (this.current.has(incident.incidentId)) return false;
    this.seed(incident, []);
    for (const l of link) this.links.get(incident.incidentId)!.set(l.subjectId, clone(l));
    return true;
  }
  async replace(incident: Incident, link: IncidentSubject[]) {
    if (this.current.get(incident.incidentId)?.version !== incident.version - 1) throw new StaleWriteError();
    this.current.set(incident.incidentId, clone(incident));
    this.history.get(incident.incidentId)!.push(clone(incident));
    for (const l of link) this.links.get(incident.incidentId)!.set(l.subjectId, clone(l));
  }
  async notify(incident: Incident, notices: IncidentSubject[], messages: OutboxMessage[]) {
    this.notifyCalls += 1;
    // Every condition is checked before anything is written, as one transaction does.
    await Promise.resolve();
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    if (this.current.get(incident.incidentId)?.version !== incident.version - 1) throw new StaleWriteError();
    const links = this.links.get(incident.incidentId)!;
    if (notices.some((n) => !links.has(n.subjectId) || links.get(n.subjectId)!.notice)) throw new StaleWriteError();
    if (messages.some((m) => this.outbox.has(m.messageId))) throw new StaleWriteError();
    if (2 + notices.length + messages.length > 100) throw new Error('A transaction holds at most 100 items');
    this.current.set(incident.incidentId, clone(incident));
    this.history.get(incident.incidentId)!.push(clone(incident));
    for (const n of notices) links.set(n.subjectId, clone(n));
    for (const m of messages) this.outbox.set(m.messageId, clone(m));
  }
}

/** An open, reportable incident (special care-required data) with every Rules item stated. */
export function reportableIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    incidentId: 'INC-2026-12-01-ABC123',
    version: 2,
    state: 'open',
    kinds: ['leak'],
    awareAt: '2026-12-01T01:00:00.000Z',
    awareHow: 'A customer told the desk they had received another customer’s health check results.',
    summary: '健康診断結果の送付時に、宛先を誤って別のお客様に送付しました。',
    categories: ['health-check-result', 'name'],
    dataItems: ['受診日'],
    persons: { estimated: 3, confirmed: 3, linked: 3 },
    factors: {
      specialCareRequired: true,
      financialLoss: false,
      wrongfulPurpose: false,
      individualNumbers: false,
      publiclyViewable: false,
      advancedEncryption: false,
    },
    cause: '封入作業時の確認漏れ',
    secondaryDamage: '現時点で二次被害は確認されていません。',
    measuresTaken: '誤送付先から回収済み',
    publication: '',
    recurrencePrevention: '封入時の二名確認',
    other: '',
    reportability: {
      reportable: true,
      underMyNumberAct: false,
      findings: [{ rule: 'rules-7-1-special-care', met: true, because: 'special care-required data' }],
      assessedAt: '2026-12-01T02:00:00.000Z',
    },
    deadlines: { preliminaryDueAt: '2026-12-04T08:00:00.000Z', finalDueAt: '2026-12-31T08:00:00.000Z', finalDays: 30 },
    reports: {},
    createdAt: '2026-12-01T02:00:00.000Z',
    createdBy: 'staff-officer-1',
    ...overrides,
  };
}
