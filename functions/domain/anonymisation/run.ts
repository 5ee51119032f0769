// The worker's part: a requested run made into a dataset of anonymously processed information
// (APPI Art. 43(1); Enforcement Rules Art. 34), its rows and processing method stored apart (Art. 43(2);
// Rules Art. 35), and its items published in the privacy notice without delay (Art. 43(3); Rules
// Art. 36). A run the model cannot be met for is refused, and nothing is stored or published.

import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { isSpecialCare } from '../personal-data/categories';
import type { SourceRecord } from './dataset';
import type { DatasetDefinition } from './definition';
import type {
  AnonymisationStore,
  Anonymise,
  DatasetRowsStore,
  DatasetRun,
  ProcessingMethodStore,
  RegistryReader,
  RunProblem,
} from './ports';

export interface RunDeps {
  store: AnonymisationStore;
  registry: RegistryReader;
  rows: DatasetRowsStore;
  methods: ProcessingMethodStore;
  anonymise: Anonymise;
  clock: Clock;
}

export type RunOutcome =
  | { outcome: 'published'; datasetId: string; released: number }
  | { outcome: 'refused'; datasetId: string; slug: string }
  /** Already published or refused (a stream retry), or its definition is gone. */
  | { outcome: 'skipped'; datasetId: string };

/**
 * The categories a run reads: every attribute but the deleted ones (nothing deleted is ever read),
 * and special care-required ones only when the definition says why (APPI Art. 2(3); policy §2(3)).
 */
export function categoriesRead(definition: DatasetDefinition): string[] {
  return definition.attributes
    .filter((a) => a.treatment !== 'delete')
    .filter((a) => !isSpecialCare(a.category) || definition.specialCareReason !== undefined)
    .map((a) => a.category);
}

/**
 * One source record per subject: the latest live value of each category (by acquisition), leaving out
 * expired records and subjects whose use has ceased (APPI Art. 35). A subject with none of the
 * categories is not in the population.
 */
export async function sourceRecords(
  registry: RegistryReader,
  categories: readonly string[],
  now: Date,
): Promise<SourceRecord[]> {
  const ceased = await registry.ceasedSubjects();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const latest = new Map<string, Map<string, { value: string; acquiredAt: string }>>();
  for await (const page of registry.values(categories)) {
    for (const record of page) {
      if (ceased.has(record.subjectId)) continue;
      if (record.expiresAt !== undefined && record.expiresAt <= nowSeconds) continue;
      if (!categories.includes(record.category)) continue;
      let values = latest.get(record.subjectId);
      if (!values) latest.set(record.subjectId, (values = new Map()));
      const held = values.get(record.category);
      if (!held || record.acquiredAt > held.acquiredAt)
        values.set(record.category, { value: record.value, acquiredAt: record.acquiredAt });
    }
  }
  // Sorted by subject id, so the same registry gives the algorithm the same input.
  return [...latest.keys()].sort().map((subjectId) => ({
    subjectId,
    values: Object.fromEntries([...latest.get(subjectId)!].map(([category, { value }]) => [category, value])),
  }));
}

/** A DeskProblem as the problem kept with the refused run (RFC 9457). */
export function runProblemOf(problem: DeskProblem): RunProblem {
  return {
    type: `urn:appi-desk:problem:${problem.specifics.slug ?? problem.kind}`,
    title: problem.title,
    status: 422,
    detail: problem.detail,
    ...(problem.errors ? { errors: problem.errors.map(({ field, message }) => ({ field, message })) } : {}),
  };
}

export async function makeDataset(deps: RunDeps, requested: DatasetRun): Promise<RunOutcome> {
  const { datasetId } = requested;
  // Read again: the stream may deliver a run already finished by an earlier attempt.
  const run = await deps.store.run(datasetId);
  if (run?.state !== 'requested') return { outcome: 'skipped', datasetId };
  const stored = await deps.store.definition(run.definitionId);
  if (!stored) return { outcome: 'skipped', datasetId };
  const { definition } = stored;

  const now = deps.clock.now();
  const source = await sourceRecords(deps.registry, categoriesRead(definition), now);
  let made: ReturnType<Anonymise>;
  try {
    made = deps.anonymise(source, definition, japanDay(now));
  } catch (error) {
    if (!(error instanceof DeskProblem)) throw error;
    const refused = await deps.store.refuse({
      ...run,
      state: 'refused',
      problem: runProblemOf(error),
      finishedAt: deps.clock.now().toISOString(),
    });
    return refused === 'refused'
      ? { outcome: 'refused', datasetId, slug: error.specifics.slug ?? error.kind }
      : { outcome: 'skipped', datasetId };
  }

  // The objects first: a publication never names a dataset whose rows are not there. A retry after a
  // failure here writes them again, the same, before publishing.
  await deps.rows.put({ datasetId, columns: made.columns, rows: made.rows });
  await deps.methods.put(datasetId, made.method);
  const finishedAt = deps.clock.now().toISOString();
  const createdOn = japanDay(now);
  const published = await deps.store.publish(
    { ...run, state: 'published', report: made.report, columns: made.columns, createdOn, finishedAt },
    {
      datasetId,
      title: definition.title,
      items: made.columns.map((c) => c.item),
      createdOn,
      publishedAt: finishedAt,
    },
  );
  return published === 'published'
    ? { outcome: 'published', datasetId, released: made.report.released }
    : { outcome: 'skipped', datasetId };
}
