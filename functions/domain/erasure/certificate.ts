// Erasure leaves evidence, not data (docs/architecture.md). A certificate says that records of a subject were
// erased, of which categories, why and when, and what a read-back found afterwards; it holds no
// personal data. The subject appears only as a salted hash: the desk can confirm a given subject id
// against it, but the hash cannot be turned back into the id, nor linked to other certificates.
import { createHash, timingSafeEqual } from 'node:crypto';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import { ERASURE_REASONS, type ErasureReason } from '../personal-data/expiry';

/** The category an Individual Number is certified under; its certificate is built from keys alone. */
export const MY_NUMBER_CATEGORY = 'my-number';

/** How the item left its table: swept by TTL once its expiresAt passed, or deleted by the desk. */
export type RemovalCause = 'ttl' | 'deleted';

export interface SealedSubject {
  /** Random, one per certificate. */
  salt: string;
  /** sha256 of the salt and the subject id. */
  hash: string;
}

export interface Verification {
  checkedAt: string;
  /** What was read back after the removal: the removed item's key, or the subject's whole partition. */
  readBack: 'item-key' | 'subject-partition';
  /** Items the read-back found; an erasure must show 0. */
  remaining: number;
  remains: boolean;
}

/** Copies and dependents erased with the subject's data, counted, never described. */
export interface Cascade {
  /** Stored dossiers (disclosure copies) that held the subject's data, each erased whole. */
  storedDossiers: number;
  /** The subject's lifecycle item, erased with the last record: 0 or 1. */
  subjectLifecycle: number;
}

export interface ErasureCertificate {
  evidenceId: string;
  kind: 'erasure-certificate';
  /** One removed item (certified from the table's stream), or every record of a subject at once (on request). */
  scope: 'item' | 'subject';
  subject: SealedSubject;
  categories: string[];
  reason: ErasureReason;
  /** The request that asked for the erasure. */
  requestId?: string;
  /** Items the certificate covers. */
  count: number;
  erasedAt: string;
  verification: Verification;
  cascade?: Cascade;
  expiresAt: number;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export function sealSubject(subjectId: string, salt: string): SealedSubject {
  return { salt, hash: sha256(`${salt}:${subjectId}`) };
}

/** Whether a certificate is about this subject id: the desk's way to answer "was my data erased?". */
export function certifiesSubject(certificate: Pick<ErasureCertificate, 'subject'>, subjectId: string): boolean {
  const actual = Buffer.from(sealSubject(subjectId, certificate.subject.salt).hash, 'hex');
  const expected = Buffer.from(certificate.subject.hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Why an item was erased: the reason set on it before it went (a retired purpose, a request); else
 * a TTL removal means its purposes were achieved (policy §2(4)), and a deletion can only be an
 * erasure on request, since no other path of the desk deletes personal data.
 */
export function erasureReasonOf(cause: RemovalCause, markedReason: unknown): ErasureReason {
  if ((ERASURE_REASONS as readonly unknown[]).includes(markedReason)) return markedReason as ErasureReason;
  return cause === 'ttl' ? 'ttl' : 'request';
}

/** The certificate's id for one stream record: a redelivered record maps to the same id. */
export function itemEvidenceId(streamEventId: string): string {
  return sha256(JSON.stringify(['item-erasure', streamEventId]));
}

/** The certificate's id for a subject erased on a request: carrying out the same request again maps to the same id. */
export function subjectEvidenceId(requestId: string, subjectId: string): string {
  return sha256(JSON.stringify(['subject-erasure', requestId, subjectId]));
}

export function verification(readBack: Verification['readBack'], remaining: number, checkedAt: Date): Verification {
  return { checkedAt: checkedAt.toISOString(), readBack, remaining, remains: remaining > 0 };
}

export interface CertificateInput {
  evidenceId: string;
  scope: ErasureCertificate['scope'];
  subjectId: string;
  salt: string;
  categories: readonly string[];
  reason: ErasureReason;
  requestId?: string;
  count: number;
  erasedAt: Date;
  verification: Verification;
  cascade?: Cascade;
}

export function erasureCertificate(input: CertificateInput): ErasureCertificate {
  return {
    evidenceId: input.evidenceId,
    kind: 'erasure-certificate',
    scope: input.scope,
    subject: sealSubject(input.subjectId, input.salt),
    categories: [...new Set(input.categories)].sort(),
    reason: input.reason,
    ...(input.requestId ? { requestId: input.requestId } : {}),
    count: input.count,
    erasedAt: input.erasedAt.toISOString(),
    verification: input.verification,
    ...(input.cascade ? { cascade: input.cascade } : {}),
    expiresAt: Math.floor(input.erasedAt.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS,
  };
}
