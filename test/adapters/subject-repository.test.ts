// The subjects table against DynamoDB Local: each event sets only its own attribute, so the flags a
// request set stay; last activity never moves backwards.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSubjectLifecycles } from '../../functions/adapters/subject-repository';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const subject = () => `subject-${randomUUID()}`;

describe('subject-repository', () => {
  it('an unknown subject has no lifecycle; an event creates it', async () => {
    const s = subject();
    expect(await dynamoSubjectLifecycles.get(s)).toBeUndefined();
    expect(await dynamoSubjectLifecycles.save(s, { contractEndedAt: '2026-11-10T00:00:00.000Z' })).toEqual({
      subjectId: s,
      contractEndedAt: '2026-11-10T00:00:00.000Z',
    });
    expect(await dynamoSubjectLifecycles.get(s)).toEqual({ subjectId: s, contractEndedAt: '2026-11-10T00:00:00.000Z' });
  });

  it('keeps what a request set', async () => {
    const s = subject();
    const cessationOfUse = { requestId: 'req-1', at: '2026-11-01T00:00:00.000Z' };
    await putItem('subjects', { subjectId: s, cessationOfUse });
    await dynamoSubjectLifecycles.save(s, { lastActivityAt: '2026-11-11T00:00:00.000Z' });
    expect(await getItem('subjects', { subjectId: s })).toEqual({
      subjectId: s,
      cessationOfUse,
      lastActivityAt: '2026-11-11T00:00:00.000Z',
    });
  });

  it('last activity moves forward only; a contract end is replaced by the latest report', async () => {
    const s = subject();
    await dynamoSubjectLifecycles.save(s, { lastActivityAt: '2026-11-11T00:00:00.000Z' });
    expect(await dynamoSubjectLifecycles.save(s, { lastActivityAt: '2026-11-01T00:00:00.000Z' })).toEqual({
      subjectId: s,
      lastActivityAt: '2026-11-11T00:00:00.000Z',
    });
    expect((await dynamoSubjectLifecycles.save(s, { lastActivityAt: '2026-11-12T00:00:00.000Z' })).lastActivityAt).toBe(
      '2026-11-12T00:00:00.000Z',
    );
    await dynamoSubjectLifecycles.save(s, { contractEndedAt: '2026-11-10T00:00:00.000Z' });
    expect(
      (await dynamoSubjectLifecycles.save(s, { contractEndedAt: '2026-11-05T00:00:00.000Z' })).contractEndedAt,
    ).toBe('2026-11-05T00:00:00.000Z');
  });
});
