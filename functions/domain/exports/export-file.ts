// The exported file, built at download time from the live records: JSON, or CSV for a spreadsheet.
import { csvField } from '../requests/types/disclosure/dossier-formats';
import type { ExportedRecord } from './ports';
import type { ExportFormat } from './rules';

export interface ExportFile {
  exportId: string;
  generatedAt: string;
  reason: string;
  categories: string[];
  subjects: Array<{ subjectId: string; records: ExportedRecord[] }>;
}

const CSV_HEADER = ['subjectId', 'recordId', 'category', 'value', 'source', 'sourceDetail', 'purposes', 'acquiredAt'];

export function exportCsv(file: ExportFile): string {
  const rows = file.subjects.flatMap(({ subjectId, records }) =>
    records.map((r) => [
      subjectId,
      r.recordId,
      r.category,
      r.value,
      r.source,
      r.sourceDetail ?? '',
      r.purposes.join(' / '),
      r.acquiredAt,
    ]),
  );
  // A byte-order mark so spreadsheet software reads Japanese text as UTF-8.
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function exportContent(
  file: ExportFile,
  format: ExportFormat,
): { body: string | ExportFile; contentType: string; fileName: string } {
  return format === 'csv'
    ? { body: exportCsv(file), contentType: 'text/csv; charset=utf-8', fileName: `export-${file.exportId}.csv` }
    : { body: file, contentType: 'application/json; charset=utf-8', fileName: `export-${file.exportId}.json` };
}
