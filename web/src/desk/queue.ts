// The queue's reading of due dates: the day in Japan time, and whether an open request is overdue or
// close to it. The deadlines themselves come from the API (dueAt); this only marks them.
import { OPEN_STATUSES } from '../../../functions/domain/requests/request-words';

/** What the API lists when no status is asked for, and what can fall overdue. */
const OPEN_QUEUE_STATUSES: readonly string[] = OPEN_STATUSES;

/** Desk policy, not law: the queue marks an open request due within this many days, so it is taken up before it is overdue. */
export const DUE_SOON_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the instant in Japan time; empty when there is none. */
export function japanDate(iso: string | undefined): string {
  return iso ? JAPAN_DATE.format(new Date(iso)) : '';
}

export type DueMark = 'overdue' | 'due-soon';

/** Overdue once dueAt has passed while the request is open; due soon within DUE_SOON_DAYS before. */
export function dueMark(item: { status: string; dueAt?: string | undefined }, now: Date): DueMark | undefined {
  if (!item.dueAt || !OPEN_QUEUE_STATUSES.includes(item.status)) return undefined;
  const left = Date.parse(item.dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS * DAY_MS) return 'due-soon';
  return undefined;
}
