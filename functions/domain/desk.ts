// The desk's configurable service levels (policy §7). Its name, address and hours are the company's
// (functions/domain/company.ts).
import { RESPONSE_TARGET_DESK_DAYS } from './kernel/law';
import { DEFAULT_FEES, type FeeSchedule } from './requests/fees';

/** The desk's configurable service levels; deployment sets them (functions/adapters/desk-settings.ts). */
export interface DeskSettings {
  /** Desk days to answer a request, capped by the calendar (answerDueAt). */
  responseDeskDays: number;
  /** APPI Art. 38: fees per request type. */
  fees: FeeSchedule;
}

export const DEFAULT_DESK_SETTINGS: DeskSettings = { responseDeskDays: RESPONSE_TARGET_DESK_DAYS, fees: DEFAULT_FEES };
