// What the incident register needs from outside: storage of incidents with every version, their
// linked subjects and the notices given to them.
import type { OutboxMessage } from '../outbox';
import type { Incident, IncidentSubject } from './incident';

export interface IncidentReader {
  /** The current version. */
  get(incidentId: string): Promise<Incident | undefined>;
  /** Every incident's current version, newest awareness first. */
  list(): Promise<Incident[]>;
  /** Every version of one incident, oldest first. */
  versions(incidentId: string): Promise<Incident[]>;
  /** The subjects linked to one incident, with their notices. */
  subjects(incidentId: string): Promise<IncidentSubject[]>;
  /** The incidents that involved one subject (the person's dossier lists them). */
  incidentsOf(subjectId: string): Promise<IncidentSubject[]>;
}

export interface IncidentStore extends IncidentReader {
  /** Adds version 1 and links the subjects, all or nothing; false when the id is taken. */
  add(incident: Incident, link: IncidentSubject[]): Promise<boolean>;
  /**
   * Stores the next version and links more subjects, all or nothing, conditional on the current
   * version being `incident.version - 1`; StaleWriteError otherwise.
   */
  replace(incident: Incident, link: IncidentSubject[]): Promise<void>;
  /**
   * Records notices (and enqueues their messages) with the incident's next version, all or nothing;
   * a subject already noticed is a StaleWriteError, so no one is told twice.
   */
  notify(incident: Incident, notices: IncidentSubject[], messages: OutboxMessage[]): Promise<void>;
}
