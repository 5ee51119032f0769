// The desk that answers requests (policy §7): its name, where to reach it, and when it works.
import { RESPONSE_TARGET_DESK_DAYS } from './kernel/law';
import { DEFAULT_FEES, type FeeSchedule } from './requests/fees';

export const DESK_CONTACT = {
  name: { ja: 'メカラ合同会社 個人データ開示相談窓口', en: 'Mecara LLC Personal Data Disclosure Consultation Desk' },
  address: '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan',
  email: 'info@aimicros.com',
} as const;

/** Policy §7: desk hours, Japan Standard Time (UTC+9, no daylight saving). */
export const DESK_OPENS_AT_HOUR = 9;
export const DESK_CLOSES_AT_HOUR = 17;
/** Policy §7: year-end and New Year holidays, 29 December to 3 January inclusive. */
export const YEAR_END_HOLIDAYS = { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } as const;

/** The desk's configurable service levels; deployment sets them (functions/adapters/desk-settings.ts). */
export interface DeskSettings {
  /** Desk days to answer a request, capped by the calendar (answerDueAt). */
  responseDeskDays: number;
  /** APPI Art. 38: fees per request type. */
  fees: FeeSchedule;
}

export const DEFAULT_DESK_SETTINGS: DeskSettings = { responseDeskDays: RESPONSE_TARGET_DESK_DAYS, fees: DEFAULT_FEES };
