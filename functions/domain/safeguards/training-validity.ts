// How long a training completion stays current. A leaf (no imports): the console shows these limits.

/** Desk policy under policy §6(2)B: a course's validity is set within these months (three years at most). */
export const TRAINING_VALIDITY_MONTHS_MIN = 1;
export const TRAINING_VALIDITY_MONTHS_MAX = 36;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The last day (YYYY-MM-DD) a completion on `completedOn` is current for `months` months. The member
 * is trained for the whole of the day they completed, so the period runs from that day (Civil Code
 * Art. 140 proviso) and ends with the day before the corresponding day `months` later, or with the
 * last day of that month where it has no corresponding day (Art. 143(2)): a completion on 2026-01-31
 * with one month is current through 2026-02-28.
 */
export function trainingValidUntil(completedOn: string, months: number): string {
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = daysIn(year, month);
  if (d > last) return iso(year, month, last);
  const dayBefore = new Date(Date.UTC(year, month - 1, d - 1));
  return dayBefore.toISOString().slice(0, 10);
}
