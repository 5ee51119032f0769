import { describe, expect, it } from 'vitest';
import { provisionRecordExpiresAt, RECORD_KEEPING } from '../../../functions/domain/provisions/retention';
import { jst } from '../doubles';

const at = (date: Date) => Math.floor(date.getTime() / 1000);

describe('record retention (Enforcement Rules Art. 21, 25)', () => {
  it('keeps a record per provision and a bulk record 3 years, a contract in place of the record 1 year, each with its source', () => {
    expect(RECORD_KEEPING.map(({ id, years, from }) => ({ id, years, from }))).toEqual([
      { id: 'per-provision', years: 3, from: 'creation' },
      { id: 'bulk', years: 3, from: 'last-provision' },
      { id: 'contract', years: 1, from: 'last-provision' },
    ]);
    for (const r of RECORD_KEEPING) expect(r.source).toMatch(/Enforcement Rules Art\. 21\(i+\), 25\(i+\)/);
  });

  it('counts from the next Japan day and ends with the day before the corresponding day (Civil Code Art. 140, 143(2))', () => {
    expect(provisionRecordExpiresAt('per-provision', jst(2026, 11, 26, 10))).toBe(at(jst(2029, 11, 27)));
    // 1 March 01:00 in Japan is still 28 February in UTC: the Japan day counts.
    expect(provisionRecordExpiresAt('per-provision', jst(2026, 3, 1, 1))).toBe(at(jst(2029, 3, 2)));
    expect(provisionRecordExpiresAt('per-provision', jst(2026, 11, 26, 23, 59, 59))).toBe(at(jst(2029, 11, 27)));
  });

  it('handles leap days: a period starting on 29 February ends with the last day of February (Civil Code Art. 143(2))', () => {
    // Created 28 Feb 2024: the period starts 29 Feb 2024; 2027 has no 29 Feb, so it ends 28 Feb 2027.
    expect(provisionRecordExpiresAt('per-provision', jst(2024, 2, 28, 12))).toBe(at(jst(2027, 3, 1)));
    // Created on the leap day itself: starts 1 March 2024, ends 28 Feb 2027.
    expect(provisionRecordExpiresAt('bulk', jst(2024, 2, 29, 12))).toBe(at(jst(2027, 3, 1)));
    // A contract in place of the record, last provision 28 Feb 2027: starts 1 March 2027, ends 29 Feb 2028.
    expect(provisionRecordExpiresAt('contract', jst(2027, 2, 28, 12))).toBe(at(jst(2028, 3, 1)));
    // Last provision 28 Feb 2028: starts 29 Feb 2028; 2029 has no 29 Feb, so it ends 28 Feb 2029.
    expect(provisionRecordExpiresAt('contract', jst(2028, 2, 28, 12))).toBe(at(jst(2029, 3, 1)));
  });

  it("a later provision rolls a bulk record's expiry forward", () => {
    expect(provisionRecordExpiresAt('bulk', jst(2027, 6, 1, 9))).toBeGreaterThan(
      provisionRecordExpiresAt('bulk', jst(2026, 6, 1, 9)),
    );
    expect(provisionRecordExpiresAt('bulk', jst(2027, 6, 1, 9))).toBe(at(jst(2030, 6, 2)));
  });
});
