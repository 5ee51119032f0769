// POST /v1/system/consents and POST /v1/staff/subjects/{subjectId}/consents: a consent or a
// withdrawal is appended to the ledger, never changing an earlier event. A consent covers exactly one
// purpose (registered and active), recipient (registered) or linkage; cites the privacy notice version
// shown, whose text the desk keeps; and, for a recipient the provision guard treats as abroad (no
// equivalent country, no equivalent setup), records what the person was told about the country (APPI
// Art. 28(2), Enforcement Rules Art. 17). A withdrawal names the consent in force it
// withdraws. The event and its receipt to the person commit together.

import { type Company, deskContact } from '../company';
import type { DeskSettings } from '../desk';
import type { ConsentEvent, ForeignRecipientInformation } from '../holdings';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { consentOnFile, unusablePurpose } from '../personal-data/grounds';
import type { ConsentReader } from '../personal-data/ports';
import { privacyNotice, privacyNoticeVersion } from '../privacy-notice';
import { countryStanding } from '../provisions/countries';
import type { RecipientRegistry } from '../provisions/ports';
import type { Recipient } from '../provisions/recipients';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { Language } from '../requests/request';
import { type ConsentCoverage, coverageOf } from './consent-state';
import type { ConsentLedger, NoticeArchive, SubjectAddressBook } from './ports';
import { consentReceipt } from './receipts';
import { type ConsentCollector, METHODS_BY_COLLECTOR, UNKNOWN_COUNTRY } from './rules';

export interface ForeignInformationInput {
  country: string;
  protectionSystem?: string;
  recipientMeasures?: string;
  unknownReason?: string;
}

export interface GiveConsent {
  action: 'given';
  subjectId: string;
  purpose?: string;
  /** A recipient in the recipient registry. */
  recipient?: string;
  linkage?: 'access-information';
  foreignInformation?: ForeignInformationInput;
  noticeVersion: string;
  method: string;
  language: Language;
}

export interface WithdrawConsent {
  action: 'withdrawn';
  subjectId: string;
  withdraws: string;
  method: string;
  language: Language;
}

export type ConsentInput = GiveConsent | WithdrawConsent;

/** Who recorded the event: a system principal, a staff id, or the person through self-service. */
export interface Collector {
  kind: ConsentCollector;
  id: string;
}

/** The receipt names a consent's recipient as the registry holds it, for a withdrawal too. */
export interface RecordConsentDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  consents: ConsentReader;
  recipients: Pick<RecipientRegistry, 'get'>;
  purposes: PurposeVersionReader;
  notices: NoticeArchive;
  addresses: SubjectAddressBook;
  ledger: ConsentLedger;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
  settings: DeskSettings;
}

export interface RecordedConsent {
  eventId: string;
  subjectId: string;
  action: ConsentEvent['action'];
  covers: ConsentCoverage;
  withdraws?: string;
  noticeVersion: string;
  method: string;
  collectedBy: string;
  at: string;
  /** Whether a receipt went to the address the desk holds, or none is held. */
  receipt: 'e-mailed' | 'no-address-held';
}

const refused = (faults: string[]) =>
  new DeskProblem('unprocessable', 'Consent not recorded', `${faults.join('; ')}. Nothing was recorded.`);

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * APPI Art. 28(2), Enforcement Rules Art. 17: the country, its system and the recipient's measures, or
 * 'unknown' with the reason; the country named is the one the recipient is registered in.
 */
export function foreignInformationFaults(
  info: ForeignInformationInput | undefined,
  recipient: Pick<Recipient, 'recipientId' | 'country'>,
): string[] {
  if (!info)
    return [
      `foreignInformation: "${recipient.recipientId}" is in ${recipient.country}, without an equivalent system or setup; give the information the person was given: country, protectionSystem and recipientMeasures, or country "unknown" with unknownReason (APPI Art. 28(2), Enforcement Rules Art. 17)`,
    ];
  if (!nonEmpty(info.country))
    return [
      `foreignInformation.country: name the recipient's country (${recipient.country}), or "unknown" with unknownReason`,
    ];
  if (info.country !== UNKNOWN_COUNTRY && info.country !== recipient.country) {
    return [
      `foreignInformation.country: "${recipient.recipientId}" is registered in ${recipient.country}; the person must be told about that country, or "unknown" with unknownReason`,
    ];
  }
  if (info.country === UNKNOWN_COUNTRY) {
    return nonEmpty(info.unknownReason)
      ? []
      : [
          'foreignInformation.unknownReason: where the country cannot be identified, give the reason the person was told (Enforcement Rules Art. 17(3))',
        ];
  }
  return [
    ...(nonEmpty(info.protectionSystem)
      ? []
      : [
          "foreignInformation.protectionSystem: describe that country's system for protecting personal information, as the person was told it (Enforcement Rules Art. 17(2)(ii))",
        ]),
    ...(nonEmpty(info.recipientMeasures)
      ? []
      : [
          "foreignInformation.recipientMeasures: describe the recipient's protective measures, as the person was told them (Enforcement Rules Art. 17(2)(iii))",
        ]),
  ];
}

function foreignInformationOf(info: ForeignInformationInput): ForeignRecipientInformation {
  return info.country === UNKNOWN_COUNTRY
    ? { country: UNKNOWN_COUNTRY, unknownReason: info.unknownReason! }
    : { country: info.country, protectionSystem: info.protectionSystem!, recipientMeasures: info.recipientMeasures! };
}

function methodFaults(collector: Collector, method: string): string[] {
  const allowed: readonly string[] = METHODS_BY_COLLECTOR[collector.kind];
  return allowed.includes(method)
    ? []
    : [`method: "${method}" cannot be recorded here; this route records ${allowed.join(' or ')}`];
}

