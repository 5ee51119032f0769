// Third-party provision (policy §4, §5; APPI Art. 27-30): the recipient registry, the provision guard,
// records of provision and receipt, and lifting a cessation of provision.
import * as z from 'zod';
import { CATEGORY_IDS } from '../../domain/personal-data/categories';
import { EQUIVALENT_SETUP_IDS } from '../../domain/provisions/countries';
import { PROVISION_BASES, PROVISION_EXCEPTION_IDS } from '../../domain/provisions/permit-provision';
import { recipientScope } from '../../domain/provisions/provision-cessation';
import { RECIPIENT_RELATIONSHIP_IDS } from '../../domain/provisions/recipients';
import { RECEIPT_BASES } from '../../domain/provisions/record-receipt';
import { RECORD_KEEPING_IDS } from '../../domain/provisions/retention';
import { datasetId } from './anonymisation';
import { countryStanding, instant, justification, orderedRange, purposeId, requestId, subjectId } from './common';
import { holderId } from './holders';

/** A provision is one transaction of its records (max 100 items): one per subject. */
export const MAX_SUBJECTS_PER_PROVISION = 100;

const recipientId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'is not a recipient id (lower-case letters, digits and hyphens)' });
const partyText = z.string().trim().min(1, { error: 'must not be empty' }).max(500);
const namedParty = {
  name: partyText,
  address: partyText,
  representative: partyText.describe('For a corporation, its representative (Enforcement Rules Art. 20).'),
};
const categories = z.array(z.enum(CATEGORY_IDS)).min(1).max(CATEGORY_IDS.length);

export const recipientBody = z.strictObject({
  recipientId,
  ...namedParty,
  relationship: z
    .enum(RECIPIENT_RELATIONSHIP_IDS)
    .describe('third-party, or not a third party (APPI Art. 27(5)): outsourcing, merger, joint-use.'),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code, like JP or DE' }),
  equivalentSetup: z
    .enum(EQUIVALENT_SETUP_IDS)
    .optional()
    .describe("For a recipient abroad: the setup equivalent to the Act's duties it has (Enforcement Rules Art. 16)."),
  jointUse: z
    .strictObject({
      items: categories,
      jointUsers: partyText.describe('The scope of the joint users.'),
      purpose: partyText,
      responsiblePerson: z.strictObject(namedParty),
    })
    .optional()
    .describe('Required for joint use: what is published (APPI Art. 27(5)(iii)).'),
  optOut: z
    .strictObject({
      notifiedOn: z.iso.date().describe('The day the PPC was notified (APPI Art. 27(2)).'),
      items: categories,
      acquisitionMethod: partyText,
      provisionMethod: partyText,
      requestMethod: partyText,
      updateMethod: partyText,
      startsOn: z.iso.date(),
    })
    .optional()
    .describe(
      'For a third party: the opt-out registration and its published items (APPI Art. 27(2), Enforcement Rules Art. 11(4)).',
    ),
  recordKeeping: z
    .enum(RECORD_KEEPING_IDS)
    .default('per-provision')
    .describe(
      'Enforcement Rules Art. 19: a record per provision, a bulk record of repeated provision, or the contract standing in.',
    ),
  contractReference: partyText
    .optional()
    .describe('With recordKeeping "contract": the contract that stands in for the record.'),
  processorHolderId: holderId
    .optional()
    .describe(
      'Required for outsourcing: the processor in the holder registry, with its consignment contract (APPI Art. 25, 27(5)(i)).',
    ),
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
  recipients: recipientScope.describe(
    'Which stops to lift: every stop (scope "all"), or those to the recipients named.',
  ),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe(
      'Why the cessation no longer applies (the person asked to resume, the ground is gone); kept with the lift.',
    ),
});
export const provisionCessationLiftResponse = z.object({
  subjectId,
  scope: recipientScope,
  lifted: z.array(
    provisionStop.extend({
      recipient: z.string().describe('"all" for the stop to every third party, else a recipient id.'),
    }),
  ),
  reason: z.string(),
  by: z.string(),
  at: instant,
  cessationOfProvision: z
    .object({ all: provisionStop.optional(), recipients: z.record(z.string(), provisionStop).optional() })
    .nullable()
    .describe('What still stands after the lift; null when nothing does.'),
});

