// A disclosure reaches every holder of the person's data (APPI Art. 33(1): all the retained personal
// data, wherever it is kept): when a holder completes its access task, what it returned at its
// results_url (OpenDSR §8.2) is merged into the person's stored dossier as a part naming the holder.
// The results are personal data: they go into the dossier and nowhere else (never a log).
import type { HolderReader } from '../holders/holder';
import type { DeskWrite, DisclosureReader } from '../requests/ports';
import type { DeskRequest } from '../requests/request';
import { type DossierHolderResults, holderResultsPart } from '../requests/types/disclosure/disclosure-dossier';
import { resultsSchema } from './opendsr-codec';
import { HolderAnswerError, type HolderClient, HolderUnavailableError } from './ports';
import type { FulfilmentTask } from './task';

/**
 * What one stored copy may grow to with the holders' parts: a DynamoDB item holds at most 400 KB, and
 * a holder may return up to 1 MiB. A part that would not fit is recorded as not obtained, so the task
 * still completes and the person is told, rather than the write failing for ever.
 */
export const DOSSIER_ITEM_BUDGET_BYTES = 350_000;

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

export interface ResultsDeps {
  holders: Pick<HolderReader, 'get'>;
  client: Pick<HolderClient, 'results'>;
  disclosures: DisclosureReader;
}

/** The task completes a disclosure at its holder now (the moment its results are due in the dossier). */
export function completesDisclosure(before: FulfilmentTask, after: FulfilmentTask): boolean {
  return after.instruction === 'disclosure' && after.taskState === 'completed' && before.taskState !== 'completed';
}

/**
 * What the holder returned for the task: its records, none when it reported zero results and named no
 * URL, or `undefined` when they could not be obtained (unreachable, refused, unsigned, malformed, or
 * for another request); the dossier then says so rather than the task waiting for a holder that may
 * never serve them.
 */
export async function fetchHolderRecords(
  deps: ResultsDeps,
  task: FulfilmentTask,
): Promise<ReadonlyArray<{ category: string; value: string }> | undefined> {
  if (!task.resultsUrl) return task.resultsCount === 0 ? [] : undefined;
  const holder = await deps.holders.get(task.holderId);
  if (!holder) return undefined;
  let answer: unknown;
  try {
    answer = await deps.client.results(holder.endpoint, task.resultsUrl);
  } catch (error) {
    if (error instanceof HolderUnavailableError || error instanceof HolderAnswerError) return undefined;
    throw error;
  }
  const results = resultsSchema.safeParse(answer);
  return results.success && results.data.subject_request_id === task.taskId ? results.data.records : undefined;
}

/**
 * The write that adds the holder's part to the request's stored dossier, if the copy is still there
 * (it may have expired or been erased since: then nothing is written back). `records` is fetched once
 * per completion by the caller, whatever number of times its transaction is retried.
 */
export async function holderResultsWrites(
  deps: ResultsDeps,
  request: DeskRequest | undefined,
  task: FulfilmentTask,
  records: () => Promise<ReadonlyArray<{ category: string; value: string }> | undefined>,
  now: Date,
): Promise<DeskWrite[]> {
  const tokenHash = request?.delivery?.dossierTokenHash;
  if (!request || !tokenHash) return [];
  const stored = await deps.disclosures.get(tokenHash, now);
  if (!stored || stored.requestId !== request.requestId) return [];
  let results: DossierHolderResults = holderResultsPart(
    task.holderName ?? task.holderId,
    task.categories,
    await records(),
    request.language,
    now,
  );
  const grown = {
    ...stored,
    dossier: { ...stored.dossier, holderResults: [...(stored.dossier.holderResults ?? []), results] },
  };
  if (bytesOf(grown) > DOSSIER_ITEM_BUDGET_BYTES) results = { ...results, available: false, records: [] };
  return [
    {
      kind: 'disclosure-holder-results',
      tokenHash,
      subjectIds: stored.subjectIds,
      results,
      at: now.toISOString(),
    },
  ];
}
