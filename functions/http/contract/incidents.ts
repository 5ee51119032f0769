// The incident register (APPI Art. 26; Enforcement Rules Art. 7-10): leaks, losses and damage of
// personal data, whether the PPC must be told and by when, and whose data was involved.
import * as z from 'zod';
import { INCIDENT_KINDS, INCIDENT_STATES, REPORT_KINDS } from '../../domain/incidents/incident';
import { ALTERNATIVE_MEASURES } from '../../domain/incidents/notice-items';
import { CATEGORY_IDS } from '../../domain/personal-data/categories';
import { instant, justification, subjectId } from './common';

/** INC-<Japan day opened>-<six random characters>: readable on the phone and in the PPC's form, unique by a conditional put. */
export const INCIDENT_ID_PATTERN = /^INC-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/;
export const incidentId = z
  .string()
  .regex(INCIDENT_ID_PATTERN, { error: 'is not an incident id (like INC-2026-12-07-7KQ2MX)' });
export const incidentParams = z.strictObject({ incidentId });

const text = z.string().trim().min(1, { error: 'must not be empty' }).max(500);
const longText = z.string().trim().min(1, { error: 'must not be empty' }).max(4000);
/** What is not known yet may be left empty in a draft and filled in by a later version. */
const laterText = z.string().trim().max(4000).default('');
const version = z.number().int().min(1).describe('The version you read: a change made meanwhile is refused (409).');
const count = z.number().int().min(0).max(1_000_000_000);

export const incidentFactors = z
  .strictObject({
    specialCareRequired: z
      .boolean()
      .describe('Special care-required personal information is or may be involved (Rules Art. 7(i)).'),
    financialLoss: z
      .boolean()
      .describe(
        'Data whose misuse may cause financial loss, e.g. card numbers with security codes (Rules Art. 7(ii)).',
      ),
    wrongfulPurpose: z
      .boolean()
      .describe('Caused for a wrongful purpose: an attack, theft, an insider taking data out (Rules Art. 7(iii)).'),
    individualNumbers: z.boolean().describe('Individual Numbers (My Number) are involved.'),
    publiclyViewable: z
      .boolean()
      .describe('Specific personal information was or may have been viewable by many unspecified people.'),
    advancedEncryption: z
      .boolean()
      .describe(
        'All data involved was protected by advanced encryption or an equivalent measure (Rules Art. 7 proviso).',
      ),
    myNumberSystem: z
      .boolean()
      .optional()
      .describe(
        'The Individual Numbers were held in the information-provision network system or a system for Individual Number affairs (My Number leak rules Art. 2(1)).',
      ),
  })
  .describe('The facts reportability turns on; true also covers "may have" (おそれ).');

export const personsBody = z
  .strictObject({
    estimated: count.optional().describe('How many persons may be involved, as far as known.'),
    confirmed: count.optional().describe('How many persons are confirmed involved.'),
  })
  .describe('The persons involved; the subjects linked from the registry are counted by the desk.');

const details = {
  kinds: z.array(z.enum(INCIDENT_KINDS)).min(1).max(INCIDENT_KINDS.length).describe('Leak, loss, damage: one or more.'),
  awareAt: instant.describe('When the company became aware: day one of every report deadline. Not in the future.'),
  awareHow: text.describe('How the company became aware.'),
  occurredAt: instant.optional().describe('When it happened, if known.'),
  summary: longText.describe('What happened (Rules Art. 8(1)(i)).'),
  categories: z.array(z.enum(CATEGORY_IDS)).max(CATEGORY_IDS.length).default([]),
  dataItems: z.array(text).max(50).default([]).describe("Data items in the company's own words (Rules Art. 8(1)(ii))."),
  persons: personsBody.default({}),
  factors: incidentFactors,
  cause: laterText.describe('Rules Art. 8(1)(iv).'),
  secondaryDamage: laterText.describe('Rules Art. 8(1)(v).'),
  measuresTaken: laterText.describe('Response to the persons and measures taken (Rules Art. 8(1)(vi)).'),
  publication: laterText.describe('Rules Art. 8(1)(vii).'),
  recurrencePrevention: laterText.describe('Rules Art. 8(1)(viii).'),
  other: laterText.describe('Rules Art. 8(1)(ix).'),
};

