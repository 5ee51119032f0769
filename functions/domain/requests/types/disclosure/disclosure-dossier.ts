// The dossier a disclosure delivers (APPI Art. 33): every record held about the person with its
// source and purposes, the purposes of use that apply, consents, and the third-party provision
// records (Art. 33(5)); only the parts the person asked for, less what the desk withheld. Purposes
// are described as the registry publishes them today. The My Number documents held are listed with
// their retention (My Number Act Art. 20), but an Individual Number is never in a dossier: the
// function compiling it can read a document's details only (HeldMyNumberDocument).

import type { DeskContact } from '../../../company';
import { CONSENT_ACTION_LABELS, CONSENT_LINKAGE_LABEL, CONSENT_METHOD_LABELS } from '../../../consents/consent-words';
import { HOLDER_RESULTS_WORDS } from '../../../fulfilment/tracking-words';
import type { Expiring, Holdings } from '../../../holdings';
import { INCIDENT_KIND_WORDS } from '../../../incidents/incident-words';
import type { PersonIncident } from '../../../incidents/involving';
import { japanDay } from '../../../kernel/calendar';
import type { DisclosureRecords } from '../../../kernel/law';
import { MY_NUMBER_AFFAIR_WORDS, type MyNumberAffair, myNumberDocument } from '../../../my-number/documents';
import type { HeldMyNumberDocument } from '../../../my-number/ports';
import { categoryById, isLinkedAccessInformation, isSpecialCare } from '../../../personal-data/categories';
import { ACQUISITION_SOURCES } from '../../../personal-data/sources';
import { PROVISION_BASIS_LABELS } from '../../../provisions/provision-words';
import { type PurposeRegistry, describePurpose as purposeText } from '../../../purposes/registry';
import type { DeskRequest, Label, Language } from '../../request';

/** The heading the Art. 33(5) part carries wherever the dossier is read (JSON, page, CSV). */
export const PROVISION_RECORDS_LABEL: Label = {
  ja: '第三者提供記録（個人情報の保護に関する法律第33条第5項）',
  en: 'Records of provision to and receipt from third parties (APPI Art. 33(5))',
};

/**
 * Why the numbers themselves are not in the dossier, wherever it is read: a number travels only on
 * paper (policy: disclosure by post), never in the e-mailed link, the page, JSON or CSV.
 */
export const MY_NUMBER_NOTE: Label = {
  ja: 'マイナンバー（個人番号）そのものは、この開示には記載していません。個人番号は書面の郵送によってのみ開示します。ご希望の場合は、下記の窓口までお申し出ください。',
  en: 'The Individual Numbers (My Numbers) themselves are not in this disclosure. A number is disclosed only in writing by post; if you wish to receive it, ask the desk below.',
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
  /** The registered names of the recipients the person's consents name, by recipient id. */
  recipientNames?: Readonly<Record<string, string>>;
  /** The incidents that involved the person's data (APPI Art. 26), with the notice given to them. */
  incidents?: readonly PersonIncident[];
  /** The My Number documents held for the person, without their numbers (My Number Act Art. 20). */
  myNumberDocuments?: readonly HeldMyNumberDocument[];
}

/**
 * A document bearing the person's Individual Number that the desk holds: which, for which affair,
 * the tax year it is for (or the day its procedure was completed, which its retention counts from)
 * and the last Japan day it is kept. Never the number.
 */
export interface DossierMyNumberDocument {
  document: string;
  /** The document's name in the dossier's language. */
  name: string;
  affair: MyNumberAffair;
  affairLabel: string;
  taxYear?: number;
  /** YYYY-MM-DD: the day a document kept from completion is counted from. */
  completedOn?: string;
  /** YYYY-MM-DD (Japan): the last day it is kept; it is erased after this day. */
  keptUntil: string;
}

/**
 * An incident that involved the person's data, as their dossier states it: which, of what kind, when
 * the company became aware, and what this person was told. Nothing about anyone else.
 */
