// Erasure leaves evidence, not data (docs/architecture.md): a certificate holds a salted hash of the subject,
// categories, the reason, times, counts and its verification; never the subject id or a value.
import { describe, expect, it } from 'vitest';
import {
  type CertificateInput,
  certifiesSubject,
  erasureCertificate,
  erasureReasonOf,
  itemEvidenceId,
  sealSubject,
  subjectEvidenceId,
  verification,
} from '../../../functions/domain/erasure/certificate';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import { ERASURE_REASONS } from '../../../functions/domain/personal-data/expiry';

const ERASED_AT = new Date('2026-11-12T05:30:00.000Z');
const SUBJECT = 'subj-hanako-1';
const EMAIL = 'hanako.yamada@example.jp';

const input = (overrides: Partial<CertificateInput> = {}): CertificateInput => ({
  evidenceId: itemEvidenceId('event-1'),
  scope: 'item',
  subjectId: SUBJECT,
  salt: 'salt-one',
  categories: ['email'],
  reason: 'ttl',
  count: 1,
  erasedAt: ERASED_AT,
  verification: verification('item-key', 0, ERASED_AT),
  ...overrides,
});

describe('erasureCertificate', () => {
  it('holds no personal data: neither the subject id nor the e-mail appear anywhere in it', () => {
    const certificate = erasureCertificate(input({ cascade: { storedDossiers: 1, subjectLifecycle: 1 } }));
    const json = JSON.stringify(certificate);
    for (const secret of [SUBJECT, EMAIL, 'hanako']) expect(json).not.toContain(secret);
    expect(Object.keys(certificate).sort()).toEqual([
      'cascade',
      'categories',
      'count',
      'erasedAt',
      'evidenceId',
      'expiresAt',
      'kind',
      'reason',
      'scope',
      'subject',
      'verification',
    ]);
    expect(certificate.subject).toEqual({ salt: 'salt-one', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('records the categories (once each, sorted), the time, and its own expiry after the evidence period', () => {
    const certificate = erasureCertificate(input({ categories: ['phone', 'email', 'phone'] }));
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      categories: ['email', 'phone'],
      erasedAt: ERASED_AT.toISOString(),
    });
    expect(certificate.expiresAt).toBe(ERASED_AT.getTime() / 1000 + EVIDENCE_RETENTION_SECONDS);
    expect(EVIDENCE_RETENTION_SECONDS).toBe(3 * 365 * 24 * 3600);
  });

  it('carries a request id only when a request asked for the erasure', () => {
    expect(erasureCertificate(input())).not.toHaveProperty('requestId');
    expect(erasureCertificate(input({ requestId: 'req-9', reason: 'request' }))).toMatchObject({
      requestId: 'req-9',
      reason: 'request',
    });
  });
});

describe('the sealed subject', () => {
  it('confirms the subject id it was made from, and no other', () => {
    const certificate = erasureCertificate(input());
    expect(certifiesSubject(certificate, SUBJECT)).toBe(true);
    expect(certifiesSubject(certificate, 'subj-taro-2')).toBe(false);
    expect(certifiesSubject(certificate, `${SUBJECT} `)).toBe(false);
  });

  it('differs with the salt, so two certificates of one subject cannot be linked, yet both confirm it', () => {
    const a = sealSubject(SUBJECT, 'salt-one');
    const b = sealSubject(SUBJECT, 'salt-two');
    expect(a.hash).not.toBe(b.hash);
    expect(certifiesSubject({ subject: a }, SUBJECT) && certifiesSubject({ subject: b }, SUBJECT)).toBe(true);
  });

  it('a tampered or malformed hash confirms nothing', () => {
    const sealed = sealSubject(SUBJECT, 'salt-one');
    expect(certifiesSubject({ subject: { ...sealed, hash: sealed.hash.slice(0, 10) } }, SUBJECT)).toBe(false);
    expect(certifiesSubject({ subject: { ...sealed, salt: 'other' } }, SUBJECT)).toBe(false);
  });
});

describe('erasureReasonOf', () => {
  it('a reason set on the item before it went wins', () => {
    expect(erasureReasonOf('ttl', 'purpose-retired')).toBe('purpose-retired');
    expect(erasureReasonOf('deleted', 'purpose-retired')).toBe('purpose-retired');
    expect(erasureReasonOf('deleted', 'request')).toBe('request');
  });

  it('otherwise a TTL removal is ttl (purposes achieved) and a deletion is request (only that path deletes)', () => {
    expect(erasureReasonOf('ttl', undefined)).toBe('ttl');
    expect(erasureReasonOf('deleted', undefined)).toBe('request');
  });

  it('an unknown marked reason is ignored', () => {
    expect(erasureReasonOf('ttl', 'because')).toBe('ttl');
    expect(erasureReasonOf('deleted', 42)).toBe('request');
  });

  it('gives only the reasons of the registry', () => {
    expect(ERASURE_REASONS).toEqual(['ttl', 'purpose-retired', 'request']);
  });
});

describe('evidence ids and verification', () => {
  it('one id per stream record, so a redelivered record writes nothing twice', () => {
    expect(itemEvidenceId('event-1')).toBe(itemEvidenceId('event-1'));
    expect(itemEvidenceId('event-1')).not.toBe(itemEvidenceId('event-2'));
  });

  it('one id per request and subject, never the subject id in clear', () => {
    expect(subjectEvidenceId('req-1', SUBJECT)).toBe(subjectEvidenceId('req-1', SUBJECT));
    expect(subjectEvidenceId('req-1', SUBJECT)).not.toBe(subjectEvidenceId('req-2', SUBJECT));
    expect(subjectEvidenceId('req-1', SUBJECT)).not.toBe(subjectEvidenceId('req-1', 'subj-taro-2'));
    expect(subjectEvidenceId('req-1', SUBJECT)).not.toContain(SUBJECT);
  });

  it('remains is true exactly when the read-back found something', () => {
    expect(verification('item-key', 0, ERASED_AT)).toEqual({
      checkedAt: ERASED_AT.toISOString(),
      readBack: 'item-key',
      remaining: 0,
      remains: false,
    });
    expect(verification('subject-partition', 3, ERASED_AT)).toMatchObject({ remaining: 3, remains: true });
  });
});
