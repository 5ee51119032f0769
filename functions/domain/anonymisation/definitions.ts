// Dataset definitions and their runs (policy §3; APPI Art. 43): the officer defines a dataset and
// starts runs of it; the worker (run.ts) makes each one. Writes to the register are access-logged.
import type { AccessLogWriter } from '../access-log/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { StaffActor } from '../staff';
import type { DatasetDefinition } from './definition';
import type { AnonymisationStore, CheckDefinition, DatasetRun, StoredDefinition } from './ports';

export interface DefinitionDeps {
  store: AnonymisationStore;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface CreateDefinitionDeps extends DefinitionDeps {
  purposes: PurposeVersionReader;
  checkDefinition: CheckDefinition;
}

export interface StartRunDeps extends DefinitionDeps {
  /** The random part of a new dataset id (tests fix it). */
  randomSuffix?: () => string;
}

/** Crockford's base-32 without I, L, O, U, as incident ids: read aloud without mistakes. */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_SUFFIX_LENGTH = 6;

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_SUFFIX_LENGTH));
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/**
 * A run still requested this long after it started will not finish: the worker's 15 minutes, times its
 * first try and 5 stream retries, with room to spare (functions/workers.ts). The next run replaces it.
 */
export const RUN_LOST_AFTER_MINUTES = 120;

/** ANON-<Japan day the run started>-<random>. */
export const datasetIdFor = (now: Date, suffix: string) => `ANON-${japanDay(now)}-${suffix}`;

async function logWrite(deps: DefinitionDeps, actor: StaffActor, reason: string) {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    // A definition or an anonymised dataset names no person (APPI Art. 43(5)): no subject to log.
    subjects: [],
    fields: ['anonymisation'],
    reason,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
}

const notFound = (definitionId: string) =>
  new DeskProblem(
    'not-found',
    'No such dataset definition',
    `No dataset definition is named ${definitionId}. The list of definitions shows every one.`,
    [{ field: 'path.definitionId', message: 'names no dataset definition' }],
    { slug: 'anonymisation-definition-not-found' },
  );

export const definitionView = (stored: StoredDefinition) => ({
  definitionId: stored.definitionId,
  title: stored.definition.title,
  purposes: stored.definition.purposes,
  readers: stored.definition.readers,
  createdBy: stored.createdBy,
  createdAt: stored.createdAt,
});

export const runSummary = (run: DatasetRun) => ({
  datasetId: run.datasetId,
  definitionId: run.definitionId,
  state: run.state,
  requestedBy: run.requestedBy,
  requestedAt: run.requestedAt,
  ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
});

const newestFirst = (a: DatasetRun, b: DatasetRun) => b.requestedAt.localeCompare(a.requestedAt);

/**
 * A new definition: its shape was checked by the contract; what depends on the registry (categories,
 * purposes, special care-required data, the treatments Rules Art. 34 allows) is checked here, all or
 * nothing (422 naming each field); a taken id is 409.
 */
export async function createDefinition(
  deps: CreateDefinitionDeps,
  actor: StaffActor,
  input: DatasetDefinition & { definitionId: string },
) {
  const { definitionId, ...definition } = input;
  const registry = registryOf(await deps.purposes.versions());
  const active = new Set([...registry.values()].filter((p) => p.status === 'active').map((p) => p.purposeId));
  deps.checkDefinition(definition, active);
  const stored: StoredDefinition = {
    definitionId,
    definition,
    createdBy: actor.staffId,
    createdAt: deps.clock.now().toISOString(),
  };
  await logWrite(deps, actor, `anonymisation definition ${definitionId}`);
  if ((await deps.store.createDefinition(stored)) === 'taken')
    throw new DeskProblem(
      'conflict',
      'The definition id is taken',
      `A dataset definition named ${definitionId} exists. Choose another name; a definition is never replaced.`,
      [{ field: 'body.definitionId', message: 'is taken by another definition' }],
      { slug: 'anonymisation-definition-taken' },
    );
  return { ...definitionView(stored), definition };
}

export async function listDefinitions(deps: Pick<DefinitionDeps, 'store'>) {
  const definitions = await deps.store.definitions();
  const items = await Promise.all(
    definitions.map(async (stored) => {
      const latest = (await deps.store.runsOf(stored.definitionId)).sort(newestFirst)[0];
      return {
        ...definitionView(stored),
        model: stored.definition.model,
        ...(latest ? { latestDataset: runSummary(latest) } : {}),
      };
    }),
  );
  return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
}

export async function viewDefinition(deps: Pick<DefinitionDeps, 'store'>, definitionId: string) {
  const stored = await deps.store.definition(definitionId);
  if (!stored) throw notFound(definitionId);
  const runs = (await deps.store.runsOf(definitionId)).sort(newestFirst);
  return { ...definitionView(stored), definition: stored.definition, datasets: runs.map(runSummary) };
}

/** A run requested: the worker picks it up from the table's stream. One run of a definition at a time. */
export async function startRun(deps: StartRunDeps, actor: StaffActor, definitionId: string) {
  const stored = await deps.store.definition(definitionId);
  if (!stored) throw notFound(definitionId);
  const now = deps.clock.now();
  const run: DatasetRun = {
    datasetId: datasetIdFor(now, (deps.randomSuffix ?? randomSuffix)()),
    definitionId,
    state: 'requested',
    title: stored.definition.title,
    readers: stored.definition.readers,
    requestedBy: actor.staffId,
    requestedAt: now.toISOString(),
  };
  await logWrite(deps, actor, `anonymisation definition ${definitionId}`);
  const started = await deps.store.startRun(run, {
    before: new Date(now.getTime() - RUN_LOST_AFTER_MINUTES * 60_000).toISOString(),
    problem: {
      type: 'urn:appi-desk:problem:anonymisation-run-lost',
      title: 'The run did not finish',
      status: 422,
      detail: `The desk did not finish this run within ${RUN_LOST_AFTER_MINUTES} minutes, so nothing of it was published; ${run.datasetId} took its place.`,
    },
  });
  if (started.outcome === 'running')
    throw new DeskProblem(
      'conflict',
      'A run of this definition is under way',
      `${started.datasetId ?? 'Another run'} of ${definitionId} is still being made. Wait until it is published or refused, then start another.`,
      undefined,
      { slug: 'anonymisation-run-under-way', extensions: started.datasetId ? { datasetId: started.datasetId } : {} },
    );
  return { datasetId: run.datasetId, definitionId, state: 'requested' as const, requestedAt: run.requestedAt };
}
