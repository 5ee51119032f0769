// POST /v1/system/provisions: may this data of these people go to this recipient? Per subject, one
// basis must hold (policy §4, APPI Art. 27, 28): the person's consent on file; an exception of Art.
// 27(1) with its justification; the opt-out scheme (Art. 27(2)); or a recipient that is not a third
// party (Art. 27(5)). A cessation of provision decided on the person's request (Art. 35(3),(5)) or a
// withdrawn consent blocks the very next provision on consent or opt-out to the recipients it covers; a
// provision under an Art. 27(1) exception passes it, since the right reaches provision in breach of
// Art. 27(1) or 28 and the Art. 35(5) cases, not provision the law itself allows. All or nothing: if any subject is refused, nothing is provided or recorded.
// Personally referable information (access information a recipient will link to the person, Art. 31)
// goes only on the person's consent to that linkage, confirmed per subject. A permitted provision on
// consent, opt-out or linkage consent leaves a record per subject (Art. 29, 31(3)); the others leave
// evidence saying why no record was due.
import { contractFaults } from '../holders/contract';
import type { Holder, HolderReader } from '../holders/holder';
import { japanDay } from '../kernel/calendar';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { isLinkedAccessInformation, isSpecialCare } from '../personal-data/categories';
import { unusablePurpose } from '../personal-data/grounds';
import type { ConsentReader, SubjectLifecycleReader } from '../personal-data/ports';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { SystemActor } from '../systems';
import { provisionConsentOnFile } from './consent-on-file';
import { countryStanding } from './countries';
import type { ProvisionLedger, ProvisionWrite, RecipientRegistry, StoredProvisionRecord } from './ports';
import { cessationOf, type ProvisionStop, stopFor } from './provision-cessation';
import type { Recipient } from './recipients';
import { provisionRecordExpiresAt } from './retention';

/**
 * Policy §4, APPI Art. 27(1)(i)-(iv): the cases in which data may go to a third party without consent.
 * Items (v)-(vii) are for academic research institutions (Art. 16(8)); the policy relies on none of them.
 */
export const PROVISION_EXCEPTIONS = [
  { id: 'required-by-law', source: 'APPI Art. 27(1)(i)' },
  { id: 'protection-of-life-body-property', source: 'APPI Art. 27(1)(ii)' },
  { id: 'public-health-or-children', source: 'APPI Art. 27(1)(iii)' },
  { id: 'cooperation-with-public-body', source: 'APPI Art. 27(1)(iv)' },
] as const;
export type ProvisionException = (typeof PROVISION_EXCEPTIONS)[number]['id'];
export const PROVISION_EXCEPTION_IDS = PROVISION_EXCEPTIONS.map((e) => e.id) as [
  ProvisionException,
  ...ProvisionException[],
];

export const PROVISION_BASES = ['consent', 'exception', 'opt-out', 'not-third-party', 'linkage-consent'] as const;
export type ProvisionBasis = (typeof PROVISION_BASES)[number];

export const PROVISION_REFUSALS = [
  'cessation-of-provision-requested',
  'consent-withdrawn',
  'no-consent',
  'no-foreign-information',
  'received-by-opt-out',
] as const;
export type ProvisionRefusal = (typeof PROVISION_REFUSALS)[number];

export interface ProvisionRequest {
  recipient: string;
  subjects: string[];
  items: string[];
  purpose: string;
  basis: ProvisionBasis;
  exception?: ProvisionException;
  justification?: string;
}

export interface SubjectPermission {
  subjectId: string;
  basis: ProvisionBasis;
  detail: string;
  recordId?: string;
  consentId?: string;
  /** Under an exception: the person's cessation of provision that stood and did not apply (APPI Art. 35(3),(5)). */
  cessationPassed?: ProvisionStop;
}

export interface SubjectRefusal {
  subjectId: string;
  reason: ProvisionRefusal;
  detail: string;
}

export type ProvisionAnswer =
  | {
      permitted: true;
      provisionId: string;
      recipient: string;
      basis: ProvisionBasis;
      providedAt: string;
      evidenceId?: string;
      results: SubjectPermission[];
    }
  | { permitted: false; refusals: SubjectRefusal[] };

export interface PermitProvisionDeps {
  recipients: Pick<RecipientRegistry, 'get'>;
  holders: Pick<HolderReader, 'get'>;
  purposes: PurposeVersionReader;
  lifecycles: SubjectLifecycleReader;
  consents: ConsentReader;
  ledger: ProvisionLedger;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
}

const unprocessable = (title: string, detail: string) =>
  new DeskProblem('unprocessable', title, `${detail} Nothing was provided or recorded.`);

