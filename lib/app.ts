import { App, type AppProps, Duration } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, NIST80053R5Checks } from 'cdk-nag';
import {
  deskSettings,
  preliminaryReportDays,
  safeguardsGrace,
  securityAlertEmail,
} from '../functions/adapters/desk-settings';
import { accessLogDigestMinutes } from '../functions/domain/access-log/digest';
import { accessLogRetentionSeconds } from '../functions/domain/access-log/entry';
import { maxSubjectsPerHour } from '../functions/domain/monitoring/access-analysis';
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
  const graceDays: unknown = app.node.tryGetContext('safeguardsGraceDays');
  const environment: Record<string, string> = {
    ...(days !== undefined ? { DESK_RESPONSE_DESK_DAYS: String(days) } : {}),
    ...(fees !== undefined ? { DESK_FEES_JSON: typeof fees === 'string' ? fees : JSON.stringify(fees) } : {}),
    ...(monitorLimit !== undefined ? { DESK_MONITOR_MAX_SUBJECTS_PER_HOUR: String(monitorLimit) } : {}),
    ...(accessLogDays !== undefined ? { DESK_ACCESS_LOG_RETENTION_DAYS: String(accessLogDays) } : {}),
    ...(digestMinutes !== undefined ? { DESK_ACCESS_LOG_DIGEST_MINUTES: String(digestMinutes) } : {}),
    ...(alertEmail !== undefined ? { DESK_SECURITY_ALERT_EMAIL: String(alertEmail) } : {}),
    ...(preliminaryDays !== undefined ? { DESK_PRELIMINARY_REPORT_DESK_DAYS: String(preliminaryDays) } : {}),
    ...(graceDays !== undefined ? { DESK_SAFEGUARDS_GRACE_DAYS: String(graceDays) } : {}),
  };
  deskSettings(environment);
  preliminaryReportDays(environment);
  safeguardsGrace(environment);
  maxSubjectsPerHour(environment.DESK_MONITOR_MAX_SUBJECTS_PER_HOUR);
  accessLogRetentionSeconds(environment.DESK_ACCESS_LOG_RETENTION_DAYS);
  accessLogDigestMinutes(environment.DESK_ACCESS_LOG_DIGEST_MINUTES);
  securityAlertEmail({ ...environment, DESK_OFFICER_EMAIL: String(app.node.tryGetContext('officerEmail') ?? '') });
  return environment;
}

/**
 * Builds the CDK app from context: stage (default dev; prod turns on deletion protection and
 * retention), region, senderEmail, officerEmail, and optionally publicBaseUrl, auditRetentionDays,
 * responseDeskDays, preliminaryReportDeskDays (1-5 desk days for the PPC preliminary report), safeguardsGraceDays (0-90 days a staff member keeps handling personal data after their rules or training lapse; 30 by default), fees, monitorMaxSubjectsPerHour, securityAlertEmail (a second address, no officer's, told of every staff account change), staffAllowedCidrs, accessLogRetentionDays (entries' TTL and their digests' lock; five years by default)
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
