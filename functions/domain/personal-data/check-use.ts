// POST /v1/system/use-checks: may this category of this person's data be used for this purpose?
// A use stays within the purposes of use (APPI Art. 18(1)), never after the person asked the desk to
// stop (Art. 35), never for a purpose that is not published and active (Art. 17, 21), and for a
// consent-based purpose only while the consent stands. A use beyond the purposes is allowed only
// under an exception of policy §2(2) (APPI Art. 18(1) consent, 18(3)), with its justification, and
// is recorded as evidence. Whether a use is proper at all (APPI Art. 19: no use that may encourage
// an illegal or unjust act) stays the caller's judgement; this check answers purpose, consent and
// request. A denial is an answer, not an error. Details never carry record values.
import { stateFor } from '../consents/consent-state';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { SystemActor } from '../systems';
import { USE_EXCEPTION_WORDS } from './exception-words';
import { consentOnFile, unusablePurpose } from './grounds';
import type {
  ConsentReader,
  RecordUseReader,
  SubjectLifecycleReader,
  UseExceptionEvidence,
  UseExceptionRecorder,
} from './ports';

/** Policy §2(2): the cases in which data may be used beyond its purposes of use. */
export const USE_EXCEPTIONS = [{ id: 'consent', source: 'APPI Art. 18(1)' }, ...USE_EXCEPTION_WORDS] as const;
export type UseException = (typeof USE_EXCEPTIONS)[number]['id'];
export const USE_EXCEPTION_IDS = USE_EXCEPTIONS.map((e) => e.id) as [UseException, ...UseException[]];

export const USE_CHECK_REASONS = [
  'within-purpose',
  'exception',
  'no-record',
  'purpose-not-among-record-purposes',
  'purpose-not-active',
  'record-expired',
  'cessation-of-use-requested',
  'consent-withdrawn',
] as const;
export type UseCheckReason = (typeof USE_CHECK_REASONS)[number];

export interface UseCheck {
  subjectId: string;
  category: string;
  purpose: string;
  exception?: { kind: UseException; justification: string; consentId?: string };
}

export interface UseCheckAnswer {
  allowed: boolean;
  reason: UseCheckReason;
  detail: string;
  checkedAt: string;
  exceptionRecordId?: string;
}

export interface CheckUseDeps {
  records: RecordUseReader;
  lifecycles: SubjectLifecycleReader;
  purposes: PurposeVersionReader;
  consents: ConsentReader;
  exceptions: UseExceptionRecorder;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
}

export async function checkUse(deps: CheckUseDeps, actor: SystemActor, check: UseCheck): Promise<UseCheckAnswer> {
  const { subjectId, category, purpose, exception } = check;
  const now = deps.clock.now();
  const answer = (
    allowed: boolean,
    reason: UseCheckReason,
    detail: string,
    exceptionRecordId?: string,
  ): UseCheckAnswer => ({
    allowed,
    reason,
    detail,
    checkedAt: now.toISOString(),
    ...(exceptionRecordId ? { exceptionRecordId } : {}),
  });

  const registryRead = deps.purposes.versions().then(registryOf);
  // A consent-based purpose's consents are read alongside the records, not after them: the answer is
  // the same, one round trip shorter.
  const consentsRead = registryRead.then((registry) =>
    registry.get(purpose)?.basis === 'consent' ? deps.consents.consentsOf(subjectId, now) : undefined,
  );
  const [records, lifecycle, registry, consents] = await Promise.all([
    deps.records.livePurposesOf(subjectId, category, now),
    deps.lifecycles.get(subjectId),
    registryRead,
    consentsRead,
  ]);
  if (records.length === 0) {
    return (await deps.records.hasExpiredRecord(subjectId, category, now))
      ? answer(
          false,
          'record-expired',
          `Every "${category}" record of this subject is past its expiry: its purposes were achieved, so it must not be used and is being erased (policy §2(4), APPI Art. 22).`,
        )
      : answer(
          false,
          'no-record',
          `The desk holds no "${category}" record of this subject: register the data with its purposes (POST /v1/system/personal-data) before using it.`,
        );
  }
  // APPI Art. 35: once the person asked to stop, no use is allowed, not even under an exception.
  if (lifecycle?.cessationOfUse) {
    return answer(
      false,
      'cessation-of-use-requested',
      `The person asked the desk to stop using their data (request ${lifecycle.cessationOfUse.requestId}, APPI Art. 35): do not use it for any purpose.`,
    );
  }
  const unusable = unusablePurpose(registry, purpose);
  if (unusable) {
    return answer(
      false,
      'purpose-not-active',
      `${unusable}: use data only for purposes published in the privacy notice and still active (APPI Art. 17, 21).`,
    );
  }
  if (records.some((r) => r.purposes.includes(purpose))) {
    if (registry.get(purpose)?.basis === 'consent') {
      const { status } = stateFor(consents ?? (await deps.consents.consentsOf(subjectId, now)), { purpose }, now);
      if (status !== 'in-force') {
        return answer(
          false,
          'consent-withdrawn',
          `"${purpose}" rests on the person's consent, and ${status === 'withdrawn' ? 'they have withdrawn it' : 'they have not given it'}: do not use the data for it unless they consent again.`,
        );
      }
    }
    return answer(
      true,
      'within-purpose',
      `"${purpose}" is among the purposes of use of this subject's "${category}" data (APPI Art. 18(1)).`,
    );
  }
  if (!exception) {
    return answer(
      false,
      'purpose-not-among-record-purposes',
      `"${purpose}" is not among the purposes of use of this subject's "${category}" data: a use beyond them needs the person's consent or an exception of policy §2(2) with its justification (APPI Art. 18).`,
    );
  }
  if (exception.kind === 'consent') await requireConsentOnFile(deps, subjectId, exception.consentId, now);
  const evidence: UseExceptionEvidence = {
    evidenceId: `use-exception-${deps.secrets.id()}`,
    kind: 'use-exception',
    subjectId,
    category,
    purpose,
    exception: exception.kind,
    justification: exception.justification,
    ...(exception.kind === 'consent' ? { consentId: exception.consentId } : {}),
    principal: actor.principal,
    at: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS,
  };
  await deps.exceptions.record(evidence);
  const source = USE_EXCEPTIONS.find((e) => e.id === exception.kind)!.source;
  return answer(
    true,
    'exception',
    `Allowed beyond the purposes of use as the exception "${exception.kind}" (policy §2(2), ${source}); the use is recorded as evidence ${evidence.evidenceId}.`,
    evidence.evidenceId,
  );
}

async function requireConsentOnFile(
  deps: CheckUseDeps,
  subjectId: string,
  consentId: string | undefined,
  now: Date,
): Promise<void> {
  if (!consentId) {
    throw new DeskProblem(
      'unprocessable',
      'Consent not cited',
      "exception.consentId: a use under the person's consent must cite the consent event on file.",
    );
  }
  const standing = consentOnFile(await deps.consents.consentsOf(subjectId, now), consentId);
  if (!standing.inForce) {
    throw new DeskProblem(
      'unprocessable',
      'Consent not on file',
      `exception.consentId: ${standing.why}; the use was not allowed and nothing was recorded.`,
    );
  }
}
