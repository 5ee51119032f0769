// Erasure certificates against DynamoDB Local: written once; a redelivered one changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoErasureEvidence } from '../../functions/adapters/evidence-repository';
import {
  type CertificateInput,
  erasureCertificate,
  itemEvidenceId,
  verification,
} from '../../functions/domain/erasure/certificate';
import { freshTables } from '../support/desk';
import { dropTables, getItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const certificate = (overrides: Partial<CertificateInput> = {}) =>
  erasureCertificate({
    evidenceId: itemEvidenceId('event-1'),
    scope: 'item',
    subjectId: 's-1',
    salt: 'salt-1',
    categories: ['email'],
    reason: 'ttl',
    count: 1,
    erasedAt: new Date('2026-01-01T00:00:00Z'),
    verification: verification('item-key', 0, new Date('2026-01-01T00:00:01Z')),
    cascade: { storedDossiers: 1, subjectLifecycle: 0 },
    ...overrides,
  });

describe('evidence-repository', () => {
  it('writes a certificate, and a second one with the same id leaves the first as it was', async () => {
    const first = certificate();
    expect(await dynamoErasureEvidence.record(first)).toBe(true);
    expect(await getItem('evidence', { evidenceId: first.evidenceId })).toEqual(first);
    const again = certificate({ salt: 'salt-2', reason: 'request', erasedAt: new Date('2026-02-01T00:00:00Z') });
    expect(await dynamoErasureEvidence.record(again)).toBe(false);
    expect(await getItem('evidence', { evidenceId: first.evidenceId })).toEqual(first);
  });

  it('other failures are not swallowed', async () => {
    const saved = process.env.DESK_TABLE_EVIDENCE;
    process.env.DESK_TABLE_EVIDENCE = 'no-such-table';
    try {
      await expect(
        dynamoErasureEvidence.record(certificate({ evidenceId: itemEvidenceId('event-2') })),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      process.env.DESK_TABLE_EVIDENCE = saved;
    }
  });
});
