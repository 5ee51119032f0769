// GET /v1/system/my-number/{subjectId} (payroll) and GET /v1/staff/subjects/{subjectId}/my-number
// (the Information Security Officer): the subject's live documents with their numbers. Every read
// is access-logged first, with its reason, so a read that cannot be logged shows nothing.
import type { AccessLogEntry } from '../access-log/entry';
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { type RequestSubjectFinder, requireOpenRequest } from '../personal-data/read-reason';
import type { RequestReader } from '../requests/ports';
import type { StaffActor } from '../staff';
import type { SystemActor } from '../systems';
import type { MyNumberAffair } from './documents';
import type { MyNumberReader } from './ports';

export interface ReadMyNumberDeps {
  myNumbers: MyNumberReader;
  requests: Pick<RequestReader, 'get'>;
  /** Resolves a request's subject address to subjects: a request reason must be about this subject. */
  subjects: RequestSubjectFinder;
  accessLog: AccessLogWriter;
  clock: Clock;
}

/**
 * Why the number is read: exactly one of them (the route's query schema makes sure). A number may be
 * used only for its statutory affair (My Number Act Art. 9), so a read for an affair sees only that
 * affair's documents; a read for a request (the officer answering an open one) sees them all.
 */
export interface ReadReason {
  requestId?: string;
  affair?: MyNumberAffair;
}

/** The field name the access log records for a read of Individual Numbers. */
export const MY_NUMBER_FIELD = 'my-number';

function reader(actor: StaffActor | SystemActor): Pick<AccessLogEntry, 'actor' | 'role'> {
  return 'staffId' in actor ? { actor: actor.staffId, role: actor.role } : { actor: actor.principal, role: 'system' };
}

export async function readMyNumber(
  deps: ReadMyNumberDeps,
  actor: StaffActor | SystemActor,
  subjectId: string,
  reason: ReadReason,
) {
  if (reason.requestId !== undefined) await requireOpenRequest(reason.requestId, [subjectId], deps);
  const now = deps.clock.now();
  await deps.accessLog.append({
    ...reader(actor),
    action: 'read',
    subjects: [subjectId],
    fields: [MY_NUMBER_FIELD],
    reason: reason.requestId !== undefined ? `request ${reason.requestId}` : `affair ${reason.affair}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const documents = (await deps.myNumbers.liveDocumentsOf(subjectId, now)).filter(
    (d) => reason.affair === undefined || d.affair === reason.affair,
  );
  return {
    subjectId,
    documents: documents.map((d) => ({
      documentId: d.documentId,
      affair: d.affair,
      document: d.document,
      documentDate: d.documentDate,
      ...(d.taxYear !== undefined ? { taxYear: d.taxYear } : {}),
      number: d.number,
      retainUntil: new Date(d.expiresAt * 1000).toISOString(),
    })),
  };
}
