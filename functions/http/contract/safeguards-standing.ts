// A staff member's standing under the internal rules and training (policy §6(2)A-B).
import * as z from 'zod';
import { STANDING_STATUSES } from '../../domain/safeguards/standing';
import { STAFF_ROLES } from '../../domain/staff';

const day = z.iso.date();
const words = z.object({ ja: z.string(), en: z.string() });

const obligation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rule'),
    ruleId: z.string(),
    version: z.number().int(),
    title: words,
    met: z.boolean(),
    arose: day.optional().describe('Unmet: the Japan day the obligation arose.'),
    dueOn: day.optional().describe('Unmet: the last Japan day personal data may still be handled without it.'),
  }),
  z.object({
    kind: z.literal('training'),
    courseId: z.string(),
    title: words,
    met: z.boolean(),
    validUntil: day.optional().describe('The last day the latest completion is current.'),
    arose: day.optional(),
    dueOn: day.optional(),
  }),
]);

export const standingResponse = z.object({
  staffId: z.string(),
  on: day.describe('The Japan day the standing is for.'),
  status: z
    .enum(STANDING_STATUSES)
    .describe('current; in-grace (something is unmet but not yet due); lapsed (refused personal data).'),
  graceDays: z.number().int(),
  obligations: z.array(obligation),
  lapsesOn: day.optional().describe('The first day they would be refused if nothing more is done.'),
});

export const standingListResponse = z.object({
  items: z.array(standingResponse.extend({ displayName: z.string(), role: z.enum(STAFF_ROLES) })),
});
