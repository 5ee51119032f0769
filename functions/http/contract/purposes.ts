// The purpose registry (policy §2(1), (3), (4)).
import * as z from 'zod';
import {
  ACHIEVEMENT_EVENTS,
  PURPOSE_BASES,
  PURPOSE_STATUSES,
  RETENTION_STATUTES,
} from '../../domain/purposes/registry';
import { instant, justification, purposeId } from './common';

const achievementRule = z.strictObject({
  after: z.enum(ACHIEVEMENT_EVENTS),
  days: z.number().int().min(0).max(36500),
  statute: z
    .enum(RETENTION_STATUTES)
    .optional()
    .describe('A statute that keeps the record at least as long as it requires, counted from the same event.'),
});
const purposeText = {
  ja: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
};
export const purposeParams = z.strictObject({ purposeId });
export const createPurposeBody = z.strictObject({
  purposeId,
  ...purposeText,
  basis: z.enum(PURPOSE_BASES),
  achievement: achievementRule,
  note: justification.describe('Why the purpose is added.'),
});
export const changePurposeBody = z.strictObject({
  ...purposeText,
  achievement: achievementRule.optional(),
  relatedScope: justification.describe('Policy §2(3): why the new text is reasonably related to the old.'),
});
export const retirePurposeBody = z.strictObject({
  reason: z.literal('business-ended').describe('Policy §2(4): the business the purpose served has ended.'),
  note: justification,
});
const purposeVersionView = z.object({
  purposeId,
  version: z.number().int(),
  ja: z.string(),
  en: z.string(),
  status: z.enum(PURPOSE_STATUSES),
  basis: z.enum(PURPOSE_BASES),
  achievement: z.object({
    after: z.enum(ACHIEVEMENT_EVENTS),
    days: z.number().int(),
    statute: z.enum(RETENTION_STATUTES).optional(),
  }),
  effectiveFrom: instant,
  publishedBy: z.string(),
  change: z.object({ kind: z.enum(['created', 'changed', 'retired']), note: z.string() }),
  retiredAt: instant.optional(),
});
export const purposeResponse = purposeVersionView;
export const purposeListResponse = z.object({
  items: z.array(purposeVersionView.extend({ history: z.array(purposeVersionView) })),
});
