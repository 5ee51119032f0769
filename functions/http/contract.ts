// The public contract (DESIGN §5) as zod schemas: handlers validate with them, and the OpenAPI
// document is generated from them, so the documentation is the validation.
import * as z from 'zod';
import { DECISION_OUTCOMES, LANGUAGES, REQUEST_STATUSES, REQUESTER_KINDS } from '../domain/requests/request';
import { REQUEST_TYPES } from '../domain/requests/request-types';

const email = z.email({ error: 'must be an e-mail address, like hanako@example.jp' }).max(254);
const personName = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const requestId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a request id' });
const instant = z.iso.datetime();

const requestBase = {
  requester: z.strictObject({
    kind: z.enum(REQUESTER_KINDS).describe('Who is asking: the person themselves, a legal representative, or an appointed agent.'),
    name: personName,
    email: email.describe('Where the desk sends the confirmation code and the answer.'),
  }),
  subject: z.strictObject({
    email: email.describe('The address the desk knows the person by.'),
    name: personName.optional(),
  }),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the e-mails; Japanese by default.'),
};

const [firstType, ...otherTypes] = REQUEST_TYPES.map((t) =>
  z.strictObject({ type: z.literal(t.type), details: t.details.optional(), ...requestBase }),
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

export const requestStatusResponse = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView.optional(),
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

export const staffRequestResponse = z.object({
  requestId,
  type: z.string(),
  status: z.enum(REQUEST_STATUSES),
  requester: z.object({ kind: z.enum(REQUESTER_KINDS), name: z.string(), email: z.string() }),
  subject: z.object({ email: z.string(), name: z.string().optional() }),
  details: z.record(z.string(), z.unknown()).optional(),
  language: z.enum(LANGUAGES),
  createdAt: instant,
  receivedAt: instant.optional(),
  dueAt: instant.optional(),
  decision: decisionView.extend({ decidedBy: z.string() }).optional(),
  history: z.array(z.object({ at: instant, event: z.string(), by: z.string().optional() })),
});

export const decisionBody = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  grounds: z.array(z.string().min(1)).max(10).optional()
    .describe('Refusal grounds valid for the request type; required unless fulfilled.'),
  reason: z.string().trim().min(1).max(4000).optional()
    .describe('Told to the requester (APPI Art. 36); required unless fulfilled.'),
});
export const decisionResponse = z.object({ requestId, status: z.enum(DECISION_OUTCOMES), decidedAt: instant });

export const disclosureParams = z.strictObject({
  token: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a disclosure link token' }),
});
export const dossierResponse = z.object({
  requestId,
  language: z.enum(LANGUAGES),
  subject: z.object({ email: z.string(), name: z.string().optional() }),
  records: z.array(z.object({
    category: z.string(),
    value: z.string(),
    source: z.object({ kind: z.string(), description: z.string(), detail: z.string().optional() }),
    purposes: z.array(z.object({ id: z.string(), description: z.string() })),
    acquiredAt: z.string(),
  })),
  purposesOfUse: z.array(z.object({ id: z.string(), description: z.string() })),
  consents: z.array(z.record(z.string(), z.unknown())),
  provisionRecords: z.array(z.record(z.string(), z.unknown())),
  nothingHeld: z.boolean(),
  generatedAt: instant,
});

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
