// The desk that answers requests (policy §7): its name, where to reach it, and when it works.
import { RESPONSE_TARGET_DESK_DAYS } from './kernel/law';
import { DEFAULT_FEES, type FeeSchedule } from './requests/fees';

export {
  BUSINESS_NAME,
  DESK_CLOSES_AT_HOUR,
  DESK_CONTACT,
  DESK_HOURS_TEXT,
  DESK_OPENS_AT_HOUR,
  YEAR_END_HOLIDAYS,
} from './desk-words';

/** The desk's configurable service levels; deployment sets them (functions/adapters/desk-settings.ts). */
export interface DeskSettings {
  /** Desk days to answer a request, capped by the calendar (answerDueAt). */
  responseDeskDays: number;
  /** APPI Art. 38: fees per request type. */
  fees: FeeSchedule;
}

export const DEFAULT_DESK_SETTINGS: DeskSettings = { responseDeskDays: RESPONSE_TARGET_DESK_DAYS, fees: DEFAULT_FEES };
