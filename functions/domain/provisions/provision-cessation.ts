// A person's cessation of provision to third parties (APPI Art. 35(3),(5)) as it stands on their
// subject: provision stopped to every third party, or to the registered recipients the decision named,
// each with the request that stopped it; and the lifts that ended a stop, with who, when and why.
// The guard (permit-provision.ts) asks `stopFor`; the decision adds stops; an officer lifts them.
import * as z from 'zod';
import { DeskProblem } from '../kernel/problems';
import type { RecipientRegistry } from './ports';
import type { Recipient } from './recipients';

/** One stop: the request whose decision stopped provision, and when. */
export interface ProvisionStop {
  requestId: string;
  at: string;
}

export interface ProvisionCessation {
  /** Provision to every third party stopped (the person asked for all of them). */
  all?: ProvisionStop;
  /** Provision stopped to these registered recipients, by recipient id. */
  recipients?: Record<string, ProvisionStop>;
}

/** Whom a decision or a lift covers: every third party, or the registered recipients named. */
export const recipientScope = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all').describe('Every third party.') }),
  z.strictObject({
    scope: z.literal('named').describe('The registered recipients named.'),
    recipientIds: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'names a recipient twice' })
      .describe('Recipient ids as the recipient registry holds them (GET /v1/staff/recipients).'),
  }),
]);
export type RecipientScope = z.infer<typeof recipientScope>;

/**
 * The registered recipients a named scope names, each a third party; otherwise 422 naming each
 * offending id's field under `field` ("body.details.recipients"). A scope of all names none.
 */
export async function registeredThirdParties(
  registry: Pick<RecipientRegistry, 'get'>,
  scope: RecipientScope,
  field: string,
): Promise<Recipient[]> {
  if (scope.scope === 'all') return [];
  const found = await Promise.all(scope.recipientIds.map((id) => registry.get(id)));
  const errors = scope.recipientIds.flatMap((id, i) => {
    const recipient = found[i];
    const at = `${field}.recipientIds.${i}`;
    if (!recipient)
      return [
        {
          field: at,
          message: `"${id}" is not in the recipient registry; name a registered recipient (GET /v1/staff/recipients), or every third party with scope "all"`,
        },
      ];
    if (recipient.relationship !== 'third-party') {
      return [
        {
          field: at,
          message: `"${id}" is registered as ${recipient.relationship}, which is not a third party (APPI Art. 27(5)); a cessation of provision covers third parties only`,
        },
      ];
    }
    return [];
  });
  if (errors.length > 0) {
    throw new DeskProblem(
      'unprocessable',
      'Recipients not registered as third parties',
      `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}. Nothing was written.`,
      errors,
    );
  }
  return found as Recipient[];
}

/** A lift of stops, kept on the subject for audit: what was lifted, by whom, when and why. */
export interface ProvisionCessationLift {
  scope: RecipientScope;
  /** The stops ended: "all" for the stop to every third party, else a recipient id. */
  lifted: Array<ProvisionStop & { recipient: string }>;
  reason: string;
  by: string;
  at: string;
}

/**
 * The cessation as stored. A flag written before decisions named recipients ({requestId, at}) was a
 * stop to every third party, and is read as one.
 */
export function cessationOf(stored: unknown): ProvisionCessation | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const flag = stored as ProvisionCessation & Partial<ProvisionStop>;
  if (typeof flag.requestId === 'string' && typeof flag.at === 'string')
    return { all: { requestId: flag.requestId, at: flag.at } };
  const recipients = flag.recipients && Object.keys(flag.recipients).length > 0 ? flag.recipients : undefined;
  if (!flag.all && !recipients) return undefined;
  return { ...(flag.all ? { all: flag.all } : {}), ...(recipients ? { recipients } : {}) };
}

/** The stop that covers provision to this recipient, if any. */
export function stopFor(cessation: ProvisionCessation | undefined, recipientId: string): ProvisionStop | undefined {
  if (!cessation) return undefined;
  return (
    cessation.all ??
    (Object.hasOwn(cessation.recipients ?? {}, recipientId) ? cessation.recipients![recipientId] : undefined)
  );
}

/** The cessation with a new decision's stop added; a stop already standing keeps its first request. */
export function withStop(
  current: ProvisionCessation | undefined,
  scope: RecipientScope,
  stop: ProvisionStop,
): ProvisionCessation {
  if (scope.scope === 'all') return { ...current, all: current?.all ?? stop };
  const recipients = { ...current?.recipients };
  for (const id of scope.recipientIds) if (!Object.hasOwn(recipients, id)) recipients[id] = stop;
  return { ...current, recipients };
}

/**
 * The cessation after a lift, and the stops it ends. Lifting all ends every stop; lifting named
 * recipients ends their stops only, so it cannot end a stop to every third party (that is lifted whole).
 */
export function withoutStops(
  current: ProvisionCessation | undefined,
  scope: RecipientScope,
): {
  remaining: ProvisionCessation | undefined;
  lifted: ProvisionCessationLift['lifted'];
  notStopped: string[];
} {
  const named = Object.entries(current?.recipients ?? {});
  if (scope.scope === 'all') {
    const lifted = [
      ...(current?.all ? [{ recipient: 'all', ...current.all }] : []),
      ...named.map(([recipient, stop]) => ({ recipient, ...stop })),
    ];
    return { remaining: undefined, lifted, notStopped: [] };
  }
  const ids = new Set(scope.recipientIds);
  const lifted = named.filter(([id]) => ids.has(id)).map(([recipient, stop]) => ({ recipient, ...stop }));
  const notStopped = scope.recipientIds.filter((id) => !Object.hasOwn(current?.recipients ?? {}, id));
  const recipients = Object.fromEntries(named.filter(([id]) => !ids.has(id)));
  return { remaining: cessationOf({ ...(current?.all ? { all: current.all } : {}), recipients }), lifted, notStopped };
}
