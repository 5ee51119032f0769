// Reading a dataset of anonymously processed information: its state and risk report, its rows (the
// officer and the roles its definition names), its processing method (the officer alone: APPI Art.
// 43(2); Enforcement Rules Art. 35). Every read of rows or method is access-logged. Nothing here reads
// the registry: a dataset is never matched with other information to identify anyone (Art. 43(5)).
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { StaffActor, StaffRole } from '../staff';
import { runSummary } from './definitions';
import type { AnonymisationStore, DatasetRowsStore, DatasetRun, ProcessingMethodStore } from './ports';

export interface ReadingDeps {
  store: AnonymisationStore;
  accessLog: AccessLogWriter;
  clock: Clock;
}

const notFound = (datasetId: string) =>
  new DeskProblem(
    'not-found',
    'No such anonymised dataset',
    `No anonymised dataset has the id ${datasetId}. The dataset definition lists its runs.`,
    [{ field: 'path.datasetId', message: 'names no anonymised dataset' }],
    { slug: 'anonymised-dataset-not-found' },
  );

const forbidden = (allowed: readonly StaffRole[], what: string) =>
  new DeskProblem(
    'forbidden',
    'Not a reader of this dataset',
    `${what} may be read by ${allowed.join(', ')} only, as its definition names. Ask the officer.`,
    undefined,
    { slug: 'anonymised-dataset-not-a-reader', extensions: { roles: allowed.join(',') } },
  );

/** The officer and the definition's readers; auditors too for the view, which holds no rows. */
const rowReaders = (run: DatasetRun): StaffRole[] => [...new Set<StaffRole>(['officer', ...run.readers])];

async function runOf(store: AnonymisationStore, datasetId: string): Promise<DatasetRun> {
  const run = await store.run(datasetId);
  if (!run) throw notFound(datasetId);
  return run;
}

function published(run: DatasetRun): void {
  if (run.state !== 'published')
    throw new DeskProblem(
      'conflict',
      'The dataset is not published',
      run.state === 'requested'
        ? `${run.datasetId} is still being made; its rows can be read once it is published.`
        : `${run.datasetId} was refused, so it has no rows: ${run.problem?.detail ?? ''}`.trim(),
      undefined,
      { slug: 'anonymised-dataset-not-published', extensions: { state: run.state } },
    );
}

async function logRead(deps: ReadingDeps, actor: StaffActor, field: string, datasetId: string) {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    // A definition or an anonymised dataset names no person (APPI Art. 43(5)): no subject to log.
    subjects: [],
    fields: [field],
    reason: `anonymised dataset ${datasetId}`,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
}

export async function viewDataset(deps: Pick<ReadingDeps, 'store'>, actor: StaffActor, datasetId: string) {
  const run = await runOf(deps.store, datasetId);
  const allowed = [...new Set<StaffRole>([...rowReaders(run), 'auditor'])];
  if (!allowed.includes(actor.role)) throw forbidden(allowed, 'This dataset');
  return {
    ...runSummary(run),
    title: run.title,
    readers: run.readers,
    ...(run.report ? { report: run.report } : {}),
    ...(run.columns ? { columns: run.columns } : {}),
    ...(run.createdOn ? { createdOn: run.createdOn } : {}),
    ...(run.problem ? { problem: run.problem } : {}),
  };
}

export async function readRows(
  deps: ReadingDeps & { rows: DatasetRowsStore },
  actor: StaffActor,
  datasetId: string,
  page: { offset: number; limit: number },
) {
  const run = await runOf(deps.store, datasetId);
  const allowed = rowReaders(run);
  if (!allowed.includes(actor.role)) throw forbidden(allowed, "This dataset's rows");
  published(run);
  const stored = await deps.rows.get(datasetId);
  if (!stored) throw new Error(`The rows of published dataset ${datasetId} are missing from their bucket`);
  await logRead(deps, actor, 'anonymised-dataset-rows', datasetId);
  const rows = stored.rows.slice(page.offset, page.offset + page.limit);
  const next = page.offset + page.limit;
  return {
    datasetId,
    columns: stored.columns,
    rows,
    total: stored.rows.length,
    offset: page.offset,
    ...(next < stored.rows.length ? { nextOffset: next } : {}),
  };
}

export async function readMethod(
  deps: ReadingDeps & { methods: ProcessingMethodStore },
  actor: StaffActor,
  datasetId: string,
) {
  const run = await runOf(deps.store, datasetId);
  if (actor.role !== 'officer') throw forbidden(['officer'], "This dataset's processing method");
  published(run);
  const method = await deps.methods.get(datasetId);
  if (!method) throw new Error(`The processing method of published dataset ${datasetId} is missing from its bucket`);
  await logRead(deps, actor, 'anonymisation-method', datasetId);
  return { datasetId, method };
}