/** What makes the whole request impossible, whoever the subjects are. */
function checkRequest(
  request: ProvisionRequest,
  recipient: Recipient | undefined,
  purposeProblem: string | undefined,
  processor: Holder | undefined,
  now: Date,
): asserts recipient is Recipient {
  if (!recipient)
    throw unprocessable(
      'Unknown recipient',
      `recipient: "${request.recipient}" is not in the recipient registry; an officer registers it first (POST /v1/staff/recipients).`,
    );
  if (purposeProblem)
    throw unprocessable(
      'Unknown purpose',
      `purpose: ${purposeProblem}; provide data only for a published, active purpose of use (APPI Art. 17, 21).`,
    );
  const abroad = countryStanding(recipient) === 'foreign';
  switch (request.basis) {
    case 'exception':
      if (!request.exception || !request.justification) {
        throw unprocessable(
          'Exception not stated',
          'exception, justification: a provision under an exception of APPI Art. 27(1) names the exception and says why it applies; the justification is kept as evidence.',
        );
      }
      return;
    case 'opt-out': {
      if (!recipient.optOut)
        throw unprocessable(
          'No opt-out registration',
          `basis: "${recipient.recipientId}" has no opt-out registration notified to the PPC and published (APPI Art. 27(2)).`,
        );
      const specialCare = request.items.filter(isSpecialCare);
      if (specialCare.length > 0) {
        throw unprocessable(
          'Special care-required information by opt-out',
          `items: ${specialCare.join(', ')} is special care-required information, which may never be provided by opt-out (APPI Art. 27(2) proviso); it needs the person's consent.`,
        );
      }
      const unpublished = request.items.filter((i) => !recipient.optOut!.items.includes(i));
      if (unpublished.length > 0)
        throw unprocessable(
          'Items not published for opt-out',
          `items: ${unpublished.join(', ')} is not among the items published for this opt-out provision (APPI Art. 27(2)(iii)).`,
        );
      if (abroad)
        throw unprocessable(
          'Opt-out abroad',
          `basis: "${recipient.recipientId}" is in ${recipient.country}, without an equivalent system or setup; provision abroad needs the person's consent (APPI Art. 28(1)).`,
        );
      return;
    }
    case 'not-third-party': {
      if (recipient.relationship === 'third-party') {
        throw unprocessable(
          'Recipient is a third party',
          `basis: "${recipient.recipientId}" is registered as a third party, not as outsourcing, merger or joint use (APPI Art. 27(5)).`,
        );
      }
      if (recipient.relationship === 'outsourcing') checkProcessor(recipient, processor, now);
      const unpublished = recipient.jointUse ? request.items.filter((i) => !recipient.jointUse!.items.includes(i)) : [];
      if (unpublished.length > 0)
        throw unprocessable(
          'Items not published for joint use',
          `items: ${unpublished.join(', ')} is not among the items published for this joint use (APPI Art. 27(5)(iii)).`,
        );
      if (abroad)
        throw unprocessable(
          'Outsourcing abroad',
          `basis: "${recipient.recipientId}" is in ${recipient.country}, without an equivalent system or setup; even an outsourcee or joint user there counts as a third party and needs the person's consent (APPI Art. 28(1)).`,
        );
      return;
    }
    case 'linkage-consent': {
      const notReferable = request.items.filter((i) => !isLinkedAccessInformation(i));
      if (notReferable.length > 0) {
        throw unprocessable(
          'Not personally referable information',
          `items: ${notReferable.join(', ')} is not access information; a linkage consent (APPI Art. 31) covers only cookies, web beacons, advertising identifiers and the like. Provide other data on basis "consent".`,
        );
      }
      return;
    }
    case 'consent':
      return;
  }
}

/**
 * APPI Art. 27(5)(i) with Art. 25 and policy §6(2)B: data goes to an outsourcee as "not a third party"
 * only while it is a registered processor, not retired, whose consignment contract is in force today
 * with every clause the policy names.
 */
function checkProcessor(recipient: Recipient, processor: Holder | undefined, now: Date): void {
  const what = `basis: "${recipient.recipientId}" is registered as outsourcing (APPI Art. 27(5)(i)), but`;
  if (!recipient.processorHolderId)
    throw unprocessable(
      'Outsourcee without a processor',
      `${what} names no processor in the holder registry; an officer registers the processor with its consignment contract (policy §6(2)B) and registers the recipient again naming it.`,
    );
  if (processor?.kind !== 'processor')
    throw unprocessable(
      'Outsourcee without a processor',
      `${what} its processor "${recipient.processorHolderId}" is not a registered processor; an officer registers it with its consignment contract.`,
    );
  if (processor.retiredAt)
    throw unprocessable(
      'Processor retired',
      `${what} its processor "${processor.holderId}" was retired on ${processor.retiredAt.slice(0, 10)}; data is no longer entrusted to it.`,
    );
  const faults = contractFaults(processor.contract, japanDay(now));
  if (faults.length > 0)
    throw unprocessable(
      'Consignment contract not in force',
      `${what} the consignment contract with "${processor.holderId}" is not in force today: ${faults.join('; ')}. An officer records the contract in force (APPI Art. 25, policy §6(2)B) before data is entrusted.`,
    );
}