export interface DossierIncident {
  incidentId: string;
  kinds: string[];
  kindLabels: string[];
  awareAt: string;
  notice?: { state: string; sentAt?: string; alternativeMeasure?: string };
}

export interface DossierRecord {
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
}

export interface DossierConsent {
  action: string;
  purpose?: string;
  recipient?: string;
  /** A consent to linking access information to the person (APPI Art. 31). */
  linkage?: string;
  noticeVersion: string;
  method: string;
  at: string;
  /** The purpose as the registry described it when the dossier was compiled, in its language. */
  purposeDescription?: string;
  /** The recipient's registered name when the dossier was compiled. */
  recipientName?: string;
  /** As served: the action, the method and what a linkage covers, in the dossier's language. */
  actionLabel?: string;
  methodLabel?: string;
  linkageLabel?: string;
}

export interface DossierProvisionRecord {
  direction: string;
  counterparty: string;
  recipient?: string;
  provider?: string;
  items: string[];
  basis: string;
  date: string;
  /** As served: the items and the basis in the dossier's language. */
  itemLabels?: string[];
  basisLabel?: string;
}

/** A record another holder of the person's data (a system of the company or a subcontractor) returned. */
export interface DossierHolderRecord {
  category: string;
  categoryLabel: string;
  value: string;
  linkedAccessInformation: boolean;
  specialCare: boolean;
}

/**
 * What one holder returned for the disclosure (OpenDSR results_url), with its registered name as the
 * source; `available: false` when its results could not be obtained, which the dossier then says.
 */
export interface DossierHolderResults {
  /** The holder's registered name (never its endpoint). */
  holder: string;
  available: boolean;
  records: DossierHolderRecord[];
  receivedAt: string;
}

/** A holder's part as served: its heading and, when nothing could be obtained, the sentence saying so. */
export interface ServedHolderResults extends DossierHolderResults {
  heading?: string;
  notAvailable?: string;
}

/** The desk the person may contact about the disclosure (policy §7), in the dossier's language. */
export interface DossierDesk {
  name: string;
  email: string;
  address?: string;
  hours?: string;
}

export interface Dossier {
  requestId: string;
  language: Language;
  subject: { email: string; name?: string };
  /** The parts the person asked for; a part not asked for is left out. */
  covers: DisclosureRecords[];
  records?: DossierRecord[];
  purposesOfUse?: Array<{ id: string; description: string }>;
  consents?: DossierConsent[];
  /** The data the other holders (the company's systems, its subcontractors) returned, one part per holder. */
  holderResults?: ServedHolderResults[];
  /** Art. 33(5): records kept under Art. 29 (provided: the recipient) and Art. 30 (received: the provider). */
  provisionRecordsLabel?: string;
  provisionRecords?: DossierProvisionRecord[];
  /** Categories kept back by a partial decision, with the grounds and the reason (Art. 33(3), 36). */
  withheld?: {
    categories: Array<{ id: string; label: string }>;
    grounds: Array<{ id: string; label: string }>;
    reason: string;
  };
  /** Leaks, losses or damage that involved the person's data (APPI Art. 26); present when there were any. */
  incidents?: DossierIncident[];
  /** The My Number documents held for the person, without the numbers; present when there are any. */
  myNumberDocuments?: DossierMyNumberDocument[];
  /** As served with myNumberDocuments: that the number itself is disclosed only in writing by post. */
  myNumberNote?: string;
  /** True when the desk holds nothing the person asked for: Art. 33(3) asks that this be said too. */
  nothingHeld: boolean;
  generatedAt: string;
  /** As served: the desk to contact. */
  desk?: DossierDesk;
}

/**
 * A dossier as stored: each record, consent and provision record keeps the expiresAt of what it
 * copies, never served. A record leaves the desk at its expiry (policy §2(4)) whenever TTL gets
 * round to deleting it, so the copy leaves it out from then on too.
 */
