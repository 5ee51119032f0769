// Internal rules and manuals (policy §6(2)A): versions the officer publishes, each staff member's
// acknowledgements, and who has not acknowledged the versions in force.
import * as z from 'zod';
import { INTERNAL_RULE_KINDS } from '../../domain/safeguards/internal-rules';
import { STAFF_ROLES } from '../../domain/staff';
import { instant } from './common';

const ruleId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, {
    error: 'must be 2-64 lower-case letters, digits or "-", starting with a letter',
  })
  .describe('Stable across versions, e.g. "personal-data-handling-rules".');
const version = z.number().int().min(1, { error: 'must be 1 or more' }).max(9999);
const japanDate = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
const titleText = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const title = z.strictObject({ ja: titleText, en: titleText });

export const publishRuleVersionBody = z
  .strictObject({
    ruleId,
    version: version.describe('1 for a new rule or manual; the next number for a new version of one.'),
    kind: z.enum(INTERNAL_RULE_KINDS).describe('rules (規程) or manual (マニュアル).'),
    title,
    effectiveFrom: japanDate.describe('The Japan date from which the version binds: today or later, never before.'),
    text: z.string().trim().min(1, { error: 'must not be empty' }).max(20_000).optional(),
    reference: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(500)
      .optional()
      .describe('Where the text is kept (a document number, an intranet address), when it is not given here.'),
  })
  .refine((b) => b.text !== undefined || b.reference !== undefined, {
    error: 'give the text of the version, or a reference to where it is kept',
    path: ['text'],
  });

export const acknowledgeRuleBody = z.strictObject({ ruleId, version });

const ruleVersion = z.object({
  ruleId: z.string(),
  version: z.number().int(),
  kind: z.enum(INTERNAL_RULE_KINDS),
  title: z.object({ ja: z.string(), en: z.string() }),
  effectiveFrom: z.iso.date(),
  text: z.string().optional(),
  reference: z.string().optional(),
  publishedBy: z.string(),
  publishedAt: instant,
});
const acknowledgement = z.object({
  staffId: z.string(),
  ruleId: z.string(),
  version: z.number().int(),
  acknowledgedAt: instant,
});

export const ruleVersionResponse = ruleVersion;
export const acknowledgementResponse = acknowledgement;
export const ruleListResponse = z.object({
  today: z.iso.date().describe('Today in Japan, the day the versions in force are taken on.'),
  items: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.enum(INTERNAL_RULE_KINDS),
      title: z.object({ ja: z.string(), en: z.string() }),
      inForce: ruleVersion.optional().describe('The version in force today; none before the first takes effect.'),
      scheduled: z.array(ruleVersion).describe('Versions published to take effect on a later day.'),
      versions: z.array(ruleVersion).describe('Every version, in order.'),
    }),
  ),
  acknowledgements: z.array(acknowledgement).describe("The caller's own acknowledgements."),
});
export const unacknowledgedResponse = z.object({
  today: z.iso.date(),
  items: z.array(
    z.object({
      staffId: z.string(),
      displayName: z.string(),
      role: z.enum(STAFF_ROLES),
      missing: z.array(
        z.object({
          ruleId: z.string(),
          version: z.number().int(),
          title: z.object({ ja: z.string(), en: z.string() }),
          effectiveFrom: z.iso.date(),
        }),
      ),
    }),
  ),
});
