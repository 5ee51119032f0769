// GET /v1/staff/incidents/{incidentId}/timeline: who read or changed an incident, when, and which
// version, read back from the access log (every entry of an incident route carries the incident's id).
// The log is read by Japan day (its byDay index), each day whole with a filter on the id, from today
// back to the day the incident was registered, a month of days a page. The answer holds the entries
// only (opaque ids, field names, no register content), so like the log's own listing it is not
// itself logged.

import type { ListedAccessLogEntry } from '../access-log/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { IncidentReader } from './ports';

/**
 * Desk policy: Japan days one page reads. Each day is one Query of that day's whole log (the filter on
 * the incident applies after the read), so a page costs about a month of the log's entries.
 */
export const INCIDENT_TIMELINE_DAYS_PER_PAGE = 31;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface IncidentTimelineSearch {
  /** Every entry of one Japan day that names the incident, newest first; past-retention ones left out. */
  incidentEntries(day: string, incidentId: string, now: Date): Promise<ListedAccessLogEntry[]>;
}

export interface IncidentTimelineDeps {
  incidents: Pick<IncidentReader, 'get'>;
  search: IncidentTimelineSearch;
  clock: Clock;
}

export interface IncidentTimelinePage {
  incidentId: string;
  from: string;
  to: string;
  items: ListedAccessLogEntry[];
  nextBefore?: string;
}

/** The Japan day before `day` (YYYY-MM-DD). */
export const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * The days one page reads, newest first: from the day before `before` (or today) back to the
 * incident's first day, at most INCIDENT_TIMELINE_DAYS_PER_PAGE of them.
 */
export function timelineDays(firstDay: string, today: string, before: string | undefined): string[] {
  const newest = before === undefined || before > today ? today : dayBefore(before);
  const days: string[] = [];
  for (let day = newest; day >= firstDay && days.length < INCIDENT_TIMELINE_DAYS_PER_PAGE; day = dayBefore(day))
    days.push(day);
  return days;
}

export async function incidentTimeline(
  deps: IncidentTimelineDeps,
  incidentId: string,
  before: string | undefined,
): Promise<IncidentTimelinePage> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident)
    throw new DeskProblem(
      'not-found',
      'No such incident',
      `No incident ${incidentId} is in the register. Check the incident id in the register's list.`,
      [{ field: 'incidentId', message: 'is not an incident of the register' }],
      { slug: 'no-such-incident' },
    );
  const now = deps.clock.now();
  const firstDay = japanDay(new Date(incident.createdAt));
  const today = japanDay(now);
  const days = timelineDays(firstDay, today, before);
  const newest = days[0];
  const oldest = days.at(-1);
  if (!newest || !oldest) {
    // Nothing before the incident's first day: an empty page that says where the timeline starts.
    return { incidentId, from: firstDay, to: firstDay, items: [] };
  }
  const perDay = await Promise.all(days.map((day) => deps.search.incidentEntries(day, incidentId, now)));
  const items = perDay
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at) || b.chainId.localeCompare(a.chainId) || b.seq - a.seq);
  return { incidentId, from: oldest, to: newest, items, ...(oldest > firstDay ? { nextBefore: oldest } : {}) };
}