/** Faults of a consent to a recipient: registered, and given with the country's information exactly when the provision guard asks for it. */
function recipientFaults(input: GiveConsent, recipient: Recipient | undefined): string[] {
  if (input.recipient === undefined) {
    return input.foreignInformation === undefined
      ? []
      : [
          'foreignInformation: only a consent to a recipient abroad without an equivalent system or setup takes foreign-recipient information; remove it',
        ];
  }
  if (!recipient)
    return [
      `recipient: "${input.recipient}" is not in the recipient registry; an officer registers it first (POST /v1/staff/recipients)`,
    ];
  if (countryStanding(recipient) === 'foreign') return foreignInformationFaults(input.foreignInformation, recipient);
  return input.foreignInformation === undefined
    ? []
    : [
        `foreignInformation: "${recipient.recipientId}" is ${countryStanding(recipient)} (APPI Art. 28(1)); only a consent to a recipient abroad without an equivalent system or setup takes foreign-recipient information; remove it`,
      ];
}

export async function recordConsent(
  deps: RecordConsentDeps,
  collector: Collector,
  input: ConsentInput,
): Promise<RecordedConsent> {
  const now = deps.clock.now();
  const [versions, events] = await Promise.all([
    deps.purposes.versions(),
    deps.consents.consentsOf(input.subjectId, now),
  ]);
  const registry = registryOf(versions);
  const currentNotice = privacyNoticeVersion(versions);
  const faults = methodFaults(collector, input.method);
  let covers: ConsentCoverage;
  let extra: Partial<ConsentEvent> = {};
  let noticeVersion = currentNotice;

  if (input.action === 'given') {
    // A linkage consent may name the recipient that will link the access information (APPI Art. 31(1)(i));
    // without one it is consent to the desk's own linkage (policy §1).
    const named = (['purpose', 'recipient', 'linkage'] as const).filter(
      (field) => input[field] !== undefined && !(field === 'recipient' && input.linkage !== undefined),
    );
    if (named.length !== 1)
      faults.push(
        `${named.length === 0 ? 'purpose, recipient, linkage' : named.join(', ')}: a consent covers exactly one purpose, one recipient or the linkage of access information (with the recipient that links it, if another business does); send one`,
      );
    if (input.purpose !== undefined) {
      const unusable = unusablePurpose(registry, input.purpose);
      if (unusable) faults.push(`purpose: ${unusable}`);
    }
    const recipientProblems = recipientFaults(
      input,
      input.recipient !== undefined ? await deps.recipients.get(input.recipient) : undefined,
    );
    faults.push(...recipientProblems);
    noticeVersion = input.noticeVersion;
    if (noticeVersion !== currentNotice && !(await deps.notices.isKept(noticeVersion))) {
      faults.push(
        `noticeVersion: "${noticeVersion}" is neither the current privacy notice version (${currentNotice}) nor a version whose text the desk keeps; show the current notice and cite its version`,
      );
    }
    covers = coverageOf(input);
    if (input.foreignInformation && recipientProblems.length === 0) {
      extra = { foreignInformation: foreignInformationOf(input.foreignInformation) };
    }
  } else {
    const standing = consentOnFile(events, input.withdraws);
    if (!standing.inForce) {
      faults.push(
        `withdraws: ${standing.why}${standing.why.includes('withdrawn on') ? '' : '; name a consent of this subject that is in force'}`,
      );
      covers = {};
    } else {
      covers = coverageOf(standing.consent);
      extra = { withdraws: input.withdraws };
    }
  }
  if (faults.length > 0) throw refused(faults);

  if (noticeVersion === currentNotice)
    await deps.notices.keep(currentNotice, privacyNotice(versions, deps.settings), now.toISOString());
  const at = now.toISOString();
  const evidenceUntil = Math.floor(now.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS;
  const event: ConsentEvent = {
    subjectId: input.subjectId,
    eventId: `consent-${deps.secrets.id()}`,
    action: input.action,
    ...covers,
    ...extra,
    noticeVersion,
    method: input.method,
    collectedBy: collector.id,
    at,
  };
  const address = await deps.addresses.addressOf(input.subjectId, now);
  const recipient = address && event.recipient !== undefined ? await deps.recipients.get(event.recipient) : undefined;
  const receipt = address
    ? consentReceipt(
        `${event.eventId}-receipt`,
        address,
        event,
        registry,
        input.language,
        now,
        deskContact(deps.company),
        recipient?.name,
      )
    : undefined;
  try {
    await deps.ledger.append({
      // A withdrawal and the consent it ends are kept as evidence for the evidence period (docs/architecture.md).
      event: input.action === 'withdrawn' ? { ...event, expiresAt: evidenceUntil } : event,
      ...(receipt ? { receipt } : {}),
      ...(input.action === 'withdrawn'
        ? { withdrawn: { subjectId: input.subjectId, eventId: input.withdraws, expiresAt: evidenceUntil } }
        : {}),
    });
  } catch (error) {
    if (error instanceof StaleWriteError)
      throw new DeskProblem(
        'conflict',
        'Consent changed',
        'The consent changed while this was recorded. Read the consents again and retry.',
      );
    throw error;
  }
  return {
    eventId: event.eventId,
    subjectId: event.subjectId,
    action: event.action,
    covers,
    ...(event.withdraws ? { withdraws: event.withdraws } : {}),
    noticeVersion,
    method: event.method,
    collectedBy: collector.id,
    at,
    receipt: receipt ? 'e-mailed' : 'no-address-held',
  };
}
