// The consent ledger (policy §2(2), §5; APPI Art. 27, 28(2), 31) and the self-service of consents
// through an e-mailed code.
import * as z from 'zod';
import { CONSENT_LINKAGES } from '../../domain/consents/rules';
import { LANGUAGES } from '../../domain/requests/request';
import { countryStanding, email, instant, requestId, subjectId } from './common';

const consentId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a consent id' });
const foreignInformation = z.strictObject({
  country: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The recipient\'s country, or "unknown" with unknownReason (Enforcement Rules Art. 17(3)).'),
  protectionSystem: z
    .string()
    .trim()
    .max(4000)
    .optional()
    .describe("That country's system for protecting personal information, as the person was told it."),
  recipientMeasures: z
    .string()
    .trim()
    .max(4000)
    .optional()
    .describe("The recipient's protective measures, as the person was told them."),
  unknownReason: z.string().trim().max(4000).optional(),
});
const consentGiven = {
  action: z.literal('given'),
  purpose: z.string().min(1).max(64).optional().describe('A registered, active purpose of use.'),
  recipient: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('A recipient registered in the recipient registry (GET /v1/staff/recipients).'),
  linkage: z
    .enum(CONSENT_LINKAGES)
    .optional()
    .describe(
      'Consent to linking access information to the person: by the desk (policy §1), or, with `recipient`, by that recipient (APPI Art. 31).',
    ),
  foreignInformation: foreignInformation
    .optional()
    .describe('Required exactly for a recipient abroad without an equivalent country or setup (APPI Art. 28(2)).'),
  noticeVersion: z.string().min(1).max(32).describe('The privacy notice version shown to the person.'),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the receipt; Japanese by default.'),
};
const consentWithdrawn = {
  action: z.literal('withdrawn'),
  withdraws: consentId.describe('The consent in force this withdraws.'),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the receipt; Japanese by default.'),
};
const webButton = z
  .literal('web-button')
  .default('web-button')
  .describe('Company systems record consents given with a button on the web.');
const staffMethod = z
  .enum(['written', 'oral'])
  .describe('How the person gave it to staff (PPC Guidelines (General Rules) 2-16).');

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
  receipt: z
    .enum(['e-mailed', 'no-address-held'])
    .describe('Whether the receipt was e-mailed to the address the desk holds, or none is held.'),
});

// ---- Self-service of consents ----

export const subjectSessionBody = z.strictObject({
  email,
  language: z.enum(LANGUAGES).default('ja').describe('Language of the e-mails; Japanese by default.'),
});

export const subjectSessionResponse = z.object({
  sessionId: z
    .string()
    .describe(
      'Confirm it with the code e-mailed to the address; the answer is the same whether or not the desk knows it.',
    ),
});

export const sessionParams = z.strictObject({ sessionId: requestId });

export const subjectTokenResponse = z.object({
  subjectToken: z.string().describe('Send as "Authorization: Bearer <token>" to /v1/me routes.'),
  expiresAt: instant,
});

export const myConsentsResponse = z.object({
  items: z.array(
    z.object({
      consentId: z.string(),
      covers: consentCoverage,
      recipient: z
        .object({
          recipientId: z.string(),
          name: z.string().optional(),
          country: z.string().optional().describe('ISO 3166-1 alpha-2; JP for a recipient in Japan.'),
          countryStanding: countryStanding.optional().describe('Where the country stands under APPI Art. 28.'),
        })
        .optional()
        .describe(
          'For a consent to provision: to whom the data goes, as the recipient registry holds it (APPI Art. 27(1)); only the id if the registry no longer holds it.',
        ),
      status: z.enum(['in-force', 'withdrawn']),
      givenAt: instant,
      noticeVersion: z.string(),
      method: z.string(),
      foreignInformation: z
        .object({
          country: z.string(),
          protectionSystem: z.string().optional(),
          recipientMeasures: z.string().optional(),
          unknownReason: z.string().optional(),
        })
        .optional(),
      withdrawnAt: instant.optional(),
    }),
  ),
  tokenExpiresAt: instant,
});

export const consentParams = z.strictObject({ consentId });
