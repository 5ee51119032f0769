// The desk's configurable service levels, read from the function's environment. Handlers call this
// at load time, so a bad setting fails the function's start instead of a request.
import { responseDeskDays } from '../domain/calendar';
import type { DeskSettings } from '../domain/desk';
import { feeSchedule } from '../domain/requests/fees';

function parsedJson(name: string, value: string | undefined): unknown {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
}

/** DESK_RESPONSE_DESK_DAYS (a number) and DESK_FEES_JSON (e.g. {"disclosure":{"amountYen":1000,"method":"bank transfer"}}); unset means the defaults. */
export function deskSettings(env: NodeJS.ProcessEnv = process.env): DeskSettings {
  return {
    responseDeskDays: responseDeskDays(env.DESK_RESPONSE_DESK_DAYS),
    fees: feeSchedule(parsedJson('DESK_FEES_JSON', env.DESK_FEES_JSON)),
  };
}

/** DESK_OFFICER_EMAIL: where the Information Security Officer is told of account changes and access alerts. */
export function officerEmail(env: NodeJS.ProcessEnv = process.env): string {
  const address = env.DESK_OFFICER_EMAIL?.trim();
  if (!address) throw new Error('DESK_OFFICER_EMAIL is not set');
  return address;
}
