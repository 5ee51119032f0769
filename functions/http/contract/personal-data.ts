// The personal data registry (policy §1, §2): registering records, a subject's events, the use check,
// and staff views of a subject (access-logged with a reason).
import * as z from 'zod';
import { INCIDENT_KINDS, INCIDENT_STATES } from '../../domain/incidents/incident';
import { ALTERNATIVE_MEASURES } from '../../domain/incidents/notice-items';
import { CATEGORY_IDS, SPECIAL_CARE_EXCEPTION_IDS } from '../../domain/personal-data/categories';
import { USE_CHECK_REASONS, USE_EXCEPTION_IDS } from '../../domain/personal-data/check-use';
import { MAX_RECORDS_PER_BATCH } from '../../domain/personal-data/register-personal-data-batch';
import { ACQUISITION_SOURCE_IDS } from '../../domain/personal-data/sources';
import {
  email,
  hasOneReason,
  instant,
  justification,
  oneReason,
  purposeId,
  readReason,
  recordId,
  subjectId,
} from './common';

/** Large enough for any field of a record; a document belongs in a document store, not here. */
export const MAX_RECORD_VALUE_CHARS = 2000;
/** One registration is one transaction (max 100 items); 25 records leaves room for what goes with them. */
export const MAX_RECORDS_PER_REGISTRATION = 25;

const specialCareBasis = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('consent'),
      consentId: z.string().min(1).max(200).describe('The consent event on file for this subject.'),
    }),
    z.strictObject({
      kind: z.literal('legal-exception'),
      exception: z.enum(SPECIAL_CARE_EXCEPTION_IDS),
      justification,
    }),
  ])
  .describe('Required for special care-required information (APPI Art. 2(3), 20(2)).');

export const personalDataRecordInput = z.strictObject({
  recordId: recordId.optional().describe("The registering system's own id; registering it again replaces the record."),
  category: z.enum(CATEGORY_IDS),
  value: z
    .string()
    .min(1)
    .max(MAX_RECORD_VALUE_CHARS, { error: `must be at most ${MAX_RECORD_VALUE_CHARS} characters` }),
  source: z.enum(ACQUISITION_SOURCE_IDS).describe('Policy §1: where the data came from.'),
  sourceDetail: z.string().trim().min(1).max(500).optional().describe('Who or what exactly, e.g. "Web sign-up form".'),
  purposes: z.array(purposeId).min(1).max(20).describe('Registered, active purposes of use.'),
  acquiredAt: instant,
  basis: specialCareBasis.optional(),
});
const registeredRecords = z.array(personalDataRecordInput).min(1).max(MAX_RECORDS_PER_REGISTRATION);
export const registerPersonalDataBody = z.strictObject({ subjectId, records: registeredRecords });
export const staffRegisterPersonalDataBody = z.strictObject({ records: registeredRecords });
export const registerPersonalDataResponse = z.object({
  subjectId,
  records: z.array(
    z.object({
      recordId,
      category: z.string(),
      expiresAt: instant.optional().describe('Absent while a purpose is not yet achieved.'),
    }),
  ),
});

/**
 * One entry of a batch: one record of one subject, as a system's feed of what it collected carries
 * them (each acquisition an event of its own person); many records of one subject go in several
 * entries, or through the registration of one subject when they must stand or fall together.
 */
export const registrationBatchEntry = z.strictObject({ subjectId, record: personalDataRecordInput });
export const registerPersonalDataBatchBody = z.strictObject({
  entries: z
    .array(z.unknown())
    .min(1)
    .max(MAX_RECORDS_PER_BATCH, { error: `at most ${MAX_RECORDS_PER_BATCH} entries a call` })
    .describe(
      `Up to ${MAX_RECORDS_PER_BATCH} entries, each { subjectId, record } with the record as the registration of one subject takes it. Each entry is checked on its own: an entry not of that shape is refused in the answer, not the batch.`,
    ),
});
const batchFieldErrors = z.array(z.object({ field: z.string(), message: z.string() }));
export const registerPersonalDataBatchResponse = z.object({
  registered: z.number().int(),
  refused: z.number().int(),
  suppressed: z.number().int(),
  entries: z
    .array(
      z.discriminatedUnion('status', [
        z.object({
          status: z.literal('registered'),
          subjectId,
          recordId,
          category: z.string(),
          expiresAt: instant.optional().describe('Absent while a purpose is not yet achieved.'),
        }),
        z.object({
          status: z.literal('refused'),
          subjectId: subjectId.optional(),
          reason: z.string(),
          errors: batchFieldErrors.describe('Each field to correct, named as a problem names it.'),
        }),
        z.object({
          status: z.literal('suppressed'),
          subjectId,
          reason: z.string(),
          requestId: z.string().describe("The person's request that stopped this data."),
          decidedAt: instant,
        }),
      ]),
    )
    .describe('One answer per entry, in the order sent.'),
});

export const subjectEventBody = z.strictObject({
  event: z
    .enum(['contract-ended', 'activity'])
    .describe("contract-ended starts the contract-end purposes' clocks; activity moves last-activity forward."),
  at: instant,
});
export const subjectEventResponse = z.object({
  subjectId,
  recordsRecomputed: z.number().int().describe("How many of the subject's live records got a new expiry."),
});

export const useCheckBody = z.strictObject({
  subjectId,
  category: z.enum(CATEGORY_IDS),
  purpose: purposeId,
  exception: z
    .strictObject({
      kind: z.enum(USE_EXCEPTION_IDS).describe('Policy §2(2): a use beyond the purposes only in these cases.'),
      justification,
      consentId: z.string().min(1).max(200).optional().describe('For kind "consent": the consent event on file.'),
    })
    .optional(),
});
export const useCheckResponse = z.object({
  allowed: z.boolean(),
  reason: z.enum(USE_CHECK_REASONS),
  detail: z.string(),
  checkedAt: instant,
  exceptionRecordId: z.string().optional().describe('The evidence item recording an allowed exception.'),
});

export const subjectViewQuery = z.strictObject(readReason).refine(hasOneReason, oneReason);
export const subjectSearchQuery = z
  .strictObject({
    email: email.optional(),
    customerId: z.string().min(1).max(128).optional(),
    ...readReason,
  })
  .refine(hasOneReason, oneReason)
  .refine((q) => !!q.email !== !!q.customerId, {
    error: 'search by exactly one of email or customerId',
    path: ['email'],
  });

export const storedRecordView = z.object({
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
  incidents: z
    .array(
      z.object({
        incidentId: z.string(),
        kinds: z.array(z.enum(INCIDENT_KINDS)),
        awareAt: instant,
        state: z.enum(INCIDENT_STATES),
        notice: z
          .object({
            state: z.enum(['pending', 'sent', 'unreachable']),
            decidedAt: instant,
            sentAt: instant.optional(),
            alternativeMeasure: z.string().optional(),
            alternativeMeasureKinds: z.array(z.enum(ALTERNATIVE_MEASURES)).optional(),
          })
          .optional()
          .describe(
            'The notice this person was given (APPI Art. 26(2)), or the alternative measure recorded for them.',
          ),
      }),
    )
    .describe('Leaks, losses or damage that involved this subject’s data, newest first.'),
});
export const subjectSearchResponse = z.object({
  items: z.array(z.object({ subjectId, categories: z.array(z.string()), records: z.number().int() })),
});
