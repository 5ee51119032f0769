// Policy §6(2)A: the internal rules and manuals. The officer publishes numbered versions, each binding
// from its effective day (today or later: a rule never binds retroactively); every staff member
// acknowledges the version in force for themselves; the officer sees who has not.
import type { AccessLogWriter } from '../access-log/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { StaffActor, StaffMember } from '../staff';
import type { InternalRuleKind, InternalRuleVersion } from './internal-rules';
import type { SafeguardsStore } from './ports';

export interface RuleDeps {
  safeguards: SafeguardsStore;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface StaffList {
  list(): Promise<StaffMember[]>;
}

export interface NewRuleVersion {
  ruleId: string;
  version: number;
  kind: InternalRuleKind;
  title: { ja: string; en: string };
  effectiveFrom: string;
  text?: string;
  reference?: string;
}

/** One rule or manual: its versions in order, the one in force today and those scheduled after it. */
export interface InternalRule {
  ruleId: string;
  kind: InternalRuleKind;
  title: { ja: string; en: string };
  inForce?: InternalRuleVersion;
  scheduled: InternalRuleVersion[];
  versions: InternalRuleVersion[];
}

const unprocessable = (title: string, field: string, message: string, slug?: string) =>
  new DeskProblem('unprocessable', title, `${field}: ${message}. Nothing was stored.`, [{ field, message }], {
    ...(slug ? { slug } : {}),
  });

/** Every rule with its versions, from the store's versions, as they stand on `today` (a Japan date). */
export function rulesAsOf(versions: readonly InternalRuleVersion[], today: string): InternalRule[] {
  const byRule = new Map<string, InternalRuleVersion[]>();
  for (const v of versions) byRule.set(v.ruleId, [...(byRule.get(v.ruleId) ?? []), v]);
  return [...byRule.entries()]
    .map(([ruleId, list]) => {
      const ordered = [...list].sort((a, b) => a.version - b.version);
      const started = ordered.filter((v) => v.effectiveFrom <= today);
      const inForce = started.at(-1);
      const latest = ordered.at(-1)!;
      return {
        ruleId,
        kind: latest.kind,
        title: (inForce ?? latest).title,
        ...(inForce ? { inForce } : {}),
        scheduled: ordered.filter((v) => v.effectiveFrom > today),
        versions: ordered,
      };
    })
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

export async function publishRuleVersion(
  deps: Pick<RuleDeps, 'safeguards' | 'clock'>,
  actor: StaffActor,
  input: NewRuleVersion,
) {
  const now = deps.clock.now();
  const today = japanDay(now);
  const title = 'Rule version not published';
  if (input.effectiveFrom < today)
    throw unprocessable(
      title,
      'effectiveFrom',
      `${input.effectiveFrom} has passed (today in Japan is ${today}); a rule binds staff from when it is published, never before: give today or a later day`,
    );
  const earlier = (await deps.safeguards.ruleVersions())
    .filter((v) => v.ruleId === input.ruleId)
    .sort((a, b) => a.version - b.version);
  const latest = earlier.at(-1);
  const next = (latest?.version ?? 0) + 1;
  const published = () =>
    new DeskProblem(
      'conflict',
      'Version already published',
      `version: version ${input.version} of "${input.ruleId}" is already published${latest ? ` (the latest is ${latest.version})` : ''}. Reload the rules and publish version ${next} if it is still needed.`,
      [{ field: 'version', message: 'is already published' }],
      { slug: 'rule-version-published' },
    );
  if (input.version < next) throw published();
  if (input.version > next)
    throw unprocessable(
      title,
      'version',
      latest
        ? `the next version of "${input.ruleId}" is ${next}, after version ${latest.version}`
        : `"${input.ruleId}" has no version yet: a new rule starts with version 1`,
    );
  if (latest && latest.kind !== input.kind)
    throw unprocessable(
      title,
      'kind',
      `"${input.ruleId}" is published as ${latest.kind}: a new version keeps its kind`,
    );
  if (latest && input.effectiveFrom < latest.effectiveFrom)
    throw unprocessable(
      title,
      'effectiveFrom',
      `version ${latest.version} takes effect on ${latest.effectiveFrom}: a later version cannot take effect before it`,
    );
  const version: InternalRuleVersion = {
    ruleId: input.ruleId,
    version: input.version,
    kind: input.kind,
    title: input.title,
    effectiveFrom: input.effectiveFrom,
    ...(input.text ? { text: input.text } : {}),
    ...(input.reference ? { reference: input.reference } : {}),
    publishedBy: actor.staffId,
    publishedAt: now.toISOString(),
  };
  try {
    await deps.safeguards.publishRuleVersion(version);
  } catch (error) {
    if (error instanceof StaleWriteError) throw published();
    throw error;
  }
  return version;
}

/** The rules as they stand today, with the caller's own acknowledgements so each can acknowledge what is still open. */
export async function listRules(deps: Pick<RuleDeps, 'safeguards' | 'clock'>, actor: StaffActor) {
  const today = japanDay(deps.clock.now());
  const [versions, own] = await Promise.all([deps.safeguards.ruleVersions(), deps.safeguards.recordsOf(actor.staffId)]);
  return { today, items: rulesAsOf(versions, today), acknowledgements: own.acknowledgements };
}

export async function acknowledgeRule(
  deps: Pick<RuleDeps, 'safeguards' | 'clock'>,
  actor: StaffActor,
  input: { ruleId: string; version: number },
) {
  const now = deps.clock.now();
  const title = 'Not acknowledged';
  const rule = rulesAsOf(await deps.safeguards.ruleVersions(), japanDay(now)).find((r) => r.ruleId === input.ruleId);
  if (!rule)
    throw unprocessable(title, 'ruleId', `no internal rule or manual "${input.ruleId}" is published`, 'unknown-rule');
  const open = [...(rule.inForce ? [rule.inForce] : []), ...rule.scheduled];
  if (!open.some((v) => v.version === input.version)) {
    const known = rule.versions.some((v) => v.version === input.version);
    throw unprocessable(
      title,
      'version',
      known
        ? `version ${input.version} of "${input.ruleId}" is superseded: acknowledge version ${open.map((v) => v.version).join(' or ')}`
        : `"${input.ruleId}" has no published version ${input.version}: acknowledge version ${open.map((v) => v.version).join(' or ')}`,
      'unknown-rule-version',
    );
  }
  const acknowledgement = {
    staffId: actor.staffId,
    ruleId: input.ruleId,
    version: input.version,
    acknowledgedAt: now.toISOString(),
  };
  await deps.safeguards.acknowledge(acknowledgement);
  // Acknowledged before: the first acknowledgement stands, and is the answer.
  const kept = (await deps.safeguards.recordsOf(actor.staffId)).acknowledgements.find(
    (a) => a.ruleId === input.ruleId && a.version === input.version,
  );
  return kept ?? acknowledgement;
}

/**
 * For the officer: each active staff member with the versions in force they have not acknowledged.
 * Names of staff are their personal data: the read is access-logged.
 */
export async function listUnacknowledged(deps: RuleDeps & { staff: StaffList }, actor: StaffActor) {
  const now = deps.clock.now();
  const today = japanDay(now);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: ['staff-directory'],
    fields: ['displayName', 'role', 'acknowledgements'],
    reason: 'internal rule acknowledgements',
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const [members, versions] = await Promise.all([deps.staff.list(), deps.safeguards.ruleVersions()]);
  const inForce = rulesAsOf(versions, today).flatMap((r) => (r.inForce ? [r.inForce] : []));
  const active = members.filter((m) => m.status === 'active').sort((a, b) => a.staffId.localeCompare(b.staffId));
  const items = await Promise.all(
    active.map(async (member) => {
      const { acknowledgements } = await deps.safeguards.recordsOf(member.staffId);
      const missing = inForce.filter(
        (v) => !acknowledgements.some((a) => a.ruleId === v.ruleId && a.version === v.version),
      );
      return {
        staffId: member.staffId,
        displayName: member.displayName,
        role: member.role,
        missing: missing.map((v) => ({
          ruleId: v.ruleId,
          version: v.version,
          title: v.title,
          effectiveFrom: v.effectiveFrom,
        })),
      };
    }),
  );
  return { today, items: items.filter((i) => i.missing.length > 0) };
}
