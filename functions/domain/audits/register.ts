// The audit register's use cases. The officer plans and follows the corrective actions; the auditor
// assigned to an audit records its results and closes it. Audits hold no personal data (checklist
// answers and staff ids), so reads are not access-logged; every write is, like every register's.
import type { AccessLogWriter } from '../access-log/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem, type ProblemField, StaleWriteError } from '../kernel/problems';
import type { StaffActor, StaffDirectory } from '../staff';
import type { AuditFinding, AuditPlan, AuditResult, CorrectiveAction } from './audit';
import type { ActionStatus, ResultOutcome } from './audit-words';
import { CHECKLIST_ITEM_IDS, checklistItem } from './checklist';
import type { AuditReader, AuditStore } from './ports';
import { auditReport } from './report';

export interface AuditDeps {
  audits: AuditStore;
  staff: StaffDirectory;
  accessLog: AccessLogWriter;
  clock: Clock;
  /** The random part of a new id (tests fix it). */
  randomSuffix?: () => string;
}

/** Crockford's base-32 without I, L, O, U, as incident ids: read aloud without mistakes. */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_ATTEMPTS = 3;

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

export const auditIdFor = (now: Date, suffix: string) => `AUD-${japanDay(now)}-${suffix}`;

const unprocessable = (title: string, errors: ProblemField[]) =>
  new DeskProblem(
    'unprocessable',
    title,
    `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')} Nothing was stored.`,
    errors,
  );

const changedMeanwhile = (what: string) =>
  new DeskProblem(
    'conflict',
    'Audit changed meanwhile',
    `${what} was changed by someone else since you opened it; open the audit again and redo your change.`,
    undefined,
    { slug: 'audit-changed-meanwhile' },
  );

async function logWrite(deps: AuditDeps, actor: StaffActor, reason: string) {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [],
    fields: ['audits'],
    reason,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
}

export async function currentAudit(audits: AuditReader, auditId: string): Promise<AuditPlan> {
  const plan = await audits.get(auditId);
  if (!plan) throw new DeskProblem('not-found', 'No such audit', `auditId: "${auditId}" is not in the audit register.`);
  return plan;
}

function refuseClosed(plan: AuditPlan) {
  if (plan.state === 'closed')
    throw new DeskProblem(
      'conflict',
      'Audit closed',
      `"${plan.auditId}" was closed on ${plan.closedAt?.slice(0, 10)}; its results and findings are kept as they were. Follow up its corrective actions, or plan a new audit.`,
      undefined,
      { slug: 'audit-closed' },
    );
}

/** Only the auditor the plan names records its results: an audit is independent of those audited (Guidelines 10-3(5)). */
function refuseOtherThanAuditor(plan: AuditPlan, actor: StaffActor) {
  if (actor.staffId !== plan.auditor)
    throw new DeskProblem(
      'forbidden',
      'Not the auditor of this audit',
      `"${plan.auditId}" is assigned to auditor ${plan.auditor}; only that auditor records its results and closes it. Ask the officer to plan it for you if you are to audit it.`,
    );
}

export interface PlanInput {
  title: string;
  scope: string;
  period: { from: string; to: string };
  plannedOn: string;
  auditor: string;
  /** Checklist item ids; every item when absent. */
  items?: string[] | undefined;
}

/** POST /v1/staff/audits: the officer plans an audit. */
export async function planAudit(deps: AuditDeps, actor: StaffActor, input: PlanInput): Promise<AuditPlan> {
  const now = deps.clock.now();
  const faults: ProblemField[] = [];
  const chosen = input.items ?? [...CHECKLIST_ITEM_IDS];
  chosen.forEach((id, index) => {
    if (!checklistItem(id))
      faults.push({
        field: `body.items.${index}`,
        message: `"${id}" is no item of the audit checklist; choose among ${CHECKLIST_ITEM_IDS.join(', ')}.`,
      });
  });
  if (input.period.from > input.period.to)
    faults.push({
      field: 'body.period.to',
      message: `the period audited ends before it starts (${input.period.from}); give an end on or after the start.`,
    });
  // The auditor is someone other than the officer whose measures are audited (Guidelines 10-3(5)):
  // an active account with the auditor role, which an officer's account never has.
  const auditor = await deps.staff.get(input.auditor);
  if (auditor?.status !== 'active' || auditor.role !== 'auditor')
    faults.push({
      field: 'body.auditor',
      message: !auditor
        ? `"${input.auditor}" is no staff account; name an active account with the auditor role.`
        : `"${input.auditor}" is ${auditor.status === 'active' ? `an ${auditor.role}` : 'disabled'}; an audit is carried out by an active account with the auditor role, independent of those audited.`,
    });
  if (faults.length > 0) throw unprocessable('Audit not planned', faults);
  const items = CHECKLIST_ITEM_IDS.filter((id) => chosen.includes(id));
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const plan: AuditPlan = {
      auditId: auditIdFor(now, (deps.randomSuffix ?? randomSuffix)()),
      version: 1,
      state: 'planned',
      title: input.title,
      scope: input.scope,
      period: { ...input.period },
      plannedOn: input.plannedOn,
      auditor: input.auditor,
      items,
      plannedBy: actor.staffId,
      plannedAt: now.toISOString(),
    };
    await logWrite(deps, actor, `audit ${plan.auditId}: planned`);
    if (await deps.audits.add(plan)) return plan;
  }
  throw new Error(`No free audit id after ${ID_ATTEMPTS} attempts`);
}