export interface StoredDossier
  extends Omit<Dossier, 'records' | 'consents' | 'provisionRecords' | 'desk' | 'holderResults' | 'myNumberDocuments'> {
  myNumberDocuments?: Array<Expiring<DossierMyNumberDocument>>;
  records?: Array<Expiring<DossierRecord>>;
  /** Merged as each holder completes, after the copy was compiled. */
  holderResults?: DossierHolderResults[];
  consents?: Array<Expiring<DossierConsent>>;
  provisionRecords?: Array<Expiring<DossierProvisionRecord>>;
}

export interface StoredDisclosure {
  tokenHash: string;
  requestId: string;
  /** Whose data the copy holds: erasing any of their records erases the copy too. */
  subjectIds: string[];
  dossier: StoredDossier;
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
  { covers, withheld, recipientNames = {}, incidents = [], myNumberDocuments = [] }: DossierOptions = BOTH_PARTS,
): StoredDossier {
  const language = request.language;
  const describePurpose = (id: string) => ({ id, description: purposeText(registry, id, language) });
  const personalData = covers.includes('personal-data');
  const provisionRecords = covers.includes('provision-records');
  const withheldCategories = new Set(withheld?.categories ?? []);
  const records = holdings.records.filter((r) => !withheldCategories.has(r.category));
  const purposeIds = [...new Set(records.flatMap((r) => r.purposes))].sort();
  const nothingHeld =
    (!personalData ||
      (holdings.records.length === 0 && holdings.consents.length === 0 && myNumberDocuments.length === 0)) &&
    (!provisionRecords || holdings.provisionRecords.length === 0);
  return {
    requestId: request.requestId,
    language,
    subject: { email: request.subject.email, ...(request.subject.name ? { name: request.subject.name } : {}) },
    covers: [...covers],
    ...(personalData
      ? {
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
            ...expiryOf(r),
          })),
          purposesOfUse: purposeIds.map(describePurpose),
          consents: holdings.consents.map(
            ({ action, purpose, recipient, linkage, noticeVersion, method, at, expiresAt }) => ({
              action,
              noticeVersion,
              method,
              at,
              ...(purpose ? { purpose, purposeDescription: describePurpose(purpose).description } : {}),
              ...(recipient ? { recipient } : {}),
              ...(recipient && recipientNames[recipient] ? { recipientName: recipientNames[recipient] } : {}),
              ...(linkage ? { linkage } : {}),
              ...expiryOf({ expiresAt }),
            }),
          ),
        }
      : {}),
    ...(provisionRecords
      ? {
          provisionRecordsLabel: PROVISION_RECORDS_LABEL[language],
          provisionRecords: holdings.provisionRecords.map(
            ({ direction, counterparty, items, basis, date, expiresAt }) => ({
              direction,
              counterparty,
              ...(direction === 'provided' ? { recipient: counterparty } : { provider: counterparty }),
              items,
              basis,
              date,
              ...expiryOf({ expiresAt }),
            }),
          ),
        }
      : {}),
    ...(personalData && incidents.length > 0 ? { incidents: incidents.map((i) => dossierIncident(i, language)) } : {}),
    ...(personalData && myNumberDocuments.length > 0
      ? { myNumberDocuments: myNumberDocuments.map((d) => dossierMyNumberDocument(d, language)) }
      : {}),
    ...(withheld
      ? {
          withheld: {
            categories: withheld.categories.map((id) => ({ id, label: categoryById(id)?.[language] ?? id })),
            grounds: withheld.grounds.map(({ id, label }) => ({ id, label: label[language] })),
            reason: withheld.reason,
          },
        }
      : {}),
    nothingHeld,
    generatedAt: now.toISOString(),
  };
}

