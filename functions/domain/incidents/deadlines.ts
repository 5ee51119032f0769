// When the two reports to the PPC are due (Enforcement Rules Art. 8; My Number leak rules Art. 3),
// counted from the day the business became aware of the incident.
import type { DeskHours } from '../company';
import { administrativePeriodEndsAt, endOfDeskDaysAfter } from '../kernel/calendar';
import type { IncidentFactors, ReportDeadlines } from './incident';

/**
 * Rules Art. 8(1): the preliminary report (速報) is due "promptly" (速やかに); the PPC General
 * Guidelines 3-5-3-3 read that as about 3-5 days from awareness. Desk policy: by the end of the third
 * desk day after the day of awareness, settable per deployment from 1 to PRELIMINARY_REPORT_MAX_DESK_DAYS.
 */
export const PRELIMINARY_REPORT_DESK_DAYS = 3;
/** The guidelines' "about 3-5 days": a setting beyond five desk days is no longer prompt. */
export const PRELIMINARY_REPORT_MAX_DESK_DAYS = 5;

/** Rules Art. 8(2): the final report (確報) within 30 days of awareness. */
export const FINAL_REPORT_DAYS = 30;
/** Rules Art. 8(2): 60 days where the incident is one of Art. 7(3), a wrongful purpose (also where other items apply). */
export const FINAL_REPORT_WRONGFUL_PURPOSE_DAYS = 60;

/**
 * The due instants. Each is the end of a Japan day (23:59:59.999 Japan time): the law counts whole
 * days, and the PPC's report form takes reports at any hour, so the desk's closing hour would only
 * bring the deadline forward. The final report's day one is the day of awareness (PPC General
 * Guidelines 3-5-3-4), so day 30 is that day + 29, moved past days the administrative offices are
 * closed; the preliminary report counts desk days after the day of awareness.
 */
export function reportDeadlines(
  awareAt: Date,
  factors: IncidentFactors,
  preliminaryDeskDays: number,
  hours: DeskHours,
): ReportDeadlines {
  const finalDays = factors.wrongfulPurpose ? FINAL_REPORT_WRONGFUL_PURPOSE_DAYS : FINAL_REPORT_DAYS;
  return {
    preliminaryDueAt: endOfDeskDaysAfter(awareAt, preliminaryDeskDays, hours).toISOString(),
    finalDueAt: administrativePeriodEndsAt(awareAt, finalDays).toISOString(),
    finalDays,
  };
}

/**
 * The preliminary report's desk days as configured (DESK_PRELIMINARY_REPORT_DESK_DAYS), or
 * PRELIMINARY_REPORT_DESK_DAYS when unset; a bad setting stops the function from loading.
 */
export function preliminaryReportDeskDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return PRELIMINARY_REPORT_DESK_DAYS;
  const days = Number(setting);
  if (!Number.isInteger(days) || days < 1 || days > PRELIMINARY_REPORT_MAX_DESK_DAYS) {
    throw new Error(
      `DESK_PRELIMINARY_REPORT_DESK_DAYS must be a whole number of desk days from 1 to ${PRELIMINARY_REPORT_MAX_DESK_DAYS}, not "${setting}"`,
    );
  }
  return days;
}
