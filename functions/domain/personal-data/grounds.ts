// The grounds a record or a use rests on: a purpose that is registered and active (APPI Art. 17,
// 18(1)), and a consent of the person that is on file and not withdrawn (APPI Art. 18(1), 20(2)).

import { withdrawalOf } from '../consents/consent-state';
import type { ConsentEvent } from '../holdings';
import type { PurposeRegistry } from '../purposes/registry';

/** The calendar day (UTC) of an instant, as problem details name dates. */
export function dayOf(instant: string | number | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Why a purpose cannot be used, or undefined when it is registered and active. */
export function unusablePurpose(registry: PurposeRegistry, purposeId: string): string | undefined {
  const purpose = registry.get(purposeId);
  if (!purpose) return `"${purposeId}" is not a registered purpose of use`;
  if (purpose.status === 'retired') {
    return `"${purposeId}" was retired on ${dayOf(purpose.retiredAt ?? purpose.effectiveFrom)} and can no longer be used`;
  }
  return undefined;
}

export type ConsentStanding = { inForce: true; consent: ConsentEvent } | { inForce: false; why: string };

/**
 * Whether the cited event is a consent the person gave and has not withdrawn since. `events` are the
 * subject's own live events, so a consent of another person or past its expiry is not on file.
 */
export function consentOnFile(events: readonly ConsentEvent[], consentId: string): ConsentStanding {
  const consent = events.find((e) => e.eventId === consentId);
  if (!consent) return { inForce: false, why: `"${consentId}" is not a consent of this subject on file` };
  if (consent.action !== 'given') return { inForce: false, why: `"${consentId}" records a withdrawal, not a consent` };
  const withdrawal = withdrawalOf(events, consent);
  if (withdrawal) return { inForce: false, why: `"${consentId}" was withdrawn on ${dayOf(withdrawal.at)}` };
  return { inForce: true, consent };
}
