// The dossier a disclosure delivers (APPI Art. 33): every record held about the person with its
// source and purposes, the purposes of use that apply, consents, and the third-party provision
// records (Art. 33(5)); only the parts the person asked for, less what the desk withheld. Purposes
// are described as the registry publishes them today; Individual Numbers are never in a dossier
// (the holdings it is compiled from never include the my-number table).
import type { Holdings } from '../holdings';
import type { DisclosureRecords } from '../law';
import { categoryById, isLinkedAccessInformation, isSpecialCare } from '../personal-data/categories';
import { ACQUISITION_SOURCES } from '../personal-data/sources';
import { describePurpose as purposeText, type PurposeRegistry } from '../purposes/registry';
import type { DeskRequest, Language } from './request';
import type { Label } from './request-types';

/** The heading the Art. 33(5) part carries wherever the dossier is read (JSON, page, CSV). */
export const PROVISION_RECORDS_LABEL: Label = {
  ja: '第三者提供記録（個人情報の保護に関する法律第33条第5項）',
  en: 'Records of provision to and receipt from third parties (APPI Art. 33(5))',
};

/** What a partial decision kept back (APPI Art. 33(2),(3), 36): categories, grounds and reason, as given. */
export interface Withholding {
  categories: string[];
  grounds: Array<{ id: string; label: Label }>;
  reason: string;
}

export interface DossierOptions {
  /** The parts the person asked for (Art. 33(1),(5)); both by default. */
  covers: readonly DisclosureRecords[];
  withheld?: Withholding;
}

export interface Dossier {
  requestId: string;
  language: Language;
  subject: { email: string; name?: string };
  /** The parts the person asked for; a part not asked for is left out. */
  covers: DisclosureRecords[];
  records?: Array<{
    category: string;
    /** The category's name in the dossier's language, as the page shows it (the console's print view needs it too). */
    categoryLabel: string;
    value: string;
    source: { kind: string; description: string; detail?: string };
    purposes: Array<{ id: string; description: string }>;
    acquiredAt: string;
    /** Access information (cookies, web beacons, advertising identifiers) the desk holds linked to the person (policy §1). */
    linkedAccessInformation: boolean;
    /** Special care-required information (APPI Art. 2(3)). */
    specialCare: boolean;
  }>;
  purposesOfUse?: Array<{ id: string; description: string }>;
  consents?: Array<{ action: string; purpose?: string; recipient?: string; noticeVersion: string; method: string; at: string }>;
  /** Art. 33(5): records kept under Art. 29 (provided: the recipient) and Art. 30 (received: the provider). */
  provisionRecordsLabel?: string;
  provisionRecords?: Array<{
    direction: string;
    counterparty: string;
    recipient?: string;
    provider?: string;
    items: string[];
    basis: string;
    date: string;
  }>;
  /** Categories kept back by a partial decision, with the grounds and the reason (Art. 33(3), 36). */
  withheld?: {
    categories: Array<{ id: string; label: string }>;
    grounds: Array<{ id: string; label: string }>;
    reason: string;
  };
  /** True when the desk holds nothing the person asked for: Art. 33(3) asks that this be said too. */
  nothingHeld: boolean;
  generatedAt: string;
}

export interface StoredDisclosure {
  tokenHash: string;
  requestId: string;
  /** Whose data the copy holds: erasing any of their records erases the copy too. */
  subjectIds: string[];
  dossier: Dossier;
  createdAt: string;
  expiresAt: number;
}

const BOTH_PARTS: DossierOptions = { covers: ['personal-data', 'provision-records'] };

/** `registry`: the current version of each purpose (registryOf over the published versions). */
export function compileDossier(
  request: DeskRequest,
  holdings: Holdings,
  registry: PurposeRegistry,
  now: Date,
  { covers, withheld }: DossierOptions = BOTH_PARTS,
): Dossier {
  const language = request.language;
  const describePurpose = (id: string) => ({ id, description: purposeText(registry, id, language) });
  const personalData = covers.includes('personal-data');
  const provisionRecords = covers.includes('provision-records');
  const withheldCategories = new Set(withheld?.categories ?? []);
  const records = holdings.records.filter((r) => !withheldCategories.has(r.category));
  const purposeIds = [...new Set(records.flatMap((r) => r.purposes))].sort();
  const nothingHeld = (!personalData || (holdings.records.length === 0 && holdings.consents.length === 0))
    && (!provisionRecords || holdings.provisionRecords.length === 0);
  return {
    requestId: request.requestId,
    language,
    subject: { email: request.subject.email, ...(request.subject.name ? { name: request.subject.name } : {}) },
    covers: [...covers],
    ...(personalData ? {
      records: records.map((r) => ({
        category: r.category,
        categoryLabel: categoryById(r.category)?.[language] ?? r.category,
        value: r.value,
        source: {
          kind: r.source,
          description: ACQUISITION_SOURCES.find((s) => s.id === r.source)?.[language] ?? r.source,
          ...(r.sourceDetail ? { detail: r.sourceDetail } : {}),
        },
        purposes: r.purposes.map(describePurpose),
        acquiredAt: r.acquiredAt,
        linkedAccessInformation: isLinkedAccessInformation(r.category),
        specialCare: isSpecialCare(r.category),
      })),
      purposesOfUse: purposeIds.map(describePurpose),
      consents: holdings.consents.map(({ action, purpose, recipient, noticeVersion, method, at }) => ({
        action, noticeVersion, method, at,
        ...(purpose ? { purpose } : {}),
        ...(recipient ? { recipient } : {}),
      })),
    } : {}),
    ...(provisionRecords ? {
      provisionRecordsLabel: PROVISION_RECORDS_LABEL[language],
      provisionRecords: holdings.provisionRecords.map(({ direction, counterparty, items, basis, date }) => ({
        direction, counterparty, ...(direction === 'provided' ? { recipient: counterparty } : { provider: counterparty }), items, basis, date,
      })),
    } : {}),
    ...(withheld ? {
      withheld: {
        categories: withheld.categories.map((id) => ({ id, label: categoryById(id)?.[language] ?? id })),
        grounds: withheld.grounds.map(({ id, label }) => ({ id, label: label[language] })),
        reason: withheld.reason,
      },
    } : {}),
    nothingHeld,
    generatedAt: now.toISOString(),
  };
}
