// Erasure certificates against DynamoDB Local: written once; a redelivered one changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordErasureCertificate } from '../../functions/adapters/evidence-repository';
import { erasureCertificate } from '../../functions/domain/erasure';
import { freshTables } from '../support/desk';
import { getItem, dropTables } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

describe('evidence-repository', () => {
  it('writes a certificate, and a second one for the same record leaves the first as it was', async () => {
    const first = erasureCertificate({ subjectId: 's-1', recordId: 'r-1', category: 'email' }, 'ttl', new Date('2026-01-01T00:00:00Z'));
    await recordErasureCertificate(first);
    expect(await getItem('evidence', { evidenceId: first.evidenceId })).toEqual(first);
    const again = erasureCertificate({ subjectId: 's-1', recordId: 'r-1', category: 'email' }, 'deleted', new Date('2026-02-01T00:00:00Z'));
    expect(again.evidenceId).toBe(first.evidenceId);
    await expect(recordErasureCertificate(again)).resolves.toBeUndefined();
    expect(await getItem('evidence', { evidenceId: first.evidenceId })).toEqual(first);
  });

  it('other failures are not swallowed', async () => {
    const saved = process.env.DESK_TABLE_EVIDENCE;
    process.env.DESK_TABLE_EVIDENCE = 'no-such-table';
    try {
      await expect(recordErasureCertificate(erasureCertificate({ subjectId: 's', recordId: 'r' }, 'ttl', new Date())))
        .rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      process.env.DESK_TABLE_EVIDENCE = saved;
    }
  });
});
