// The OpenDSR messages as zod schemas, bounded so that a holder's answer or a callback cannot make the
// desk hold more than a protocol message needs (OpenDSR specification.md §5–§9), and the one mapping
// from a fulfilment task to the request a holder receives. Hashing follows §5.2: sha256 of the
// normalised identity, lowercase hex, so the desk and the holder hash the same string.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import {
  type Holder,
  OPENDSR_IDENTITY_FORMATS,
  OPENDSR_REQUEST_TYPES,
  type OpenDsrIdentityKind,
  type OpenDsrRequestType,
} from '../holders/holder';
import {
  OPENDSR_STATUSES,
  type OpenDsrCallback,
  type OpenDsrCancellation,
  type OpenDsrIdentity,
  type OpenDsrReceipt,
  type OpenDsrRequest,
  type OpenDsrStatus,
} from './opendsr';
import type { FulfilmentTask, TaskInstruction } from './task';

/** The regulation the desk's requests are covered by (OpenDSR §7.1.1 names gdpr and ccpa; the desk adds appi). */
export const OPENDSR_REGULATION = 'appi';
/** The protocol version the desk speaks (OpenDSR §3.4: the major version is in the base URL). */
export const OPENDSR_API_VERSION = '2.0';

/** Bounds of one protocol message: far above a real one, far below what would hurt a Lambda. */
export const OPENDSR_LIMITS = {
  /** Bytes of a request, receipt, status, callback or cancellation. */
  messageBytes: 64 * 1024,
  /** Bytes of a results document (a disclosure's records at one holder). */
  resultsBytes: 1024 * 1024,
  identities: 20,
  callbackUrls: 5,
  resultRecords: 2000,
} as const;

const text = (max: number) => z.string().min(1).max(max);
/** RFC 3339 with an offset or Z (OpenDSR §7.1.1 submitted_time, §7.3 received_time). */
const rfc3339 = z.iso.datetime({ offset: true });
/** OpenDSR §1.1: GUIDs are lowercase UUID v4. */
export const subjectRequestIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lowercase UUID v4');
const url = z.url({ protocol: /^https?$/ }).max(2048);

export const identityKindSchema = z.object({
  identity_type: text(64),
  identity_format: z.enum(OPENDSR_IDENTITY_FORMATS),
});

export const identitySchema = identityKindSchema.extend({ identity_value: text(320) });

/** §6.3: what a processor says about itself. Unknown request types and identity kinds are kept as strings. */
export const discoverySchema = z.object({
  api_version: text(32),
  supported_identities: z.array(identityKindSchema).min(1).max(32),
  supported_subject_request_types: z.array(text(32)).min(1).max(16),
  processor_certificate: url,
});
export type OpenDsrDiscovery = z.infer<typeof discoverySchema>;

/** The request types and identity kinds of a discovery answer the desk can use. */
export function discoveredCapabilities(discovery: OpenDsrDiscovery): {
  supportedRequestTypes: OpenDsrRequestType[];
  supportedIdentities: OpenDsrIdentityKind[];
} {
  const types = new Set<string>(OPENDSR_REQUEST_TYPES);
  return {
    supportedRequestTypes: [...new Set(discovery.supported_subject_request_types)].filter(
      (t): t is OpenDsrRequestType => types.has(t),
    ),
    supportedIdentities: discovery.supported_identities.map((i) => ({
      identity_type: i.identity_type,
      identity_format: i.identity_format,
    })),
  };
}

/** §7.1.1. Extensions are objects keyed by a domain; their size is bounded by the message's. */
export const requestSchema = z.object({
  regulation: text(32),
  subject_request_id: subjectRequestIdSchema,
  subject_request_type: z.enum(OPENDSR_REQUEST_TYPES),
  submitted_time: rfc3339,
  subject_identities: z.array(identitySchema).min(1).max(OPENDSR_LIMITS.identities),
  api_version: text(32).optional(),
  status_callback_urls: z.array(url).max(OPENDSR_LIMITS.callbackUrls).optional(),
  extensions: z.record(text(253), z.record(z.string().max(64), z.unknown())).optional(),
}) satisfies z.ZodType<OpenDsrRequest>;

/** §7.3. encoded_request is accepted and dropped: the desk must not store or log it. */
export const receiptSchema = z
  .object({
    controller_id: text(256),
    expected_completion_time: rfc3339,
    received_time: rfc3339,
    subject_request_id: subjectRequestIdSchema,
    encoded_request: z.string().optional(),
  })
  .transform(({ encoded_request: _dropped, ...receipt }): OpenDsrReceipt => receipt);