export interface ResultInput {
  itemId: string;
  outcome: ResultOutcome;
  note: string;
  /** The version of the item's result the auditor saw; 0 when there was none. */
  version: number;
}

/** POST /v1/staff/audits/{auditId}/results: the assigned auditor answers one checklist item. */
export async function recordAuditResult(
  deps: AuditDeps,
  actor: StaffActor,
  auditId: string,
  input: ResultInput,
): Promise<AuditResult> {
  const now = deps.clock.now();
  const plan = await currentAudit(deps.audits, auditId);
  refuseOtherThanAuditor(plan, actor);
  refuseClosed(plan);
  if (!plan.items.includes(input.itemId))
    throw unprocessable('Result not recorded', [
      {
        field: 'body.itemId',
        message: checklistItem(input.itemId)
          ? `"${input.itemId}" is not among the items this audit covers (${plan.items.join(', ')}).`
          : `"${input.itemId}" is no item of the audit checklist; choose among ${plan.items.join(', ')}.`,
      },
    ]);
  if (input.outcome === 'does-not-conform' && input.note.trim() === '')
    throw unprocessable('Result not recorded', [
      { field: 'body.note', message: 'say what does not conform, so the finding and its correction can follow.' },
    ]);
  const result: AuditResult = {
    auditId,
    itemId: input.itemId,
    version: input.version + 1,
    outcome: input.outcome,
    note: input.note,
    recordedBy: actor.staffId,
    recordedAt: now.toISOString(),
  };
  await logWrite(deps, actor, `audit ${auditId}: result for ${input.itemId} (version ${result.version})`);
  try {
    await deps.audits.recordResult(result);
  } catch (error) {
    if (error instanceof StaleWriteError) throw changedMeanwhile(`The result for "${input.itemId}"`);
    throw error;
  }
  return result;
}

async function checkOwner(deps: AuditDeps, plan: AuditPlan, owner: string, title: string) {
  const member = await deps.staff.get(owner);
  let message: string | undefined;
  if (!member) message = `"${owner}" is no staff account; name the active staff member who will carry the action out.`;
  else if (member.status !== 'active')
    message = `"${owner}" is disabled; name an active staff member who will carry the action out.`;
  // The auditor does not correct what they audited, or the next audit would check their own work.
  else if (owner === plan.auditor)
    message = `"${owner}" is this audit's auditor; the correction is carried out by someone other than the auditor.`;
  if (message) throw unprocessable(title, [{ field: 'body.owner', message }]);
}

export interface FindingInput {
  itemId: string;
  description: string;
  action: { description: string; owner: string; dueOn: string };
}

/** POST /v1/staff/audits/{auditId}/findings: the auditor (or the officer) records a finding and its corrective action. */
export async function addAuditFinding(
  deps: AuditDeps,
  actor: StaffActor,
  auditId: string,
  input: FindingInput,
): Promise<AuditFinding> {
  const now = deps.clock.now();
  const title = 'Finding not recorded';
  const plan = await currentAudit(deps.audits, auditId);
  if (actor.role === 'auditor') refuseOtherThanAuditor(plan, actor);
  refuseClosed(plan);
  if (!plan.items.includes(input.itemId))
    throw unprocessable(title, [
      {
        field: 'body.itemId',
        message: `"${input.itemId}" is not among the items this audit covers (${plan.items.join(', ')}).`,
      },
    ]);
  await checkOwner(deps, plan, input.action.owner, title);
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const finding: AuditFinding = {
      auditId,
      findingId: `F-${(deps.randomSuffix ?? randomSuffix)()}`,
      version: 1,
      itemId: input.itemId,
      description: input.description,
      action: { ...input.action, status: 'open' },
      raisedBy: actor.staffId,
      raisedAt: now.toISOString(),
    };
    await logWrite(deps, actor, `audit ${auditId}: finding ${finding.findingId} raised`);
    try {
      if (await deps.audits.addFinding(finding)) return finding;
    } catch (error) {
      if (error instanceof StaleWriteError) throw changedMeanwhile(`"${auditId}"`);
      throw error;
    }
  }
  throw new Error(`No free finding id after ${ID_ATTEMPTS} attempts`);
}

const STATUS_ORDER: Record<ActionStatus, number> = { open: 0, 'in-progress': 1, done: 2 };

