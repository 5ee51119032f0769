// Fees for answering requests (APPI Art. 38). Configured per request type, checked when a function
// loads so a fee the Act does not allow never reaches the privacy notice or a requester.
import * as z from 'zod';

/** Every request type the desk answers, including those not accepted yet. */
export const REQUEST_TYPE_NAMES = [
  'disclosure',
  'correction',
  'cessation-of-use',
  'cessation-of-provision',
  'purpose-notification',
  'complaint',
] as const;
export type RequestTypeName = (typeof REQUEST_TYPE_NAMES)[number];

/**
 * APPI Art. 38(1): a fee may be charged only for notifying the purpose of use (Art. 32(2)) and for
 * disclosure (Art. 33(1), including third-party provision records under Art. 33(5)). Art. 38(2):
 * the amount must be reasonable in view of the actual cost; that judgement is the business's.
 */
export const FEE_CHARGEABLE_TYPES: readonly RequestTypeName[] = ['disclosure', 'purpose-notification'];

export interface Fee {
  amountYen: number;
  /** How the fee is paid, as the privacy notice tells it (e.g. "bank transfer"). */
  method: string;
}

export type FeeSchedule = Readonly<Record<RequestTypeName, Fee | null>>;

/** Desk policy: no request carries a fee. */
export const DEFAULT_FEES: FeeSchedule = {
  disclosure: null,
  correction: null,
  'cessation-of-use': null,
  'cessation-of-provision': null,
  'purpose-notification': null,
  complaint: null,
};

const fee = z.strictObject({
  amountYen: z.number().int().positive(),
  method: z.string().trim().min(1).max(200),
});

const feeConfig = z.strictObject(
  Object.fromEntries(REQUEST_TYPE_NAMES.map((type) => [type, fee.nullable().optional()])) as Record<
    RequestTypeName,
    z.ZodOptional<z.ZodNullable<typeof fee>>
  >,
);

/**
 * The fee schedule from a parsed configuration (DESK_FEES_JSON): a fee per type name, a type left
 * out or null is free. Throws on anything else, and on a fee for a type Art. 38(1) does not allow.
 */
export function feeSchedule(config: unknown): FeeSchedule {
  if (config === undefined) return DEFAULT_FEES;
  const parsed = feeConfig.safeParse(config);
  if (!parsed.success) throw new Error(`The fee configuration is invalid:\n${z.prettifyError(parsed.error)}`);
  const forbidden = REQUEST_TYPE_NAMES.filter((type) => parsed.data[type] && !FEE_CHARGEABLE_TYPES.includes(type));
  if (forbidden.length > 0) {
    throw new Error(
      `APPI Art. 38(1) allows a fee only for ${FEE_CHARGEABLE_TYPES.join(' and ')}, not for ${forbidden.join(', ')}`,
    );
  }
  return Object.fromEntries(REQUEST_TYPE_NAMES.map((type) => [type, parsed.data[type] ?? null])) as Record<
    RequestTypeName,
    Fee | null
  >;
}

/** The fee for a request type; a type the schedule does not know is free. */
export function feeFor(schedule: FeeSchedule, type: string): Fee | null {
  return (REQUEST_TYPE_NAMES as readonly string[]).includes(type) ? schedule[type as RequestTypeName] : null;
}