function dossierMyNumberDocument(d: HeldMyNumberDocument, language: Language): Expiring<DossierMyNumberDocument> {
  return {
    document: d.document,
    name: myNumberDocument(d.document)?.[language] ?? d.document,
    affair: d.affair,
    affairLabel: MY_NUMBER_AFFAIR_WORDS[d.affair]?.[language] ?? d.affair,
    ...(d.taxYear !== undefined ? { taxYear: d.taxYear } : { completedOn: d.documentDate }),
    // expiresAt is the midnight after the last day kept (statutory-periods endOfYears).
    keptUntil: japanDay(new Date(d.expiresAt * 1000 - 1)),
    expiresAt: d.expiresAt,
  };
}

function dossierIncident(i: PersonIncident, language: Language): DossierIncident {
  const n = i.notice;
  return {
    incidentId: i.incidentId,
    kinds: [...i.kinds],
    kindLabels: i.kinds.map((k) => INCIDENT_KIND_WORDS[k][language]),
    awareAt: i.awareAt,
    ...(n
      ? {
          notice: {
            state: n.state,
            ...(n.sentAt ? { sentAt: n.sentAt } : {}),
            ...(n.alternativeMeasure ? { alternativeMeasure: n.alternativeMeasure } : {}),
          },
        }
      : {}),
  };
}

const expiryOf = ({ expiresAt }: { expiresAt?: number }) => (expiresAt === undefined ? {} : { expiresAt });

const isLiveAt =
  (nowSeconds: number) =>
  ({ expiresAt }: { expiresAt?: number }) =>
    expiresAt === undefined || expiresAt > nowSeconds;

function withoutExpiry<T extends object>(item: Expiring<T>): T {
  const { expiresAt: _expiresAt, ...rest } = item;
  return rest as T;
}

/**
 * The dossier as it may be served at `now`: without the items whose record, consent or provision
 * record has expired since it was compiled, the purposes of use only the remaining records have,
 * and no expiries. What the person was told was withheld, and whether anything was held, stay as decided.
 */
export function dossierAsOf(stored: StoredDossier, now: Date): Dossier {
  const live = isLiveAt(Math.floor(now.getTime() / 1000));
  // The holders' parts are named by servedDossier; they carry no expiry of their own (the copy's is theirs).
  const {
    records,
    consents,
    provisionRecords,
    purposesOfUse,
    myNumberDocuments,
    holderResults: _holderResults,
    ...rest
  } = stored;
  const liveDocuments = myNumberDocuments?.filter(live);
  const liveRecords = records?.filter(live);
  const usedFor = new Set(liveRecords?.flatMap((r) => r.purposes.map((p) => p.id)));
  return {
    ...rest,
    ...(liveRecords ? { records: liveRecords.map((r) => withoutExpiry<DossierRecord>(r)) } : {}),
    ...(purposesOfUse ? { purposesOfUse: purposesOfUse.filter((p) => usedFor.has(p.id)) } : {}),
    ...(consents ? { consents: consents.filter(live).map((c) => withoutExpiry<DossierConsent>(c)) } : {}),
    ...(provisionRecords
      ? { provisionRecords: provisionRecords.filter(live).map((p) => withoutExpiry<DossierProvisionRecord>(p)) }
      : {}),
    ...(liveDocuments?.length
      ? { myNumberDocuments: liveDocuments.map((d) => withoutExpiry<DossierMyNumberDocument>(d)) }
      : {}),
  };
}

/**
 * When the stored copy itself goes: after the link's lifetime (`linkExpiresAt`), or earlier when
 * every item it shows has an expiry and the last of them comes first; a copy of nothing keeps the
 * link's lifetime, to say that nothing is held (APPI Art. 33(3)).
 */
export function storedDossierExpiresAt(dossier: StoredDossier, linkExpiresAt: number): number {
  const items: Array<{ expiresAt?: number }> = [
    ...(dossier.records ?? []),
    ...(dossier.consents ?? []),
    ...(dossier.provisionRecords ?? []),
    ...(dossier.myNumberDocuments ?? []),
  ];
  if (items.length === 0 || items.some((i) => i.expiresAt === undefined)) return linkExpiresAt;
  return Math.min(linkExpiresAt, Math.max(...items.map((i) => i.expiresAt!)));
}

