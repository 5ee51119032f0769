// GET /v1/staff/provisions: the records of provision and receipt (APPI Art. 29, 30) kept under one
// subject, or with one recipient or provider across people, for the officer or an auditor checking
// them (Art. 29(2), 30(4): kept to be shown to the PPC). The records name the people, so the read is
// access-logged with its reason, naming them, before anything is shown; records past their retention
// are never shown. One person's records are read only for an open request about them (policy §6(1)):
// a free-text reason is accepted only for a counterparty's records across people (an audit).

import type { AccessLogWriter } from '../access-log/ports';
import type { ProvisionRecord } from '../holdings';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { type ReadReasonDeps, requireOpenRequest } from '../personal-data/read-reason';
import type { StaffActor } from '../staff';
import type { ProvisionLedger } from './ports';

export interface ProvisionRecordQuery {
  /** One of subjectId and counterparty is given. */
  subjectId?: string;
  /** With subjectId: the open request about that person the read serves. */
  requestId?: string;
  /** With counterparty alone: why the records are read (an audit, a PPC inquiry); kept in the access log. */
  reason?: string;
  direction?: 'provided' | 'received';
  /** The recipient's or provider's registered id. */
  counterparty?: string;
  /** Japan dates, inclusive: the record's date (its latest provision or receipt). */
  from?: string;
  to?: string;
}

export interface ListProvisionsDeps {
  ledger: Pick<ProvisionLedger, 'liveRecordsOf' | 'liveRecordsWith'>;
  requests: ReadReasonDeps['requests'];
  subjects: ReadReasonDeps['subjects'];
  accessLog: AccessLogWriter;
  clock: Clock;
}

/** The access log's words for the reason, or 422 naming the field before anything is read. */
async function readReason(deps: ListProvisionsDeps, query: ProvisionRecordQuery): Promise<string> {
  if (query.subjectId !== undefined) {
    if (query.requestId === undefined) {
      throw new DeskProblem(
        'unprocessable',
        'Request needed',
        `requestId: one person's records of provision and receipt are read only for the open request about them. Name it, or read a recipient's or provider's records across people with counterparty and reason. Nothing was read.`,
      );
    }
    await requireOpenRequest(query.requestId, [query.subjectId], deps);
    return `request ${query.requestId}`;
  }
  if (query.reason === undefined) {
    throw new DeskProblem(
      'unprocessable',
      'Reason needed',
      'reason: say why this counterparty\'s records are read (e.g. "PPC inquiry about Partner"); it is kept in the access log. Nothing was read.',
    );
  }
  return `audit: ${query.reason}`;
}

type Stored = ProvisionRecord & {
  expiresAt?: number;
  counterpartyId?: string;
  recipientId?: string;
  providerId?: string;
};

const matches = (q: ProvisionRecordQuery) => (r: Stored) =>
  (!q.direction || r.direction === q.direction) &&
  (!q.counterparty || (r.recipientId ?? r.providerId) === q.counterparty) &&
  (!q.from || r.date >= q.from) &&
  (!q.to || r.date <= q.to);

export async function listProvisions(deps: ListProvisionsDeps, actor: StaffActor, query: ProvisionRecordQuery) {
  const why = await readReason(deps, query);
  const now = deps.clock.now();
  const found =
    query.subjectId !== undefined
      ? await deps.ledger.liveRecordsOf(query.subjectId, now)
      : await deps.ledger.liveRecordsWith(query.counterparty!, { from: query.from, to: query.to }, now);
  const records = (found as Stored[])
    .filter(matches(query))
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) || a.subjectId.localeCompare(b.subjectId) || a.recordId.localeCompare(b.recordId),
    );
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: query.subjectId !== undefined ? [query.subjectId] : [...new Set(records.map((r) => r.subjectId))].sort(),
    fields: ['provision-records'],
    reason: why,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return {
    ...(query.subjectId !== undefined ? { subjectId: query.subjectId } : { counterparty: query.counterparty! }),
    items: records.map(({ subjectId, expiresAt, counterpartyId: _counterpartyId, ...record }) => ({
      // Listed by subject, the subject is the query's; across people, each record names its own.
      ...(query.subjectId === undefined ? { subjectId } : {}),
      ...record,
      ...(expiresAt === undefined ? {} : { expiresAt: new Date(expiresAt * 1000).toISOString() }),
    })),
  };
}