export interface ActionChange {
  version: number;
  status: ActionStatus;
  owner?: string | undefined;
  dueOn?: string | undefined;
  /** What was done: required to mark it done. */
  outcome?: string | undefined;
}

/** PUT /v1/staff/audits/{auditId}/findings/{findingId}/action: the officer follows a corrective action. */
export async function changeCorrectiveAction(
  deps: AuditDeps,
  actor: StaffActor,
  auditId: string,
  findingId: string,
  change: ActionChange,
): Promise<AuditFinding> {
  const now = deps.clock.now();
  const title = 'Corrective action not changed';
  const plan = await currentAudit(deps.audits, auditId);
  const before = (await deps.audits.findings(auditId)).find((f) => f.findingId === findingId);
  if (!before)
    throw new DeskProblem('not-found', 'No such finding', `findingId: "${findingId}" is no finding of "${auditId}".`);
  if (before.version !== change.version) throw changedMeanwhile(`Finding "${findingId}"`);
  if (before.action.status === 'done')
    throw new DeskProblem(
      'conflict',
      'Corrective action done',
      `The action of "${findingId}" was done on ${before.action.doneOn}; a done action is kept as it was. Record a new finding if more is needed.`,
      undefined,
      { slug: 'corrective-action-done' },
    );
  const faults: ProblemField[] = [];
  if (STATUS_ORDER[change.status] < STATUS_ORDER[before.action.status])
    faults.push({
      field: 'body.status',
      message: `the action is ${before.action.status} already; it moves forward only (open, in-progress, done).`,
    });
  if (change.status === 'done' && !change.outcome?.trim())
    faults.push({ field: 'body.outcome', message: 'say what was done, to mark the action done.' });
  if (faults.length > 0) throw unprocessable(title, faults);
  const owner = change.owner ?? before.action.owner;
  if (owner !== before.action.owner) await checkOwner(deps, plan, owner, title);
  const action: CorrectiveAction = {
    description: before.action.description,
    owner,
    dueOn: change.dueOn ?? before.action.dueOn,
    status: change.status,
    ...(change.status === 'done' ? { outcome: change.outcome!.trim(), doneOn: japanDay(now) } : {}),
  };
  const finding: AuditFinding = {
    ...before,
    version: before.version + 1,
    action,
    changedBy: actor.staffId,
    changedAt: now.toISOString(),
  };
  await logWrite(
    deps,
    actor,
    `audit ${auditId}: finding ${findingId} action ${action.status} (version ${finding.version})`,
  );
  try {
    await deps.audits.replaceFinding(finding);
  } catch (error) {
    if (error instanceof StaleWriteError) throw changedMeanwhile(`Finding "${findingId}"`);
    throw error;
  }
  return finding;
}

/** POST /v1/staff/audits/{auditId}/closure: the auditor closes the audit once every item is answered. */
export async function closeAudit(
  deps: AuditDeps,
  actor: StaffActor,
  auditId: string,
  input: { version: number; conclusion: string },
): Promise<AuditPlan> {
  const now = deps.clock.now();
  const before = await currentAudit(deps.audits, auditId);
  refuseOtherThanAuditor(before, actor);
  refuseClosed(before);
  if (before.version !== input.version) throw changedMeanwhile(`"${auditId}"`);
  const answered = new Set((await deps.audits.results(auditId)).map((r) => r.itemId));
  const unanswered = before.items.filter((id) => !answered.has(id));
  if (unanswered.length > 0)
    throw new DeskProblem(
      'conflict',
      'Items not answered',
      `Every item is answered before an audit closes; still to answer: ${unanswered.join(', ')}.`,
      undefined,
      { slug: 'audit-items-unanswered', extensions: { unanswered: unanswered.join(',') } },
    );
  const plan: AuditPlan = {
    ...before,
    version: before.version + 1,
    state: 'closed',
    closedBy: actor.staffId,
    closedAt: now.toISOString(),
    conclusion: input.conclusion,
  };
  await logWrite(deps, actor, `audit ${auditId}: closed`);
  try {
    await deps.audits.replacePlan(plan);
  } catch (error) {
    if (error instanceof StaleWriteError) throw changedMeanwhile(`"${auditId}"`);
    throw error;
  }
  return plan;
}

/** GET /v1/staff/audits/{auditId}: the plan with its results and findings. */
export async function viewAudit(audits: AuditReader, auditId: string) {
  const audit = await currentAudit(audits, auditId);
  const [results, findings] = await Promise.all([audits.results(auditId), audits.findings(auditId)]);
  return { audit, results, findings };
}

/** GET /v1/staff/audits/{auditId}/report. */
export async function viewAuditReport(audits: AuditReader, auditId: string, now: Date) {
  const { audit, results, findings } = await viewAudit(audits, auditId);
  return auditReport(audit, results, findings, now);
}
