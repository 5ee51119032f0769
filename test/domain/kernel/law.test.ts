// The law as data: each named value is pinned here, so changing one is a deliberate change to this
// test as well, reviewed against the source its comment cites.
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_RETENTION_SECONDS,
  CLOSED_REQUEST_RETENTION_SECONDS,
  DISCLOSURE_LINK_LIFETIME_SECONDS,
  DISCLOSURE_METHODS,
  DISCLOSURE_RECORDS,
  DISCLOSURE_REFUSAL_GROUNDS,
  EVIDENCE_RETENTION_SECONDS,
  LATEST_ANSWER_CALENDAR_DAYS,
  RESPONSE_TARGET_DESK_DAYS,
  SECONDS,
  SENT_MESSAGE_RETENTION_SECONDS,
  UNVERIFIED_REQUEST_LIFETIME_SECONDS,
  VERIFICATION_CODE_DIGITS,
  VERIFICATION_CODE_LIFETIME_SECONDS,
  VERIFICATION_MAX_ATTEMPTS,
} from '../../../functions/domain/kernel/law';

describe('law.ts: the Act and the desk policy as named values', () => {
  it('uses plain second units', () => {
    expect(SECONDS).toEqual({ MINUTE: 60, HOUR: 3_600, DAY: 86_400, YEAR: 365 * 86_400 });
  });

  it('answers within 10 desk days (Art. 32-35, 40: "without delay")', () => {
    expect(RESPONSE_TARGET_DESK_DAYS).toBe(10);
  });

  it('answers at the latest 13 calendar days after arrival, before the person may sue (Art. 39(1): two weeks)', () => {
    expect(LATEST_ANSWER_CALENDAR_DAYS).toBe(13);
    expect(LATEST_ANSWER_CALENDAR_DAYS).toBeLessThan(14);
  });

  it('confirms the requester with a 6-digit code, valid 30 minutes, 5 tries (Art. 37(1))', () => {
    expect(VERIFICATION_CODE_DIGITS).toBe(6);
    expect(VERIFICATION_CODE_LIFETIME_SECONDS).toBe(30 * 60);
    expect(VERIFICATION_MAX_ATTEMPTS).toBe(5);
  });

  it('drops an unverified request after 24 hours', () => {
    expect(UNVERIFIED_REQUEST_LIFETIME_SECONDS).toBe(24 * 60 * 60);
  });

  it('keeps a disclosure link valid for 14 days (Art. 33(1), Enforcement Rules Art. 30)', () => {
    expect(DISCLOSURE_LINK_LIFETIME_SECONDS).toBe(14 * 24 * 60 * 60);
  });

  it('keeps closed requests and evidence 3 years, access logs 5 years, sent mail 30 days', () => {
    expect(CLOSED_REQUEST_RETENTION_SECONDS).toBe(3 * 365 * 86_400);
    expect(EVIDENCE_RETENTION_SECONDS).toBe(3 * 365 * 86_400);
    expect(ACCESS_LOG_RETENTION_SECONDS).toBe(5 * 365 * 86_400);
    expect(SENT_MESSAGE_RETENTION_SECONDS).toBe(30 * 86_400);
  });

  it('refuses disclosure only on the three grounds of Art. 33(2) items 1-3, in that order', () => {
    expect([...DISCLOSURE_REFUSAL_GROUNDS]).toEqual([
      'harm-to-person-or-third-party',
      'hindrance-to-business',
      'violation-of-law',
    ]);
  });

  it('discloses by electronic record or a paper copy (Art. 33(1), Enforcement Rules Art. 30)', () => {
    expect([...DISCLOSURE_METHODS]).toEqual(['electronic', 'paper']);
  });

  it('covers the personal data and, on request, the third-party provision records (Art. 33(1),(5))', () => {
    expect([...DISCLOSURE_RECORDS]).toEqual(['personal-data', 'provision-records']);
  });
});
