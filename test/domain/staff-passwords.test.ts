// The password age rule (policy §6(1) periodic password changes) and the local sign-in's limits.
import { describe, expect, it } from 'vitest';
import {
  LOCAL_SIGN_IN_LOCK_MINUTES,
  LOCAL_SIGN_IN_MAX_FAILURES,
  PASSWORD_MAX_AGE_DAYS,
  PASSWORD_MIN_LENGTH,
  passwordExpired,
  passwordExpiresAt,
  passwordMaxAgeDays,
} from '../../functions/domain/staff-passwords';

describe('staff passwords', () => {
  it('desk policy: 90 days, at least 14 characters, 5 failures lock the local sign-in for 15 minutes', () => {
    expect(PASSWORD_MAX_AGE_DAYS).toBe(90);
    expect(PASSWORD_MIN_LENGTH).toBe(14);
    expect(LOCAL_SIGN_IN_MAX_FAILURES).toBe(5);
    expect(LOCAL_SIGN_IN_LOCK_MINUTES).toBe(15);
  });

  it('a password is expired from the moment it is maxAge days old, not a millisecond before', () => {
    const changed = '2026-08-28T00:00:00.000Z';
    expect(passwordExpiresAt(changed, 90).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(passwordExpired(changed, new Date('2026-11-25T23:59:59.999Z'), 90)).toBe(false);
    expect(passwordExpired(changed, new Date('2026-11-26T00:00:00.000Z'), 90)).toBe(true);
    expect(passwordExpired(changed, new Date('2026-09-01T00:00:00.000Z'), 3)).toBe(true);
  });

  it('an unknown or unreadable change date counts as expired', () => {
    const now = new Date('2026-11-26T00:00:00.000Z');
    expect(passwordExpired(undefined, now, 90)).toBe(true);
    expect(passwordExpired('', now, 90)).toBe(true);
    expect(passwordExpired('yesterday', now, 90)).toBe(true);
  });

  it('DESK_PASSWORD_MAX_AGE_DAYS: unset is 90; a whole number 1-365 is taken; anything else fails the start', () => {
    expect(passwordMaxAgeDays(undefined)).toBe(90);
    expect(passwordMaxAgeDays(' ')).toBe(90);
    expect(passwordMaxAgeDays('30')).toBe(30);
    expect(passwordMaxAgeDays('365')).toBe(365);
    for (const bad of ['0', '-5', '366', '1.5', 'ninety'])
      expect(() => passwordMaxAgeDays(bad)).toThrow('DESK_PASSWORD_MAX_AGE_DAYS');
  });
});
