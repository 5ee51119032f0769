// GET /v1/staff/subjects?email=…|customerId=…: which subjects the desk holds under an e-mail address
// or a customer number, with the categories and number of their records but never a value. The
// search is access-logged, with the subjects it found, before the records are counted.

import type { AccessLogWriter } from '../access-log/ports';
import { customerIdLookupKey, emailLookupKey } from '../holdings';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { accessLogReason, type ReadReason, type ReadReasonDeps } from './read-reason';

export interface SubjectFinder {
  /** Subjects with a record not past its expiresAt that carries this lookup key (holdings.ts lookupKeyOf). */
  subjectIdsByLookupKey(lookupKey: string, now: Date): Promise<string[]>;
  /** The categories and number of a subject's records not past their expiresAt; never their values. */
  recordSummary(subjectId: string, now: Date): Promise<{ categories: string[]; records: number }>;
}

export interface SearchSubjectsDeps {
  purposes: PurposeVersionReader;
  requests: ReadReasonDeps['requests'];
  subjects: SubjectFinder;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface SubjectSearch extends ReadReason {
  email?: string;
  customerId?: string;
}

export interface SubjectSearchResult {
  items: Array<{ subjectId: string; categories: string[]; records: number }>;
}

function lookupOf(search: SubjectSearch): { lookupKey: string; field: 'email' | 'customer-id' } {
  if (search.email && !search.customerId) return { lookupKey: emailLookupKey(search.email), field: 'email' };
  if (search.customerId && !search.email)
    return { lookupKey: customerIdLookupKey(search.customerId), field: 'customer-id' };
  throw new DeskProblem(
    'unprocessable',
    'One search key needed',
    'Search by either email or customerId, not both and not neither.',
  );
}

export async function searchSubjects(
  deps: SearchSubjectsDeps,
  actor: StaffActor,
  search: SubjectSearch,
): Promise<SubjectSearchResult> {
  const { lookupKey, field } = lookupOf(search);
  const now = deps.clock.now();
  // A request reason must concern every subject found; the key is looked up once the reason is well formed.
  let found: string[] | undefined;
  const lookUp = async () => (found ??= [...new Set(await deps.subjects.subjectIdsByLookupKey(lookupKey, now))].sort());
  const why = await accessLogReason(search, lookUp, deps);
  const subjectIds = await lookUp();
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: subjectIds,
    fields: [field],
    reason: why,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const items = await Promise.all(
    subjectIds.map(async (subjectId) => ({ subjectId, ...(await deps.subjects.recordSummary(subjectId, now)) })),
  );
  // A record may expire between the two reads; a subject with nothing left is not shown.
  return { items: items.filter((i) => i.records > 0) };
}