async function decideFor(
  deps: PermitProvisionDeps,
  request: ProvisionRequest,
  recipient: Recipient,
  subjectId: string,
  now: Date,
): Promise<SubjectPermission | SubjectRefusal> {
  const refuse = (reason: ProvisionRefusal, detail: string): SubjectRefusal => ({ subjectId, reason, detail });
  const { basis } = request;
  if (basis === 'not-third-party') {
    return {
      subjectId,
      basis,
      detail: `"${recipient.recipientId}" is not a third party (${recipient.relationship}, APPI Art. 27(5)); no record of provision is due.`,
    };
  }
  const [lifecycle, events] = await Promise.all([
    deps.lifecycles.get(subjectId),
    deps.consents.consentsOf(subjectId, now),
  ]);
  const cessation = cessationOf(lifecycle?.cessationOfProvision);
  const stop = stopFor(cessation, recipient.recipientId);
  if (basis === 'exception') {
    const source = PROVISION_EXCEPTIONS.find((e) => e.id === request.exception)!.source;
    // APPI Art. 35(3),(5): a cessation stops provision without a lawful basis, not what Art. 27(1) allows.
    const passed = stop
      ? ` The person's cessation of provision (request ${stop.requestId}) does not reach a provision under Art. 27(1).`
      : '';
    return {
      subjectId,
      basis,
      ...(stop ? { cessationPassed: stop } : {}),
      detail: `Provided under the exception "${request.exception}" (${source}); no record of provision is due (APPI Art. 29(1) proviso), the justification is kept as evidence.${passed}`,
    };
  }
  if (stop) {
    return refuse(
      'cessation-of-provision-requested',
      `The person asked the desk to stop providing their data to ${stop === cessation?.all ? 'third parties' : `"${recipient.recipientId}"`} (request ${stop.requestId}, APPI Art. 35(3),(5)).`,
    );
  }
  const foreign = countryStanding(recipient) === 'foreign';
  const linkage = basis === 'linkage-consent';
  const consent = provisionConsentOnFile(events, {
    recipientId: recipient.recipientId,
    purpose: request.purpose,
    ...(foreign ? { foreignCountry: recipient.country } : {}),
    ...(linkage ? { linkage } : {}),
  });
  if (consent.state === 'withdrawn') {
    return refuse(
      'consent-withdrawn',
      `The person withdrew their consent to this provision (${consent.withdrawal.at.slice(0, 10)}).`,
    );
  }
  if (basis === 'opt-out') {
    const received = (await deps.ledger.liveRecordsOf(subjectId, now)).filter(
      (r) => r.direction === 'received' && r.basis === 'opt-out' && r.items.some((i) => request.items.includes(i)),
    );
    if (received.length > 0) {
      return refuse(
        'received-by-opt-out',
        `${[...new Set(received.flatMap((r) => r.items))].filter((i) => request.items.includes(i)).join(', ')} was itself received by opt-out and may not be provided onward by opt-out (APPI Art. 27(2) proviso).`,
      );
    }
    return {
      subjectId,
      basis,
      detail: `Provided under the opt-out registration notified on ${recipient.optOut!.notifiedOn} (APPI Art. 27(2)).`,
    };
  }
  if (consent.state === 'without-foreign-information') {
    return refuse(
      'no-foreign-information',
      `The person's consent was not given with the information on ${recipient.country}, its system for protecting personal information and the recipient's measures (APPI Art. ${linkage ? '31(1)(ii)' : '28(2)'}, Enforcement Rules Art. 17).`,
    );
  }
  if (consent.state === 'none') {
    return linkage
      ? refuse(
          'no-consent',
          `No consent of the person to "${recipient.recipientId}" linking access information to them is on file (APPI Art. 31(1)(i)${foreign ? ', (ii)' : ''}).`,
        )
      : refuse(
          'no-consent',
          `No consent of the person to provision to "${recipient.recipientId}" or for "${request.purpose}" is on file (APPI Art. 27(1)${foreign ? ', 28(1)' : ''}).`,
        );
  }
  const source = linkage
    ? `APPI Art. 31(1)(i)${foreign ? ', (ii)' : ''}`
    : `APPI Art. 27(1)${foreign ? ', 28(1)' : ''}`;
  return {
    subjectId,
    basis,
    consentId: consent.consent.eventId,
    detail: `Provided on the person's ${linkage ? 'linkage ' : ''}consent ${consent.consent.eventId}, confirmed (${source}).`,
  };
}

const isRefusal = (result: SubjectPermission | SubjectRefusal): result is SubjectRefusal => 'reason' in result;

