// The access log: listing and verification, for the officer and auditors.
import * as z from 'zod';
import { instant, orderedRange } from './common';
import { incidentId } from './incidents';

const accessLogInstant = z.iso.datetime({ offset: true });
export const accessLogQuery = z
  .strictObject({
    from: accessLogInstant
      .optional()
      .describe('Start of the window (ISO 8601 instant); by default 24 hours before to. At most 31 days before to.'),
    to: accessLogInstant.optional().describe('End of the window; by default now.'),
    actor: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Only entries by this staff member (staff id) or system principal.'),
    subject: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Only entries naming this opaque subject id (e.g. a subjectId, or request:<requestId>).'),
    limit: z.coerce.number().int().min(1).max(500).optional().describe('Entries per page; 100 by default.'),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('The nextCursor of the previous page, sent with the same filters.'),
  })
  .superRefine(orderedRange);
const accessLogEntry = z.object({
  chainId: z.string(),
  seq: z.number().int(),
  actor: z.string(),
  role: z.string(),
  action: z.enum(['read', 'write']),
  subjects: z.array(z.string()).describe('Opaque ids; never a name or an address.'),
  fields: z.array(z.string()).describe('Names of the fields read or written; never their values.'),
  reason: z.string(),
  sourceIp: z.string(),
  at: instant,
  incidentId: z.string().optional().describe('The incident of the register the entry read or wrote.'),
  incidentVersion: z.number().int().optional().describe("The incident's version read or written."),
});
export const accessLogResponse = z.object({
  from: instant,
  to: instant,
  items: z.array(accessLogEntry).describe('Newest first.'),
  nextCursor: z.string().optional().describe('Present when more entries may follow: send it as cursor.'),
});
export const accessLogVerifyBody = z
  .strictObject({
    from: z.iso
      .date()
      .optional()
      .describe(
        'Verify from the first digest taken on this Japan date on (its chain heads anchor each chain), instead of from the first entry.',
      ),
  })
  .optional();
const chainHead = z.object({ chainId: z.string(), seq: z.number().int(), hash: z.string() });
export const accessLogVerifyResponse = z.union([
  z.object({
    verified: z.literal(true),
    from: z.iso.date().nullable(),
    chains: z.array(chainHead.extend({ entriesChecked: z.number().int() })).describe("Each chain's head as verified."),
    digestsChecked: z.number().int(),
    latestDigestAt: instant
      .nullable()
      .describe(
        'When the latest digest was taken: entries appended since are not yet anchored by one (at most one digest interval).',
      ),
    checkedAt: instant,
  }),
  z.object({
    verified: z.literal(false),
    from: z.iso.date().nullable(),
    firstBrokenLink: z.object({
      problem: z.enum([
        'hash-mismatch',
        'missing-entry',
        'out-of-order',
        'previous-hash-mismatch',
        'digest-mismatch',
        'digest-altered',
        'digest-chain-broken',
      ]),
      chainId: z.string().optional(),
      seq: z.number().int().optional(),
      digestDate: z.iso.date().optional(),
      digestSlot: instant.optional().describe('The interval the digest at fault, or showing the fault, was taken in.'),
      detail: z.string(),
    }),
    checkedAt: instant,
  }),
]);

// ---- An incident's timeline: the access log's entries that read or wrote it ----

export const incidentTimelineParams = z.strictObject({ incidentId });
export const incidentTimelineQuery = z.strictObject({
  before: z.iso
    .date()
    .optional()
    .describe(
      'List the days before this Japan date (the nextBefore of the previous page); by default from today back.',
    ),
});
export const incidentTimelineResponse = z.object({
  incidentId,
  from: z.iso.date().describe('The oldest Japan day this page read.'),
  to: z.iso.date().describe('The newest Japan day this page read.'),
  items: z
    .array(accessLogEntry)
    .describe(
      'Every entry of those days that read or wrote the incident, newest first: who, in which role, what, when.',
    ),
  nextBefore: z.iso
    .date()
    .optional()
    .describe('Present while older days of the incident remain: send it as before for the next page.'),
});

// ---- Access monitoring's alerts, kept for the officer, each of which may open a draft incident ----

export const alertId = z
  .string()
  .regex(/^alert-\d{8}T\d{2}Z$/, { error: 'is not an alert id (like alert-20261207T03Z)' });
export const accessAlertParams = z.strictObject({ alertId });
const accessAlert = z.object({
  alertId,
  raisedAt: instant.describe('When the alert was raised: the company was aware of its facts then at the latest.'),
  from: instant.describe('Start of the hours analysed.'),
  to: instant.describe('End of the hours analysed.'),
  limit: z.number().int().describe('The limit of distinct subjects one person may read in an hour.'),
  findings: z
    .array(
      z.object({
        kind: z.enum(['many-subjects', 'outside-desk-hours']),
        actor: z.string().describe('The staff id.'),
        roles: z.array(z.string()),
        hour: instant.describe('Start of the hour flagged.'),
        subjectCount: z.number().int().describe('Distinct subjects read.'),
        subjects: z.array(z.string()).describe('The first subject ids read (opaque ids).'),
        reads: z.number().int().optional().describe('Reads outside desk hours.'),
      }),
    )
    .describe('What was flagged, per person and hour.'),
  findingCount: z.number().int(),
  subjects: z.array(z.string()).describe('Distinct subject ids over every finding (opaque ids), the first of them.'),
  subjectCount: z.number().int(),
  incidentId: incidentId.optional().describe('The draft incident opened from this alert, once one is.'),
});
export const accessAlertsResponse = z.object({
  items: z.array(accessAlert).describe('The recent alerts, newest first.'),
});
