// Civil Code Art. 140 proviso and 143(2) on worked examples: month ends, leap years, year ends.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_VALIDITY_MONTHS } from '../../../functions/domain/safeguards/training';
import { trainingValidUntil } from '../../../functions/domain/safeguards/training-validity';

describe('trainingValidUntil', () => {
  it.each([
    // The day before the corresponding day.
    ['2026-01-15', 1, '2026-02-14'],
    ['2026-04-01', 12, '2027-03-31'],
    ['2026-12-01', 1, '2026-12-31'],
    ['2026-12-07', 12, '2027-12-06'],
    ['2026-11-28', 3, '2027-02-27'],
    ['2026-11-30', 3, '2027-02-28'],
    // No corresponding day: the last day of that month (Art. 143(2) proviso).
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-01-30', 1, '2023-02-28'],
    // The corresponding day is the 1st: the day before is the previous month's last, leap or not.
    ['2023-03-01', 12, '2024-02-29'],
    ['2024-03-01', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2026-06-10', 36, '2029-06-09'],
  ])('a completion on %s for %i months is current through %s', (completedOn, months, until) => {
    expect(trainingValidUntil(completedOn, months)).toBe(until);
  });

  it('counts a year by default', () => {
    expect(DEFAULT_TRAINING_VALIDITY_MONTHS).toBe(12);
    expect(trainingValidUntil('2026-12-07', DEFAULT_TRAINING_VALIDITY_MONTHS)).toBe('2027-12-06');
  });
});