/** An operator or the officer opens a draft; the officer then takes it on. */
export const openIncidentBody = z.strictObject(details);
/** The officer's change: the whole incident as it now stands, a new version with the reason. */
export const changeIncidentBody = z.strictObject({
  ...details,
  version,
  reason: text.describe('Why it changed: kept with the version.'),
});
export const registerIncidentBody = z.strictObject({ version });
export const closeIncidentBody = z.strictObject({ version, reason: justification.describe('Why it is closed.') });
export const linkIncidentSubjectsBody = z.strictObject({
  version,
  subjectIds: z
    .array(subjectId)
    .min(1)
    .max(1000)
    .describe('Registry subjects whose data was involved; at most 90 in one call (one transaction).'),
});
export const overrideReportabilityBody = z.strictObject({
  version,
  reportable: z.boolean().describe('The answer the desk acts on instead of its own.'),
  reason: justification.describe("Why the desk's answer does not fit: kept with the version."),
});

const reportability = z.object({
  reportable: z.boolean(),
  underMyNumberAct: z.boolean(),
  findings: z.array(
    z.object({
      rule: z.string(),
      met: z.boolean(),
      because: z.string(),
      count: z.number().int().optional().describe('Persons rules: the count read.'),
      countFrom: z.enum(['confirmed', 'estimated', 'linked']).optional(),
    }),
  ),
  assessedAt: instant,
  override: z
    .object({ reportable: z.boolean(), reason: z.string(), by: z.string(), at: instant })
    .optional()
    .describe("The officer's override, with the written reason."),
});
const deadlines = z.object({
  preliminaryDueAt: instant,
  finalDueAt: instant,
  finalDays: z.number().int(),
});
/** A report recorded as submitted to the PPC (Rules Art. 8). */
export const reportSubmissionSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  submittedAt: instant,
  receiptReference: z.string(),
  recordedBy: z.string(),
  recordedAt: instant,
  fromVersion: z.number().int(),
  servesBoth: z.boolean().optional().describe('One report served as both the preliminary and the final.'),
});
export const incidentSchema = z.object({
  incidentId,
  version: z.number().int(),
  state: z.enum(INCIDENT_STATES),
  kinds: z.array(z.enum(INCIDENT_KINDS)),
  awareAt: instant,
  awareHow: z.string(),
  occurredAt: instant.optional(),
  summary: z.string(),
  categories: z.array(z.string()),
  dataItems: z.array(z.string()),
  persons: z.object({
    estimated: z.number().int().optional(),
    confirmed: z.number().int().optional(),
    linked: z.number().int().describe('Registry subjects linked to the incident.'),
  }),
  factors: z.object({
    specialCareRequired: z.boolean(),
    financialLoss: z.boolean(),
    wrongfulPurpose: z.boolean(),
    individualNumbers: z.boolean(),
    publiclyViewable: z.boolean(),
    advancedEncryption: z.boolean(),
    myNumberSystem: z.boolean().optional(),
  }),
  cause: z.string(),
  secondaryDamage: z.string(),
  measuresTaken: z.string(),
  publication: z.string(),
  recurrencePrevention: z.string(),
  other: z.string(),
  fromAlert: z.string().optional(),
  reportability,
  deadlines,
  reports: z.object({ preliminary: reportSubmissionSchema.optional(), final: reportSubmissionSchema.optional() }),
  createdAt: instant,
  createdBy: z.string(),
  changedAt: instant.optional(),
  changedBy: z.string().optional(),
  changeReason: z.string().optional(),
  closedAt: instant.optional(),
  closedBy: z.string().optional(),
  closeReason: z.string().optional(),
  notices: z
    .object({ sent: z.number().int(), unreachable: z.number().int() })
    .optional()
    .describe('The notices given so far (APPI Art. 26(2)): persons e-mailed, persons unreachable.'),
});
const incidentView = incidentSchema.extend({
  reportable: z.boolean().describe("The answer the desk acts on: the officer's override where given, else its own."),
});
const notice = z.object({
  state: z.enum(['pending', 'sent', 'unreachable']),
  decidedAt: instant,
  decidedBy: z.string(),
  messageId: z.string().optional(),
  sentAt: instant.optional(),
  language: z.enum(['ja', 'en']).optional(),
  alternativeMeasure: z.string().optional(),
  alternativeMeasureKinds: z
    .array(z.enum(ALTERNATIVE_MEASURES))
    .optional()
    .describe('Which of the measures the PPC guidelines give (3-5-4-5) the alternative measure is.'),
});
export const incidentSubjectSchema = z.object({
  incidentId,
  subjectId: z.string(),
  linkedAt: instant,
  linkedBy: z.string(),
  notice: notice.optional().describe('How the person was told, or the measure taken instead.'),
});

export const incidentResponse = incidentView;
export const incidentListResponse = z.object({
  items: z.array(incidentView).describe('Every incident, newest awareness first.'),
});
export const incidentDossierResponse = z.object({
  incident: incidentView,
  versions: z.array(incidentSchema).describe('Every version, oldest first.'),
  subjects: z.array(incidentSubjectSchema).describe('The linked registry subjects, with their notices.'),
});
