// How long a record of provision or receipt is kept (APPI Art. 29(2), 30(4); Enforcement Rules Art. 21,
// 25), counted the Civil Code way: a period from a day starts the next day (Art. 140) and ends with the
// day before the corresponding day, or with the last day of the month where there is none (Art. 143(2)).
import { japanDay } from '../kernel/calendar';
import { dayAfter, endOfYears } from '../kernel/statutory-periods';

/**
 * How the desk keeps the record for a recipient (Enforcement Rules Art. 19; for a provider, Art. 23): one record per provision
 * (19(1)); one bulk record for continuous or repeated provision to the same recipient (19(2)); or the
 * contract standing in for the record where the provision goes with goods or services to the person (19(3)).
 */
export const RECORD_KEEPING = [
  {
    id: 'per-provision',
    years: 3,
    from: 'creation',
    source: "Enforcement Rules Art. 21(iii), 25(iii): 3 years from the record's creation",
  },
  {
    id: 'bulk',
    years: 3,
    from: 'last-provision',
    source: 'Enforcement Rules Art. 21(ii), 25(ii): 3 years from the last provision the bulk record covers',
  },
  {
    id: 'contract',
    years: 1,
    from: 'last-provision',
    source: 'Enforcement Rules Art. 21(i), 25(i): 1 year from the last provision under the contract',
  },
] as const;
export type RecordKeeping = (typeof RECORD_KEEPING)[number]['id'];
export const RECORD_KEEPING_IDS = RECORD_KEEPING.map((r) => r.id) as [RecordKeeping, ...RecordKeeping[]];

/**
 * The record's expiresAt (epoch seconds): midnight Japan time after its retention runs out. `at` is the
 * creation for a per-provision record and the latest provision for a bulk or contract record, so a
 * repeated provision rolls it forward.
 */
export function provisionRecordExpiresAt(keeping: RecordKeeping, at: Date): number {
  const { years } = RECORD_KEEPING.find((r) => r.id === keeping)!;
  return Math.floor(endOfYears(dayAfter(japanDay(at)), years).getTime() / 1000);
}
