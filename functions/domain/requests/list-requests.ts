// GET /v1/staff/requests: the desk's queue, soonest due first, filtered and searched on the server.
// Operators and the officer see who asked and about whom, so each list they get, and each search,
// is a read of personal data and is access-logged once; an auditor sees the queue without them.
import type { AccessLogWriter } from '../access-log/ports';
import { normalisedEmail } from '../holdings';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { QUEUE_ASSIGNEE_WORDS, type StaffActor, type StaffMember, type StaffRole } from '../staff';
import { ASSIGNEE_FIELDS, assigneesOf, STAFF_DIRECTORY_SUBJECT } from './assignees';
import type { RequestReader } from './ports';
import { type DeskRequest, OPEN_STATUSES, type RequestStatus } from './request';

export interface ListRequestsDeps {
  requests: RequestReader;
  /** The staff directory, for the names of the staff a request can be assigned to. */
  staff: { list(): Promise<StaffMember[]> };
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface QueueQuery {
  status?: RequestStatus | undefined;
  type?: string | undefined;
  /** 'me', 'unassigned' or a staff id. */
  assignee?: string | undefined;
  dueWithinDays?: number | undefined;
  /** A request id, an e-mail address or part of a name. */
  q?: string | undefined;
}

/** The roles that see requesters and subjects in the queue: those that may open a request (view-request). */
const SEES_PERSONAL_DATA: readonly StaffRole[] = ['operator', 'officer'];

/** What an operator's or the officer's list shows of each request's personal data. */
export const QUEUE_PERSONAL_FIELDS = [
  'requester.kind',
  'requester.name',
  'requester.email',
  'subject.email',
  'subject.name',
];

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A name as the search compares it: Unicode NFKC (full-width letters and the ideographic space become
 * their plain forms, half-width kana full-width), lower case, without any space, so "山田　花子",
 * "山田花子" and "ＨＡＮＡＫＯ" find "山田 花子" and "Hanako".
 */
export function searchableName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

type Match = (request: DeskRequest) => boolean;

/** The search: an address matches whole addresses, anything else parts of names; ids are looked up apart. */
function searchMatch(q: string): Match {
  if (q.includes('@')) {
    const address = normalisedEmail(q);
    return (r) => normalisedEmail(r.requester.email) === address || normalisedEmail(r.subject.email) === address;
  }
  const part = searchableName(q);
  if (!part) return () => false;
  return (r) =>
    searchableName(r.requester.name).includes(part) ||
    (r.subject.name !== undefined && searchableName(r.subject.name).includes(part));
}

/** The Japan calendar day `days` after the day of `now`, YYYY-MM-DD. */
function japanDayAfter(now: Date, days: number): string {
  const [year, month, day] = japanDay(now).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function filters(query: QueueQuery, actor: StaffActor, now: Date): Match[] {
  const checks: Match[] = [];
  if (query.type) checks.push((r) => r.type === query.type);
  if (query.assignee === QUEUE_ASSIGNEE_WORDS.unassigned) checks.push((r) => r.assignee === undefined);
  else if (query.assignee === QUEUE_ASSIGNEE_WORDS.me) checks.push((r) => r.assignee === actor.staffId);
  else if (query.assignee) checks.push((r) => r.assignee === query.assignee);
  if (query.dueWithinDays !== undefined) {
    const lastDay = japanDayAfter(now, query.dueWithinDays);
    checks.push((r) => r.dueAt !== undefined && japanDay(new Date(r.dueAt)) <= lastDay);
  }
  return checks;
}

export async function listRequests(deps: ListRequestsDeps, actor: StaffActor, query: QueueQuery = {}) {
  const now = deps.clock.now();
  const seesPersonalData = SEES_PERSONAL_DATA.includes(actor.role);
  if (query.q !== undefined && !seesPersonalData) {
    throw new DeskProblem(
      'forbidden',
      'Search not allowed',
      'Searching the queue by request id, name or e-mail address is for operators and the officer, who may open requests.',
      undefined,
      { slug: 'queue-search-not-allowed' },
    );
  }
  const statuses = query.status ? [query.status] : OPEN_STATUSES;
  const [listed, byId, members] = await Promise.all([
    Promise.all(statuses.map((s) => deps.requests.listByStatus(s, now))).then((lists) => lists.flat()),
    // A request id quoted to the desk finds its request whatever its status; never an unconfirmed one
    // unless that status was asked for.
    query.q !== undefined && REQUEST_ID.test(query.q) ? deps.requests.get(query.q, now) : undefined,
    seesPersonalData ? deps.staff.list() : undefined,
  ]);
  const checks = filters(query, actor, now);
  const search = query.q !== undefined ? searchMatch(query.q) : undefined;
  const found = new Map<string, DeskRequest>();
  for (const request of listed) if (!search || search(request)) found.set(request.requestId, request);
  if (byId && (byId.status !== 'awaiting-verification' || query.status === 'awaiting-verification'))
    found.set(byId.requestId, byId);
  const requests = [...found.values()]
    .filter((r) => checks.every((check) => check(r)))
    .sort((a, b) => (a.dueAt ?? a.createdAt).localeCompare(b.dueAt ?? b.createdAt));

  if (!seesPersonalData) return { items: requests.map(queueItem) };

  // Nothing is shown unlogged: one entry, written before the list is returned, names every request
  // listed and the staff directory; a search that finds nobody is logged too (it still tells whether
  // someone has a request).
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [...requests.map((r) => `request:${r.requestId}`), STAFF_DIRECTORY_SUBJECT],
    fields: [...QUEUE_PERSONAL_FIELDS, ...ASSIGNEE_FIELDS],
    reason: query.q !== undefined ? 'request queue search' : 'request queue',
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return {
    items: requests.map((r) => ({
      ...queueItem(r),
      requester: { kind: r.requester.kind, name: r.requester.name, email: r.requester.email },
      subject: { email: r.subject.email, ...(r.subject.name !== undefined ? { name: r.subject.name } : {}) },
    })),
    assignees: assigneesOf(members ?? []),
  };
}

function queueItem({ requestId, type, status, receivedAt, dueAt, assignee }: DeskRequest) {
  return { requestId, type, status, receivedAt, dueAt, ...(assignee ? { assignee } : {}) };
}
