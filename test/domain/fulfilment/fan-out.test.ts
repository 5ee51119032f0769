// The fan-out with doubles: a decision makes one task per holder of the affected categories in its own
// commit, its answer waits, and the answer is released with the last task settling, or replaced by a
// withdrawal's acknowledgement.
import { describe, expect, it } from 'vitest';
import { changeTask, holderSection, releaseAnswer } from '../../../functions/domain/fulfilment/answer';
import { identitiesOf, tasksFor } from '../../../functions/domain/fulfilment/fan-out';
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import { type DecisionInput, decideRequest } from '../../../functions/domain/requests/decide-request';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import { withdrawRequest } from '../../../functions/domain/requests/withdraw-request';
import { MapHoldingsReader, OPERATOR, problemOf, receivedRequest } from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';
import { decideDeps } from '../requests/decide-deps';
import { holder, MemoryHolders, MemoryTasks, TaskApplyingWriter } from './doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const ERASE: DecisionInput = { outcome: 'fulfilled', details: { measure: 'erase' } };
const TOKEN = 'status-token-abcdefghijklmnopqrstuvwxyz';

const CRM = holder();
const BILLING = holder({
  holderId: 'holder-billing',
  name: 'Billing',
  kind: 'internal-system',
  categories: ['name', 'billing-history'],
  endpoint: { ...CRM.endpoint, supportedRequestTypes: ['access'] },
});
const ADS = holder({ holderId: 'holder-ads', name: 'Ad platform', categories: ['advertising-identifier'] });
const RETIRED = holder({ holderId: 'holder-old', name: 'Old CRM', retiredAt: '2026-10-01T00:00:00.000Z' });

async function setup(holders = [CRM, BILLING, ADS, RETIRED], overrides: Partial<DeskRequest> = {}) {
  const { hashSecret } = await import('../../../functions/domain/kernel/secrets');
  const request = receivedRequest({
    type: 'cessation-of-use',
    details: { grounds: ['no-longer-needed'], measure: 'erase' },
    statusTokenHash: hashSecret(TOKEN),
    ...overrides,
  });
  const base = decideDeps(request, NOW, {
    holdings: new MapHoldingsReader({ 'hanako.yamada@example.jp': HANAKO_HOLDINGS }),
  });
  const tasks = new MemoryTasks();
  const writer = new TaskApplyingWriter(base.requests, tasks);
  const deps = { ...base, writer, tasks, holders: new MemoryHolders(holders) };
  return { deps, request, tasks, writer };
}

const decide = (deps: Awaited<ReturnType<typeof setup>>['deps'], input = ERASE) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

const complete = (task: FulfilmentTask): FulfilmentTask => ({
  ...task,
  taskState: 'completed',
  holderStatus: 'completed',
  completedAt: NOW,
  version: task.version + 1,
});

