// The recipient registry: everyone the desk's business provides personal data to, with what the
// records of provision must name (APPI Art. 29, Enforcement Rules Art. 20: name, address and, for a
// corporation, its representative), whether the recipient is a third party at all (Art. 27(5)), its
// country (Art. 28) and, for a third party, its opt-out registration (Art. 27(2)). Joint use and
// opt-out provision must be published, so both are part of the privacy notice.
import { categoryById } from '../personal-data/categories';
import { type CountryStanding, countryStanding, type EquivalentSetup } from './countries';
import type { RecordKeeping } from './retention';

/**
 * APPI Art. 27(5): a recipient by outsourcing (i), by succession in a merger or other business
 * transfer (ii), or a joint user whose use is published (iii) is not a third party.
 */
export const RECIPIENT_RELATIONSHIPS = [
  { id: 'third-party', source: 'APPI Art. 27(1)' },
  { id: 'outsourcing', source: 'APPI Art. 27(5)(i)' },
  { id: 'merger', source: 'APPI Art. 27(5)(ii)' },
  { id: 'joint-use', source: 'APPI Art. 27(5)(iii)' },
] as const;
export type RecipientRelationship = (typeof RECIPIENT_RELATIONSHIPS)[number]['id'];
export const RECIPIENT_RELATIONSHIP_IDS = RECIPIENT_RELATIONSHIPS.map((r) => r.id) as [
  RecipientRelationship,
  ...RecipientRelationship[],
];

export interface NamedParty {
  name: string;
  address: string;
  /** For a corporation, its representative (Enforcement Rules Art. 20(1)(i)(b)). */
  representative: string;
}

/** APPI Art. 27(5)(iii): what joint use must publish before the data is shared. */
export interface JointUse {
  items: string[];
  jointUsers: string;
  purpose: string;
  responsiblePerson: NamedParty;
}

/**
 * APPI Art. 27(2) and Enforcement Rules Art. 11(4): what an opt-out provision must notify to the
 * person (or make easily known) and to the PPC. Items (i) the provider, (ii) provision being a
 * purpose and (vi) stopping on request are the desk's own and are stated by the notice itself.
 */
export interface OptOutRegistration {
  /** The day the PPC was notified (Art. 27(2)); the PPC publishes it (Art. 27(4)). */
  notifiedOn: string;
  /** (iii) the items of personal data provided. */
  items: string[];
  /** (iv) how the data is acquired. */
  acquisitionMethod: string;
  /** (v) how it is provided. */
  provisionMethod: string;
  /** (vii) how a request to stop is made. */
  requestMethod: string;
  /** (viii), Enforcement Rules Art. 11(4)(i): how the data is updated. */
  updateMethod: string;
  /** (viii), Enforcement Rules Art. 11(4)(ii): when the provision starts. */
  startsOn: string;
}

export interface Recipient extends NamedParty {
  recipientId: string;
  relationship: RecipientRelationship;
  /** ISO 3166-1 alpha-2; JP for a recipient in Japan. */
  country: string;
  equivalentSetup?: EquivalentSetup;
  jointUse?: JointUse;
  optOut?: OptOutRegistration;
  recordKeeping: RecordKeeping;
  /** Where a contract stands in for the record (Enforcement Rules Art. 19(3)): which contract. */
  contractReference?: string;
  /**
   * For outsourcing (APPI Art. 27(5)(i)): the processor in the holder registry this recipient is, whose
   * consignment contract and supervision make it an entrusted person (APPI Art. 25, policy §6(2)B).
   */
  processorHolderId?: string;
  registeredBy: string;
  registeredAt: string;
}

export type RecipientRegistration = Omit<Recipient, 'registeredBy' | 'registeredAt'>;

export interface RecipientView extends Recipient {
  countryStanding: CountryStanding;
}

export const viewOf = (recipient: Recipient): RecipientView => ({
  ...recipient,
  countryStanding: countryStanding(recipient),
});

const label = (id: string) => ({ id, ja: categoryById(id)?.ja ?? id, en: categoryById(id)?.en ?? id });

/** The privacy notice's third-party provision section: the policy, joint use (Art. 27(5)(iii)) and opt-out provision (Art. 27(2)). */
export function thirdPartyProvisionNotice(
  /** APPI Art. 27(2)(i): the provider's name, address and, for a corporation, its representative. */
  provider: {
    name: { ja: string; en: string };
    address: { ja: string; en: string };
    representative: { ja: string; en: string };
  },
  recipients: readonly Recipient[],
) {
  return {
    // Policy §4: no provision without prior consent except the Act's exceptions.
    policy: {
      ja: 'あらかじめご本人の同意を得ることなく、個人データを第三者に提供しません（法令に基づく場合を除く。個人情報の保護に関する法律第27条第1項）。',
      en: 'Personal data is not provided to third parties without prior consent, except where the Act allows (APPI Art. 27(1)).',
    },
    jointUse: recipients.flatMap((r) =>
      r.jointUse
        ? [
            {
              recipientId: r.recipientId,
              items: r.jointUse.items.map(label),
              jointUsers: r.jointUse.jointUsers,
              purpose: r.jointUse.purpose,
              responsiblePerson: r.jointUse.responsiblePerson,
            },
          ]
        : [],
    ),
    optOutItems: recipients.flatMap((r) =>
      r.optOut
        ? [
            {
              recipientId: r.recipientId,
              provider,
              provisionIsAPurposeOfUse: true,
              items: r.optOut.items.map(label),
              acquisitionMethod: r.optOut.acquisitionMethod,
              provisionMethod: r.optOut.provisionMethod,
              stopsOnRequest: true,
              requestMethod: r.optOut.requestMethod,
              updateMethod: r.optOut.updateMethod,
              startsOn: r.optOut.startsOn,
              notifiedToCommissionOn: r.optOut.notifiedOn,
            },
          ]
        : [],
    ),
  };
}
