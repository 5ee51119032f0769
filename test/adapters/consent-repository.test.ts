// Consent events of a subject against DynamoDB Local: only the subject's own, never past expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoConsents } from '../../functions/adapters/consent-repository';
import { freshTables } from '../support/desk';
import { dropTables, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const later = new Date(Date.now() + 3_600_000);
const laterSeconds = Math.floor(later.getTime() / 1000);
const event = (subjectId: string, eventId: string, expiresAt?: number) => ({
  subjectId,
  eventId,
  action: 'given',
  purpose: 'advertising',
  noticeVersion: '2024-04-01',
  method: 'web-button',
  at: '2026-01-01T00:00:00.000Z',
  ...(expiresAt ? { expiresAt } : {}),
});

describe('consent-repository', () => {
  it("reads the subject's live consent events", async () => {
    await Promise.all([
      putItem('consents', event('subject-c1', 'a')),
      putItem('consents', event('subject-c1', 'b', laterSeconds + 1)),
      putItem('consents', event('subject-c1', 'c', laterSeconds)),
      putItem('consents', event('subject-c2', 'd')),
    ]);
    const events = await dynamoConsents.consentsOf('subject-c1', later);
    expect(events.map((e) => e.eventId).sort()).toEqual(['a', 'b']);
  });
});
