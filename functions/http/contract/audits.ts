// Audits of compliance with the safety management measures (policy §6(2)A; APPI Art. 23; PPC General
// Guidelines 10 (別添)): plans, results per checklist item, findings with corrective actions, and the report.
import * as z from 'zod';
import {
  ACTION_STATUSES,
  AUDIT_STATES,
  AUDIT_TEXT_MAX,
  AUDIT_TITLE_MAX,
  RESULT_OUTCOMES,
} from '../../domain/audits/audit-words';
import { CHECKLIST_CATEGORIES, EVIDENCE_SOURCES } from '../../domain/audits/checklist';
import { instant } from './common';

/** AUD-<Japan day planned>-<six random characters>, like incident ids. */
export const AUDIT_ID_PATTERN = /^AUD-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/;
export const auditId = z.string().regex(AUDIT_ID_PATTERN, { error: 'is not an audit id (like AUD-2026-12-07-7KQ2MX)' });
export const auditParams = z.strictObject({ auditId });
const findingId = z.string().regex(/^F-[0-9A-Z]{6}$/, { error: 'is not a finding id (like F-7KQ2MX)' });
export const findingParams = z.strictObject({ auditId, findingId });

const staffId = z
  .string()
  .trim()
  .min(1, { error: 'must name a staff account' })
  .max(128)
  .regex(/^[\w.@+-]+$/, { error: 'is not a staff id' });
const itemId = z.string().trim().min(1, { error: 'must name a checklist item' }).max(64);
const day = z.iso.date({ error: 'must be a date like 2026-12-07' });
const title = z.string().trim().min(1, { error: 'must not be empty' }).max(AUDIT_TITLE_MAX);
const text = z.string().trim().min(1, { error: 'must not be empty' }).max(AUDIT_TEXT_MAX);
const note = z.string().trim().max(AUDIT_TEXT_MAX).default('');
const version = z.number().int().min(1).describe('The version you read: a change made meanwhile is refused (409).');

export const planAuditBody = z.strictObject({
  title,
  scope: text.describe('What is audited: the departments, systems or processes.'),
  period: z
    .strictObject({ from: day, to: day })
    .describe('The Japan days whose handling of personal data is audited, both included.'),
  plannedOn: day.describe('The Japan day the audit is to be carried out.'),
  auditor: staffId.describe('The staff id of an active account with the auditor role: not the officer audited.'),
  items: z
    .array(itemId)
    .min(1, { error: 'must choose at least one checklist item' })
    .max(64)
    .optional()
    .describe('Checklist item ids to audit; every item of the checklist when left out.'),
});

export const resultBody = z.strictObject({
  itemId,
  outcome: z.enum(RESULT_OUTCOMES),
  note: note.describe('What the auditor saw; required when the item does not conform.'),
  version: z
    .number()
    .int()
    .min(0)
    .describe(
      "The version of the item's result you read; 0 when it had none. A result recorded meanwhile is refused (409).",
    ),
});

export const findingBody = z.strictObject({
  itemId,
  description: text.describe('What was found.'),
  action: z.strictObject({
    description: text.describe('The corrective action to take.'),
    owner: staffId.describe('The staff id of the active account who carries it out; not the auditor.'),
    dueOn: day.describe('The Japan day it is to be done by.'),
  }),
});

export const actionChangeBody = z.strictObject({
  version,
  status: z.enum(ACTION_STATUSES).describe('Forward only: open, in-progress, done.'),
  owner: staffId.optional(),
  dueOn: day.optional(),
  outcome: z.string().trim().max(AUDIT_TEXT_MAX).optional().describe('What was done: required with done.'),
});

export const closeAuditBody = z.strictObject({
  version,
  conclusion: text.describe("The auditor's overall opinion."),
});

export const auditPlanSchema = z.object({
  auditId: z.string(),
  version: z.number().int(),
  state: z.enum(AUDIT_STATES),
  title: z.string(),
  scope: z.string(),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  plannedOn: z.iso.date(),
  auditor: z.string(),
  items: z.array(z.string()),
  plannedBy: z.string(),
  plannedAt: instant,
  closedBy: z.string().optional(),
  closedAt: instant.optional(),
  conclusion: z.string().optional(),
});

export const auditResultSchema = z.object({
  auditId: z.string(),
  itemId: z.string(),
  version: z.number().int(),
  outcome: z.enum(RESULT_OUTCOMES),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: instant,
});

export const auditFindingSchema = z.object({
  auditId: z.string(),
  findingId: z.string(),
  version: z.number().int(),
  itemId: z.string(),
  description: z.string(),
  action: z.object({
    description: z.string(),
    owner: z.string(),
    dueOn: z.iso.date(),
    status: z.enum(ACTION_STATUSES),
    outcome: z.string().optional(),
    doneOn: z.iso.date().optional(),
  }),
  raisedBy: z.string(),
  raisedAt: instant,
  changedBy: z.string().optional(),
  changedAt: instant.optional(),
});

export const auditListResponse = z.object({ audits: z.array(auditPlanSchema) });

export const auditDossierResponse = z.object({
  audit: auditPlanSchema,
  results: z.array(auditResultSchema),
  findings: z.array(auditFindingSchema),
});

const words = z.object({ ja: z.string(), en: z.string() });

export const auditReportResponse = z.object({
  audit: auditPlanSchema,
  basis: z.string().describe('The law and guideline the checklist is drawn from.'),
  generatedAt: instant,
  items: z.array(
    z.object({
      id: z.string(),
      category: z.enum(CHECKLIST_CATEGORIES),
      section: z.string().describe("The guideline's section, e.g. 10-3(2)."),
      ja: z.string(),
      en: z.string(),
      question: words,
      evidence: z.array(z.enum(EVIDENCE_SOURCES)).describe('The records the desk holds that bear on the item.'),
      result: auditResultSchema.optional().describe('Absent while unanswered.'),
    }),
  ),
  findings: z.array(
    auditFindingSchema.extend({
      overdue: z.boolean().describe('Not done by the end of its due day (Japan time).'),
      daysOverdue: z.number().int(),
    }),
  ),
  tally: z.object({
    conforms: z.number().int(),
    'does-not-conform': z.number().int(),
    'not-applicable': z.number().int(),
    unanswered: z.number().int(),
    openActions: z.number().int(),
    overdueActions: z.number().int(),
  }),
});
