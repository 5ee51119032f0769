import { isAbsolute, resolve } from 'node:path';
import { App, type AppProps, Duration } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, NIST80053R5Checks } from 'cdk-nag';
import { COMPANY_ENV, companyEnvironmentValue, companyFromFile } from '../functions/adapters/company';
import {
  deskSettings,
  fiscalYear,
  preliminaryReportDays,
  safeguardsGrace,
  securityAlertEmail,
} from '../functions/adapters/desk-settings';
import { STAFF_IP_ALLOW_LIST_ENV } from '../functions/adapters/security-facts';
import { accessLogDigestMinutes } from '../functions/domain/access-log/digest';
import { accessLogRetentionSeconds } from '../functions/domain/access-log/entry';
import { type Company, parseCompany } from '../functions/domain/company';
import { maxSubjectsPerHour } from '../functions/domain/monitoring/access-analysis';
import { passwordMaxAgeDays } from '../functions/domain/staff-passwords';
import { parseAllowedCidrs } from './firewall';
import { AppiDeskStack } from './stack';

/** Five years, the default time CloudTrail log files stay locked. */
const DEFAULT_AUDIT_RETENTION_DAYS = 1827;

export interface DeskApp {
  app: App;
  stack: AppiDeskStack;
}

/** The rule packs every synthesis of the desk must pass. */
export function nagPacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new NIST80053R5Checks()];
}

function requiredContext(app: App, key: string): string {
  const value: unknown = app.node.tryGetContext(key);
  if (typeof value !== 'string' || value === '')
    throw new Error(`Context "${key}" is required (cdk.json or -c ${key}=...)`);
  return value;
}

/**
 * The company from context: `company` (an object, or its JSON) or `companyFile` (a JSON file, relative
 * to the directory cdk runs in); `company` wins when both are given, so `-c company=…` overrides
 * cdk.json's file. One of them is required, so no deployment speaks as the demo company
 * by accident; a bad one fails the synthesis naming the field.
 */
export function companyFromContext(app: App): Company {
  const given: unknown = app.node.tryGetContext('company');
  const file: unknown = app.node.tryGetContext('companyFile');
  if (given !== undefined) {
    let value = given;
    if (typeof given === 'string') {
      try {
        value = JSON.parse(given);
      } catch {
        throw new Error('Context "company" is not valid JSON');
      }
    }
    return parseCompany(value);
  }
  if (typeof file === 'string' && file !== '') return companyFromFile(isAbsolute(file) ? file : resolve(file));
  throw new Error(
    'Context "company" or "companyFile" is required: the business, its desk and officer (docs/deploying.md; cdk.json names the demo company\'s file)',
  );
}

/**
 * The desk's service settings from context: responseDeskDays (a number), fees (per request type,
 * e.g. {"disclosure":{"amountYen":1000,"method":"bank transfer"}}) and monitorMaxSubjectsPerHour (a
 * number). Validated here with the rules the functions apply, so a fee the Act does not allow fails
 * the synthesis, not a request.
 */
