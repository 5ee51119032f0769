// Evidence of uses allowed under an exception, against DynamoDB Local: written once, never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoUseExceptions } from '../../functions/adapters/use-exception-repository';
import type { UseExceptionEvidence } from '../../functions/domain/personal-data/ports';
import { freshTables } from '../support/desk';
import { dropTables, getItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const evidence: UseExceptionEvidence = {
  evidenceId: 'use-exception-1',
  kind: 'use-exception',
  subjectId: 'subject-1',
  category: 'phone',
  purpose: 'usage-analysis',
  exception: 'required-by-law',
  justification: 'Tax office inquiry',
  principal: 'arn:aws:iam::000000000000:role/crm',
  at: '2026-11-12T02:00:00.000Z',
  expiresAt: 1_900_000_000,
};

describe('use-exception-repository', () => {
  it('records the evidence item, and refuses to overwrite it', async () => {
    await dynamoUseExceptions.record(evidence);
    expect(await getItem('evidence', { evidenceId: evidence.evidenceId })).toEqual(evidence);
    await expect(dynamoUseExceptions.record({ ...evidence, justification: 'changed' })).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    expect(await getItem('evidence', { evidenceId: evidence.evidenceId })).toEqual(evidence);
  });
});
