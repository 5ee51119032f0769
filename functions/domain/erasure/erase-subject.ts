// Erasure on request (APPI Art. 35, a cessation-of-use request decided as "erase"): every record of
// the subject is deleted at once. The stream consumer then certifies each removal exactly as it does
// a TTL removal (reason "request", since only this path deletes personal data) and erases the
// subject's dossiers and lifecycle; this use case verifies that nothing is left and leaves one
// certificate for the whole request.
import type { Clock, SecretSource } from '../kernel/ports';
import { type ErasureCertificate, erasureCertificate, subjectEvidenceId, verification } from './certificate';
import type { ErasureEvidence, SubjectRecords } from './ports';

/**
 * Desk policy: delete-and-count rounds before the certificate is written. A record registered while
 * the first round ran is caught by the next; what still remains after the last is recorded as such.
 */
export const ERASURE_ROUNDS = 3;

export interface EraseSubjectDeps {
  records: SubjectRecords;
  evidence: ErasureEvidence;
  clock: Clock;
  secrets: Pick<SecretSource, 'token'>;
}

export async function eraseSubject(
  deps: EraseSubjectDeps,
  input: { subjectId: string; requestId: string },
): Promise<ErasureCertificate> {
  const categories = new Set<string>();
  let erased = 0;
  let remaining = 0;
  for (let round = 0; round < ERASURE_ROUNDS; round++) {
    const result = await deps.records.eraseAll(input.subjectId);
    erased += result.erased;
    result.categories.forEach((c) => categories.add(c));
    remaining = await deps.records.count(input.subjectId);
    if (remaining === 0) break;
  }
  const checkedAt = deps.clock.now();
  const certificate = erasureCertificate({
    evidenceId: subjectEvidenceId(input.requestId, input.subjectId),
    scope: 'subject',
    subjectId: input.subjectId,
    salt: deps.secrets.token(),
    categories: [...categories],
    reason: 'request',
    requestId: input.requestId,
    count: erased,
    erasedAt: checkedAt,
    verification: verification('subject-partition', remaining, checkedAt),
  });
  await deps.evidence.record(certificate);
  return certificate;
}
