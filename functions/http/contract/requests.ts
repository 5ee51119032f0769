// Requests about personal data (APPI Art. 32-39): what the requester sends and reads, and what the
// desk's staff read and record while handling them. The two bodies that carry each request type's
// details (making a request, deciding it) are in request-details.ts.

import * as z from 'zod';
import { REPORT_KINDS } from '../../domain/incidents/incident';
import { DISCLOSURE_METHODS } from '../../domain/kernel/law';
import { ASSIGNABLE_ROLES } from '../../domain/requests/assignees';
import { DECISION_OUTCOMES, LANGUAGES, REQUEST_STATUSES, REQUESTER_KINDS } from '../../domain/requests/request';
import { AUTHORITY_DOCUMENT_IDS, IDENTITY_DOCUMENT_IDS } from '../../domain/requests/verify-representative';
import { instant, orderedRange, requestId } from './common';
import { requestFulfilmentView } from './fulfilment-tracking';

export const submitRequestResponse = z.object({
  requestId,
  status: z.literal('awaiting-verification'),
  codeSentTo: z.string().describe('Where the code went, masked (ha***@example.jp), for the person to recognise.'),
  resendAvailableAt: instant.describe('From when a new code may be asked for.'),
});

export const resendCodeResponse = z.object({
  requestId,
  codeExpiresAt: instant.describe('Until when the new code is valid; the earlier code no longer is.'),
  resendAvailableAt: instant.describe('From when another code may be asked for.'),
  resendsLeft: z.number().int().min(0).describe('How many more new codes this request may ask for.'),
});

export const verificationResponse = z.object({
  requestId,
  status: z.literal('received'),
  receivedAt: instant,
  dueAt: instant,
  statusToken: z.string().describe('Send as "Authorization: Bearer <statusToken>" to read the status.'),
});

const decisionView = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  grounds: z.array(z.string()),
  reason: z.string().optional(),
  decidedAt: instant,
});

const groundLabels = z
  .array(z.object({ id: z.string(), ja: z.string(), en: z.string() }))
  .describe('The grounds in the words of the Act, in Japanese and English, in the order of `grounds`.');

export const requestStatusResponse = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView.extend({ groundLabels }).optional(),
  awaitingHolders: z
    .literal(true)
    .optional()
    .describe(
      'The decision is being carried out at the systems and subcontractors that hold the data; the answer is e-mailed when they have finished.',
    ),
});

/** The longest search term: an e-mail address may be 254 characters. */
export const QUEUE_SEARCH_MAX_LENGTH = 254;
/** The furthest "due within" reaches: no answer is due later than 13 days after receipt (law-constants.md). */
export const QUEUE_DUE_WITHIN_MAX_DAYS = 60;

export const staffQueueQuery = z.strictObject({
  status: z
    .enum(REQUEST_STATUSES)
    .optional()
    .describe('Requests of this status; the open ones (received, in progress) when left out.'),
  type: z
    .string()
    .regex(/^[a-z][a-z-]{1,63}$/, { error: 'is not a request type, like disclosure' })
    .optional()
    .describe('Requests of this type, e.g. disclosure; a type the desk does not know lists none.'),
  assignee: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{1,63}$/, { error: 'must be me, unassigned or a staff id' })
    .optional()
    .describe('"me" (the caller\'s), "unassigned" (nobody\'s), or a staff id.'),
  dueWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(QUEUE_DUE_WITHIN_MAX_DAYS)
    .optional()
    .describe(
      'Requests due on or before the Japan calendar day this many days after today (0: today), overdue ones included.',
    ),
  q: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(QUEUE_SEARCH_MAX_LENGTH)
    .optional()
    .describe(
      "Search (operators and the officer; access-logged): a request id, whole, finds that request in any status; an e-mail address (with @), whole and in any case, finds requests whose requester's or subject's address it is; anything else finds requests whose requester's or subject's name contains it, compared after Unicode NFKC, in lower case and without spaces. Searches the requests of the status asked (the open ones by default).",
    ),
});

