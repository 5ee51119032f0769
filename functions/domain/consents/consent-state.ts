// The current state of a person's consents, derived from their events and never stored: a consent
// given stands until a withdrawal withdraws it. A withdrawal naming the consent it withdraws
// withdraws exactly that one; an older withdrawal without that name withdraws every consent for the
// same purpose and recipient given up to its instant (at the same instant the withdrawal wins, since
// which came first cannot be told).
import type { ConsentEvent } from '../holdings';

/** What a consent covers: a purpose of use, a recipient, or the linkage of access information. */
export interface ConsentCoverage {
  purpose?: string;
  recipient?: string;
  linkage?: ConsentEvent['linkage'];
}

export type ConsentStatus = 'in-force' | 'withdrawn' | 'never';

export interface CoveredConsentState {
  covers: ConsentCoverage;
  status: ConsentStatus;
  /** The consent in force: the latest one given and not withdrawn. */
  consent?: ConsentEvent;
  /** Every event about this coverage, oldest first. */
  events: ConsentEvent[];
}

export function coverageOf(event: ConsentCoverage): ConsentCoverage {
  return {
    ...(event.purpose !== undefined ? { purpose: event.purpose } : {}),
    ...(event.recipient !== undefined ? { recipient: event.recipient } : {}),
    ...(event.linkage !== undefined ? { linkage: event.linkage } : {}),
  };
}

function coverageKey(event: ConsentCoverage): string {
  return JSON.stringify([event.purpose ?? null, event.recipient ?? null, event.linkage ?? null]);
}

/** Oldest first; at the same instant a consent before its withdrawal, then by id, so the order never depends on storage. */
function chronological(a: ConsentEvent, b: ConsentEvent): number {
  return (
    Date.parse(a.at) - Date.parse(b.at) ||
    (a.action === b.action ? 0 : a.action === 'given' ? -1 : 1) ||
    a.eventId.localeCompare(b.eventId)
  );
}

/** The withdrawal that withdrew this consent, if any. */
export function withdrawalOf(events: readonly ConsentEvent[], consent: ConsentEvent): ConsentEvent | undefined {
  const key = coverageKey(consent);
  return events
    .filter((e) => e.action === 'withdrawn')
    .sort(chronological)
    .find((e) =>
      e.withdraws !== undefined
        ? e.withdraws === consent.eventId
        : coverageKey(e) === key && Date.parse(e.at) >= Date.parse(consent.at),
    );
}

/** Per covered thing: in force, withdrawn, or never given; events dated after `now` have not happened yet. */
export function consentState(events: readonly ConsentEvent[], now?: Date): CoveredConsentState[] {
  const happened = events.filter((e) => !now || Date.parse(e.at) <= now.getTime()).sort(chronological);
  const byCoverage = new Map<string, ConsentEvent[]>();
  for (const event of happened) {
    const key = coverageKey(event);
    byCoverage.set(key, [...(byCoverage.get(key) ?? []), event]);
  }
  return [...byCoverage.values()].map((own) => {
    const given = own.filter((e) => e.action === 'given');
    const standing = given.filter((c) => !withdrawalOf(happened, c));
    const consent = standing.at(-1);
    const status: ConsentStatus = consent ? 'in-force' : given.length > 0 ? 'withdrawn' : 'never';
    return { covers: coverageOf(own[0]!), status, ...(consent ? { consent } : {}), events: own };
  });
}

/** The state of one covered thing; 'never' when the person has no event about it. */
export function stateFor(events: readonly ConsentEvent[], covers: ConsentCoverage, now?: Date): CoveredConsentState {
  const key = coverageKey(covers);
  return (
    consentState(events, now).find((s) => coverageKey(s.covers) === key) ?? {
      covers: coverageOf(covers),
      status: 'never',
      events: [],
    }
  );
}

/**
 * The consent in force for a recipient or else for a purpose, as the provision guard and the use
 * check ask it: undefined when there is none, so a withdrawal blocks from the moment it is recorded.
 */
export function consentInForceFor(
  events: readonly ConsentEvent[],
  covers: { recipient?: string; purpose?: string },
  now: Date,
): ConsentEvent | undefined {
  const candidates = [
    ...(covers.recipient !== undefined ? [{ recipient: covers.recipient }] : []),
    ...(covers.purpose !== undefined ? [{ purpose: covers.purpose }] : []),
  ];
  for (const candidate of candidates) {
    const consent = stateFor(events, candidate, now).consent;
    if (consent) return consent;
  }
  return undefined;
}
