// Exports (policy §6(1)): taking several subjects' data out, approved by the officer.
import * as z from 'zod';
import {
  EXPORT_DECISIONS,
  EXPORT_FORMATS,
  EXPORT_LINK_LIFETIME_HOURS,
  EXPORT_MAX_SUBJECTS,
  EXPORT_MIN_SUBJECTS,
  EXPORT_STATUSES,
} from '../../domain/exports/rules';
import { CATEGORY_IDS } from '../../domain/personal-data/categories';
import { hasOneReason, instant, oneReason, readReason, subjectId } from './common';
import { storedRecordView } from './personal-data';

const exportId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not an export id' });
const exportSummary = {
  exportId,
  status: z.enum(EXPORT_STATUSES),
  requestedBy: z.string(),
  requestedAt: instant,
  subjectCount: z.number().int(),
  categories: z.array(z.string()),
  format: z.enum(EXPORT_FORMATS),
  reason: z.string().describe('In the access log\'s words: "request <id>" or "purpose <id>".'),
  decidedBy: z.string().optional(),
  decidedAt: instant.optional(),
  linkExpiresAt: instant.optional(),
  downloadedAt: instant.optional(),
};

export const exportRequestBody = z
  .strictObject({
    subjectIds: z
      .array(subjectId)
      .min(EXPORT_MIN_SUBJECTS, {
        error: `must name at least ${EXPORT_MIN_SUBJECTS} subjects; read one subject through GET /v1/staff/subjects/{subjectId}`,
      })
      .max(EXPORT_MAX_SUBJECTS, {
        error: `must name at most ${EXPORT_MAX_SUBJECTS} subjects (desk policy); split a larger export into several requests`,
      })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'must name each subject once' }),
    categories: z
      .array(
        z
          .string()
          .min(1)
          .max(64)
          .regex(/^[a-z-]+$/, { error: 'is not a category id' }),
      )
      .min(1)
      .max(CATEGORY_IDS.length)
      .optional()
      .describe(
        'The categories to export; all ordinary personal data and access information when absent. Special care-required categories and My Number are refused (422).',
      ),
    ...readReason,
    format: z.enum(EXPORT_FORMATS).default('json'),
    note: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('For the officer: what the export is for and where it goes.'),
  })
  .refine(hasOneReason, oneReason);
export const exportRequestResponse = z.object({ exportId, status: z.literal('requested') });

export const exportListQuery = z.strictObject({ status: z.enum(EXPORT_STATUSES).optional() });
export const exportListResponse = z.object({ items: z.array(z.object(exportSummary)) });
export const exportParams = z.strictObject({ exportId });
export const exportResponse = z.object({
  ...exportSummary,
  subjectIds: z.array(subjectId),
  note: z.string().optional(),
  decisionReason: z.string().optional(),
});

export const exportDecisionBody = z.strictObject({
  decision: z.enum(EXPORT_DECISIONS),
  reason: z
    .string()
    .trim()
    .min(10, { error: 'must say why, in at least 10 characters' })
    .max(1000)
    .describe("Kept with the decision; a refusal's reason is e-mailed to the requester."),
});
export const exportDecisionResponse = z.object({
  exportId,
  status: z.enum(EXPORT_DECISIONS),
  decidedBy: z.string(),
  decidedAt: instant,
  linkExpiresAt: instant
    .optional()
    .describe(`On approval: the e-mailed link works once until then (${EXPORT_LINK_LIFETIME_HOURS} hours).`),
});

export const exportDownloadParams = z.strictObject({
  exportId,
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a download link token' }),
});
export const exportFileResponse = z
  .object({
    exportId,
    generatedAt: instant,
    reason: z.string(),
    categories: z.array(z.string()).describe('The categories the file holds.'),
    subjects: z.array(
      z.object({
        subjectId,
        records: z.array(
          storedRecordView.pick({
            recordId: true,
            category: true,
            value: true,
            source: true,
            sourceDetail: true,
            purposes: true,
            acquiredAt: true,
          }),
        ),
      }),
    ),
  })
  .describe(
    'JSON; or CSV (subjectId, recordId, category, value, source, sourceDetail, purposes, acquiredAt) when the export asked for csv.',
  );
