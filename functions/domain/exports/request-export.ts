// POST /v1/staff/exports: a member of staff asks to take the data of several subjects out. Nothing
// is read yet: the request waits for the officer, who is e-mailed in the same transaction. The
// request names the subjects, categories and reason, and is access-logged with them.

import type { AccessLogWriter } from '../access-log/ports';
import { type Company, deskContact } from '../company';
import type { Clock, SecretSource } from '../kernel/ports';
import { accessLogReason, type ReadReason, type ReadReasonDeps } from '../personal-data/read-reason';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { exportRequestedMessage } from './notifications';
import type { ExportStore } from './ports';
import { EXPORT_RECORD_RETENTION_SECONDS, type ExportFormat, type ExportRequest, exportCategories } from './rules';

export interface RequestExportDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  purposes: PurposeVersionReader;
  requests: ReadReasonDeps['requests'];
  subjects: ReadReasonDeps['subjects'];
  exports: ExportStore;
  accessLog: AccessLogWriter;
  clock: Clock;
  secrets: Pick<SecretSource, 'id'>;
  /** The Information Security Officer's address. */
  officer: string;
}

export interface ExportAsk extends ReadReason {
  subjectIds: string[];
  categories?: string[];
  format: ExportFormat;
  note?: string;
}

export async function requestExport(deps: RequestExportDeps, actor: StaffActor, ask: ExportAsk, publicBaseUrl: string) {
  const categories = exportCategories(ask.categories);
  const reason = await accessLogReason(ask, ask.subjectIds, deps);
  const now = deps.clock.now();
  const request: ExportRequest = {
    exportId: deps.secrets.id(),
    status: 'requested',
    version: 1,
    requestedBy: actor.staffId,
    requestedByRole: actor.role,
    requestedAt: now.toISOString(),
    subjectIds: [...ask.subjectIds],
    categories,
    reason,
    format: ask.format,
    ...(ask.note ? { note: ask.note } : {}),
    expiresAt: Math.floor(now.getTime() / 1000) + EXPORT_RECORD_RETENTION_SECONDS,
  };
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: request.subjectIds,
    fields: categories,
    reason: `${reason} (export ${request.exportId} requested)`,
    sourceIp: actor.sourceIp,
    at: request.requestedAt,
  });
  await deps.exports.create(
    request,
    exportRequestedMessage(request, deps.officer, publicBaseUrl, now, deskContact(deps.company)),
  );
  return { exportId: request.exportId, status: request.status };
}