const queueItem = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  assignee: z.string().optional().describe('The staff id of the operator handling the request.'),
  requester: z
    .object({ kind: z.enum(REQUESTER_KINDS), name: z.string(), email: z.string() })
    .optional()
    .describe('For operators and the officer only (personal data; the list is access-logged).'),
  subject: z
    .object({ email: z.string(), name: z.string().optional() })
    .optional()
    .describe('For operators and the officer only (personal data; the list is access-logged).'),
});
const assigneeView = z.object({
  staffId: z.string(),
  displayName: z.string(),
  role: z.enum(ASSIGNABLE_ROLES),
});
export const staffQueueResponse = z.object({
  items: z.array(queueItem),
  assignees: z
    .array(assigneeView)
    .optional()
    .describe(
      'For operators and the officer: the active staff a request can be assigned to, to filter and name by (access-logged with the list).',
    ),
});

export const assigneesResponse = z.object({
  items: z.array(assigneeView).describe('Active staff a request can be assigned to, by name.'),
});

const representativeVerificationView = z.object({
  authorityDocument: z.string(),
  identityDocument: z.string(),
  checkedBy: z.string(),
  checkedAt: instant,
});

const requestNoteView = z.object({ at: instant, by: z.string(), text: z.string() });

export const staffRequestResponse = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  requester: z.object({ kind: z.enum(REQUESTER_KINDS), name: z.string(), email: z.string() }),
  subject: z.object({ email: z.string(), name: z.string().optional() }),
  answerAddressHeldForCustomer: z
    .boolean()
    .describe(
      "Whether the code and answers go to an address the desk holds for this customer (the subject's own for a request by the person; the representative's otherwise). False calls for care before answering.",
    ),
  details: z.record(z.string(), z.unknown()).optional(),
  language: z.enum(LANGUAGES),
  createdAt: instant,
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView
    .extend({ decidedBy: z.string(), details: z.record(z.string(), z.unknown()).optional(), groundLabels })
    .optional(),
  assignee: z.string().optional().describe('The operator handling the request.'),
  notes: z.array(requestNoteView).optional(),
  delivery: z
    .object({
      method: z.enum(DISCLOSURE_METHODS),
      postedOn: z.iso.date().optional(),
      trackingNumber: z.string().optional(),
      postedBy: z.string().optional(),
    })
    .optional()
    .describe('A fulfilled disclosure: how it is delivered and, on paper, when it was posted.'),
  closedAt: instant.optional(),
  representativeVerification: representativeVerificationView
    .optional()
    .describe("How a representative's authority and identity were checked."),
  history: z.array(
    z.object({
      at: instant,
      event: z.string(),
      by: z.string().optional(),
      assignee: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
  decisionOptions: z
    .object({
      outcomes: z.array(z.enum(DECISION_OUTCOMES)),
      refusalGrounds: z.array(z.object({ ground: z.string(), label: z.object({ ja: z.string(), en: z.string() }) })),
      details: z
        .partialRecord(z.enum(DECISION_OUTCOMES), z.record(z.string(), z.unknown()))
        .describe(
          'Per outcome, the JSON Schema (draft 2020-12) of the details a decision with that outcome carries; an outcome not named takes none.',
        ),
    })
    .optional()
    .describe(
      'Only while the request is open: the outcomes and refusal grounds its type allows, and the details each outcome needs (POST …/decision).',
    ),
  fulfilment: requestFulfilmentView.optional(),
});

export const decisionResponse = z.object({
  requestId,
  status: z.enum(DECISION_OUTCOMES),
  decidedAt: instant,
  answer: z
    .literal('awaiting-holders')
    .optional()
    .describe('The decision reached other holders: the answer is sent once every one has finished.'),
  tasks: z.number().int().optional().describe('How many holders the decision reached, one task each.'),
});

// ---- Handling a request: withdrawal by the requester, assignment and notes by staff ----

export const withdrawalBody = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(2000)
      .optional()
      .describe('Why you withdraw, if you wish to say.'),
  })
  .optional();
export const withdrawalResponse = z.object({ requestId, status: z.literal('withdrawn'), closedAt: instant });

export const assignmentBody = z.strictObject({
  assignee: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(128)
    .describe('The staff id of the operator who will handle the request.'),
});
export const assignmentResponse = z.object({
  requestId,
  status: z.literal('in-progress'),
  assignee: z.string(),
  assignedAt: instant,
});

export const noteBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(4000)
    .describe('How the request is being handled.'),
});
export const noteResponse = z.object({ requestId, note: requestNoteView });

