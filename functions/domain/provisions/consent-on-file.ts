// Whether the person's consent to a provision is on file, from their consent events: a given consent
// covers the provision when it names the recipient or the provision's purpose, and stands until a
// withdrawal withdraws it, as the consent ledger derives it (consents/consent-state.ts). For a recipient abroad
// without equivalence, only a consent given with the information on that country counts (APPI Art.
// 28(2), Enforcement Rules Art. 17; where the country could not be identified, with the reason).
// For personally referable information (Art. 31) the consent asked is a different one: that the
// recipient may link the access information to the person; only a linkage consent naming the
// recipient counts, and a linkage consent never stands in for a consent to provision.
import { withdrawalOf } from '../consents/consent-state';
import type { ConsentEvent } from '../holdings';

export interface ProvisionConsentQuestion {
  recipientId: string;
  purpose: string;
  /** Set for a recipient abroad without equivalence: its country. */
  foreignCountry?: string;
  /** Asks for the person's consent to the recipient linking access information to them (Art. 31(1)(i)). */
  linkage?: boolean;
}

export type ProvisionConsentStanding =
  | { state: 'in-force'; consent: ConsentEvent }
  | { state: 'withdrawn'; withdrawal: ConsentEvent }
  | { state: 'without-foreign-information' }
  | { state: 'none' };

function informsOf(consent: ConsentEvent, country: string): boolean {
  const info = consent.foreignInformation;
  if (!info) return false;
  return 'unknownReason' in info ? info.unknownReason.trim() !== '' : info.country === country;
}

export function provisionConsentOnFile(
  events: readonly ConsentEvent[],
  question: ProvisionConsentQuestion,
): ProvisionConsentStanding {
  const covering = events.filter(
    (e) =>
      e.action === 'given' &&
      (question.linkage
        ? e.linkage === 'access-information' && e.recipient === question.recipientId
        : !e.linkage && (e.recipient === question.recipientId || e.purpose === question.purpose)),
  );
  let withdrawal: ConsentEvent | undefined;
  const standing: ConsentEvent[] = [];
  for (const consent of covering) {
    const withdrawn = withdrawalOf(events, consent);
    if (withdrawn) withdrawal ??= withdrawn;
    else standing.push(consent);
  }
  const { foreignCountry } = question;
  const counting = foreignCountry ? standing.filter((c) => informsOf(c, foreignCountry)) : standing;
  if (counting.length > 0) return { state: 'in-force', consent: counting[0]! };
  if (standing.length > 0) return { state: 'without-foreign-information' };
  return withdrawal ? { state: 'withdrawn', withdrawal } : { state: 'none' };
}