describe('which holders a decision reaches', () => {
  it('an erasure: one task per holder not retired whose categories meet the person’s, in the decision’s own commit; the answer waits', async () => {
    const { deps, writer, tasks } = await setup();
    const result = await decide(deps);
    expect(result).toMatchObject({ answer: 'awaiting-holders', tasks: 2 });
    expect(writer.commits).toHaveLength(1);
    const [commit] = writer.commits;
    const made = commit!.flatMap((w) => (w.kind === 'fulfilment-task' ? [w.task] : []));
    expect(made.map((t) => [t.holderName, t.instruction, t.categories, t.taskState])).toEqual([
      ['Mecara CRM', 'erasure', ['email', 'name'], 'to-send'],
      // Billing takes no erasure by OpenDSR: a person must ask it, and the task says so.
      ['Billing', 'erasure', ['name'], 'needs-person'],
    ]);
    expect(made[0]!.identities).toEqual([{ type: 'email', value: 'hanako.yamada@example.jp' }]);
    expect(made[1]!.identities).toBeUndefined();
    // No e-mail yet: it is held with the request until the holders have acted.
    expect(commit!.some((w) => w.kind === 'outbox')).toBe(false);
    const stored = deps.requests.items[0]!;
    expect(stored.status).toBe('fulfilled');
    expect(stored.answer).toMatchObject({ state: 'awaiting-holders', heldAt: NOW });
    expect(stored.answer!.message!.subject).toBe('保有個人データを消去しました');
    expect(tasks.items.size).toBe(2);
  });

  it('a cessation of use carries the ceased purposes; no holder of the categories: no task, and the answer goes out as before', async () => {
    const ceased = await setup([CRM], { details: { grounds: ['no-longer-needed'], measure: 'cease-use' } });
    await decide(ceased.deps, { outcome: 'fulfilled', details: { measure: 'cease-use' } });
    const [task] = [...ceased.tasks.items.values()];
    expect(task).toMatchObject({ instruction: 'cessation-of-use', taskState: 'to-send' });
    expect(task!.purposes).toEqual([...new Set(HANAKO_HOLDINGS.records.flatMap((r) => r.purposes))].sort());

    const none = await setup([ADS]);
    const result = await decide(none.deps);
    expect(result).not.toHaveProperty('answer');
    expect(none.writer.commits[0]!.filter((w) => w.kind === 'outbox')).toHaveLength(1);
    expect(none.deps.requests.items[0]!.answer).toBeUndefined();
  });

  it('a failed commit leaves neither the decision nor a task', async () => {
    const { deps, tasks, writer } = await setup();
    writer.failWith = new Error('DynamoDB down');
    await expect(decide(deps)).rejects.toThrow('DynamoDB down');
    expect(tasks.items.size).toBe(0);
    expect(deps.requests.items[0]!.status).toBe('received');
  });

  it('only identities the holder takes are sent; a holder that knows none of them needs a person', () => {
    const customerOnly = holder({
      endpoint: {
        ...CRM.endpoint,
        supportedIdentities: [{ identity_type: 'controller_customer_id', identity_format: 'sha256' }],
      },
    });
    const [task] = tasksFor(
      [{ instruction: 'erasure', subjectIds: ['s'], categories: ['email'], identities: identitiesOf(HANAKO_HOLDINGS) }],
      [customerOnly],
      { requestId: 'r', now: new Date(NOW), expiresAt: 1, newId: () => 't-1' },
    );
    expect(task).toMatchObject({ taskState: 'needs-person' });
    expect(task!.identities).toBeUndefined();
  });

  it('erasing some categories only (a correction’s deletion) needs a holder that carries out the desk extension', () => {
    const plain = holder({ understandsDeskExtension: false });
    const reach = {
      instruction: 'erasure' as const,
      subjectIds: ['s'],
      categories: ['email'],
      identities: identitiesOf(HANAKO_HOLDINGS),
    };
    const opts = { requestId: 'r', now: new Date(NOW), expiresAt: 1, newId: () => 't' };
    expect(tasksFor([reach], [plain], opts)[0]!.taskState).toBe('to-send');
    expect(tasksFor([{ ...reach, onlyCategories: true }], [plain], opts)[0]!.taskState).toBe('needs-person');
  });
});

