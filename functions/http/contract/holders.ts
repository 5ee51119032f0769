// The holder registry (policy §6(2)B, §8(1); APPI Art. 25, 27(5)(i), 34-35): every system and
// processor that holds personal data, how it is reached (OpenDSR), a processor's consignment contract
// and its supervision reviews.
import * as z from 'zod';
import {
  CONSIGNMENT_CLAUSE_IDS,
  REVIEW_OUTCOMES,
  SUPERVISION_INTERVAL_MAX_MONTHS,
} from '../../domain/holders/contract';
import { HOLDER_KINDS, OPENDSR_IDENTITY_FORMATS, OPENDSR_REQUEST_TYPES } from '../../domain/holders/holder';
import { CATEGORY_IDS } from '../../domain/personal-data/categories';
import { instant, purposeId } from './common';

export const holderId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'is not a holder id (lower-case letters, digits and hyphens)' });
export const holderParams = z.strictObject({ holderId });
const text = z.string().trim().min(1, { error: 'must not be empty' }).max(500);
const longText = z.string().trim().min(1, { error: 'must not be empty' }).max(4000);
const version = z.number().int().min(1).describe('The version you read: a change made meanwhile is refused (409).');

const contract = z
  .strictObject({
    reference: text.describe("The contract's own reference."),
    signedOn: z.iso.date(),
    inForceFrom: z.iso.date(),
    inForceUntil: z.iso.date().optional().describe('Absent: in force until terminated.'),
    clauses: z
      .array(z.strictObject({ clause: z.enum(CONSIGNMENT_CLAUSE_IDS), reference: text }))
      .max(CONSIGNMENT_CLAUSE_IDS.length)
      .describe('The clauses policy §6(2)B names, each recorded as present with where the contract has it.'),
    approvedSubProcessors: z
      .array(text)
      .max(50)
      .default([])
      .describe('Sub-processors the business approved for re-consignment (APPI Art. 25).'),
  })
  .describe("A processor's consignment contract (policy §6(2)B, APPI Art. 25).");

const details = {
  name: text,
  owner: text.describe('The department or company that answers for it.'),
  categories: z.array(z.enum(CATEGORY_IDS)).min(1).max(CATEGORY_IDS.length),
  purposes: z.array(purposeId).min(1).max(50),
  baseUrl: z.string().max(2000).describe("The holder's versioned OpenDSR base URL; its /discovery is fetched."),
  understandsDeskExtension: z
    .boolean()
    .default(false)
    .describe('Whether it carries out correction and cessation of use sent in the desk extension.'),
  contract: contract.optional().describe('Required for a processor; none for an internal system.'),
  supervisionEveryMonths: z.number().int().min(1).max(SUPERVISION_INTERVAL_MAX_MONTHS).optional(),
  confirmFingerprint: z
    .string()
    .max(200)
    .optional()
    .describe('The SHA-256 certificate fingerprint the holder gave you: discovery must show the same.'),
};

export const registerHolderBody = z.strictObject({ holderId, kind: z.enum(HOLDER_KINDS), ...details });
export const changeHolderBody = z.strictObject({
  ...details,
  version,
  reason: text.describe('Why it changed: kept with the version.'),
  rediscover: z.boolean().optional().describe('Fetch discovery and the certificate again (a rotated certificate).'),
});
export const retireHolderBody = z.strictObject({ version, reason: text });
export const holderReviewBody = z.strictObject({
  reviewedOn: z.iso.date().describe('The day the review took place.'),
  findings: longText,
  outcome: z.enum(REVIEW_OUTCOMES),
});

const endpoint = z.object({
  baseUrl: z.string(),
  processorDomain: z.string(),
  apiVersion: z.string(),
  supportedRequestTypes: z.array(z.enum(OPENDSR_REQUEST_TYPES)),
  supportedIdentities: z.array(
    z.object({ identity_type: z.string(), identity_format: z.enum(OPENDSR_IDENTITY_FORMATS) }),
  ),
  certificatePem: z.string(),
  certificateFingerprint: z.string().describe('SHA-256, to compare with the one the holder gave you.'),
  discoveredAt: instant,
});
const holder = z.object({
  holderId,
  name: z.string(),
  owner: z.string(),
  kind: z.enum(HOLDER_KINDS),
  categories: z.array(z.string()),
  purposes: z.array(z.string()),
  endpoint,
  understandsDeskExtension: z.boolean(),
  contract: contract.optional(),
  supervisionEveryMonths: z.number().optional(),
  version: z.number(),
  registeredAt: instant,
  registeredBy: z.string(),
  changedAt: instant.optional(),
  changedBy: z.string().optional(),
  changeReason: z.string().optional(),
  retiredAt: instant.optional(),
  retiredBy: z.string().optional(),
  retirementReason: z.string().optional(),
});
const holderView = holder.extend({
  contractInForce: z.boolean().optional().describe("A processor's contract is in force today with every clause."),
  contractFaults: z.array(z.string()).optional(),
  nextReviewDue: z.iso.date().optional(),
  reviewOverdue: z.boolean().optional(),
});
const review = z.object({
  holderId,
  reviewedOn: z.iso.date(),
  findings: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES),
  recordedBy: z.string(),
  recordedAt: instant,
});

export const holderResponse = holderView;
export const holderListResponse = z.object({ items: z.array(holderView) });
export const holderDossierResponse = z.object({
  holder: holderView,
  versions: z.array(holder).describe('Every version, oldest first.'),
  reviews: z.array(review).describe('Supervision reviews, latest first.'),
});
