// The desk's configurable service levels, read from the function's environment. Handlers call this
// at load time, so a bad setting fails the function's start instead of a request.

import type { DeskSettings } from '../domain/desk';
import { preliminaryReportDeskDays } from '../domain/incidents/deadlines';
import { responseDeskDays } from '../domain/kernel/calendar';
import { feeSchedule } from '../domain/requests/fees';
import { safeguardsGraceDays } from '../domain/safeguards/standing';

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

/** DESK_PRELIMINARY_REPORT_DESK_DAYS (1-5): desk days after awareness for the PPC preliminary report; unset means 3. */
export function preliminaryReportDays(env: NodeJS.ProcessEnv = process.env): number {
  return preliminaryReportDeskDays(env.DESK_PRELIMINARY_REPORT_DESK_DAYS);
}

/** DESK_SAFEGUARDS_GRACE_DAYS (0-90): days a staff member keeps handling personal data after an obligation arises; unset means 30. */
export function safeguardsGrace(env: NodeJS.ProcessEnv = process.env): number {
  return safeguardsGraceDays(env.DESK_SAFEGUARDS_GRACE_DAYS);
}

/** DESK_OFFICER_EMAIL: where the Information Security Officer is told of account changes and access alerts. */
export function officerEmail(env: NodeJS.ProcessEnv = process.env): string {
  const address = env.DESK_OFFICER_EMAIL?.trim();
  if (!address) throw new Error('DESK_OFFICER_EMAIL is not set');
  return address;
}

/**
 * DESK_SECURITY_ALERT_EMAIL (optional): a second address told of every staff account change, one no
 * officer controls. The officer's own address again would add no second reader, so it is refused.
 */
export function securityAlertEmail(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const address = env.DESK_SECURITY_ALERT_EMAIL?.trim();
  if (!address) return undefined;
  if (address.toLowerCase() === officerEmail(env).toLowerCase()) {
    throw new Error('DESK_SECURITY_ALERT_EMAIL must be an address the officers do not control, not DESK_OFFICER_EMAIL');
  }
  return address;
}

/**
 * Where the Privacy Center is, for the status link in e-mails: DESK_PRIVACY_CENTER_URL (locally the
 * gateway's /privacy/), else the root of DESK_PRIVACY_CENTER_ORIGIN, the CloudFront distribution CDK
 * names for CORS (lib/privacy-center.ts), which serves the Privacy Center at its root. Neither set:
 * no link.
 */
export function privacyCenterUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given =
    env.DESK_PRIVACY_CENTER_URL?.trim() ||
    (env.DESK_PRIVACY_CENTER_ORIGIN?.trim()
      ? `${env.DESK_PRIVACY_CENTER_ORIGIN.trim().replace(/\/+$/, '')}/`
      : undefined);
  if (given === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new Error('DESK_PRIVACY_CENTER_URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('DESK_PRIVACY_CENTER_URL must be an http(s) URL');
  if (url.hash || url.search) throw new Error('DESK_PRIVACY_CENTER_URL must have no query or fragment');
  return url.href;
}
