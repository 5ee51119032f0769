// A cessation-of-use request decided as "erase" sets the subject's flag in the decision's transaction,
// so use stops at once; the erasure itself cannot join that transaction. The subjects stream hands
// each change of a lifecycle here, and a flag newly saying erase is carried out by eraseSubject. Its
// certificate id derives from request and subject, so a redelivered or retried change is safe.
import type { SubjectLifecycle } from '../personal-data/expiry';
import type { ErasureCertificate } from './certificate';
import { type EraseSubjectDeps, eraseSubject } from './erase-subject';

/** The erasure a change to a subject's lifecycle asks for, if its flag newly says erase. */
export function erasureAskedBy(
  before: Partial<SubjectLifecycle> | undefined,
  after: Partial<SubjectLifecycle> | undefined,
): { subjectId: string; requestId: string } | undefined {
  const flag = after?.cessationOfUse;
  if (!after?.subjectId || flag?.measure !== 'erase') return undefined;
  const earlier = before?.cessationOfUse;
  if (earlier?.measure === 'erase' && earlier.requestId === flag.requestId) return undefined;
  return { subjectId: after.subjectId, requestId: flag.requestId };
}

/**
 * Erases what the change asks for. Records still there after the last round fail the run, so the
 * stream retries and, at last, its failure queue alarms the officer.
 */
export async function eraseOnRequest(
  deps: EraseSubjectDeps,
  before: Partial<SubjectLifecycle> | undefined,
  after: Partial<SubjectLifecycle> | undefined,
): Promise<ErasureCertificate | undefined> {
  const asked = erasureAskedBy(before, after);
  if (!asked) return undefined;
  const certificate = await eraseSubject(deps, asked);
  if (certificate.verification.remains) {
    throw new Error(`${certificate.verification.remaining} record(s) remain after erasure ${certificate.evidenceId}`);
  }
  return certificate;
}
