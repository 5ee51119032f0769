// The stream consumers' use case: an item left its table (TTL or a deletion). Read its key back to
// verify it is gone, erase what depends on the subject's data, and certify it all without a word of
// personal data. Idempotent: the certificate's id derives from the stream record's id.
import type { Clock, SecretSource } from '../kernel/ports';
import {
  type Cascade,
  type ErasureCertificate,
  erasureCertificate,
  erasureReasonOf,
  itemEvidenceId,
  type RemovalCause,
  verification,
} from './certificate';
import type { DependentItems, ErasureEvidence, RemovedItems, SubjectRecords } from './ports';

export interface Removal {
  /** The stream record's eventID. */
  streamEventId: string;
  subjectId: string;
  /** The removed item's id within the subject (a record id, a document id). */
  itemId: string;
  category: string;
  cause: RemovalCause;
  /** The erasureReason the item carried, if its old image was streamed. */
  markedReason?: unknown;
  removedAt: Date;
}

export interface CertifyRemovalDeps {
  removed: RemovedItems;
  evidence: ErasureEvidence;
  clock: Clock;
  secrets: Pick<SecretSource, 'token'>;
  /** For personal data: the copies and the lifecycle that go with the subject's records. */
  cascade?: { records: Pick<SubjectRecords, 'anyRemain'>; dependents: DependentItems };
}

async function eraseDependents(
  subjectId: string,
  cascade: NonNullable<CertifyRemovalDeps['cascade']>,
): Promise<Cascade> {
  const storedDossiers = await cascade.dependents.eraseDossiersOf(subjectId);
  const subjectLifecycle = (await cascade.records.anyRemain(subjectId))
    ? 0
    : await cascade.dependents.eraseLifecycleOf(subjectId);
  return { storedDossiers, subjectLifecycle };
}

export async function certifyRemoval(
  removal: Removal,
  deps: CertifyRemovalDeps,
): Promise<{ certificate: ErasureCertificate; written: boolean }> {
  const remains = await deps.removed.remains(removal.subjectId, removal.itemId);
  const checkedAt = deps.clock.now();
  const cascade = deps.cascade ? await eraseDependents(removal.subjectId, deps.cascade) : undefined;
  const certificate = erasureCertificate({
    evidenceId: itemEvidenceId(removal.streamEventId),
    scope: 'item',
    subjectId: removal.subjectId,
    salt: deps.secrets.token(),
    categories: [removal.category],
    reason: erasureReasonOf(removal.cause, removal.markedReason),
    count: 1,
    erasedAt: removal.removedAt,
    verification: verification('item-key', remains ? 1 : 0, checkedAt),
    ...(cascade ? { cascade } : {}),
  });
  return { certificate, written: await deps.evidence.record(certificate) };
}
