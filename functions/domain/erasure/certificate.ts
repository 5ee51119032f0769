// Erasure leaves evidence, not data (DESIGN §3): a certificate that a record was erased, when and
// why, holding only hashes of identifiers and the category.
import { createHash } from 'node:crypto';
import { EVIDENCE_RETENTION_SECONDS } from './law';

export interface ErasedRecord {
  subjectId: string;
  recordId: string;
  category?: string;
}

/** ttl: the purposes were achieved and the TTL removed it (policy §2(4)); deleted: a person or process deleted it. */
export type ErasureCause = 'ttl' | 'deleted';

export interface ErasureCertificate {
  evidenceId: string;
  kind: 'erasure-certificate';
  subjectHash: string;
  recordHash: string;
  category: string;
  reason: 'purpose-achieved' | 'deleted';
  erasedAt: string;
  expiresAt: number;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export function erasureCertificate(record: ErasedRecord, cause: ErasureCause, erasedAt: Date): ErasureCertificate {
  return {
    evidenceId: sha256(JSON.stringify(['erasure', record.subjectId, record.recordId])),
    kind: 'erasure-certificate',
    subjectHash: sha256(`subject:${record.subjectId}`),
    recordHash: sha256(`record:${record.recordId}`),
    category: record.category ?? 'unknown',
    reason: cause === 'ttl' ? 'purpose-achieved' : 'deleted',
    erasedAt: erasedAt.toISOString(),
    expiresAt: Math.floor(erasedAt.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS,
  };
}
