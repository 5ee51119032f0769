// POST /v1/staff/subjects/{subjectId}/provision-cessation-lifts: the officer lifts a cessation of
// provision (APPI Art. 35(3),(5)) when it no longer applies: the person asked to resume provision, or
// the ground is gone (e.g. a leak remedied). Art. 35 sets no procedure for this, so the desk keeps it
// auditable: the lift names the stops it ends, who lifted them, when and why, and stays on the subject;
// the write is access-logged (the reason is not logged, it may describe the person).

import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { SubjectLifecycleReader } from '../personal-data/ports';
import type { DeskWriter } from '../requests/ports';
import type { StaffActor } from '../staff';
import {
  cessationOf,
  type ProvisionCessation,
  type ProvisionCessationLift,
  type RecipientScope,
  withoutStops,
} from './provision-cessation';

export interface LiftProvisionCessationDeps {
  lifecycles: SubjectLifecycleReader;
  writer: DeskWriter;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface LiftInput {
  recipients: RecipientScope;
  reason: string;
}

export async function liftProvisionCessation(
  deps: LiftProvisionCessationDeps,
  actor: StaffActor,
  subjectId: string,
  input: LiftInput,
): Promise<{ subjectId: string; cessationOfProvision: ProvisionCessation | null } & ProvisionCessationLift> {
  const now = deps.clock.now();
  const stored = (await deps.lifecycles.get(subjectId))?.cessationOfProvision;
  const current = cessationOf(stored);
  if (!stored || !current) {
    throw new DeskProblem(
      'conflict',
      'No cessation of provision stands',
      `No cessation of provision stands for subject ${subjectId}; there is nothing to lift.`,
      undefined,
      { slug: 'no-cessation-of-provision-stands' },
    );
  }
  const { remaining, lifted, notStopped } = withoutStops(current, input.recipients);
  if (notStopped.length > 0 && input.recipients.scope === 'named') {
    const ids = input.recipients.recipientIds;
    const whole = current.all
      ? `; provision to every third party is stopped (request ${current.all.requestId}), which is lifted only whole, with scope "all"`
      : '';
    const errors = notStopped.map((id) => ({
      field: `body.recipients.recipientIds.${ids.indexOf(id)}`,
      message: `no cessation of provision to "${id}" stands for this subject${current.all ? '; provision to every third party is stopped, which is lifted with scope "all"' : ''}`,
    }));
    throw new DeskProblem(
      'unprocessable',
      'No such cessation',
      `${notStopped.map((id) => `"${id}"`).join(', ')}: no cessation of provision to it stands for subject ${subjectId}${whole}. Nothing was lifted.`,
      errors,
      { slug: 'no-such-cessation' },
    );
  }
  const at = now.toISOString();
  const lift: ProvisionCessationLift = { scope: input.recipients, lifted, reason: input.reason, by: actor.staffId, at };
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [subjectId],
    fields: ['cessation-of-provision'],
    reason: `lift of cessation of provision (${[...new Set(lifted.map((l) => l.requestId))].join(', ')})`,
    sourceIp: actor.sourceIp,
    at,
  });
  try {
    await deps.writer.commit([
      { kind: 'cessation-of-provision', subjectId, cessation: remaining, expected: stored, lift },
    ]);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Cessation changed meanwhile',
      `A decision or another lift changed this subject's cessation of provision while you were lifting it; nothing was lifted. Reload the subject (GET /v1/staff/subjects/${subjectId}) and lift again if it still applies.`,
      undefined,
      { slug: 'cessation-changed-meanwhile' },
    );
  }
  return { subjectId, ...lift, cessationOfProvision: remaining ?? null };
}
