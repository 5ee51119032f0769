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