const labelIn = <K extends string>(
  labels: Readonly<Record<K, { ja: string; en: string }>>,
  id: string,
  language: Language,
): string | undefined => (Object.hasOwn(labels, id) ? labels[id as K][language] : undefined);

/**
 * The dossier as the link and the staff's print view serve it (APPI Art. 33(1)): what may be served
 * at `now` (dossierAsOf), with the words of each code in the dossier's language from their one source,
 * and the desk to contact, so every reader (the page, CSV, the console, the person's own software)
 * shows the same words; a copy compiled before a word existed gets it too.
 */
export function servedDossier(stored: StoredDossier, now: Date, desk: DeskContact): Dossier {
  const dossier = dossierAsOf(stored, now);
  const { language } = dossier;
  return {
    ...dossier,
    ...(dossier.records
      ? {
          records: dossier.records.map((r) => ({
            ...r,
            categoryLabel: r.categoryLabel ?? categoryById(r.category)?.[language] ?? r.category,
          })),
        }
      : {}),
    ...(dossier.consents
      ? {
          consents: dossier.consents.map((c) => {
            const actionLabel = labelIn(CONSENT_ACTION_LABELS, c.action, language);
            const methodLabel = labelIn(CONSENT_METHOD_LABELS, c.method, language);
            return {
              ...c,
              ...(actionLabel ? { actionLabel } : {}),
              ...(methodLabel ? { methodLabel } : {}),
              ...(c.linkage ? { linkageLabel: CONSENT_LINKAGE_LABEL[language] } : {}),
            };
          }),
        }
      : {}),
    ...(dossier.provisionRecords
      ? {
          provisionRecords: dossier.provisionRecords.map((p) => {
            const basisLabel = labelIn(PROVISION_BASIS_LABELS, p.basis, language);
            return {
              ...p,
              itemLabels: p.items.map((id) => categoryById(id)?.[language] ?? id),
              ...(basisLabel ? { basisLabel } : {}),
            };
          }),
        }
      : {}),
    ...(stored.holderResults && dossier.records
      ? {
          holderResults: stored.holderResults.map((h) => ({
            ...h,
            heading: HOLDER_RESULTS_WORDS.heading[language].replace('{holder}', h.holder),
            ...(h.available
              ? {}
              : { notAvailable: HOLDER_RESULTS_WORDS.notAvailable[language].replace('{holder}', h.holder) }),
          })),
        }
      : {}),
    ...(dossier.myNumberDocuments ? { myNumberNote: MY_NUMBER_NOTE[language] } : {}),
    desk: {
      name: desk.name[language],
      email: desk.email,
      address: desk.address[language],
      hours: desk.hoursText[language],
    },
  };
}

/**
 * One holder's part of a disclosure from what it returned (`undefined`: its results could not be
 * obtained). Only records in the categories the holder was asked about are kept: a category the
 * decision withheld, or one outside the disclosure, is never shown because a holder returned it.
 */
export function holderResultsPart(
  holder: string,
  askedCategories: readonly string[],
  records: ReadonlyArray<{ category: string; value: string }> | undefined,
  language: Language,
  now: Date,
): DossierHolderResults {
  const asked = new Set(askedCategories);
  return {
    holder,
    available: records !== undefined,
    records: (records ?? [])
      .filter((r) => asked.has(r.category))
      .map((r) => ({
        category: r.category,
        categoryLabel: categoryById(r.category)?.[language] ?? r.category,
        value: r.value,
        linkedAccessInformation: isLinkedAccessInformation(r.category),
        specialCare: isSpecialCare(r.category),
      })),
    receivedAt: now.toISOString(),
  };
}
