// Publishing purposes of use (policy §2(1), (3), (4)): every addition, change or retirement is a new
// version, put only if that version does not exist yet, so two officers publishing at once cannot
// both win. A change or retirement carries the rollout job the apply-purpose-change worker carries on.
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { StaffActor } from '../staff';
import type { PurposePublisher, PurposeVersionReader } from './ports';
import { type AchievementRule, type PurposeBasis, type PurposeVersion, registryOf } from './registry';

export interface PublishingDeps {
  purposes: PurposeVersionReader;
  publisher: PurposePublisher;
  clock: Clock;
}

/** A version as the desk shows it: without the worker's rollout job. */
export type PublishedPurposeVersion = Omit<PurposeVersion, 'rollout'>;

/** Every instant of the API is UTC; the policy's own date is written in Japan time in code. */
const utc = (iso: string) => new Date(iso).toISOString();

export function publishedView(version: PurposeVersion): PublishedPurposeVersion {
  const { rollout: _rollout, ...view } = version;
  return {
    ...view,
    effectiveFrom: utc(view.effectiveFrom),
    ...(view.retiredAt ? { retiredAt: utc(view.retiredAt) } : {}),
  };
}

export interface PurposeHistory {
  current: PurposeVersion;
  /** Every version, newest first. */
  versions: PurposeVersion[];
}

/** Each purpose's versions, in the order the purposes were first published (the policy's own first). */
export function purposeHistories(versions: readonly PurposeVersion[]): PurposeHistory[] {
  const byPurpose = new Map<string, PurposeVersion[]>();
  for (const v of versions) byPurpose.set(v.purposeId, [...(byPurpose.get(v.purposeId) ?? []), v]);
  const histories = [...byPurpose.values()].map((list) => {
    const newestFirst = [...list].sort((a, b) => b.version - a.version);
    return { current: newestFirst[0]!, versions: newestFirst };
  });
  const firstPublished = (h: PurposeHistory) => Date.parse(h.versions[h.versions.length - 1]!.effectiveFrom);
  return histories.sort((a, b) => firstPublished(a) - firstPublished(b));
}

export function listPurposes(versions: readonly PurposeVersion[]) {
  return {
    items: purposeHistories(versions).map((h) => ({
      ...publishedView(h.current),
      history: h.versions.map(publishedView),
    })),
  };
}

export interface NewPurpose {
  purposeId: string;
  ja: string;
  en: string;
  basis: PurposeBasis;
  achievement: AchievementRule;
  note: string;
}

export interface PurposeChange {
  ja: string;
  en: string;
  /** The new achievement rule; the current one is kept when absent. */
  achievement?: AchievementRule;
  /** Policy §2(3): why the new purpose is reasonably related to the old one. */
  relatedScope: string;
}

export interface PurposeRetirement {
  reason: 'business-ended';
  note: string;
}

function requireNote(note: string, title: string, detail: string): string {
  const trimmed = note.trim();
  if (!trimmed) throw new DeskProblem('unprocessable', title, detail);
  return trimmed;
}

async function publish(deps: PublishingDeps, version: PurposeVersion): Promise<PublishedPurposeVersion> {
  try {
    await deps.publisher.publish(version);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Purpose published meanwhile',
      `Version ${version.version} of purpose ${version.purposeId} was published by someone else at the same time. Reload the purpose and decide again.`,
    );
  }
  return publishedView(version);
}

/** The current version of an active purpose, or the problem that says why it cannot be changed. */
async function activePurpose(deps: PublishingDeps, purposeId: string, doing: string): Promise<PurposeVersion> {
  const current = registryOf(await deps.purposes.versions()).get(purposeId);
  if (!current)
    throw new DeskProblem(
      'not-found',
      'No such purpose',
      `There is no purpose ${purposeId}. GET /v1/staff/purposes lists them.`,
    );
  if (current.status !== 'active') {
    throw new DeskProblem(
      'conflict',
      'Purpose retired',
      `Purpose ${purposeId} was retired on ${current.retiredAt ?? current.effectiveFrom} and cannot be ${doing}. Add a new purpose instead.`,
    );
  }
  return current;
}

export async function createPurpose(
  deps: PublishingDeps,
  actor: StaffActor,
  input: NewPurpose,
): Promise<PublishedPurposeVersion> {
  const note = requireNote(input.note, 'Reason missing', 'Say why the purpose is added in note.');
  if (registryOf(await deps.purposes.versions()).has(input.purposeId)) {
    throw new DeskProblem(
      'conflict',
      'Purpose exists',
      `Purpose ${input.purposeId} exists already. Change it with PUT /v1/staff/purposes/${input.purposeId}, or choose another id.`,
    );
  }
  return publish(deps, {
    purposeId: input.purposeId,
    version: 1,
    ja: input.ja,
    en: input.en,
    status: 'active',
    basis: input.basis,
    achievement: input.achievement,
    effectiveFrom: deps.clock.now().toISOString(),
    publishedBy: actor.staffId,
    change: { kind: 'created', note },
  });
}

/** Policy §2(3), APPI Art. 17(2): a change within the related scope, published and notified to every affected person. */
export async function changePurpose(
  deps: PublishingDeps,
  actor: StaffActor,
  purposeId: string,
  input: PurposeChange,
): Promise<PublishedPurposeVersion> {
  const note = requireNote(
    input.relatedScope,
    'Related scope missing',
    'A purpose may be changed only within the scope reasonably related to it (APPI Art. 17(2)). Say why the new text is related in relatedScope.',
  );
  const current = await activePurpose(deps, purposeId, 'changed');
  const achievement = input.achievement ?? current.achievement;
  if (
    input.ja === current.ja &&
    input.en === current.en &&
    achievement.after === current.achievement.after &&
    achievement.days === current.achievement.days &&
    achievement.statute === current.achievement.statute
  ) {
    throw new DeskProblem(
      'unprocessable',
      'Nothing changed',
      `The text and achievement rule are those of version ${current.version} of ${purposeId}; no new version is published.`,
    );
  }
  return publish(deps, {
    purposeId,
    version: current.version + 1,
    ja: input.ja,
    en: input.en,
    status: 'active',
    basis: current.basis,
    achievement,
    effectiveFrom: deps.clock.now().toISOString(),
    publishedBy: actor.staffId,
    change: { kind: 'changed', note },
    rollout: { kind: 'notify', state: 'pending', processed: 0 },
  });
}

/** Policy §2(4): the business ended; records held only for this purpose are erased, the rest recomputed. */
export async function retirePurpose(
  deps: PublishingDeps,
  actor: StaffActor,
  purposeId: string,
  input: PurposeRetirement,
): Promise<PublishedPurposeVersion> {
  const note = requireNote(input.note, 'Reason missing', 'Say which business ended, and when, in note.');
  const current = await activePurpose(deps, purposeId, 'retired again');
  const now = deps.clock.now().toISOString();
  return publish(deps, {
    ...publishedView(current),
    version: current.version + 1,
    status: 'retired',
    effectiveFrom: now,
    retiredAt: now,
    publishedBy: actor.staffId,
    change: { kind: 'retired', note },
    rollout: { kind: 'recompute', state: 'pending', processed: 0 },
  });
}
