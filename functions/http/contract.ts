// The public contract (DESIGN §5) as zod schemas: handlers validate with them, and the OpenAPI
// document is generated from them, so the documentation is the validation.
import * as z from 'zod';
import { DISCLOSURE_METHODS, DISCLOSURE_RECORDS } from '../domain/kernel/law';
import { DECISION_OUTCOMES, LANGUAGES, REQUEST_STATUSES, REQUESTER_KINDS } from '../domain/requests/request';
import { REQUEST_TYPES } from '../domain/requests/types/registry';
import { CATEGORY_IDS, SPECIAL_CARE_EXCEPTION_IDS } from '../domain/personal-data/categories';
import { USE_CHECK_REASONS, USE_EXCEPTION_IDS } from '../domain/personal-data/check-use';
import { ACQUISITION_SOURCE_IDS } from '../domain/personal-data/sources';
import { ACHIEVEMENT_EVENTS, PURPOSE_BASES, PURPOSE_ID_PATTERN, PURPOSE_STATUSES } from '../domain/purposes/registry';
import { AUTHORITY_DOCUMENT_IDS, IDENTITY_DOCUMENT_IDS } from '../domain/requests/verify-representative';
import { CONSENT_LINKAGES } from '../domain/consents/rules';
import { isValidIndividualNumber, MY_NUMBER_AFFAIRS, MY_NUMBER_DOCUMENT_IDS } from '../domain/my-number/documents';
import { EQUIVALENT_SETUP_IDS } from '../domain/provisions/countries';
import { PROVISION_BASES, PROVISION_EXCEPTION_IDS } from '../domain/provisions/permit-provision';
import { recipientScope } from '../domain/provisions/provision-cessation';
import { RECEIPT_BASES } from '../domain/provisions/record-receipt';
import { RECIPIENT_RELATIONSHIP_IDS } from '../domain/provisions/recipients';
import { RECORD_KEEPING_IDS } from '../domain/provisions/retention';
import { EXPORT_DECISIONS, EXPORT_FORMATS, EXPORT_LINK_LIFETIME_HOURS, EXPORT_MAX_SUBJECTS, EXPORT_MIN_SUBJECTS, EXPORT_STATUSES } from '../domain/exports/rules';
import { DISABLE_REASONS, STAFF_ROLES } from '../domain/staff';

const email = z.email({ error: 'must be an e-mail address, like hanako@example.jp' }).max(254);
const personName = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const requestId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a request id' });
const instant = z.iso.datetime();

/**
 * For a query's from/to pair (ISO dates or instants): `to` must not come before `from`. Checked in the
 * contract so no read reaches the database with a reversed range (DynamoDB refuses such a BETWEEN).
 */
