// What making, reading and publishing anonymously processed information needs from the outside world.
// The rows and the processing method sit in stores of their own (APPI Art. 43(2); Enforcement Rules
// Art. 35): a function granted one is never granted the other unless it makes both.
import type { StaffRole } from '../staff';
import type { AnonymisedDataset, DatasetColumn, ProcessingMethod, RiskReport, SourceRecord } from './dataset';
import type { DatasetDefinition } from './definition';

type Words = { ja: string; en: string };

export type DatasetState = 'requested' | 'published' | 'refused';

export interface StoredDefinition {
  definitionId: string;
  definition: DatasetDefinition;
  createdBy: string;
  createdAt: string;
}

/** Why a run was refused, as the problem the algorithm raised (RFC 9457). */
export interface RunProblem {
  type: string;
  title: string;
  status: 422;
  detail: string;
  errors?: { field: string; message: string }[];
}

export interface DatasetRun {
  datasetId: string;
  definitionId: string;
  state: DatasetState;
  /** Copied from the definition when the run starts: the dataset answers for the definition as it stood. */
  title: Words;
  readers: StaffRole[];
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
  report?: RiskReport;
  columns?: DatasetColumn[];
  /** The Japan day it was created, as published. */
  createdOn?: string;
  problem?: RunProblem;
}

/** What the privacy notice publishes of a dataset (APPI Art. 43(3); Enforcement Rules Art. 36). */
export interface AnonymisedPublication {
  datasetId: string;
  title: Words;
  items: Words[];
  createdOn: string;
  publishedAt: string;
}

export interface AnonymisationStore {
  /** Stores a new definition; 'taken' when its id is. */
  createDefinition(definition: StoredDefinition): Promise<'created' | 'taken'>;
  definition(definitionId: string): Promise<StoredDefinition | undefined>;
  definitions(): Promise<StoredDefinition[]>;
  /** Every run of a definition. */
  runsOf(definitionId: string): Promise<DatasetRun[]>;
  run(datasetId: string): Promise<DatasetRun | undefined>;
  /**
   * Stores a requested run, on condition that no other run of the definition is requested: of two
   * started at once one wins; 'running' names the one that holds it. A run requested before
   * `lostBefore` is one the worker never finished: it is refused with `lost` in the same transaction,
   * and the new run takes its place.
   */
  startRun(
    run: DatasetRun,
    lost: { before: string; problem: RunProblem },
  ): Promise<{ outcome: 'started'; replaced?: string } | { outcome: 'running'; datasetId?: string }>;
  /**
   * In one transaction: the run published with its report and columns, the definition free for the
   * next run, the publication stored. 'stale' when the run is no longer requested (a stream retry).
   */
  publish(run: DatasetRun & { state: 'published' }, publication: AnonymisedPublication): Promise<'published' | 'stale'>;
  /** In one transaction: the run refused with its problem, the definition free. 'stale' as for publish. */
  refuse(run: DatasetRun & { state: 'refused' }): Promise<'refused' | 'stale'>;
}

export interface PublicationReader {
  /** Every publication, for the privacy notice. */
  list(): Promise<AnonymisedPublication[]>;
}

export interface StoredRows {
  datasetId: string;
  columns: DatasetColumn[];
  rows: string[][];
}

export interface DatasetRowsStore {
  put(rows: StoredRows): Promise<void>;
  /** undefined when no object of the dataset exists. */
  get(datasetId: string): Promise<StoredRows | undefined>;
}

export interface ProcessingMethodStore {
  put(datasetId: string, method: ProcessingMethod): Promise<void>;
  get(datasetId: string): Promise<ProcessingMethod | undefined>;
}

/** One stored record as the worker reads it: keys, category, value and dates only. */
export interface RegistryValue {
  subjectId: string;
  category: string;
  value: string;
  acquiredAt: string;
  expiresAt?: number;
}

export interface RegistryReader {
  /** The records of these categories, a page at a time (a projection, never the whole item). */
  values(categories: readonly string[]): AsyncIterable<RegistryValue[]>;
  /** Subjects flagged for cessation of use (APPI Art. 35(1),(5)): their data is not used at all. */
  ceasedSubjects(): Promise<ReadonlySet<string>>;
}

/** The algorithm (anonymise.ts), injected so the use cases can be tested without it. */
export type Anonymise = (
  source: readonly SourceRecord[],
  definition: DatasetDefinition,
  referenceDate: string,
) => AnonymisedDataset;

/** The checks against the registry (rules.ts). */
export type CheckDefinition = (definition: DatasetDefinition, knownPurposeIds: ReadonlySet<string>) => void;
