// A disclosure's results from the holders, with doubles: when a holder completes its access task, what
// it returned is merged into the stored dossier in the task's own commit, as a part naming the holder;
// only the categories it was asked about; a holder whose results cannot be fetched is named as not
// available; a copy gone or expired is never written back; the results are fetched once per completion.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeTask } from '../../../functions/domain/fulfilment/answer';
import {
  HolderAnswerError,
  type HolderClient,
  HolderUnavailableError,
} from '../../../functions/domain/fulfilment/ports';
import type { ResultsDeps } from '../../../functions/domain/fulfilment/results';
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { decideRequest } from '../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../functions/domain/requests/ports';
import type { StoredDisclosure } from '../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { MapHoldingsReader, OPERATOR, receivedRequest } from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';
import { decideDeps } from '../requests/decide-deps';
import { holder, MemoryHolders, MemoryTasks, TaskApplyingWriter } from './doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const CRM = holder();

/** A disclosure decided for Hanako, with the CRM asked what it holds; the stored copy served back. */
async function decidedDisclosure(language: 'ja' | 'en' = 'en') {
  const request = receivedRequest({ type: 'disclosure', details: {}, language });
  const base = decideDeps(request, NOW, {
    holdings: new MapHoldingsReader({ 'hanako.yamada@example.jp': HANAKO_HOLDINGS }),
  });
  const tasks = new MemoryTasks();
  const writer = new TaskApplyingWriter(base.requests, tasks);
  const copies: StoredDisclosure[] = [];
  const deps = { ...base, writer, tasks, holders: new MemoryHolders([CRM]) };
  await decideRequest(deps, OPERATOR, 'req-1', { outcome: 'fulfilled' }, 'https://desk.example.jp');
  copies.push(...writer.writes.flatMap((w) => (w.kind === 'disclosure' ? [w.disclosure] : [])));
  expect(copies).toHaveLength(1);
  const [made] = [...tasks.items.values()];
  expect(made).toMatchObject({ instruction: 'disclosure', categories: ['email', 'name'] });
  // A real task's id is a UUID v4 (the OpenDSR subject_request_id), which the results must name.
  const task = { ...made!, taskId: randomUUID() };
  tasks.items.delete(made!.taskId);
  tasks.items.set(task.taskId, task);
  return { deps, writer, task, copies };
}

/** A client whose results answer is scripted; it counts the fetches. */
function client(answer: () => Promise<unknown>) {
  const calls: string[] = [];
  const fake: Pick<HolderClient, 'results'> = {
    async results(_endpoint, url) {
      calls.push(url);
      return answer();
    },
  };
  return { fake, calls };
}

const completedWith =
  (extra: Partial<FulfilmentTask>) =>
  (t: FulfilmentTask): FulfilmentTask | undefined =>
    t.taskState === 'completed'
      ? undefined
      : { ...t, taskState: 'completed', holderStatus: 'completed', completedAt: NOW, ...extra, version: t.version + 1 };

const RESULTS_URL = 'https://opendsr.crm.example/v2/results/abc';

function resultsDeps(copies: StoredDisclosure[], results: Pick<HolderClient, 'results'>): ResultsDeps {
  return {
    holders: new MemoryHolders([CRM]),
    client: results,
    disclosures: { get: async (tokenHash) => copies.find((c) => c.tokenHash === tokenHash) },
  };
}

const merged = (writes: DeskWrite[]) => writes.flatMap((w) => (w.kind === 'disclosure-holder-results' ? [w] : []));