function deskSettingsEnvironment(app: App): Record<string, string> {
  const days: unknown = app.node.tryGetContext('responseDeskDays');
  const fees: unknown = app.node.tryGetContext('fees');
  const monitorLimit: unknown = app.node.tryGetContext('monitorMaxSubjectsPerHour');
  const accessLogDays: unknown = app.node.tryGetContext('accessLogRetentionDays');
  const digestMinutes: unknown = app.node.tryGetContext('accessLogDigestMinutes');
  const alertEmail: unknown = app.node.tryGetContext('securityAlertEmail');
  const preliminaryDays: unknown = app.node.tryGetContext('preliminaryReportDeskDays');
  const fiscal: unknown = app.node.tryGetContext('fiscalYear');
  const graceDays: unknown = app.node.tryGetContext('safeguardsGraceDays');
  const passwordDays: unknown = app.node.tryGetContext('passwordMaxAgeDays');
  const cidrs: unknown = app.node.tryGetContext('staffAllowedCidrs');
  const environment: Record<string, string> = {
    // Every function: the notice, the e-mails' signatures and the desk calendar read it.
    [COMPANY_ENV]: companyEnvironmentValue(companyFromContext(app)),
    // The notice states these two of the staff pool's and the firewall's settings.
    ...(passwordDays !== undefined ? { DESK_PASSWORD_MAX_AGE_DAYS: String(passwordDays) } : {}),
    ...(parseAllowedCidrs(cidrs) ? { [STAFF_IP_ALLOW_LIST_ENV]: 'on' } : {}),
    ...(days !== undefined ? { DESK_RESPONSE_DESK_DAYS: String(days) } : {}),
    ...(fees !== undefined ? { DESK_FEES_JSON: typeof fees === 'string' ? fees : JSON.stringify(fees) } : {}),
    ...(monitorLimit !== undefined ? { DESK_MONITOR_MAX_SUBJECTS_PER_HOUR: String(monitorLimit) } : {}),
    ...(accessLogDays !== undefined ? { DESK_ACCESS_LOG_RETENTION_DAYS: String(accessLogDays) } : {}),
    ...(digestMinutes !== undefined ? { DESK_ACCESS_LOG_DIGEST_MINUTES: String(digestMinutes) } : {}),
    ...(alertEmail !== undefined ? { DESK_SECURITY_ALERT_EMAIL: String(alertEmail) } : {}),
    ...(preliminaryDays !== undefined ? { DESK_PRELIMINARY_REPORT_DESK_DAYS: String(preliminaryDays) } : {}),
    ...(fiscal !== undefined
      ? { DESK_FISCAL_YEAR_JSON: typeof fiscal === 'string' ? fiscal : JSON.stringify(fiscal) }
      : {}),
    ...(graceDays !== undefined ? { DESK_SAFEGUARDS_GRACE_DAYS: String(graceDays) } : {}),
  };
  deskSettings(environment);
  preliminaryReportDays(environment);
  fiscalYear(environment);
  safeguardsGrace(environment);
  passwordMaxAgeDays(environment.DESK_PASSWORD_MAX_AGE_DAYS);
  maxSubjectsPerHour(environment.DESK_MONITOR_MAX_SUBJECTS_PER_HOUR);
  accessLogRetentionSeconds(environment.DESK_ACCESS_LOG_RETENTION_DAYS);
  accessLogDigestMinutes(environment.DESK_ACCESS_LOG_DIGEST_MINUTES);
  securityAlertEmail({ ...environment, DESK_OFFICER_EMAIL: String(app.node.tryGetContext('officerEmail') ?? '') });
  return environment;
}

/**
 * Builds the CDK app from context: stage (default dev; prod turns on deletion protection and
 * retention), region, senderEmail, officerEmail, company or companyFile (the business, its desk and officer), and optionally publicBaseUrl, auditRetentionDays,
 * responseDeskDays, preliminaryReportDeskDays (1-5 desk days for the PPC preliminary report), safeguardsGraceDays (0-90 days a staff member keeps handling personal data after their rules or training lapse; 30 by default), fiscalYear (the fiscal year's end and any filing extension or loss years, for tax records' retention), fees, monitorMaxSubjectsPerHour, securityAlertEmail (a second address, no officer's, told of every staff account change), staffAllowedCidrs, accessLogRetentionDays (entries' TTL and their digests' lock; five years by default)
 * and accessLogDigestMinutes (how often the chain heads are digested; 5 by default).
 * Context given here is added to what the CLI passes in (cdk.json, -c).
 */
export function buildApp(context: Record<string, unknown> = {}, appProps: Omit<AppProps, 'context'> = {}): DeskApp {
  const app = new App({ ...appProps, context });
  const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,20}$/.test(stage))
    throw new Error(`Stage "${stage}" must be lower-case letters, digits and dashes`);
  const publicBaseUrl = app.node.tryGetContext('publicBaseUrl') as string | undefined;
  const staffAllowedCidrs = parseAllowedCidrs(app.node.tryGetContext('staffAllowedCidrs'));
  const settings = deskSettingsEnvironment(app);
  const stack = new AppiDeskStack(app, `AppiDesk-${stage}`, {
    // DynamoDB tables with a customer-managed key need a region at synthesis time.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: requiredContext(app, 'region') },
    stage,
    senderEmail: requiredContext(app, 'senderEmail'),
    officerEmail: requiredContext(app, 'officerEmail'),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    deskSettings: settings,
    accessLogRetention: Duration.seconds(accessLogRetentionSeconds(settings.DESK_ACCESS_LOG_RETENTION_DAYS)),
    auditRetention: Duration.days(Number(app.node.tryGetContext('auditRetentionDays') ?? DEFAULT_AUDIT_RETENTION_DAYS)),
    ...(staffAllowedCidrs ? { staffAllowedCidrs } : {}),
    description: `appi-desk privacy desk (${stage})`,
  });
  return { app, stack };
}
