// Notices to the persons of a reportable leak, loss or damage (APPI Art. 26(2), Enforcement Rules
// Art. 10), and what is done instead where a person cannot be reached (the proviso).
import * as z from 'zod';
import { ALTERNATIVE_MEASURES } from '../../domain/incidents/notice-items';
import { incidentId, incidentSubjectSchema } from './incidents';

export { incidentParams as incidentNoticeParams } from './incidents';

export const notifyPersonsBody = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The incident version you read: a change or another notice made meanwhile is refused (409).'),
  alternativeMeasure: z
    .strictObject({
      kinds: z
        .array(z.enum(ALTERNATIVE_MEASURES))
        .min(1)
        .max(ALTERNATIVE_MEASURES.length)
        .describe('Publication of the incident, a published contact point (PPC guidelines 3-5-4-5).'),
      description: z
        .string()
        .trim()
        .min(10, { error: 'must say what was done, in at least 10 characters' })
        .max(2000)
        .describe('What was done, where and when, e.g. the page the incident is published on.'),
    })
    .optional()
    .describe(
      'The measure taken instead for persons the desk has no address for (APPI Art. 26(2) proviso); required when any of this notice cannot be reached.',
    ),
});

export const notifyPersonsResponse = z.object({
  incidentId,
  version: z.number().int().describe("The incident's version after this notice."),
  sent: z.number().int().describe('Persons e-mailed by this notice (queued in the outbox; sending follows).'),
  unreachable: z
    .number()
    .int()
    .describe('Persons of this notice without an address: the alternative measure is recorded.'),
  remaining: z
    .number()
    .int()
    .describe('Linked persons still without a notice; notify again for the next ones (one transaction each).'),
  notices: z.array(incidentSubjectSchema).describe('The notices this call recorded.'),
});

export const noticePreviewResponse = z.object({
  incidentId,
  version: z.number().int().describe('The version previewed: notify with it.'),
  reportable: z.boolean().describe('Whether the desk acts on the incident as reportable; only then are persons told.'),
  subject: z.string().describe("The e-mail's subject line."),
  text: z.string().describe('The e-mail every person would receive, word for word; it names no one.'),
  missing: z
    .array(z.object({ field: z.string(), item: z.string(), source: z.string() }))
    .describe(
      'Items of Enforcement Rules Art. 10 the incident does not state yet: notifying is refused until it does.',
    ),
  waiting: z.number().int().describe('Linked persons without a notice yet.'),
  calls: z.number().int().describe('Notify calls telling them takes (one transaction each).'),
});
