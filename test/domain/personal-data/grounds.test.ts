// The grounds a record or a use rests on: an active purpose, a consent on file and not withdrawn.
import { describe, expect, it } from 'vitest';
import type { ConsentEvent } from '../../../functions/domain/holdings';
import { consentOnFile, dayOf, unusablePurpose } from '../../../functions/domain/personal-data/grounds';
import { POLICY_PURPOSES, registryOf } from '../../../functions/domain/purposes/registry';
import { retired } from './personal-data-doubles';

const event = (
  eventId: string,
  action: ConsentEvent['action'],
  at: string,
  purpose = 'advertising',
  recipient?: string,
): ConsentEvent => ({
  subjectId: 's',
  eventId,
  action,
  purpose,
  ...(recipient ? { recipient } : {}),
  noticeVersion: '1',
  method: 'web',
  at,
});

describe('grounds', () => {
  it('a purpose is usable while registered and active', () => {
    const registry = registryOf([...POLICY_PURPOSES, retired('billing', '2026-10-01T12:00:00.000Z')]);
    expect(unusablePurpose(registry, 'advertising')).toBeUndefined();
    expect(unusablePurpose(registry, 'foo')).toBe('"foo" is not a registered purpose of use');
    expect(unusablePurpose(registry, 'billing')).toBe('"billing" was retired on 2026-10-01 and can no longer be used');
  });

  it('a consent stands until a withdrawal for the same purpose and recipient, at or after its instant', () => {
    const given = event('c', 'given', '2026-01-01T00:00:00.000Z', 'advertising', 'partner');
    expect(consentOnFile([given], 'c')).toEqual({ inForce: true, consent: given });
    expect(
      consentOnFile([given, event('w1', 'withdrawn', '2026-02-01T00:00:00.000Z', 'advertising')], 'c').inForce,
    ).toBe(true);
    expect(
      consentOnFile([given, event('w0', 'withdrawn', '2025-12-31T23:59:59.000Z', 'advertising', 'partner')], 'c')
        .inForce,
    ).toBe(true);
    expect(
      consentOnFile([given, event('w2', 'withdrawn', '2026-01-01T00:00:00.000Z', 'advertising', 'partner')], 'c')
        .inForce,
    ).toBe(false);
    expect(
      consentOnFile([given, event('w3', 'withdrawn', '2026-01-01T00:00:01.000Z', 'advertising', 'partner')], 'c'),
    ).toEqual({ inForce: false, why: '"c" was withdrawn on 2026-01-01' });
  });

  it('a withdrawal naming its consent withdraws exactly that one', () => {
    const first = event('c1', 'given', '2026-01-01T00:00:00.000Z');
    const second = event('c2', 'given', '2026-01-02T00:00:00.000Z');
    const withdrawal = { ...event('w', 'withdrawn', '2026-02-01T00:00:00.000Z'), withdraws: 'c1' };
    expect(consentOnFile([first, second, withdrawal], 'c1')).toEqual({
      inForce: false,
      why: '"c1" was withdrawn on 2026-02-01',
    });
    expect(consentOnFile([first, second, withdrawal], 'c2').inForce).toBe(true);
  });

  it('dates are named by their UTC day', () => {
    expect(dayOf('2026-10-01T23:59:59.000Z')).toBe('2026-10-01');
    expect(dayOf(0)).toBe('1970-01-01');
  });
});
