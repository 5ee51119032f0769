// Dates a caller supplies (when data was acquired, when a contract ended, when the PPC was notified)
// are stored, and retention counts from them: a date in the future would keep data past the time its
// purpose is achieved (APPI Art. 22) or record something that has not happened. The desk refuses
// such dates, allowing only for the caller's clock running a little ahead of its own.
import { japanDay } from './calendar';
import { DeskProblem, type ProblemField } from './problems';

/**
 * How far ahead of the desk's clock a supplied date may be. Clocks kept by NTP (Amazon Time Sync
 * in AWS) agree within a second; five minutes absorbs a drifting one, the usual allowance
 * (RFC 4120 §1.6 for Kerberos), and moves no retention perceptibly.
 */
export const ALLOWED_CLOCK_SKEW_SECONDS = 300;

const latestAllowed = (now: Date) => new Date(now.getTime() + ALLOWED_CLOCK_SKEW_SECONDS * 1000);

/** Why an ISO instant cannot be taken as one that has passed; undefined when it can. */
export function futureInstantFault(instant: string, now: Date): string | undefined {
  if (Date.parse(instant) <= latestAllowed(now).getTime()) return undefined;
  return `${instant} is in the future (the desk's clock reads ${now.toISOString()}, and allows ${ALLOWED_CLOCK_SKEW_SECONDS / 60} minutes for a clock running ahead): give when it actually happened`;
}

/** Why a Japan calendar date (YYYY-MM-DD) cannot be taken as one that has come; undefined when it can. */
export function futureJapanDateFault(date: string, now: Date): string | undefined {
  if (date <= japanDay(latestAllowed(now))) return undefined;
  return `${date} is later than today in Japan (${japanDay(now)}): give the day it actually happened`;
}

export type SuppliedDate = { field: string; instant: string | undefined } | { field: string; date: string | undefined };

/** Throws one 422 naming every supplied date that lies in the future; fields left out pass. */
export function refuseFutureDates(title: string, dates: readonly SuppliedDate[], now: Date): void {
  const errors: ProblemField[] = dates.flatMap((d) => {
    const fault =
      'instant' in d
        ? d.instant === undefined
          ? undefined
          : futureInstantFault(d.instant, now)
        : d.date === undefined
          ? undefined
          : futureJapanDateFault(d.date, now);
    return fault ? [{ field: d.field, message: fault }] : [];
  });
  if (errors.length === 0) return;
  throw new DeskProblem(
    'unprocessable',
    title,
    `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}. Nothing was stored.`,
    errors,
  );
}