const statusFields = {
  controller_id: text(256),
  expected_completion_time: rfc3339,
  subject_request_id: subjectRequestIdSchema,
  request_status: z.enum(OPENDSR_STATUSES),
  api_version: text(32).optional(),
  results_url: url.optional(),
  results_count: z.number().int().min(0).max(10_000_000).optional(),
};

/** §8.3. */
export const statusSchema = z.object(statusFields) satisfies z.ZodType<OpenDsrStatus>;
/** §8.6. */
export const callbackSchema = z.object({
  ...statusFields,
  status_callback_url: url,
}) satisfies z.ZodType<OpenDsrCallback>;
/** §9.2. */
export const cancellationSchema = z.object({
  controller_id: text(256),
  received_time: rfc3339,
  subject_request_id: subjectRequestIdSchema,
  api_version: text(32).optional(),
}) satisfies z.ZodType<OpenDsrCancellation>;

/** §7.6: a processor's error object. Its text may be shown to staff, never to the person. */
export const errorSchema = z.object({
  error: z.object({
    code: z.number().int().min(100).max(599),
    message: z.string().max(1000).optional(),
    errors: z
      .array(z.object({ message: z.string().max(1000), domain: z.string().max(100), reason: z.string().max(100) }))
      .max(20)
      .optional(),
  }),
});
export type OpenDsrError = z.infer<typeof errorSchema>;

/**
 * What the desk expects at a status's results_url (OpenDSR leaves the format open, §1): the records the
 * holder keeps about the person, each in a registry category, signed like every other answer.
 */
export const resultsSchema = z.object({
  subject_request_id: subjectRequestIdSchema,
  records: z
    .array(z.object({ category: text(64), value: z.string().max(4000), label: text(200).optional() }))
    .max(OPENDSR_LIMITS.resultRecords),
});
export type OpenDsrResults = z.infer<typeof resultsSchema>;

// ---------------------------------------------------------------------------------------------------
// The desk's extension: correction and cessation of use have no OpenDSR type (§6.2), so they travel as
// 'access' with the instruction under the desk's domain (§7.1.2), only to holders that carry it out.

export const DESK_EXTENSION_TYPES = ['disclosure', 'correction', 'cessation-of-use', 'erasure'] as const;

const categories = z.array(text(64)).min(1).max(64);
export const deskExtensionSchema = z.discriminatedUnion('appi_request_type', [
  z.object({ appi_request_type: z.literal('disclosure'), categories }),
  z.object({ appi_request_type: z.literal('erasure'), categories }),
  z.object({
    appi_request_type: z.literal('correction'),
    categories,
    corrections: z
      .array(z.object({ category: text(64), value: z.string().max(4000) }))
      .min(1)
      .max(64),
  }),
  z.object({
    appi_request_type: z.literal('cessation-of-use'),
    categories,
    ceased_purposes: z.array(text(64)).min(1).max(64),
  }),
]);
export type DeskExtension = z.infer<typeof deskExtensionSchema>;

const OPENDSR_TYPE_OF: Record<TaskInstruction, OpenDsrRequestType> = {
  disclosure: 'access',
  erasure: 'erasure',
  correction: 'access',
  'cessation-of-use': 'access',
};

/** The identity types the desk sends (OpenDSR §5.1). */
export type DeskIdentityType = 'email' | 'controller_customer_id';

/** What both sides hash: an e-mail address trimmed and lowercased, a customer id trimmed (NFC both). */
export function normaliseIdentity(type: string, value: string): string {
  const trimmed = value.normalize('NFC').trim();
  return type === 'email' ? trimmed.toLowerCase() : trimmed;
}

export function hashIdentity(type: string, value: string): string {
  return createHash('sha256').update(normaliseIdentity(type, value), 'utf8').digest('hex');
}

/** Each identity as the holder accepts it: hashed where it lists sha256, raw where only raw, else left out. */
export function identitiesFor(
  supported: readonly OpenDsrIdentityKind[],
  known: { emails: readonly string[]; customerIds: readonly string[] },
): OpenDsrIdentity[] {
  const format = (type: DeskIdentityType) => {
    const formats = new Set(supported.filter((s) => s.identity_type === type).map((s) => s.identity_format));
    return formats.has('sha256') ? 'sha256' : formats.has('raw') ? 'raw' : undefined;
  };
  const out: OpenDsrIdentity[] = [];
  const add = (type: DeskIdentityType, values: readonly string[]) => {
    const f = format(type);
    if (!f) return;
    for (const value of new Set(values.map((v) => normaliseIdentity(type, v)).filter((v) => v.length > 0))) {
      out.push({
        identity_type: type,
        identity_format: f,
        identity_value: f === 'sha256' ? hashIdentity(type, value) : value,
      });
    }
  };
  add('email', known.emails);
  add('controller_customer_id', known.customerIds);
  return out.slice(0, OPENDSR_LIMITS.identities);
}

