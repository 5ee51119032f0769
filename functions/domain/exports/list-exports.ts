// GET /v1/staff/exports and /v1/staff/exports/{exportId}: what was asked, decided and downloaded,
// never a value of personal data. The officer and auditors see every request; an operator sees
// only their own.
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { StaffActor } from '../staff';
import type { ExportStore } from './ports';
import { type ExportRequest, type ExportStatus, exportStatus, type StoredExportStatus } from './rules';

export interface ListExportsDeps {
  exports: ExportStore;
  clock: Clock;
}

const seesEvery = (actor: StaffActor) => actor.role === 'officer' || actor.role === 'auditor';

/** The stored status a shown status is kept under: an expired request is stored as approved. */
const STORED_AS: Record<ExportStatus, StoredExportStatus> = {
  requested: 'requested',
  approved: 'approved',
  refused: 'refused',
  downloaded: 'downloaded',
  expired: 'approved',
};

function summary(request: ExportRequest, now: Date) {
  const {
    exportId,
    requestedBy,
    requestedAt,
    subjectIds,
    categories,
    format,
    reason,
    decision,
    linkExpiresAt,
    downloadedAt,
  } = request;
  return {
    exportId,
    status: exportStatus(request, now),
    requestedBy,
    requestedAt,
    subjectCount: subjectIds.length,
    categories,
    format,
    reason,
    ...(decision ? { decidedBy: decision.by, decidedAt: decision.at } : {}),
    ...(linkExpiresAt ? { linkExpiresAt } : {}),
    ...(downloadedAt ? { downloadedAt } : {}),
  };
}

export async function listExports(deps: ListExportsDeps, actor: StaffActor, status: ExportStatus | undefined) {
  const now = deps.clock.now();
  const stored = status ? [STORED_AS[status]] : [...new Set(Object.values(STORED_AS))];
  const found = (await Promise.all(stored.map((s) => deps.exports.listByStatus(s, now)))).flat();
  const items = found
    .filter((r) => seesEvery(actor) || r.requestedBy === actor.staffId)
    .map((r) => summary(r, now))
    .filter((r) => !status || r.status === status)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return { items };
}

export async function viewExport(deps: ListExportsDeps, actor: StaffActor, exportId: string) {
  const now = deps.clock.now();
  const request = await deps.exports.get(exportId, now);
  if (!request) {
    throw new DeskProblem(
      'not-found',
      'No such export',
      `There is no export request ${exportId}. List them with GET /v1/staff/exports.`,
    );
  }
  if (!seesEvery(actor) && request.requestedBy !== actor.staffId) {
    throw new DeskProblem(
      'forbidden',
      'Not your export',
      `Export ${exportId} was requested by someone else; only its requester, the officer and auditors see it.`,
    );
  }
  return {
    ...summary(request, now),
    subjectIds: request.subjectIds,
    ...(request.note ? { note: request.note } : {}),
    ...(request.decision ? { decisionReason: request.decision.reason } : {}),
  };
}