async function recordWrite(
  deps: PermitProvisionDeps,
  recipient: Recipient,
  request: ProvisionRequest,
  permission: SubjectPermission,
  provisionId: string,
  actor: SystemActor,
  now: Date,
): Promise<ProvisionWrite & { kind: 'record'; record: StoredProvisionRecord }> {
  const keeping = recipient.recordKeeping;
  const at = now.toISOString();
  const recordId =
    keeping === 'per-provision' ? `provided#${provisionId}` : `provided#${keeping}#${recipient.recipientId}`;
  const stored =
    keeping === 'per-provision'
      ? undefined
      : await deps.ledger.storedRecord<StoredProvisionRecord>(permission.subjectId, recordId);
  const live = stored && stored.expiresAt > Math.floor(now.getTime() / 1000) ? stored : undefined;
  const record: StoredProvisionRecord = {
    subjectId: permission.subjectId,
    recordId,
    direction: 'provided',
    counterparty: `${recipient.name}, ${recipient.address} (${recipient.representative})`,
    items: [...new Set([...(live?.items ?? []), ...request.items])],
    basis: permission.basis,
    counterpartyId: recipient.recipientId,
    date: at.slice(0, 10),
    provisionId,
    recipientId: recipient.recipientId,
    recipientName: recipient.name,
    recipientAddress: recipient.address,
    recipientRepresentative: recipient.representative,
    recipientCountry: recipient.country,
    countryStanding: countryStanding(recipient),
    purpose: request.purpose,
    recordKeeping: keeping,
    ...(recipient.contractReference ? { contractReference: recipient.contractReference } : {}),
    ...(permission.consentId ? { consentId: permission.consentId } : {}),
    firstProvidedAt: live?.firstProvidedAt ?? at,
    lastProvidedAt: at,
    providedBy: actor.principal,
    expiresAt: provisionRecordExpiresAt(keeping, now),
  };
  return { kind: 'record', record, ...(stored ? { previousLastAt: stored.lastProvidedAt } : {}) };
}

export async function permitProvision(
  deps: PermitProvisionDeps,
  actor: SystemActor,
  request: ProvisionRequest,
): Promise<ProvisionAnswer> {
  const now = deps.clock.now();
  const [recipient, versions] = await Promise.all([deps.recipients.get(request.recipient), deps.purposes.versions()]);
  const processor =
    request.basis === 'not-third-party' && recipient?.processorHolderId
      ? await deps.holders.get(recipient.processorHolderId)
      : undefined;
  checkRequest(request, recipient, unusablePurpose(registryOf(versions), request.purpose), processor, now);

  const results = await Promise.all(
    request.subjects.map((subjectId) => decideFor(deps, request, recipient, subjectId, now)),
  );
  const refusals = results.filter(isRefusal);
  if (refusals.length > 0) return { permitted: false, refusals };
  const permissions = results as SubjectPermission[];

  const provisionId = deps.secrets.id();
  const at = now.toISOString();
  let writes: ProvisionWrite[];
  let evidenceId: string | undefined;
  if (request.basis === 'consent' || request.basis === 'opt-out' || request.basis === 'linkage-consent') {
    const recordWrites = await Promise.all(
      permissions.map((p) => recordWrite(deps, recipient, request, p, provisionId, actor, now)),
    );
    recordWrites.forEach((w, i) => {
      permissions[i]!.recordId = w.record.recordId;
    });
    writes = recordWrites;
  } else {
    evidenceId = `provision-${provisionId}`;
    writes = [
      {
        kind: 'evidence',
        evidence: {
          evidenceId,
          kind: request.basis === 'exception' ? 'provision-under-exception' : 'provision-not-to-third-party',
          provisionId,
          recipientId: recipient.recipientId,
          relationship: recipient.relationship,
          purpose: request.purpose,
          items: request.items,
          subjectIds: request.subjects,
          ...(request.basis === 'exception'
            ? { exception: request.exception!, justification: request.justification! }
            : {}),
          ...(permissions.some((p) => p.cessationPassed)
            ? {
                cessationsPassed: permissions.flatMap((p) =>
                  p.cessationPassed ? [{ subjectId: p.subjectId, requestId: p.cessationPassed.requestId }] : [],
                ),
              }
            : {}),
          principal: actor.principal,
          at,
          expiresAt: Math.floor(now.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS,
        },
      },
    ];
  }
  try {
    await deps.ledger.commit(writes);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Provision recorded meanwhile',
      'Another provision to this recipient was recorded for one of these subjects at the same moment; nothing was provided or recorded by this call. Send it again.',
    );
  }
  return {
    permitted: true,
    provisionId,
    recipient: recipient.recipientId,
    basis: request.basis,
    providedAt: at,
    ...(evidenceId ? { evidenceId } : {}),
    results: permissions,
  };
}
