// The reports to the PPC about an incident (APPI Art. 26(1); Enforcement Rules Art. 8): the preliminary
// and final report the desk prepares from the incident, and the record of their submission on the
// PPC's own form.
import * as z from 'zod';
import { INCIDENT_KINDS, INCIDENT_STATES, REPORT_KINDS } from '../../domain/incidents/incident';
import { REPORT_ITEM_KEYS } from '../../domain/incidents/report-items';
import { REPORT_ITEM_STATES } from '../../domain/incidents/reports';
import { instant } from './common';
import { incidentId, reportSubmissionSchema } from './incidents';

const reportKind = z
  .enum(REPORT_KINDS)
  .describe('preliminary: 速報 (Enforcement Rules Art. 8(1)); final: 確報 (Art. 8(2)).');
export const incidentReportParams = z.strictObject({ incidentId, kind: reportKind });
export const incidentReportQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('An earlier version of the incident to prepare the report from; the current one by default.'),
});

export const reportSubmissionBody = z.strictObject({
  fromVersion: z
    .number()
    .int()
    .min(1)
    .describe('The incident version the submitted report was prepared from (the report shows it).'),
  submittedAt: instant.describe(
    "When the report was submitted on the PPC's form: not in the future, not before awareness.",
  ),
  receiptReference: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(200)
    .describe("The receipt reference the PPC's form gave."),
  servesAsPreliminary: z
    .boolean()
    .default(false)
    .describe(
      'Final report only: this one report served as the preliminary report too (everything was known by then); both are recorded.',
    ),
});

const finding = z.object({ rule: z.string(), met: z.boolean(), because: z.string() });

const reportItem = z.object({
  number: z.number().int().min(1).max(9).describe('The item of Enforcement Rules Art. 8(1): 1 for (i) … 9 for (ix).'),
  key: z.enum(REPORT_ITEM_KEYS),
  heading: z.string().describe('The item as the Rules word it.'),
  headingEn: z.string(),
  source: z.string(),
  state: z
    .enum(REPORT_ITEM_STATES)
    .describe(
      'stated; under-investigation (調査中, a preliminary report only); none (item (ix) with nothing to add: なし).',
    ),
  text: z.string().describe('Japanese, one line per fact, ready to copy into the PPC form.'),
});

export const incidentReportResponse = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string().describe('漏えい等報告（速報） or （確報）.'),
  basis: z.string(),
  business: z.object({
    name: z.string(),
    nameEn: z.string(),
    address: z.string(),
    addressEn: z.string(),
    representative: z.string(),
    representativeEn: z.string(),
  }),
  incidentId: z.string(),
  version: z.number().int().describe('The incident version the report was prepared from.'),
  state: z.enum(INCIDENT_STATES),
  kinds: z.array(z.enum(INCIDENT_KINDS)),
  awareAt: instant,
  occurredAt: instant.optional(),
  dueAt: instant.describe('When this report falls due.'),
  generatedAt: instant,
  reportability: z.object({
    reportable: z.boolean().describe("The answer the desk acts on: the officer's override where given."),
    assessed: z.boolean().describe("The desk's own answer from the rules."),
    underMyNumberAct: z.boolean(),
    rulesMet: z.array(finding),
    override: z.object({ reportable: z.boolean(), reason: z.string(), by: z.string(), at: instant }).optional(),
  }),
  persons: z.object({
    estimated: z.number().int().optional(),
    confirmed: z.number().int().optional(),
    linked: z.number().int(),
  }),
  notices: z
    .object({
      linked: z.number().int(),
      sent: z.number().int(),
      pending: z.number().int(),
      unreachable: z.number().int(),
      notYetNotified: z.number().int(),
      alternativeMeasures: z.array(z.string()),
    })
    .describe('How the linked persons were told: counts only.'),
  items: z.array(reportItem).describe('Enforcement Rules Art. 8(1)(i)-(ix), in order.'),
  underInvestigation: z.array(z.number().int()).describe('The items marked 調査中.'),
  complete: z.boolean().describe('Every item the final report needs is stated.'),
  submission: reportSubmissionSchema.optional().describe('The submission recorded for this kind.'),
});

export const reportSubmissionResponse = z.object({
  incidentId: z.string(),
  version: z.number().int().describe("The incident's new version, which carries the record."),
  reports: z.object({ preliminary: reportSubmissionSchema.optional(), final: reportSubmissionSchema.optional() }),
});