export const provisionBody = z.strictObject({
  recipient: recipientId,
  subjects: z
    .array(subjectId)
    .min(1)
    .max(MAX_SUBJECTS_PER_PROVISION)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must name each subject once' }),
  items: categories.describe('The categories of personal data provided.'),
  purpose: purposeId,
  basis: z
    .enum(PROVISION_BASES)
    .describe(
      'consent, an exception of APPI Art. 27(1), opt-out (Art. 27(2)), not-third-party (Art. 27(5)), or linkage-consent for access information the recipient will link to the person (Art. 31).',
    ),
  exception: z.enum(PROVISION_EXCEPTION_IDS).optional().describe('With basis "exception".'),
  justification: justification.optional().describe('With basis "exception": why it applies; kept as evidence.'),
});
export const provisionResponse = z.object({
  provisionId: z.string(),
  recipient: recipientId,
  basis: z.enum(PROVISION_BASES),
  providedAt: instant,
  evidenceId: z
    .string()
    .optional()
    .describe('For an exception or a recipient that is not a third party: the evidence kept instead of a record.'),
  results: z.array(
    z.object({
      subjectId,
      basis: z.enum(PROVISION_BASES),
      detail: z.string(),
      recordId: z.string().optional().describe('The record of provision (APPI Art. 29).'),
      consentId: z.string().optional(),
    }),
  ),
});

/** Naming an anonymised dataset to provide: always refused (policy §3(2)). */
export const anonymisedProvisionBody = z.strictObject({
  recipient: recipientId,
  anonymisedDataset: datasetId.describe('The anonymised dataset the system means to provide.'),
});

export const receiptBody = z.strictObject({
  providerId: recipientId.describe(
    "The receiving system's own id for the provider; a bulk or contract record is kept per provider.",
  ),
  provider: z.strictObject(namedParty).describe('Confirmed under APPI Art. 30(1)(i).'),
  subjects: provisionBody.shape.subjects,
  items: categories.describe('The categories of personal data received.'),
  basis: z
    .enum(RECEIPT_BASES)
    .describe("How the provider handed the data over: on the person's consent, or by its opt-out registration."),
  acquisition: partyText.describe('How the provider acquired the data, as confirmed (APPI Art. 30(1)(ii)).'),
  evidenceReference: partyText.describe('The document or other evidence the confirmation rests on.'),
  recordKeeping: z.enum(RECORD_KEEPING_IDS).default('per-provision'),
  contractReference: partyText.optional(),
});
export const receiptResponse = z.object({
  receiptId: z.string(),
  receivedAt: instant,
  results: z.array(
    z.object({
      subjectId,
      recordId: z.string(),
      expiresAt: instant.describe('When the record of receipt is erased (Enforcement Rules Art. 25).'),
    }),
  ),
});

export const provisionRecordQuery = z
  .strictObject({
    subjectId: subjectId
      .optional()
      .describe(
        "The person whose records are read; or give counterparty to read a recipient's or provider's records across people.",
      ),
    requestId: requestId
      .optional()
      .describe(
        'With subjectId: the open request about this person that the read serves (e.g. a disclosure of provision records, APPI Art. 33(5)).',
      ),
    reason: z
      .string()
      .trim()
      .min(10, { error: 'must say why the records are read, in at least 10 characters' })
      .max(200)
      .optional()
      .describe(
        'With counterparty alone: why a recipient\'s or provider\'s records are read across people, kept in the access log, e.g. "PPC inquiry about Partner".',
      ),
    direction: z.enum(['provided', 'received']).optional(),
    counterparty: recipientId.optional().describe("A recipient's or provider's id."),
    from: z.iso.date().optional().describe('Japan date, inclusive.'),
    to: z.iso.date().optional().describe('Japan date, inclusive.'),
  })
  .refine((q) => q.subjectId !== undefined || q.counterparty !== undefined, {
    error: 'give subjectId, counterparty or both: which records to read',
    path: ['subjectId'],
  })
  .superRefine(orderedRange);
export const provisionRecordListResponse = z.object({
  subjectId: subjectId.optional(),
  counterparty: recipientId.optional(),
  items: z.array(
    z
      .object({
        recordId: z.string(),
        direction: z.enum(['provided', 'received']),
        counterparty: z.string(),
        items: z.array(z.string()),
        basis: z.string(),
        date: z.string(),
        expiresAt: instant.optional(),
      })
      .catchall(z.unknown()),
  ),
});
