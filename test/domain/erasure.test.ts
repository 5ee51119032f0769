// Erasure leaves evidence, not data (DESIGN §3): the certificate holds hashes, the category, the
// reason and the time; never the subject id, the record id or the value in clear.
import { describe, expect, it } from 'vitest';
import { erasureCertificate, type ErasedRecord } from '../../functions/domain/erasure';
import { EVIDENCE_RETENTION_SECONDS } from '../../functions/domain/law';

const ERASED_AT = new Date('2026-11-12T05:30:00.000Z');
const record = { subjectId: 'subj-hanako-1', recordId: 'rec-email-42', category: 'email', value: 'hanako.yamada@example.jp' };

describe('erasureCertificate', () => {
  it('holds no personal data: no subject id, record id or value in clear', () => {
    const certificate = erasureCertificate(record as ErasedRecord, 'ttl', ERASED_AT);
    const json = JSON.stringify(certificate);
    for (const secret of [record.subjectId, record.recordId, record.value, 'hanako']) expect(json).not.toContain(secret);
    expect(Object.keys(certificate).sort()).toEqual(
      ['category', 'erasedAt', 'evidenceId', 'expiresAt', 'kind', 'reason', 'recordHash', 'subjectHash'],
    );
    expect(certificate.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    expect(certificate.recordHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives reason purpose-achieved for a TTL removal and deleted for a deletion', () => {
    expect(erasureCertificate(record, 'ttl', ERASED_AT).reason).toBe('purpose-achieved');
    expect(erasureCertificate(record, 'deleted', ERASED_AT).reason).toBe('deleted');
  });

  it('records the category, the time, and its own expiry after the evidence period', () => {
    const certificate = erasureCertificate(record, 'ttl', ERASED_AT);
    expect(certificate).toMatchObject({ kind: 'erasure-certificate', category: 'email', erasedAt: ERASED_AT.toISOString() });
    expect(certificate.expiresAt).toBe(ERASED_AT.getTime() / 1000 + EVIDENCE_RETENTION_SECONDS);
    expect(erasureCertificate({ subjectId: 's', recordId: 'r' }, 'deleted', ERASED_AT).category).toBe('unknown');
  });

  it('gives the same evidenceId for the same record, so a redelivered stream event is idempotent', () => {
    const first = erasureCertificate(record, 'ttl', ERASED_AT);
    const again = erasureCertificate(record, 'ttl', new Date(ERASED_AT.getTime() + 60_000));
    expect(again.evidenceId).toBe(first.evidenceId);
    expect(again.subjectHash).toBe(first.subjectHash);
    expect(again.recordHash).toBe(first.recordHash);
  });

  it('gives different evidenceIds for different records, and the same subjectHash for the same subject', () => {
    const a = erasureCertificate(record, 'ttl', ERASED_AT);
    const b = erasureCertificate({ ...record, recordId: 'rec-name-43' }, 'ttl', ERASED_AT);
    const c = erasureCertificate({ ...record, subjectId: 'subj-taro-2' }, 'ttl', ERASED_AT);
    expect(b.evidenceId).not.toBe(a.evidenceId);
    expect(c.evidenceId).not.toBe(a.evidenceId);
    expect(b.subjectHash).toBe(a.subjectHash);
    expect(c.subjectHash).not.toBe(a.subjectHash);
  });
});