export const representativeVerificationBody = z.strictObject({
  authorityDocument: z
    .enum(AUTHORITY_DOCUMENT_IDS)
    .describe("The document that showed the representative's authority (APPI Art. 37(3), Cabinet Order Art. 13)."),
  identityDocument: z
    .enum(IDENTITY_DOCUMENT_IDS)
    .describe('The kind of official document that showed who the representative is. Only the kind is kept.'),
  checkedAt: instant.optional().describe('When the documents were checked; now if left out.'),
});
export const representativeVerificationResponse = z.object({
  requestId,
  representativeVerification: representativeVerificationView,
});

// ---- The desk report: how the desk keeps its deadlines ----

const japanDate = z.iso.date().describe('A Japan calendar date, YYYY-MM-DD; the whole day counts.');
export const requestReportQuery = z
  .strictObject({
    from: japanDate.optional().describe('First day of arrival (createdAt) counted; by default 90 days before to.'),
    to: japanDate.optional().describe('Last day of arrival counted; by default now.'),
  })
  .superRefine(orderedRange);
const nullableFigure = z.number().nullable();
export const requestReportResponse = z.object({
  from: instant,
  to: instant,
  generatedAt: instant,
  counts: z
    .object({
      total: z.number().int(),
      byType: z.record(z.string(), z.number().int()),
      byStatus: z.record(z.string(), z.number().int()),
      byTypeAndStatus: z.array(
        z.object({ type: z.string(), status: z.enum(REQUEST_STATUSES), count: z.number().int() }),
      ),
    })
    .describe('Requests made within the range.'),
  timeToDecision: z
    .object({
      decided: z.number().int(),
      medianHours: nullableFigure,
      p95Hours: nullableFigure,
      medianDeskDays: nullableFigure,
      p95DeskDays: nullableFigure,
    })
    .describe(
      'decidedAt - receivedAt of the decided requests within the range; nearest-rank percentiles; null when none was decided.',
    ),
  overdue: z
    .array(
      z.object({
        requestId,
        type: z.string(),
        status: z.enum(REQUEST_STATUSES),
        dueAt: instant,
        daysOverdue: z.number().int().describe('Calendar days since dueAt, a started day counted.'),
      }),
    )
    .describe('Open requests past their due date, whenever they were made; most overdue first.'),
  overdueAtHolders: z
    .array(
      z.object({
        requestId,
        type: z.string(),
        dueAt: instant,
        daysOverdue: z.number().int().describe('Calendar days since dueAt, a started day counted.'),
        holdersNotFinished: z.number().int().min(1).describe('How many holders have not finished.'),
      }),
    )
    .describe(
      'Decided requests past their due date whose answer still waits for holders (systems, subcontractors) that have not all finished; most overdue first.',
    ),
  undeliverable: z
    .array(
      z.object({
        messageId: z.string(),
        kind: z.string().describe('What the e-mail was about (the outbox topic), e.g. decision-fulfilled.'),
        requestId: requestId.nullable(),
        createdAt: instant,
        setAsideAt: instant.nullable(),
        attempts: z.number().int(),
        reason: z
          .string()
          .nullable()
          .describe(
            'The last error name, or SendOutcomeUnknown when SES may have taken it: check before sending again.',
          ),
      }),
    )
    .describe('E-mails set aside as undeliverable, whenever written, oldest first; no address, no body.'),
  overdueIncidentReports: z
    .array(
      z.object({
        incidentId: z.string(),
        report: z.enum(REPORT_KINDS).describe('preliminary (速報, Rules Art. 8(1)) or final (確報, Rules Art. 8(2)).'),
        dueAt: instant,
        daysOverdue: z.number().int().describe('Calendar days since dueAt, a started day counted.'),
      }),
    )
    .describe(
      'Reports to the PPC on incidents the desk treats as reportable, not closed, past due with no submission recorded; most overdue first.',
    ),
  overdueCorrectiveActions: z
    .array(
      z.object({
        auditId: z.string(),
        findingId: z.string(),
        owner: z.string().describe('The staff id of who carries the action out.'),
        dueOn: z.iso.date(),
        daysOverdue: z.number().int().describe('Calendar days since the due day (Japan time), the day after it 1.'),
      }),
    )
    .describe('Corrective actions of audits not done by the end of their due day; most overdue first.'),
});
