// What several capabilities' schemas share: ids, e-mail addresses, instants, the reasons staff give for
// reading personal data, and the problem every error answers with (RFC 9457).
import * as z from 'zod';
import { PURPOSE_ID_PATTERN } from '../../domain/purposes/registry';

export const email = z.email({ error: 'must be an e-mail address, like hanako@example.jp' }).max(254);
export const personName = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
export const requestId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a request id' });
export const instant = z.iso.datetime();

/**
 * For a query's from/to pair (ISO dates or instants): `to` must not come before `from`. Checked in the
 * contract so no read reaches the database with a reversed range (DynamoDB refuses such a BETWEEN).
 */
export function orderedRange(
  value: { from?: string | undefined; to?: string | undefined },
  ctx: z.core.$RefinementCtx,
) {
  if (value.from === undefined || value.to === undefined) return;
  if (Date.parse(value.to) < Date.parse(value.from)) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must be on or after from (${value.from})`,
      input: value.to,
    });
  }
}

export const subjectId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'is not a subject id (letters, digits, _ . : -)' });
export const recordId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:#-]+$/, { error: 'is not a record id (letters, digits, _ . : # -)' });
export const purposeId = z
  .string()
  .regex(PURPOSE_ID_PATTERN, { error: 'is not a purpose id (lower-case words joined by hyphens)' });
export const justification = z.string().trim().min(10, { error: 'must say why, in at least 10 characters' }).max(2000);

export const requestIdParams = z.strictObject({ requestId });
export const subjectParams = z.strictObject({ subjectId });

/** The six digits e-mailed to confirm a request or a self-service session. */
export const verificationBody = z.strictObject({
  code: z.string().regex(/^\d{6}$/, { error: 'must be the six digits from the e-mail' }),
});

// ---- Staff reads of personal data name the request or the purpose they serve (access-logged) ----

export const readReason = {
  requestId: requestId.optional().describe('The request this read serves.'),
  purpose: purposeId.optional().describe('Or the purpose of use this read serves.'),
};
export const hasOneReason = (q: { requestId?: string; purpose?: string }) => !!q.requestId !== !!q.purpose;
export const oneReason = {
  error: 'give exactly one reason for reading personal data: requestId or purpose',
  path: ['requestId'],
};

/** Where a recipient's country stands under APPI Art. 28 (consents show it; the registry keeps it). */
export const countryStanding = z.enum(['domestic', 'equivalent-country', 'equivalent-setup', 'foreign']);

export const problemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          maximum: z.number().int().optional().describe("The field's maximum length, when the value was too long."),
        }),
      )
      .optional(),
  })
  .describe(
    'RFC 9457 problem details. The type names the problem precisely (urn:appi-desk:problem:<slug>); extension members carry the values a page needs to say it, e.g. attemptsLeft, resendAvailableAt, maxBytes.',
  );