export function orderedRange(value: { from?: string | undefined; to?: string | undefined }, ctx: z.core.$RefinementCtx) {
  if (value.from === undefined || value.to === undefined) return;
  if (Date.parse(value.to) < Date.parse(value.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${value.from})`, input: value.to });
  }
}

const requestBase = {
  requester: z.strictObject({
    kind: z.enum(REQUESTER_KINDS).describe('Who is asking: the person themselves, a legal representative, or an appointed agent.'),
    name: personName,
    email: email.describe('Where the desk sends the confirmation code and the answer: for a request by the person themselves (kind "self") the same address as subject.email, else 422; a representative\'s own address.'),
  }),
  subject: z.strictObject({
    email: email.describe('The address the desk knows the person by.'),
    name: personName.optional(),
  }),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the e-mails; Japanese by default.'),
};

const [firstType, ...otherTypes] = REQUEST_TYPES.map((t) =>
  // A type whose details have a required field (e.g. the grounds of a cessation) needs them sent.
  z.strictObject({ type: z.literal(t.type), details: t.details.safeParse({}).success ? t.details.optional() : t.details, ...requestBase }),
);

export const submitRequestBody = z.discriminatedUnion('type', [firstType!, ...otherTypes]);
export const submitRequestResponse = z.object({ requestId, status: z.literal('awaiting-verification') });

export const requestIdParams = z.strictObject({ requestId });

export const verificationBody = z.strictObject({
  code: z.string().regex(/^\d{6}$/, { error: 'must be the six digits from the e-mail' }),
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

/** Which request types' decisions take details, with each schema's fields, for the OpenAPI text. */
function decisionDetailsSummary(): string {
  return REQUEST_TYPES.flatMap((t) => Object.entries(t.decisionDetails ?? {}).map(([outcome, schema]) => {
    const fields = Object.keys((schema as z.ZodObject).shape ?? {}).join(', ');
    return `${t.type} ${outcome}: {${fields}}`;
  })).join('; ') || 'none yet';
}

const groundLabels = z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() }))
  .describe('The grounds in the words of the Act, in Japanese and English, in the order of `grounds`.');

export const requestStatusResponse = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView.extend({ groundLabels }).optional(),
});

export const staffQueueQuery = z.strictObject({ status: z.enum(REQUEST_STATUSES).optional() });
export const staffQueueResponse = z.object({
  items: z.array(z.object({
    requestId,
    type: z.string(),
    status: z.enum(REQUEST_STATUSES),
    receivedAt: instant.optional(),
    dueAt: instant.optional(),
  })),
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
  answerAddressHeldForCustomer: z.boolean()
    .describe('Whether the code and answers go to an address the desk holds for this customer (the subject\'s own for a request by the person; the representative\'s otherwise). False calls for care before answering.'),
  details: z.record(z.string(), z.unknown()).optional(),
  language: z.enum(LANGUAGES),
  createdAt: instant,
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView.extend({ decidedBy: z.string(), details: z.record(z.string(), z.unknown()).optional(), groundLabels }).optional(),
  assignee: z.string().optional().describe('The operator handling the request.'),
  notes: z.array(requestNoteView).optional(),
  delivery: z.object({
    method: z.enum(DISCLOSURE_METHODS),
    postedOn: z.iso.date().optional(),
    trackingNumber: z.string().optional(),
    postedBy: z.string().optional(),
  }).optional().describe('A fulfilled disclosure: how it is delivered and, on paper, when it was posted.'),
  closedAt: instant.optional(),
  representativeVerification: representativeVerificationView.optional()
    .describe('How a representative\'s authority and identity were checked.'),
  history: z.array(z.object({
    at: instant,
    event: z.string(),
    by: z.string().optional(),
    assignee: z.string().optional(),
    reason: z.string().optional(),
  })),
  decisionOptions: z.object({
    outcomes: z.array(z.enum(DECISION_OUTCOMES)),
    refusalGrounds: z.array(z.object({ ground: z.string(), label: z.object({ ja: z.string(), en: z.string() }) })),
    details: z.partialRecord(z.enum(DECISION_OUTCOMES), z.record(z.string(), z.unknown()))
      .describe('Per outcome, the JSON Schema (draft 2020-12) of the details a decision with that outcome carries; an outcome not named takes none.'),
  }).optional().describe('Only while the request is open: the outcomes and refusal grounds its type allows, and the details each outcome needs (POST …/decision).'),
});

export const decisionBody = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  grounds: z.array(z.string().min(1)).max(10).optional()
    .describe('Refusal grounds valid for the request type; required unless fulfilled.'),
  reason: z.string().trim().min(1).max(4000).optional()
    .describe('Told to the requester (APPI Art. 36); required unless fulfilled.'),
  details: z.record(z.string(), z.unknown()).optional()
    .describe(`What the decision carries for its request type and outcome: ${decisionDetailsSummary()}. Other types and outcomes take none.`),
});
export const decisionResponse = z.object({ requestId, status: z.enum(DECISION_OUTCOMES), decidedAt: instant });

// ---- Handling a request: withdrawal by the requester, assignment and notes by staff ----

export const withdrawalBody = z.strictObject({
  reason: z.string().trim().min(1, { error: 'must not be empty' }).max(2000).optional()
    .describe('Why you withdraw, if you wish to say.'),
}).optional();
export const withdrawalResponse = z.object({ requestId, status: z.literal('withdrawn'), closedAt: instant });

export const assignmentBody = z.strictObject({
  assignee: z.string().trim().min(1, { error: 'must not be empty' }).max(128)
    .describe('The staff id of the operator who will handle the request.'),
});
export const assignmentResponse = z.object({ requestId, status: z.literal('in-progress'), assignee: z.string(), assignedAt: instant });

export const noteBody = z.strictObject({
  text: z.string().trim().min(1, { error: 'must not be empty' }).max(4000).describe('How the request is being handled.'),
});
export const noteResponse = z.object({ requestId, note: requestNoteView });

export const representativeVerificationBody = z.strictObject({
  authorityDocument: z.enum(AUTHORITY_DOCUMENT_IDS)
    .describe('The document that showed the representative\'s authority (APPI Art. 37(3), Cabinet Order Art. 13).'),
  identityDocument: z.enum(IDENTITY_DOCUMENT_IDS)
    .describe('The kind of official document that showed who the representative is. Only the kind is kept.'),
  checkedAt: instant.optional().describe('When the documents were checked; now if left out.'),
});
export const representativeVerificationResponse = z.object({ requestId, representativeVerification: representativeVerificationView });

export const disclosureParams = z.strictObject({
  token: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a disclosure link token' }),
});
const dossierBase = z.object({
  requestId,
  language: z.enum(LANGUAGES),
  subject: z.object({ email: z.string(), name: z.string().optional() }),
  records: z.array(z.object({
    category: z.string(),
    categoryLabel: z.string().optional().describe('The category\'s name in the dossier\'s language; copies compiled before it was added have only the id.'),
    value: z.string(),
    source: z.object({ kind: z.string(), description: z.string(), detail: z.string().optional() }),
    purposes: z.array(z.object({ id: z.string(), description: z.string() })).describe('The purposes this record is used for.'),
    acquiredAt: z.string(),
    linkedAccessInformation: z.boolean().describe('Access information (cookies, web beacons, advertising identifiers) held linked to the person (policy §1).'),
    specialCare: z.boolean().describe('Special care-required information (APPI Art. 2(3)).'),
  })),
  purposesOfUse: z.array(z.object({ id: z.string(), description: z.string() })),
  consents: z.array(z.record(z.string(), z.unknown())),
  provisionRecords: z.array(z.record(z.string(), z.unknown())),
  nothingHeld: z.boolean(),
  generatedAt: instant,
});

// ---- Paper disclosure (APPI Art. 33(1), Enforcement Rules Art. 30) and what a dossier covers (Art. 33(5)) ----

/** The dossier the link and the staff print view serve. */
export const dossierResponse = dossierBase.partial({ records: true, purposesOfUse: true, consents: true, provisionRecords: true }).extend({
  covers: z.array(z.enum(DISCLOSURE_RECORDS)).describe('The parts the person asked for; a part not asked for is left out.'),
  provisionRecordsLabel: z.string().optional().describe('Third-party provision records (APPI Art. 33(5)).'),
  withheld: z.object({
    categories: z.array(z.object({ id: z.string(), label: z.string() })),
    grounds: z.array(z.object({ id: z.string(), label: z.string() })),
    reason: z.string(),
  }).optional().describe('What a partial decision withheld, on which grounds and why (APPI Art. 33(3), 36).'),
});
export const postingBody = z.strictObject({
  postedOn: z.iso.date().optional().describe('The Japan date the copy was posted, YYYY-MM-DD; today (Japan time) by default.'),
  trackingNumber: z.string().trim().min(1, { error: 'must not be empty' }).max(64).optional()
    .describe('The postal service\'s tracking number, if the copy was sent by a tracked service.'),
}).optional();
export const postingResponse = z.object({ requestId, postedOn: z.iso.date(), trackingNumber: z.string().optional() });

export const privacyNoticeResponse = z.object({ version: z.string() }).catchall(z.unknown());
export const openApiResponse = z.record(z.string(), z.unknown());

export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}).describe('RFC 9457 problem details');

// ---- Personal data registry (policy §1, §2) ----

const subjectId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, { error: 'is not a subject id (letters, digits, _ . : -)' });
const recordId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:#-]+$/, { error: 'is not a record id (letters, digits, _ . : # -)' });
const purposeId = z.string().regex(PURPOSE_ID_PATTERN, { error: 'is not a purpose id (lower-case words joined by hyphens)' });
const justification = z.string().trim().min(10, { error: 'must say why, in at least 10 characters' }).max(2000);

/** Large enough for any field of a record; a document belongs in a document store, not here. */
export const MAX_RECORD_VALUE_CHARS = 2000;
/** One registration is one transaction (max 100 items); 25 records leaves room for what goes with them. */
export const MAX_RECORDS_PER_REGISTRATION = 25;

const specialCareBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('consent'), consentId: z.string().min(1).max(200).describe('The consent event on file for this subject.') }),
  z.strictObject({ kind: z.literal('legal-exception'), exception: z.enum(SPECIAL_CARE_EXCEPTION_IDS), justification }),
]).describe('Required for special care-required information (APPI Art. 2(3), 20(2)).');

export const personalDataRecordInput = z.strictObject({
  recordId: recordId.optional().describe('The registering system\'s own id; registering it again replaces the record.'),
  category: z.enum(CATEGORY_IDS),
  value: z.string().min(1).max(MAX_RECORD_VALUE_CHARS, { error: `must be at most ${MAX_RECORD_VALUE_CHARS} characters` }),
  source: z.enum(ACQUISITION_SOURCE_IDS).describe('Policy §1: where the data came from.'),
  sourceDetail: z.string().trim().min(1).max(500).optional().describe('Who or what exactly, e.g. "Web sign-up form".'),
  purposes: z.array(purposeId).min(1).max(20).describe('Registered, active purposes of use.'),
  acquiredAt: instant,
  basis: specialCareBasis.optional(),
});
const registeredRecords = z.array(personalDataRecordInput).min(1).max(MAX_RECORDS_PER_REGISTRATION);

export const subjectParams = z.strictObject({ subjectId });
export const registerPersonalDataBody = z.strictObject({ subjectId, records: registeredRecords });
export const staffRegisterPersonalDataBody = z.strictObject({ records: registeredRecords });
export const registerPersonalDataResponse = z.object({
  subjectId,
  records: z.array(z.object({ recordId, category: z.string(), expiresAt: instant.optional().describe('Absent while a purpose is not yet achieved.') })),
});

export const subjectEventBody = z.strictObject({
  event: z.enum(['contract-ended', 'activity']).describe('contract-ended starts the contract-end purposes\' clocks; activity moves last-activity forward.'),
  at: instant,
});
export const subjectEventResponse = z.object({
  subjectId,
  recordsRecomputed: z.number().int().describe('How many of the subject\'s live records got a new expiry.'),
});

export const useCheckBody = z.strictObject({
  subjectId,
  category: z.enum(CATEGORY_IDS),
  purpose: purposeId,
  exception: z.strictObject({
    kind: z.enum(USE_EXCEPTION_IDS).describe('Policy §2(2): a use beyond the purposes only in these cases.'),
    justification,
    consentId: z.string().min(1).max(200).optional().describe('For kind "consent": the consent event on file.'),
  }).optional(),
});
export const useCheckResponse = z.object({
  allowed: z.boolean(),
  reason: z.enum(USE_CHECK_REASONS),
  detail: z.string(),
  checkedAt: instant,
  exceptionRecordId: z.string().optional().describe('The evidence item recording an allowed exception.'),
});

// ---- Staff views of a subject (access-logged with a reason) ----

const readReason = {
  requestId: requestId.optional().describe('The request this read serves.'),
  purpose: purposeId.optional().describe('Or the purpose of use this read serves.'),
};
const hasOneReason = (q: { requestId?: string; purpose?: string }) => !!q.requestId !== !!q.purpose;
const oneReason = { error: 'give exactly one reason for reading personal data: requestId or purpose', path: ['requestId'] };

export const subjectViewQuery = z.strictObject(readReason).refine(hasOneReason, oneReason);
export const subjectSearchQuery = z.strictObject({
  email: email.optional(),
  customerId: z.string().min(1).max(128).optional(),
  ...readReason,
}).refine(hasOneReason, oneReason).refine((q) => !!q.email !== !!q.customerId, { error: 'search by exactly one of email or customerId', path: ['email'] });

const storedRecordView = z.object({
  recordId,
  category: z.string(),
  value: z.string(),
  source: z.string(),
  sourceDetail: z.string().optional(),
  purposes: z.array(z.string()),
  acquiredAt: z.string(),
  linkedAccessInformation: z.boolean(),
  specialCare: z.boolean(),
  basis: specialCareBasis.optional(),
  expiresAt: instant.optional(),
  registeredBy: z.string().optional(),
});
export const subjectViewResponse = z.object({
  subjectId,
  lifecycle: z.record(z.string(), z.unknown()),
  records: z.array(storedRecordView),
  consents: z.array(z.record(z.string(), z.unknown())),
  provisionRecords: z.array(z.record(z.string(), z.unknown())),
});
export const subjectSearchResponse = z.object({
  items: z.array(z.object({ subjectId, categories: z.array(z.string()), records: z.number().int() })),
});

// ---- Purpose registry (policy §2(1), (3), (4)) ----

const achievementRule = z.strictObject({
  after: z.enum(ACHIEVEMENT_EVENTS),
  days: z.number().int().min(0).max(36500),
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
  achievement: z.object({ after: z.enum(ACHIEVEMENT_EVENTS), days: z.number().int() }),
  effectiveFrom: instant,
  publishedBy: z.string(),
  change: z.object({ kind: z.enum(['created', 'changed', 'retired']), note: z.string() }),
  retiredAt: instant.optional(),
});
export const purposeResponse = purposeVersionView;
export const purposeListResponse = z.object({ items: z.array(purposeVersionView.extend({ history: z.array(purposeVersionView) })) });

// ---- My Number (My Number Act Art. 9, 19, 20) ----

export const myNumberRegistrationBody = z.strictObject({
  subjectId,
  affair: z.enum(MY_NUMBER_AFFAIRS, { error: `is not a statutory affair: My Number is accepted only for ${MY_NUMBER_AFFAIRS.join(' and ')} (My Number Act Art. 9)` }),
  document: z.enum(MY_NUMBER_DOCUMENT_IDS),
  documentDate: z.iso.date().describe('The date retention counts from (YYYY-MM-DD): for the dependant-deduction declaration a date in the tax year it is for (its filing deadline falls in that year, Income Tax Act Enforcement Regulations Art. 76-3); for insurance notifications the date the procedure was completed.'),
  number: z.string().refine(isValidIndividualNumber, { error: 'is not a valid Individual Number (12 digits with a correct check digit)' }),
  // A refinement, not a literal: the 400 problem states a literal's allowed values but drops its message, and this refusal must say why.
  basis: z.string()
    .refine((value) => value === 'statutory-affair', { error: 'must be "statutory-affair": consent is never a basis for handling My Number (My Number Act Art. 19)' })
    .meta({ enum: ['statutory-affair'] })
    .optional(),
});
export const myNumberRegistrationResponse = z.object({ subjectId, documentId: z.string(), retainUntil: instant });
export const myNumberQuery = z.strictObject({
  requestId: readReason.requestId,
  affair: z.enum(MY_NUMBER_AFFAIRS).optional().describe('Or the statutory affair the read serves; only that affair\'s documents are returned.'),
}).refine((q) => !!q.requestId !== !!q.affair, { error: 'give exactly one reason for reading Individual Numbers: requestId or affair', path: ['requestId'] });
export const myNumberResponse = z.object({
  subjectId,
  documents: z.array(z.object({
    documentId: z.string(),
    affair: z.enum(MY_NUMBER_AFFAIRS),
    document: z.enum(MY_NUMBER_DOCUMENT_IDS),
    documentDate: z.string(),
    number: z.string(),
    retainUntil: instant,
  })),
});

// ---- The desk report (issue 4 item 6) ----

const japanDate = z.iso.date().describe('A Japan calendar date, YYYY-MM-DD; the whole day counts.');
export const requestReportQuery = z.strictObject({
  from: japanDate.optional().describe('First day of arrival (createdAt) counted; by default 90 days before to.'),
  to: japanDate.optional().describe('Last day of arrival counted; by default now.'),
}).superRefine(orderedRange);
const nullableFigure = z.number().nullable();
export const requestReportResponse = z.object({
  from: instant,
  to: instant,
  generatedAt: instant,
  counts: z.object({
    total: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
    byTypeAndStatus: z.array(z.object({ type: z.string(), status: z.enum(REQUEST_STATUSES), count: z.number().int() })),
  }).describe('Requests made within the range.'),
  timeToDecision: z.object({
    decided: z.number().int(),
    medianHours: nullableFigure,
    p95Hours: nullableFigure,
    medianDeskDays: nullableFigure,
    p95DeskDays: nullableFigure,
  }).describe('decidedAt - receivedAt of the decided requests within the range; nearest-rank percentiles; null when none was decided.'),
  overdue: z.array(z.object({
    requestId,
    type: z.string(),
    status: z.enum(REQUEST_STATUSES),
    dueAt: instant,
    daysOverdue: z.number().int().describe('Calendar days since dueAt, a started day counted.'),
  })).describe('Open requests past their due date, whenever they were made; most overdue first.'),
  undeliverable: z.array(z.object({
    messageId: z.string(),
    kind: z.string().describe('What the e-mail was about (the outbox topic), e.g. decision-fulfilled.'),
    requestId: requestId.nullable(),
    createdAt: instant,
    setAsideAt: instant.nullable(),
    attempts: z.number().int(),
    reason: z.string().nullable().describe('The last error name, or SendOutcomeUnknown when SES may have taken it: check before sending again.'),
  })).describe('E-mails set aside as undeliverable, whenever written, oldest first; no address, no body.'),
});

// ---- Consent ledger (issue 5: policy §2(2), §5; APPI Art. 27, 28(2), 31) ----

const consentId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a consent id' });
const foreignInformation = z.strictObject({
  country: z.string().trim().min(1).max(200).describe('The recipient\'s country, or "unknown" with unknownReason (Enforcement Rules Art. 17(3)).'),
  protectionSystem: z.string().trim().max(4000).optional().describe('That country\'s system for protecting personal information, as the person was told it.'),
  recipientMeasures: z.string().trim().max(4000).optional().describe('The recipient\'s protective measures, as the person was told them.'),
  unknownReason: z.string().trim().max(4000).optional(),
});
const consentGiven = {
  action: z.literal('given'),
  purpose: z.string().min(1).max(64).optional().describe('A registered, active purpose of use.'),
  recipient: z.string().min(1).max(64).optional().describe('A recipient registered in the recipient registry (GET /v1/staff/recipients).'),
  linkage: z.enum(CONSENT_LINKAGES).optional().describe('Consent to linking access information to the person: by the desk (policy §1), or, with `recipient`, by that recipient (APPI Art. 31).'),
  foreignInformation: foreignInformation.optional().describe('Required exactly for a recipient abroad without an equivalent country or setup (APPI Art. 28(2)).'),
  noticeVersion: z.string().min(1).max(32).describe('The privacy notice version shown to the person.'),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the receipt; Japanese by default.'),
};
const consentWithdrawn = {
  action: z.literal('withdrawn'),
  withdraws: consentId.describe('The consent in force this withdraws.'),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the receipt; Japanese by default.'),
};
const webButton = z.literal('web-button').default('web-button').describe('Company systems record consents given with a button on the web.');
const staffMethod = z.enum(['written', 'oral']).describe('How the person gave it to staff (PPC Guidelines (General Rules) 2-16).');

export const systemConsentBody = z.discriminatedUnion('action', [
  z.strictObject({ subjectId, ...consentGiven, method: webButton }),
  z.strictObject({ subjectId, ...consentWithdrawn, method: webButton }),
]);

export const staffConsentBody = z.discriminatedUnion('action', [
  z.strictObject({ ...consentGiven, method: staffMethod }),
  z.strictObject({ ...consentWithdrawn, method: staffMethod }),
]);

const consentCoverage = z.object({
  purpose: z.string().optional(),
  recipient: z.string().optional(),
  linkage: z.enum(CONSENT_LINKAGES).optional(),
});

export const recordedConsentResponse = z.object({
  eventId: z.string(),
  subjectId: z.string(),
  action: z.enum(['given', 'withdrawn']),
  covers: consentCoverage,
  withdraws: z.string().optional(),
  noticeVersion: z.string(),
  method: z.string(),
  collectedBy: z.string(),
  at: instant,
  receipt: z.enum(['e-mailed', 'no-address-held']).describe('Whether the receipt was e-mailed to the address the desk holds, or none is held.'),
});

// ---- Self-service of consents (issue 5 item 2) ----

export const subjectSessionBody = z.strictObject({
  email,
  language: z.enum(LANGUAGES).default('ja').describe('Language of the e-mails; Japanese by default.'),
});

export const subjectSessionResponse = z.object({
  sessionId: z.string().describe('Confirm it with the code e-mailed to the address; the answer is the same whether or not the desk knows it.'),
});

export const sessionParams = z.strictObject({ sessionId: requestId });

export const subjectTokenResponse = z.object({
  subjectToken: z.string().describe('Send as "Authorization: Bearer <token>" to /v1/me routes.'),
  expiresAt: instant,
});

const countryStanding = z.enum(['domestic', 'equivalent-country', 'equivalent-setup', 'foreign']);

export const myConsentsResponse = z.object({
  items: z.array(z.object({
    consentId: z.string(),
    covers: consentCoverage,
    recipient: z.object({
      recipientId: z.string(),
      name: z.string().optional(),
      country: z.string().optional().describe('ISO 3166-1 alpha-2; JP for a recipient in Japan.'),
      countryStanding: countryStanding.optional().describe('Where the country stands under APPI Art. 28.'),
    }).optional().describe('For a consent to provision: to whom the data goes, as the recipient registry holds it (APPI Art. 27(1)); only the id if the registry no longer holds it.'),
    status: z.enum(['in-force', 'withdrawn']),
    givenAt: instant,
    noticeVersion: z.string(),
    method: z.string(),
    foreignInformation: z.object({
      country: z.string(), protectionSystem: z.string().optional(), recipientMeasures: z.string().optional(), unknownReason: z.string().optional(),
    }).optional(),
    withdrawnAt: instant.optional(),
  })),
  tokenExpiresAt: instant,
});

export const consentParams = z.strictObject({ consentId });

// ---- Third-party provision: the recipient registry and the provision guard (policy §4, §5; APPI Art. 27-29) ----

/** A provision is one transaction of its records (max 100 items): one per subject. */
export const MAX_SUBJECTS_PER_PROVISION = 100;

const recipientId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'is not a recipient id (lower-case letters, digits and hyphens)' });
const partyText = z.string().trim().min(1, { error: 'must not be empty' }).max(500);
const namedParty = { name: partyText, address: partyText, representative: partyText.describe('For a corporation, its representative (Enforcement Rules Art. 20).') };
const categories = z.array(z.enum(CATEGORY_IDS)).min(1).max(CATEGORY_IDS.length);

export const recipientBody = z.strictObject({
  recipientId,
  ...namedParty,
  relationship: z.enum(RECIPIENT_RELATIONSHIP_IDS).describe('third-party, or not a third party (APPI Art. 27(5)): outsourcing, merger, joint-use.'),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code, like JP or DE' }),
  equivalentSetup: z.enum(EQUIVALENT_SETUP_IDS).optional().describe('For a recipient abroad: the setup equivalent to the Act\'s duties it has (Enforcement Rules Art. 16).'),
  jointUse: z.strictObject({
    items: categories,
    jointUsers: partyText.describe('The scope of the joint users.'),
    purpose: partyText,
    responsiblePerson: z.strictObject(namedParty),
  }).optional().describe('Required for joint use: what is published (APPI Art. 27(5)(iii)).'),
  optOut: z.strictObject({
    notifiedOn: z.iso.date().describe('The day the PPC was notified (APPI Art. 27(2)).'),
    items: categories,
    acquisitionMethod: partyText,
    provisionMethod: partyText,
    requestMethod: partyText,
    updateMethod: partyText,
    startsOn: z.iso.date(),
  }).optional().describe('For a third party: the opt-out registration and its published items (APPI Art. 27(2), Enforcement Rules Art. 11(4)).'),
  recordKeeping: z.enum(RECORD_KEEPING_IDS).default('per-provision').describe('Enforcement Rules Art. 19: a record per provision, a bulk record of repeated provision, or the contract standing in.'),
  contractReference: partyText.optional().describe('With recordKeeping "contract": the contract that stands in for the record.'),
});
const recipientView = recipientBody.extend({
  recordKeeping: z.enum(RECORD_KEEPING_IDS),
  countryStanding,
  registeredBy: z.string(),
  registeredAt: instant,
});
export const recipientResponse = recipientView;
export const recipientListResponse = z.object({ items: z.array(recipientView) });

const provisionStop = z.object({ requestId: z.string(), at: instant });
export const provisionCessationLiftBody = z.strictObject({
  recipients: recipientScope.describe('Which stops to lift: every stop (scope "all"), or those to the recipients named.'),
  reason: z.string().trim().min(1).max(2000).describe('Why the cessation no longer applies (the person asked to resume, the ground is gone); kept with the lift.'),
});
export const provisionCessationLiftResponse = z.object({
  subjectId,
  scope: recipientScope,
  lifted: z.array(provisionStop.extend({ recipient: z.string().describe('"all" for the stop to every third party, else a recipient id.') })),
  reason: z.string(),
  by: z.string(),
  at: instant,
  cessationOfProvision: z.object({ all: provisionStop.optional(), recipients: z.record(z.string(), provisionStop).optional() }).nullable()
    .describe('What still stands after the lift; null when nothing does.'),
});

export const provisionBody = z.strictObject({
  recipient: recipientId,
  subjects: z.array(subjectId).min(1).max(MAX_SUBJECTS_PER_PROVISION)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must name each subject once' }),
  items: categories.describe('The categories of personal data provided.'),
  purpose: purposeId,
  basis: z.enum(PROVISION_BASES).describe('consent, an exception of APPI Art. 27(1), opt-out (Art. 27(2)), not-third-party (Art. 27(5)), or linkage-consent for access information the recipient will link to the person (Art. 31).'),
  exception: z.enum(PROVISION_EXCEPTION_IDS).optional().describe('With basis "exception".'),
  justification: justification.optional().describe('With basis "exception": why it applies; kept as evidence.'),
});
export const provisionResponse = z.object({
  provisionId: z.string(),
  recipient: recipientId,
  basis: z.enum(PROVISION_BASES),
  providedAt: instant,
  evidenceId: z.string().optional().describe('For an exception or a recipient that is not a third party: the evidence kept instead of a record.'),
  results: z.array(z.object({
    subjectId,
    basis: z.enum(PROVISION_BASES),
    detail: z.string(),
    recordId: z.string().optional().describe('The record of provision (APPI Art. 29).'),
    consentId: z.string().optional(),
  })),
});

export const receiptBody = z.strictObject({
  providerId: recipientId.describe('The receiving system\'s own id for the provider; a bulk or contract record is kept per provider.'),
  provider: z.strictObject(namedParty).describe('Confirmed under APPI Art. 30(1)(i).'),
  subjects: provisionBody.shape.subjects,
  items: categories.describe('The categories of personal data received.'),
  basis: z.enum(RECEIPT_BASES).describe('How the provider handed the data over: on the person\'s consent, or by its opt-out registration.'),
  acquisition: partyText.describe('How the provider acquired the data, as confirmed (APPI Art. 30(1)(ii)).'),
  evidenceReference: partyText.describe('The document or other evidence the confirmation rests on.'),
  recordKeeping: z.enum(RECORD_KEEPING_IDS).default('per-provision'),
  contractReference: partyText.optional(),
});
export const receiptResponse = z.object({
  receiptId: z.string(),
  receivedAt: instant,
  results: z.array(z.object({ subjectId, recordId: z.string(), expiresAt: instant.describe('When the record of receipt is erased (Enforcement Rules Art. 25).') })),
});

export const provisionRecordQuery = z.strictObject({
  subjectId: subjectId.optional().describe('The person whose records are read; or give counterparty to read a recipient\'s or provider\'s records across people.'),
  requestId: requestId.optional().describe('With subjectId: the open request about this person that the read serves (e.g. a disclosure of provision records, APPI Art. 33(5)).'),
  reason: z.string().trim().min(10, { error: 'must say why the records are read, in at least 10 characters' }).max(200).optional().describe('With counterparty alone: why a recipient\'s or provider\'s records are read across people, kept in the access log, e.g. "PPC inquiry about Partner".'),
  direction: z.enum(['provided', 'received']).optional(),
  counterparty: recipientId.optional().describe('A recipient\'s or provider\'s id.'),
  from: z.iso.date().optional().describe('Japan date, inclusive.'),
  to: z.iso.date().optional().describe('Japan date, inclusive.'),
}).refine((q) => q.subjectId !== undefined || q.counterparty !== undefined, {
  error: 'give subjectId, counterparty or both: which records to read', path: ['subjectId'],
}).superRefine(orderedRange);
export const provisionRecordListResponse = z.object({
  subjectId: subjectId.optional(),
  counterparty: recipientId.optional(),
  items: z.array(z.object({ recordId: z.string(), direction: z.enum(['provided', 'received']), counterparty: z.string(), items: z.array(z.string()), basis: z.string(), date: z.string(), expiresAt: instant.optional() }).catchall(z.unknown())),
});

// Exports (issue 6 item 6): taking several subjects' data out, approved by the officer.
const exportId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not an export id' });
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

export const exportRequestBody = z.strictObject({
  subjectIds: z.array(subjectId)
    .min(EXPORT_MIN_SUBJECTS, { error: `must name at least ${EXPORT_MIN_SUBJECTS} subjects; read one subject through GET /v1/staff/subjects/{subjectId}` })
    .max(EXPORT_MAX_SUBJECTS, { error: `must name at most ${EXPORT_MAX_SUBJECTS} subjects (desk policy); split a larger export into several requests` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must name each subject once' }),
  categories: z.array(z.string().min(1).max(64).regex(/^[a-z-]+$/, { error: 'is not a category id' })).min(1).max(CATEGORY_IDS.length).optional()
    .describe('The categories to export; all ordinary personal data and access information when absent. Special care-required categories and My Number are refused (422).'),
  ...readReason,
  format: z.enum(EXPORT_FORMATS).default('json'),
  note: z.string().trim().min(1).max(1000).optional().describe('For the officer: what the export is for and where it goes.'),
}).refine(hasOneReason, oneReason);
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
  reason: z.string().trim().min(10, { error: 'must say why, in at least 10 characters' }).max(1000).describe('Kept with the decision; a refusal\'s reason is e-mailed to the requester.'),
});
export const exportDecisionResponse = z.object({
  exportId,
  status: z.enum(EXPORT_DECISIONS),
  decidedBy: z.string(),
  decidedAt: instant,
  linkExpiresAt: instant.optional().describe(`On approval: the e-mailed link works once until then (${EXPORT_LINK_LIFETIME_HOURS} hours).`),
});

export const exportDownloadParams = z.strictObject({
  exportId,
  token: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a download link token' }),
});
export const exportFileResponse = z.object({
  exportId,
  generatedAt: instant,
  reason: z.string(),
  categories: z.array(z.string()).describe('The categories the file holds.'),
  subjects: z.array(z.object({
    subjectId,
    records: z.array(storedRecordView.pick({ recordId: true, category: true, value: true, source: true, sourceDetail: true, purposes: true, acquiredAt: true })),
  })),
}).describe('JSON; or CSV (subjectId, recordId, category, value, source, sourceDetail, purposes, acquiredAt) when the export asked for csv.');
// ---- Staff accounts (issue 6 item 1; policy §6(1)) ----

const staffId = z.string().regex(/^[a-z][a-z0-9._-]{1,63}$/, { error: 'must be 2-64 lower-case letters, digits, ".", "_" or "-", starting with a letter' })
  .describe('The staff member\'s username (Cognito username in AWS).');
const accountReason = z.string().trim().min(1, { error: 'must say why' }).max(500);

export const staffAccountParams = z.strictObject({ staffId });
export const createStaffAccountBody = z.strictObject({
  staffId,
  displayName: personName,
  email: email.describe('Where the temporary password goes.'),
  role: z.enum(STAFF_ROLES),
});
export const staffRoleBody = z.strictObject({
  role: z.enum(STAFF_ROLES),
  reason: accountReason.describe('Why the role changes, e.g. "Transferred to the audit team"; kept in the access log and e-mailed to the officer.'),
});
export const staffDisablingBody = z.strictObject({
  reason: z.enum(DISABLE_REASONS).describe('Policy §6(1): transferred or retired employees\' accounts are disabled at once.'),
  note: accountReason.optional(),
});
export const staffEnablingBody = z.strictObject({
  reason: accountReason.describe('Why the account is enabled again, e.g. "Back from leave".'),
});
export const officerGrantDecisionBody = z.strictObject({
  confirm: z.boolean().describe('true grants the pending officer role (only an officer other than the one who asked); false declines it.'),
  reason: accountReason.optional(),
});
const staffAccount = z.object({
  staffId,
  displayName: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(['active', 'disabled']),
  passwordChangedAt: instant,
  version: z.number().int(),
  createdAt: instant.optional(),
  createdBy: z.string().optional(),
  disabledAt: instant.optional(),
  disabledBy: z.string().optional(),
  disabledReason: z.enum(DISABLE_REASONS).optional(),
  roleConfirmedAt: instant.optional(),
  roleConfirmedBy: z.string().optional().describe('The second officer who confirmed the officer role.'),
  pendingOfficerGrant: z.object({
    requestedBy: z.string(),
    requestedAt: instant,
    expiresAt: instant,
    reason: z.string().optional(),
  }).optional().describe('The officer role asked for, not yet confirmed by another officer: the account has no officer powers until then.'),
});
export const staffAccountResponse = staffAccount;
export const staffAccountChangeResponse = staffAccount.extend({
  signInUpdated: z.boolean().describe('False when the staff table changed (so the change already holds at every call) but the user pool did not follow; repeat it in the user pool.'),
});
export const staffAccountListResponse = z.object({ items: z.array(staffAccount) });
// The access log (issue 6 item 4): listing and verification, for the officer and auditors.
const accessLogInstant = z.iso.datetime({ offset: true });
export const accessLogQuery = z.strictObject({
  from: accessLogInstant.optional().describe('Start of the window (ISO 8601 instant); by default 24 hours before to. At most 31 days before to.'),
  to: accessLogInstant.optional().describe('End of the window; by default now.'),
  actor: z.string().min(1).max(200).optional().describe('Only entries by this staff member (staff id) or system principal.'),
  subject: z.string().min(1).max(200).optional().describe('Only entries naming this opaque subject id (e.g. a subjectId, or request:<requestId>).'),
  limit: z.coerce.number().int().min(1).max(500).optional().describe('Entries per page; 100 by default.'),
  cursor: z.string().min(1).max(2000).optional().describe('The nextCursor of the previous page, sent with the same filters.'),
}).superRefine(orderedRange);
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
});
export const accessLogResponse = z.object({
  from: instant,
  to: instant,
  items: z.array(accessLogEntry).describe('Newest first.'),
  nextCursor: z.string().optional().describe('Present when more entries may follow: send it as cursor.'),
});
export const accessLogVerifyBody = z.strictObject({
  from: z.iso.date().optional().describe('Verify from the first digest taken on this Japan date on (its chain heads anchor each chain), instead of from the first entry.'),
}).optional();
const chainHead = z.object({ chainId: z.string(), seq: z.number().int(), hash: z.string() });
export const accessLogVerifyResponse = z.union([
  z.object({
    verified: z.literal(true),
    from: z.iso.date().nullable(),
    chains: z.array(chainHead.extend({ entriesChecked: z.number().int() })).describe('Each chain\'s head as verified.'),
    digestsChecked: z.number().int(),
    latestDigestAt: instant.nullable().describe('When the latest digest was taken: entries appended since are not yet anchored by one (at most one digest interval).'),
    checkedAt: instant,
  }),
  z.object({
    verified: z.literal(false),
    from: z.iso.date().nullable(),
    firstBrokenLink: z.object({
      problem: z.enum(['hash-mismatch', 'missing-entry', 'out-of-order', 'previous-hash-mismatch', 'digest-mismatch', 'digest-altered', 'digest-chain-broken']),
      chainId: z.string().optional(),
      seq: z.number().int().optional(),
      digestDate: z.iso.date().optional(),
      digestSlot: instant.optional().describe('The interval the digest at fault, or showing the fault, was taken in.'),
      detail: z.string(),
    }),
    checkedAt: instant,
  }),
]);
