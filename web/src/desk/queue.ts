// The queue's reading of due dates and its filters. The deadlines themselves come from the API (dueAt);
// this marks them and counts the days left on Japan's calendar, as the API's "due within" filter does.

import type { z } from 'zod';
import { OPEN_STATUSES } from '../../../functions/domain/requests/request-words';
import type { assigneesResponse } from '../../../functions/http/contract/requests';

/** What the API lists when no status is asked for, and what can fall overdue. */
const OPEN_QUEUE_STATUSES: readonly string[] = OPEN_STATUSES;

/** Desk policy, not law: the queue marks an open request due within this many days, so it is taken up before it is overdue. */
export const DUE_SOON_DAYS = 3;

/** The "due within" choices the queue offers (the API takes any whole number of days up to 60). */
export const DUE_WITHIN_CHOICES = [0, 1, 3, 7, 14] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

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

/** Whole Japan calendar days from the day of `now` to the day of `dueAt`: 0 on the due day, negative after it. */
export function japanDaysUntil(dueAt: string, now: Date): number {
  const day = (instant: number) => Math.floor((instant + JST_OFFSET_MS) / DAY_MS);
  return day(Date.parse(dueAt)) - day(now.getTime());
}

export type DueMark = 'overdue' | 'due-soon';

/** Overdue once dueAt has passed while the request is open; due soon within DUE_SOON_DAYS Japan days of it. */
export function dueMark(item: { status: string; dueAt?: string | undefined }, now: Date): DueMark | undefined {
  if (!item.dueAt || !OPEN_QUEUE_STATUSES.includes(item.status)) return undefined;
  if (Date.parse(item.dueAt) < now.getTime()) return 'overdue';
  if (japanDaysUntil(item.dueAt, now) <= DUE_SOON_DAYS) return 'due-soon';
  return undefined;
}

/** How an open request stands against its due date, to be put in words: overdue by N days, due today, N days left. */
export type DueState =
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'left'; days: number }
  | undefined;

export function dueState(item: { status: string; dueAt?: string | undefined }, now: Date): DueState {
  if (!item.dueAt || !OPEN_QUEUE_STATUSES.includes(item.status)) return undefined;
  const days = japanDaysUntil(item.dueAt, now);
  if (Date.parse(item.dueAt) < now.getTime()) return { kind: 'overdue', days: Math.max(0, -days) };
  return days === 0 ? { kind: 'today' } : { kind: 'left', days };
}

/** The queue's filters, kept in the page's address (ids and codes only; a search term never is). */
export interface QueueFilters {
  status?: string | undefined;
  type?: string | undefined;
  /** 'me', 'unassigned' or a staff id. */
  assignee?: string | undefined;
  /** Days, as the address carries them. */
  due?: string | undefined;
}

export const QUEUE_FILTER_KEYS = ['status', 'type', 'assignee', 'due'] as const;

/** The filters named in the address's query, the empty ones left out. */
export function queueFiltersOf(params: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  for (const key of QUEUE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The list-requests query for the filters and a search term (sent, never kept in the address). */
export function queueQuery(filters: QueueFilters, search: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.due) params.set('dueWithinDays', filters.due);
  if (search.trim()) params.set('q', search.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type Assignee = z.output<typeof assigneesResponse>['items'][number];