describe("a holder's results in the dossier", () => {
  it('merged in the commit that completes the task: a part naming the holder, only the categories asked about', async () => {
    const { deps, writer, task, copies } = await decidedDisclosure();
    const { fake, calls } = client(async () => ({
      subject_request_id: task.taskId,
      records: [
        { category: 'email', value: 'hanako@crm.example' },
        { category: 'name', value: 'Yamada Hanako', label: 'Customer name' },
        // Not asked (nor disclosed by the desk): never shown because a holder returned it.
        { category: 'medical-history', value: 'asthma' },
      ],
    }));
    const results = resultsDeps(copies, fake);
    await changeTask({ ...deps, results }, task.taskId, completedWith({ resultsUrl: RESULTS_URL, resultsCount: 3 }));
    const commit = writer.commits.at(-1)!;
    expect(commit.map((w) => w.kind).sort()).toEqual(
      ['disclosure-holder-results', 'fulfilment-task', 'outbox', 'request'].sort(),
    );
    const [write] = merged(commit);
    expect(write).toMatchObject({ tokenHash: copies[0]!.tokenHash, subjectIds: copies[0]!.subjectIds, at: NOW });
    expect(write!.results).toEqual({
      holder: 'Mecara CRM',
      available: true,
      records: [
        {
          category: 'email',
          categoryLabel: 'E-mail address',
          value: 'hanako@crm.example',
          linkedAccessInformation: false,
          specialCare: false,
        },
        {
          category: 'name',
          categoryLabel: 'Name',
          value: 'Yamada Hanako',
          linkedAccessInformation: false,
          specialCare: false,
        },
      ],
      receivedAt: NOW,
    });
    expect(calls).toEqual([RESULTS_URL]);
  });

  it('results for another request, malformed, refused or unreachable: the task completes and the part says not available', async () => {
    for (const answer of [
      async () => ({ subject_request_id: '8f0c2f5e-8a4f-4b8e-9d7c-1a2b3c4d5e6f', records: [] }),
      async () => ({ records: 'nothing' }),
      async () => {
        throw new HolderAnswerError('signature did not verify');
      },
      async () => {
        throw new HolderUnavailableError('connection refused');
      },
    ]) {
      const { deps, writer, task, copies } = await decidedDisclosure();
      const results = resultsDeps(copies, client(answer).fake);
      const stored = await changeTask({ ...deps, results }, task.taskId, completedWith({ resultsUrl: RESULTS_URL }));
      expect(stored?.taskState).toBe('completed');
      const [write] = merged(writer.commits.at(-1)!);
      expect(write!.results).toEqual({ holder: 'Mecara CRM', available: false, records: [], receivedAt: NOW });
    }
  });

  it('no results URL: zero results is an empty part; otherwise not available', async () => {
    const none = await decidedDisclosure();
    const noFetch = client(async () => {
      throw new Error('must not fetch');
    });
    await changeTask(
      { ...none.deps, results: resultsDeps(none.copies, noFetch.fake) },
      none.task.taskId,
      completedWith({ resultsCount: 0 }),
    );
    expect(merged(none.writer.commits.at(-1)!)[0]!.results).toMatchObject({ available: true, records: [] });

    const missing = await decidedDisclosure();
    await changeTask(
      { ...missing.deps, results: resultsDeps(missing.copies, noFetch.fake) },
      missing.task.taskId,
      completedWith({}),
    );
    expect(merged(missing.writer.commits.at(-1)!)[0]!.results).toMatchObject({ available: false });
    expect(noFetch.calls).toEqual([]);
  });

  it('results that would not fit in the stored copy (a DynamoDB item) are recorded as not available; the task completes', async () => {
    const { deps, writer, task, copies } = await decidedDisclosure();
    const big = 'x'.repeat(4000);
    const { fake } = client(async () => ({
      subject_request_id: task.taskId,
      records: Array.from({ length: 100 }, () => ({ category: 'email', value: big })),
    }));
    const stored = await changeTask(
      { ...deps, results: resultsDeps(copies, fake) },
      task.taskId,
      completedWith({ resultsUrl: RESULTS_URL }),
    );
    expect(stored?.taskState).toBe('completed');
    expect(merged(writer.commits.at(-1)!)[0]!.results).toMatchObject({ available: false, records: [] });
  });

  it('the copy is gone (erased or expired): the task completes, nothing is written back', async () => {
    const { deps, writer, task } = await decidedDisclosure();
    const { fake } = client(async () => ({ subject_request_id: task.taskId, records: [] }));
    const stored = await changeTask(
      { ...deps, results: resultsDeps([], fake) },
      task.taskId,
      completedWith({ resultsUrl: RESULTS_URL }),
    );
    expect(stored?.taskState).toBe('completed');
    expect(merged(writer.commits.at(-1)!)).toEqual([]);
  });

  it('a commit retried after a concurrent change fetches the results once; closing by hand (no results deps) merges nothing', async () => {
    const { deps, writer, task, copies } = await decidedDisclosure();
    const { fake, calls } = client(async () => ({ subject_request_id: task.taskId, records: [] }));
    let failures = 1;
    const flaky = {
      commit: async (writes: DeskWrite[]) => {
        if (failures-- > 0) throw new StaleWriteError();
        return writer.commit(writes);
      },
    };
    await changeTask(
      { ...deps, writer: flaky, results: resultsDeps(copies, fake) },
      task.taskId,
      completedWith({ resultsUrl: RESULTS_URL }),
    );
    expect(calls).toHaveLength(1);
    expect(merged(writer.commits.at(-1)!)).toHaveLength(1);

    const byHand = await decidedDisclosure();
    await changeTask(byHand.deps, byHand.task.taskId, completedWith({ resultsUrl: RESULTS_URL }));
    expect(merged(byHand.writer.commits.at(-1)!)).toEqual([]);
  });
});
