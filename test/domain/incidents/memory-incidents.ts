// An in-memory incident store with the table's conditions: version items kept, the current one
// written only on the version read, links and notices all or nothing.
import type { Incident, IncidentSubject } from '../../../functions/domain/incidents/incident';
import type { IncidentStore } from '../../../functions/domain/incidents/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryIncidents implements IncidentStore {
  readonly current = new Map<string, Incident>();
  readonly history = new Map<string, Incident[]>();
  readonly links = new Map<string, Map<string, IncidentSubject>>();
  readonly outbox: OutboxMessage[] = [];

  async get(incidentId: string) {
    const found = this.current.get(incidentId);
    return found && copy(found);
  }
  async list() {
    return [...this.current.values()].map(copy).sort((a, b) => b.awareAt.localeCompare(a.awareAt));
  }
  async versions(incidentId: string) {
    return copy(this.history.get(incidentId) ?? []);
  }
  async subjects(incidentId: string) {
    return copy([...(this.links.get(incidentId)?.values() ?? [])]).sort((a, b) =>
      a.subjectId.localeCompare(b.subjectId),
    );
  }
  async incidentsOf(subjectId: string) {
    return copy([...this.links.values()].flatMap((m) => [...m.values()]).filter((l) => l.subjectId === subjectId));
  }
  async add(incident: Incident, link: IncidentSubject[]) {
    if (this.current.has(incident.incidentId)) return false;
    this.current.set(incident.incidentId, copy(incident));
    this.history.set(incident.incidentId, [copy(incident)]);
    this.links.set(incident.incidentId, new Map(link.map((l) => [l.subjectId, copy(l)])));
    return true;
  }
  async replace(incident: Incident, link: IncidentSubject[]) {
    const before = this.current.get(incident.incidentId);
    const linked = this.links.get(incident.incidentId) ?? new Map<string, IncidentSubject>();
    if (!before || before.version !== incident.version - 1 || link.some((l) => linked.has(l.subjectId)))
      throw new StaleWriteError();
    this.current.set(incident.incidentId, copy(incident));
    this.history.get(incident.incidentId)!.push(copy(incident));
    for (const l of link) linked.set(l.subjectId, copy(l));
    this.links.set(incident.incidentId, linked);
  }
  async notify(incident: Incident, notices: IncidentSubject[], messages: OutboxMessage[]) {
    const linked = this.links.get(incident.incidentId);
    if (notices.some((n) => !linked?.has(n.subjectId) || linked.get(n.subjectId)?.notice)) throw new StaleWriteError();
    await this.replace(incident, []);
    for (const n of notices) linked!.set(n.subjectId, copy(n));
    this.outbox.push(...copy(messages));
  }
}
