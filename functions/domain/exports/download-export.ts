// GET /v1/staff/exports/{exportId}/download/{token}: the requester, signed in, with the e-mailed
// token, downloads the approved export once. The link is marked used before anything is read, so
// two downloads at once cannot both get the data; the file is built from the records live now,
// only of exportable categories (never special care-required information; Individual Numbers are
// in a table this path cannot read), and the access log names every subject and field first.
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { matchesHash } from '../kernel/secrets';
import type { StaffActor } from '../staff';
import { type ExportFile, exportContent } from './export-file';
import type { ExportHoldingsReader, ExportStore } from './ports';
import { downloaded, EXPORTABLE_CATEGORIES } from './rules';

export interface DownloadExportDeps {
  exports: ExportStore;
  holdings: ExportHoldingsReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export async function downloadExport(deps: DownloadExportDeps, actor: StaffActor, exportId: string, token: string) {
  const now = deps.clock.now();
  const request = await deps.exports.get(exportId, now);
  const next = downloaded(request, (hash) => matchesHash(token, hash), actor, now);
  try {
    await deps.exports.markDownloaded(next, request!.version);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'gone',
      'Link already used',
      `The link of export ${exportId} was used or ran out meanwhile; it works once. Request a new export if the data is needed again.`,
    );
  }
  // Checked again here, not only at request time: the categories list is the last word before data leaves.
  const categories = next.categories.filter((c) => EXPORTABLE_CATEGORIES.includes(c));
  const subjects = await Promise.all(
    next.subjectIds.map(async (subjectId) => ({
      subjectId,
      records: (await deps.holdings.recordsOf(subjectId, categories, now)).filter((r) =>
        categories.includes(r.category),
      ),
    })),
  );
  const fields = [...new Set(subjects.flatMap((s) => s.records.map((r) => r.category)))].sort();
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: next.subjectIds,
    fields,
    reason: `${next.reason} (export ${exportId} downloaded)`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const file: ExportFile = {
    exportId,
    generatedAt: now.toISOString(),
    reason: next.reason,
    categories: fields,
    subjects,
  };
  return exportContent(file, next.format);
}