export interface TaskRequestInput {
  task: Pick<FulfilmentTask, 'taskId' | 'instruction' | 'categories'>;
  holder: Pick<Holder, 'endpoint' | 'understandsDeskExtension'>;
  /** The person's identifiers the desk knows (its registry's e-mail and customer-id records). */
  identities: { emails: readonly string[]; customerIds: readonly string[] };
  /** When the person made the request (OpenDSR submitted_time). */
  submittedAt: string;
  /** The desk's callback URL. */
  callbackUrl: string;
  /** The desk's extension domain (DESK_OPENDSR_EXTENSION_DOMAIN). */
  extensionDomain: string;
  /** For a correction: the corrected categories and their new values. */
  corrections?: readonly { category: string; value: string }[];
  /** For a cessation of use: the purposes the data may no longer be used for. */
  ceasedPurposes?: readonly string[];
}

/** Why a task cannot go to its holder over OpenDSR: a person asks the holder instead. */
export type NotSendable =
  | 'extension-not-understood'
  | 'request-type-unsupported'
  | 'no-shared-identity'
  | 'instruction-incomplete';

export type TaskRequest = { sendable: true; request: OpenDsrRequest } | { sendable: false; reason: NotSendable };

/**
 * The OpenDSR request for a task: disclosure → access, erasure → erasure, correction and cessation of use
 * → access with the real instruction in the desk's extension. Holders that understand the extension
 * also get the categories, so they act on those alone (APPI Art. 34-35 concern the data asked about).
 */
export function requestForTask(input: TaskRequestInput): TaskRequest {
  const { task, holder } = input;
  const type = OPENDSR_TYPE_OF[task.instruction];
  const needsExtension = task.instruction === 'correction' || task.instruction === 'cessation-of-use';
  if (needsExtension && !holder.understandsDeskExtension)
    return { sendable: false, reason: 'extension-not-understood' };
  if (!holder.endpoint.supportedRequestTypes.includes(type))
    return { sendable: false, reason: 'request-type-unsupported' };
  const subject_identities = identitiesFor(holder.endpoint.supportedIdentities, input.identities);
  if (subject_identities.length === 0) return { sendable: false, reason: 'no-shared-identity' };

  let extension: DeskExtension | undefined;
  if (holder.understandsDeskExtension) {
    const cats = [...new Set(task.categories)];
    if (task.instruction === 'correction') {
      const corrections = (input.corrections ?? []).map((c) => ({ category: c.category, value: c.value }));
      if (corrections.length === 0) return { sendable: false, reason: 'instruction-incomplete' };
      extension = { appi_request_type: 'correction', categories: cats, corrections };
    } else if (task.instruction === 'cessation-of-use') {
      const ceased = [...new Set(input.ceasedPurposes ?? [])];
      if (ceased.length === 0) return { sendable: false, reason: 'instruction-incomplete' };
      extension = { appi_request_type: 'cessation-of-use', categories: cats, ceased_purposes: ceased };
    } else {
      extension = { appi_request_type: task.instruction, categories: cats };
    }
    if (!deskExtensionSchema.safeParse(extension).success) return { sendable: false, reason: 'instruction-incomplete' };
  }
  return {
    sendable: true,
    request: {
      regulation: OPENDSR_REGULATION,
      subject_request_id: task.taskId,
      subject_request_type: type,
      submitted_time: input.submittedAt,
      subject_identities,
      api_version: OPENDSR_API_VERSION,
      status_callback_urls: [input.callbackUrl],
      ...(extension ? { extensions: { [input.extensionDomain]: extension } } : {}),
    },
  };
}

/** The desk's extension in a request under `domain`: absent, malformed (a processor answers 400), or parsed. */
export function deskExtensionOf(request: OpenDsrRequest, domain: string): DeskExtension | 'malformed' | undefined {
  const raw = request.extensions?.[domain];
  if (raw === undefined) return undefined;
  const parsed = deskExtensionSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'malformed';
}
