// The grounds a record or a use rests on: a purpose that is registered and active (APPI Art. 17,
// 18(1)), and a consent of the person that is on file and not withdrawn (APPI Art. 18(1), 20(2)).
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
  const withdrawal = events.find((e) => e.action === 'withdrawn' && e.purpose === consent.purpose
    && e.recipient === consent.recipient && Date.parse(e.at) > Date.parse(consent.at));
  if (withdrawal) return { inForce: false, why: `"${consentId}" was withdrawn on ${dayOf(withdrawal.at)}` };
  return { inForce: true, consent };
}

/** The person's latest consent event for a purpose; of two at the same instant, the withdrawal. */
export function latestConsentFor(events: readonly ConsentEvent[], purpose: string): ConsentEvent | undefined {
  let latest: ConsentEvent | undefined;
  for (const event of events) {
    if (event.purpose !== purpose) continue;
    const order = latest ? Date.parse(event.at) - Date.parse(latest.at) : 1;
    if (order > 0 || (order === 0 && event.action === 'withdrawn')) latest = event;
  }
  return latest;
}
