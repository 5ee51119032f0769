// GET /v1/staff/access-log: the access log for the officer and auditors, newest first, filtered by
// actor and subject within a bounded window, a page at a time. Entries name subjects by opaque ids
// and fields by name only: no personal data value is in them, so reading them is not itself logged.

import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { ACCESS_LOG_LISTING_MAX_DAYS } from './listing-words';
import type { AccessLogPosition, AccessLogSearch, ListedAccessLogEntry } from './ports';

export { ACCESS_LOG_LISTING_MAX_DAYS } from './listing-words';

/** Desk policy: the window listed when none is given. */
export const ACCESS_LOG_LISTING_DEFAULT_HOURS = 24;
/** Desk policy: entries per page unless fewer are asked for. */
export const ACCESS_LOG_PAGE_SIZE = 100;
/** Desk policy: reads one page may make (each evaluates up to a page of a day); keeps a call well inside the 15 s function timeout. */
export const ACCESS_LOG_READS_PER_PAGE = 40;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface AccessLogFilters {
  from?: string;
  to?: string;
  actor?: string;
  subject?: string;
}

export interface AccessLogListingQuery extends AccessLogFilters {
  limit?: number;
  cursor?: string;
}

/** What a cursor carries: the window and filters of the first page, the day it stopped in, and after which entry. */
interface Cursor {
  from: string;
  to: string;
  actor?: string;
  subject?: string;
  day: string;
  after?: AccessLogPosition;
}

const badCursor = () =>
  new DeskProblem(
    'unprocessable',
    'Cursor not recognised',
    'The cursor is not one this listing gave out. Send the nextCursor of the previous page unchanged, or start again without a cursor.',
    undefined,
    { slug: 'cursor-not-recognised' },
  );

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  let value: Partial<Cursor>;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw badCursor();
  }
  const a = value?.after;
  const isText = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 200;
  const optionalText = (x: unknown) => x === undefined || isText(x);
  const validAfter =
    a === undefined ||
    (isText(a.at) &&
      isText(a.chainId) &&
      Number.isInteger(a.seq) &&
      a.day === value.day &&
      !Number.isNaN(Date.parse(a.at!)) &&
      japanDay(new Date(a.at!)) === a.day &&
      a.at! >= value.from! &&
      a.at! <= value.to!);
  if (
    !value ||
    !isText(value.from) ||
    !isText(value.to) ||
    !optionalText(value.actor) ||
    !optionalText(value.subject) ||
    !isText(value.day) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value.day!) ||
    !validAfter
  ) {
    throw badCursor();
  }
  return value as Cursor;
}

function windowOf(filters: AccessLogFilters, now: Date): { from: string; to: string } {
  const to = filters.to ? new Date(filters.to) : now;
  const from = filters.from
    ? new Date(filters.from)
    : new Date(to.getTime() - ACCESS_LOG_LISTING_DEFAULT_HOURS * HOUR_MS);
  if (from >= to)
    throw new DeskProblem('unprocessable', 'Empty window', 'from must be before to.', undefined, {
      slug: 'empty-window',
    });
  if (to.getTime() - from.getTime() > ACCESS_LOG_LISTING_MAX_DAYS * DAY_MS) {
    throw new DeskProblem(
      'unprocessable',
      'Window too wide',
      `List at most ${ACCESS_LOG_LISTING_MAX_DAYS} days at a time: narrow from and to, and list the rest in further calls.`,
      undefined,
      { slug: 'window-too-wide' },
    );
  }
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The Japan days from `to`'s back to `from`'s, newest first. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const first = japanDay(new Date(from));
  for (
    let day = japanDay(new Date(to));
    day >= first;
    day = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
  )
    days.push(day);
  return days;
}

export interface AccessLogPage {
  from: string;
  to: string;
  items: ListedAccessLogEntry[];
  nextCursor?: string;
}

export async function listAccessLog(
  deps: { search: AccessLogSearch; clock: Clock },
  query: AccessLogListingQuery,
): Promise<AccessLogPage> {
  const limit = query.limit ?? ACCESS_LOG_PAGE_SIZE;
  const now = deps.clock.now();
  let cursor: Omit<Cursor, 'day' | 'after'> & Partial<Pick<Cursor, 'day' | 'after'>>;
  if (query.cursor) {
    cursor = decodeCursor(query.cursor);
    const given = cursor;
    const differs =
      (['actor', 'subject'] as const).some((k) => query[k] !== undefined && query[k] !== given[k]) ||
      (query.from !== undefined && new Date(query.from).toISOString() !== cursor.from) ||
      (query.to !== undefined && new Date(query.to).toISOString() !== cursor.to);
    if (differs)
      throw new DeskProblem(
        'unprocessable',
        'Cursor and filters differ',
        'A cursor continues the listing it came from: send it with the same filters, or without any.',
        undefined,
        { slug: 'cursor-and-filters-differ' },
      );
  } else {
    cursor = {
      ...windowOf(query, now),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.subject ? { subject: query.subject } : {}),
    };
  }
  const { from, to, actor, subject } = cursor;
  const filters = { from, to, ...(actor ? { actor } : {}), ...(subject ? { subject } : {}) };
  const next = (day: string, after: AccessLogPosition | undefined) =>
    encodeCursor({ ...filters, day, ...(after ? { after } : {}) });
  const days = daysBetween(from, to).filter((day) => !cursor.day || day <= cursor.day);
  const items: ListedAccessLogEntry[] = [];
  let reads = 0;
  for (const [index, day] of days.entries()) {
    let position = day === cursor.day ? cursor.after : undefined;
    do {
      if (reads >= ACCESS_LOG_READS_PER_PAGE) return { from, to, items, nextCursor: next(day, position) };
      reads += 1;
      const page = await deps.search.page({ day, ...filters, now, ...(position ? { after: position } : {}) });
      const room = limit - items.length;
      items.push(...page.entries.slice(0, room));
      const moreToRead = page.entries.length > room || page.next !== undefined || index < days.length - 1;
      if (page.entries.length >= room)
        return { from, to, items, ...(moreToRead ? { nextCursor: next(day, positionOf(items.at(-1)!, day)) } : {}) };
      position = page.next;
    } while (position);
  }
  return { from, to, items };
}

function positionOf(entry: ListedAccessLogEntry, day: string): AccessLogPosition {
  return { day, at: entry.at, chainId: entry.chainId, seq: entry.seq };
}
