// APPI Art. 38: fees only for purpose notification and disclosure, none by default, and a
// configuration that charges for anything else refused when it is loaded.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEES,
  FEE_CHARGEABLE_TYPES,
  feeFor,
  feeSchedule,
  REQUEST_TYPE_NAMES,
} from '../../../functions/domain/requests/fees';
import { REQUEST_TYPES } from '../../../functions/domain/requests/types/registry';

describe('fees (Art. 38)', () => {
  it('names every request type the desk answers, including each one the registry accepts', () => {
    expect([...REQUEST_TYPE_NAMES]).toEqual([
      'disclosure',
      'correction',
      'cessation-of-use',
      'cessation-of-provision',
      'purpose-notification',
      'complaint',
    ]);
    for (const t of REQUEST_TYPES) expect(REQUEST_TYPE_NAMES).toContain(t.type);
  });

  it('may be charged only for disclosure and purpose notification (Art. 38(1))', () => {
    expect([...FEE_CHARGEABLE_TYPES]).toEqual(['disclosure', 'purpose-notification']);
  });

  it('is none for every type by default, and when nothing is configured', () => {
    for (const type of REQUEST_TYPE_NAMES) expect(DEFAULT_FEES[type]).toBeNull();
    expect(feeSchedule(undefined)).toBe(DEFAULT_FEES);
    expect(feeSchedule({})).toEqual(DEFAULT_FEES);
  });

  it('takes a fee for disclosure and for purpose notification; a type left out or null is free', () => {
    const schedule = feeSchedule({
      disclosure: { amountYen: 1000, method: 'bank transfer' },
      'purpose-notification': { amountYen: 500, method: ' 銀行振込 ' },
      correction: null,
    });
    expect(schedule).toEqual({
      ...DEFAULT_FEES,
      disclosure: { amountYen: 1000, method: 'bank transfer' },
      'purpose-notification': { amountYen: 500, method: '銀行振込' },
    });
    expect(feeFor(schedule, 'disclosure')).toEqual({ amountYen: 1000, method: 'bank transfer' });
    expect(feeFor(schedule, 'complaint')).toBeNull();
    expect(feeFor(schedule, 'no-such-type')).toBeNull();
  });

  it.each(['correction', 'cessation-of-use', 'cessation-of-provision', 'complaint'])(
    'refuses a fee for %s, citing Art. 38(1)',
    (type) => {
      expect(() =>
        feeSchedule({
          disclosure: { amountYen: 1000, method: 'bank transfer' },
          [type]: { amountYen: 300, method: 'bank transfer' },
        }),
      ).toThrow(`APPI Art. 38(1) allows a fee only for disclosure and purpose-notification, not for ${type}`);
    },
  );

  it.each([
    ['an unknown type', { erasure: { amountYen: 100, method: 'cash' } }],
    ['a zero amount', { disclosure: { amountYen: 0, method: 'bank transfer' } }],
    ['a negative amount', { disclosure: { amountYen: -1, method: 'bank transfer' } }],
    ['a fractional amount', { disclosure: { amountYen: 99.5, method: 'bank transfer' } }],
    ['an amount as text', { disclosure: { amountYen: '1000', method: 'bank transfer' } }],
    ['no method', { disclosure: { amountYen: 1000 } }],
    ['a blank method', { disclosure: { amountYen: 1000, method: '  ' } }],
    ['an unknown field', { disclosure: { amountYen: 1000, method: 'bank transfer', currency: 'USD' } }],
    ['a list', [{ disclosure: { amountYen: 1000, method: 'bank transfer' } }]],
    ['a number', 1000],
    ['null', null],
  ])('refuses %s', (_case, config) => {
    expect(() => feeSchedule(config)).toThrow(/The fee configuration is invalid/);
  });
});