describe('the answer waits for the holders', () => {
  it('is released with the last task settling, in the same commit, saying what was done where (names, never endpoints)', async () => {
    const { deps, tasks, writer } = await setup([CRM, holder({ holderId: 'holder-mail', name: 'Mail house' })]);
    await decide(deps);
    const [first, second] = [...tasks.items.values()];
    await changeTask(deps, first!.taskId, complete);
    expect(deps.requests.items[0]!.answer!.state).toBe('awaiting-holders');
    expect(writer.writes.filter((w) => w.kind === 'outbox')).toHaveLength(0);

    await changeTask(deps, second!.taskId, complete);
    const last = writer.commits.at(-1)!;
    expect(last.map((w) => w.kind).sort()).toEqual(['fulfilment-task', 'outbox', 'request']);
    const message = last.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []))[0]!;
    expect(message.to).toEqual(['hanako.yamada@example.jp']);
    expect(message.text).toContain('当社のほかのシステム・委託先での対応');
    expect(message.text).toContain('- Mecara CRM（メールアドレス、氏名）: 消去しました');
    expect(message.text).toContain('- Mail house');
    expect(message.text).not.toContain('opendsr.crm.example');
    // The section comes before the desk's signature.
    expect(message.text.indexOf('消去しました\n')).toBeLessThan(message.text.indexOf('\n--\n'));
    expect(deps.requests.items[0]!.answer).toEqual({ state: 'released', heldAt: NOW, releasedAt: NOW });

    // A replayed completion changes nothing and sends nothing again.
    await changeTask(deps, second!.taskId, (t) => (t.taskState === 'completed' ? undefined : complete(t)));
    expect(writer.writes.filter((w) => w.kind === 'outbox')).toHaveLength(1);
  });

  it('two tasks settling at once release the answer once', async () => {
    const { deps, tasks, writer } = await setup([CRM, holder({ holderId: 'holder-mail', name: 'Mail house' })]);
    await decide(deps);
    const ids = [...tasks.items.keys()];
    await Promise.all(
      ids.map((id) => changeTask(deps, id, (t) => (t.taskState === 'completed' ? undefined : complete(t)))),
    );
    expect(writer.writes.filter((w) => w.kind === 'outbox')).toHaveLength(1);
    expect(deps.requests.items[0]!.answer!.state).toBe('released');
  });

  it('staff may answer now with what is known: the answer names the holders still pending', async () => {
    const { deps, tasks, writer } = await setup([CRM, holder({ holderId: 'holder-mail', name: 'Mail house' })]);
    await decide(deps);
    const [first] = [...tasks.items.values()];
    await changeTask(deps, first!.taskId, complete);
    const refused = await problemOf(releaseAnswer(deps, 'req-1'));
    expect(refused.title).toBe('Holders still pending');

    const released = await releaseAnswer(deps, 'req-1', { partial: true });
    expect(released.partial).toBe(true);
    const text = writer.writes.flatMap((w) => (w.kind === 'outbox' ? [w.message.text] : []))[0]!;
    expect(text).toContain('現時点で判明している内容でご回答いたします');
    expect(text).toContain('- Mail house（メールアドレス、氏名）: 対応の完了をまだ確認できていません');
    expect(deps.requests.items[0]!.answer).toMatchObject({ state: 'released', partial: true });
    // The late completion then settles the task and sends nothing more.
    const second = [...tasks.items.values()].find((t) => t.taskState !== 'completed')!;
    await changeTask(deps, second.taskId, complete);
    expect(writer.writes.filter((w) => w.kind === 'outbox')).toHaveLength(1);
    expect((await problemOf(releaseAnswer(deps, 'req-1', { partial: true }))).title).toBe('No answer waiting');
  });

  it('speaks English to an English requester', () => {
    const task = {
      holderName: 'Mecara CRM',
      holderId: 'h',
      instruction: 'erasure',
      categories: ['email'],
      taskState: 'completed',
    };
    expect(holderSection([task as FulfilmentTask], 'en', false)).toBe(
      'What was done in our other systems and by our contractors\n- Mecara CRM (E-mail address): erased the data',
    );
  });
});

describe('withdrawal while the answer awaits the holders', () => {
  it('cancels what was not sent, asks the holder to cancel what was, keeps what is done, and acknowledges instead of the answer', async () => {
    const mail = holder({ holderId: 'holder-mail', name: 'Mail house' });
    const done = holder({ holderId: 'holder-done', name: 'Done Co' });
    const { deps, tasks, writer } = await setup([CRM, mail, done, BILLING]);
    await decide(deps);
    const byHolder = (id: string) => [...tasks.items.values()].find((t) => t.holderId === id)!;
    // CRM accepted (sent), Done Co finished, Mail house not yet reached, Billing waits for a person.
    tasks.items.set(byHolder('holder-crm').taskId, { ...byHolder('holder-crm'), taskState: 'sent', version: 2 });
    await changeTask(deps, byHolder('holder-done').taskId, complete);

    const result = await withdrawRequest(deps, 'req-1', TOKEN, {});
    expect(result.status).toBe('withdrawn');
    expect(byHolder('holder-crm').taskState).toBe('cancel-pending');
    expect(byHolder('holder-mail').taskState).toBe('cancelled');
    expect(byHolder('holder-mail').identities).toBeUndefined();
    expect(byHolder('holder-billing').taskState).toBe('cancelled');
    expect(byHolder('holder-done').taskState).toBe('completed');
    const stored = deps.requests.items[0]!;
    expect(stored.answer).toEqual({ state: 'withdrawn', heldAt: NOW });
    const sent = writer.writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));
    expect(sent.map((m) => m.topic)).toEqual(['request-withdrawn']);

    // The holder's cancellation settling later releases nothing.
    await changeTask(deps, byHolder('holder-crm').taskId, (t) => ({
      ...t,
      taskState: 'cancelled',
      version: t.version + 1,
    }));
    expect(writer.writes.filter((w) => w.kind === 'outbox')).toHaveLength(1);
  });

  it('a decided request whose answer went out cannot be withdrawn', async () => {
    const { deps } = await setup([]);
    await decide(deps);
    expect((await problemOf(withdrawRequest(deps, 'req-1', TOKEN, {}))).title).toBe('Request closed');
  });
});
