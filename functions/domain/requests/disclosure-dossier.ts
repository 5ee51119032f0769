// The dossier a disclosure delivers (APPI Art. 33): every record held about the person with its
// source and purposes, the purposes of use that apply, consents, and provision records. Purposes
// are described as the registry publishes them today; Individual Numbers are never in a dossier
// (the holdings it is compiled from never include the my-number table).
import type { Holdings } from '../holdings';
import { isLinkedAccessInformation, isSpecialCare } from '../personal-data/categories';
import { ACQUISITION_SOURCES } from '../personal-data/sources';
import { describePurpose as purposeText, type PurposeRegistry } from '../purposes/registry';
import type { DeskRequest, Language } from './request';

export interface Dossier {
  requestId: string;
  language: Language;
  subject: { email: string; name?: string };
  records: Array<{
    category: string;
    value: string;
    source: { kind: string; description: string; detail?: string };
    purposes: Array<{ id: string; description: string }>;
    acquiredAt: string;
    /** Access information (cookies, web beacons, advertising identifiers) the desk holds linked to the person (policy §1). */
    linkedAccessInformation: boolean;
    /** Special care-required information (APPI Art. 2(3)). */
    specialCare: boolean;
  }>;
  purposesOfUse: Array<{ id: string; description: string }>;
  consents: Array<{ action: string; purpose?: string; recipient?: string; noticeVersion: string; method: string; at: string }>;
  provisionRecords: Array<{ direction: string; counterparty: string; items: string[]; basis: string; date: string }>;
  /** True when the desk holds nothing about the person: Art. 33(3) asks that this be said too. */
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

/** `registry`: the current version of each purpose (registryOf over the published versions). */
export function compileDossier(request: DeskRequest, holdings: Holdings, registry: PurposeRegistry, now: Date): Dossier {
  const language = request.language;
  const describePurpose = (id: string) => ({ id, description: purposeText(registry, id, language) });
  const purposeIds = [...new Set(holdings.records.flatMap((r) => r.purposes))].sort();
  return {
    requestId: request.requestId,
    language,
    subject: { email: request.subject.email, ...(request.subject.name ? { name: request.subject.name } : {}) },
    records: holdings.records.map((r) => ({
      category: r.category,
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
    provisionRecords: holdings.provisionRecords.map(({ direction, counterparty, items, basis, date }) => ({
      direction, counterparty, items, basis, date,
    })),
    nothingHeld: holdings.records.length === 0 && holdings.consents.length === 0 && holdings.provisionRecords.length === 0,
    generatedAt: now.toISOString(),
  };
}
