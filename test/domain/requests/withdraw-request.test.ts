// POST /v1/requests/{id}/withdrawal as a use case: the holder of the status token closes an open
// request; the closed request and the acknowledgement e-mail commit together, once.

import { describe, expect, it } from 'vitest';
import { CLOSED_REQUEST_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import { getRequestStatus } from '../../../functions/domain/requests/get-request-status';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import { withdrawRequest } from '../../../functions/domain/requests/withdraw-request';
import { DEMO_COMPANY } from '../../support/company';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  problemOf,
  receivedRequest,
  SequenceSecrets,
} from '../doubles';

const TOKEN = 'token-7-abcdefghijklmnop';
const NOW = '2026-11-12T05:30:00.000Z';

function setup(overrides: Partial<DeskRequest> = {}) {
  const requests = new ArrayRequestReader([receivedRequest({ statusTokenHash: hashSecret(TOKEN), ...overrides })]);
  return {
    requests,
    writer: new ApplyingWriter(requests),
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
  };
}

describe('withdrawRequest', () => {
  it('closes the request, keeps it for the closed-request retention and e-mails the acknowledgement in the same commit', async () => {
    const deps = setup();
    const result = await withdrawRequest(deps, 'req-1', TOKEN, { reason: '自分で解決しました。' });
    expect(result).toEqual({ requestId: 'req-1', status: 'withdrawn', closedAt: NOW });

    expect(deps.writer.commits).toHaveLength(1);
    const [write, outbox, ...more] = deps.writer.commits[0]!;
    expect(more).toEqual([]);
    expect(write).toMatchObject({ kind: 'request', expectedVersion: 2 });
    expect(write!.kind === 'request' && write!.request).toMatchObject({
      status: 'withdrawn',
      closedAt: NOW,
      version: 3,
      expiresAt: Date.parse(NOW) / 1000 + CLOSED_REQUEST_RETENTION_SECONDS,
      statusTokenHash: hashSecret(TOKEN),
    });
    expect(write!.kind === 'request' && write!.request.history.at(-1)).toEqual({
      at: NOW,
      event: 'withdrawn',
      reason: '自分で解決しました。',
    });
    expect(outbox).toMatchObject({
      kind: 'outbox',
      message: { to: ['hanako.yamada@example.jp'], topic: 'request-withdrawn' },
    });
  });

  it('withdraws an in-progress request too, and records no reason when none is given', async () => {
    const deps = setup({ status: 'in-progress', assignee: 'operator' });
    await withdrawRequest(deps, 'req-1', TOKEN);
    const stored = deps.requests.items[0]!;
    expect(stored.status).toBe('withdrawn');
    expect(stored.history.at(-1)).toEqual({ at: NOW, event: 'withdrawn' });
  });

  it('acknowledges in Japanese by default and in English when asked, naming the request', async () => {
    const ja = setup();
    await withdrawRequest(ja, 'req-1', TOKEN);
    const jaMessage = ja.writer.writes.find((w) => w.kind === 'outbox')!;
    expect(jaMessage.kind === 'outbox' && jaMessage.message).toMatchObject({
      subject: '保有個人データの開示のご請求を取り下げました',
      text: expect.stringContaining('受付番号 req-1'),
    });
    expect(jaMessage.kind === 'outbox' && jaMessage.message.text).toContain('2026年11月12日 14:30（日本時間）');

    const en = setup({ language: 'en' });
    await withdrawRequest(en, 'req-1', TOKEN);
    const enMessage = en.writer.writes.find((w) => w.kind === 'outbox')!;
    expect(enMessage.kind === 'outbox' && enMessage.message).toMatchObject({
      subject: 'Your disclosure request is withdrawn',
      text: expect.stringContaining('(req-1) was withdrawn on 12 November 2026 at 14:30 (Japan time)'),
    });
  });

  it('answers an unknown id, a wrong token and no token exactly as the status read does, writing nothing', async () => {
    const deps = setup();
    const refusals = await Promise.all([
      problemOf(withdrawRequest(deps, 'no-such-request', TOKEN)),
      problemOf(withdrawRequest(deps, 'req-1', 'token-8-abcdefghijklmnop')),
      problemOf(withdrawRequest(deps, 'req-1', undefined)),
    ]);
    const statusRead = await problemOf(getRequestStatus(deps, 'no-such-request', TOKEN));
    for (const problem of refusals) {
      expect({ kind: problem.kind, title: problem.title, detail: problem.detail }).toEqual({
        kind: 'not-found',
        title: statusRead.title,
        detail: statusRead.detail,
      });
    }
    expect(deps.writer.commits).toEqual([]);
  });

  it('refuses a decided, withdrawn or expired request as closed, writing nothing', async () => {
    for (const status of ['fulfilled', 'partially-fulfilled', 'refused', 'withdrawn', 'expired'] as const) {
      const deps = setup({ status });
      const problem = await problemOf(withdrawRequest(deps, 'req-1', TOKEN));
      expect(problem).toMatchObject({ kind: 'conflict', title: 'Request closed' });
      expect(problem.detail).toContain(status);
      expect(deps.writer.commits).toEqual([]);
    }
  });

  it('lets only one of two concurrent withdrawals win; the other is a conflict', async () => {
    const deps = setup();
    const results = await Promise.allSettled([
      withdrawRequest(deps, 'req-1', TOKEN),
      withdrawRequest(deps, 'req-1', TOKEN),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      kind: 'conflict',
    });
    expect(deps.writer.commits).toHaveLength(1);
  });

  it('turns a StaleWriteError into a conflict', async () => {
    const deps = setup();
    deps.writer.failWith = new StaleWriteError();
    expect((await problemOf(withdrawRequest(deps, 'req-1', TOKEN))).kind).toBe('conflict');
  });
});
