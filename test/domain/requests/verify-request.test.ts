// POST /v1/requests/{id}/verification as a use case. The request is created by submitRequest over
// the same in-memory doubles, so the code is the one the deterministic secret source issued.

import { describe, expect, it } from 'vitest';
import { answerDueAt, dueAfterDeskDays } from '../../../functions/domain/kernel/calendar';
import { RESPONSE_TARGET_DESK_DAYS } from '../../../functions/domain/kernel/law';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import type { DeskWrite } from '../../../functions/domain/requests/ports';
import type { DeskRequest, Language } from '../../../functions/domain/requests/request';
import { submitRequest } from '../../../functions/domain/requests/submit-request';
import { verifyRequest } from '../../../functions/domain/requests/verify-request';
import { DEMO_COMPANY, DEMO_HOURS } from '../../support/company';
import { ApplyingWriter, ArrayRequestReader, FixedClock, jst, problemOf, SequenceSecrets } from '../doubles';

const CODE = '482913';
const WRONG = '000000';
// Tuesday 10 November 2026, 12:15 in Tokyo: the desk is open.
const SUBMITTED_AT = jst(2026, 11, 10, 12, 15);

async function awaitingRequest(language: Language = 'ja', submittedAt = SUBMITTED_AT) {
  const requests = new ArrayRequestReader();
  const writer = new ApplyingWriter(requests);
  const secrets = new SequenceSecrets([CODE]);
  const clock = new FixedClock(submittedAt);
  const { requestId } = await submitRequest(
    { writer, secrets, clock, company: DEMO_COMPANY },
    {
      type: 'disclosure',
      requester: { kind: 'self', name: 'Hanako Yamada', email: 'hanako.yamada@example.jp' },
      subject: { email: 'hanako.yamada@example.jp' },
      language,
    },
  );
  writer.commits.length = 0; // only what verification writes counts below
  clock.set(new Date(submittedAt.getTime() + 5 * 60_000)); // the requester types the code 5 minutes later
  return {
    deps: { requests, writer, secrets, clock, responseDeskDays: RESPONSE_TARGET_DESK_DAYS, company: DEMO_COMPANY },
    requestId,
  };
}

const stored = (requests: ArrayRequestReader, requestId: string) =>
  requests.items.find((r) => r.requestId === requestId)!;
const requestWrite = (writes: DeskWrite[]) =>
  writes.find((w): w is Extract<DeskWrite, { kind: 'request' }> => w.kind === 'request')!;
const outboxWrites = (writes: DeskWrite[]): OutboxMessage[] =>
  writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));

describe('verifyRequest with the right code', () => {
  it('receives the request, starts the clock and returns a status token', async () => {
    const { deps, requestId } = await awaitingRequest();
    const now = deps.clock.now();
    const result = await verifyRequest(deps, requestId, CODE);
    const token = deps.secrets.tokensIssued[0]!;
    expect(result).toEqual({
      requestId,
      status: 'received',
      receivedAt: now.toISOString(),
      dueAt: answerDueAt(now, RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS).toISOString(),
      statusToken: token,
    });
    // Tue 10 Nov 12:20: the tenth desk day after it would be Wed 25 Nov, past the 13-day cap (Mon
    // 23 Nov, a holiday), so the answer is due at the last closing before it, Fri 20 Nov 17:00.
    expect(dueAfterDeskDays(now, RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 11, 25, 17));
    expect(result.dueAt).toBe(jst(2026, 11, 20, 17).toISOString());
  });

  it('counts the desk days it is configured with', async () => {
    const { deps, requestId } = await awaitingRequest();
    const result = await verifyRequest({ ...deps, responseDeskDays: 5 }, requestId, CODE);
    // Tue 10 Nov 12:20 + 5 desk days: 11, 12, 13, 16, 17 Nov.
    expect(result.dueAt).toBe(jst(2026, 11, 17, 17).toISOString());
    expect(stored(deps.requests, requestId).dueAt).toBe(result.dueAt);
  });

  it('commits the received request (conditional on the previous version) and one received notice together', async () => {
    const { deps, requestId } = await awaitingRequest();
    const before = structuredClone(stored(deps.requests, requestId));
    const result = await verifyRequest(deps, requestId, CODE);

    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual(['request', 'outbox']);
    const { request, expectedVersion } = requestWrite(commit);
    expect(expectedVersion).toBe(before.version);
    expect(request.version).toBe(before.version + 1);
    expect(request.status).toBe('received');
    expect(request.receivedAt).toBe(result.receivedAt);
    expect(request.dueAt).toBe(result.dueAt);
    expect(request.history.at(-1)).toEqual({ at: result.receivedAt, event: 'received' });
    expect(request.history).toHaveLength(before.history.length + 1);

    const [message, ...others] = outboxWrites(commit);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({ to: ['hanako.yamada@example.jp'], topic: 'request-received' });
    expect(message!.text).toContain(requestId);
  });

  it('stores only the hash of the status token, and drops the spent code and the unverified expiry', async () => {
    const { deps, requestId } = await awaitingRequest();
    const { statusToken } = await verifyRequest(deps, requestId, CODE);
    const request: DeskRequest = requestWrite(deps.writer.commits[0]!).request;
    expect(request.statusTokenHash).toBe(hashSecret(statusToken));
    expect(JSON.stringify(request)).not.toContain(statusToken);
    expect(request).not.toHaveProperty('verification');
    expect(request).not.toHaveProperty('expiresAt');
  });

  it("tells the due date in the request's language", async () => {
    const ja = await awaitingRequest('ja');
    await verifyRequest(ja.deps, ja.requestId, CODE);
    const jaMessage = outboxWrites(ja.deps.writer.commits[0]!)[0]!;
    expect(jaMessage.subject).toBe('保有個人データの開示のご請求を受け付けました');
    expect(jaMessage.text).toContain('2026年11月20日 17:00（日本時間）');

    const en = await awaitingRequest('en');
    await verifyRequest(en.deps, en.requestId, CODE);
    const enMessage = outboxWrites(en.deps.writer.commits[0]!)[0]!;
    expect(enMessage.subject).toBe('We have received your disclosure request');
    expect(enMessage.text).toContain('20 November 2026 at 17:00 (Japan time)');
  });

  it("links the Privacy Center's status page with the token in the fragment only, in the request's language", async () => {
    const url = 'https://privacy.example.jp/';
    for (const language of ['ja', 'en'] as const) {
      const { deps, requestId } = await awaitingRequest(language);
      const { statusToken } = await verifyRequest({ ...deps, privacyCenterUrl: url }, requestId, CODE);
      const { text } = outboxWrites(deps.writer.commits[0]!)[0]!;
      const link = `${url}#/status/${requestId}/${statusToken}?lang=${language}`;
      expect(text).toContain(`\n    ${link}\n`);
      expect(text).toContain(language === 'ja' ? '次のリンクからご確認いただけます' : 'at this link');
      // Everything before '#' reaches a server; the token never does.
      expect(text.indexOf(statusToken)).toBeGreaterThan(text.indexOf(`${url}#`));
      expect(text.split(statusToken)).toHaveLength(2);
    }
  });

  it('says what it always said when no Privacy Center is configured', async () => {
    const { deps, requestId } = await awaitingRequest('en');
    const { statusToken } = await verifyRequest(deps, requestId, CODE);
    const { text } = outboxWrites(deps.writer.commits[0]!)[0]!;
    expect(text).not.toContain(statusToken);
    expect(text).not.toContain('link');
  });

  it('counts a confirmation after closing from the next opening: receivedAt is the arrival, dueAt a day later', async () => {
    // Submitted Tue 10 Nov 16:58, confirmed at 17:03: counting starts Wed 11 Nov; 5 desk days: 12, 13, 16, 17, 18 Nov.
    const { deps, requestId } = await awaitingRequest('ja', jst(2026, 11, 10, 16, 58));
    const result = await verifyRequest({ ...deps, responseDeskDays: 5 }, requestId, CODE);
    expect(result.receivedAt).toBe(jst(2026, 11, 10, 17, 3).toISOString());
    expect(result.dueAt).toBe(jst(2026, 11, 18, 17).toISOString());
  });

  it('cannot be verified twice: the code is spent', async () => {
    const { deps, requestId } = await awaitingRequest();
    await verifyRequest(deps, requestId, CODE);
    const problem = await problemOf(verifyRequest(deps, requestId, CODE));
    expect(problem.kind).toBe('not-found');
  });

  it('still accepts the code one second before it expires', async () => {
    const { deps, requestId } = await awaitingRequest();
    deps.clock.set(new Date(SUBMITTED_AT.getTime() + 30 * 60_000 - 1000));
    await expect(verifyRequest(deps, requestId, CODE)).resolves.toMatchObject({ status: 'received' });
  });
});

describe('verifyRequest with a wrong code', () => {
  it('takes one try away, commits that conditionally and answers 422 with the tries left', async () => {
    const { deps, requestId } = await awaitingRequest();
    const problem = await problemOf(verifyRequest(deps, requestId, WRONG));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.title).toBe('Wrong code');
    expect(problem.detail).toContain('4 tries left');

    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual(['request']); // no e-mail for a wrong code
    const { request, expectedVersion } = requestWrite(commit);
    expect(expectedVersion).toBe(1);
    expect(request.version).toBe(2);
    expect(request.status).toBe('awaiting-verification');
    expect(request.verification?.attemptsLeft).toBe(4);
    expect(request.history.at(-1)?.event).toBe('wrong-code');
    expect(request.statusTokenHash).toBeUndefined();
  });

  it('counts down 4, 3, 2, 1 and says "1 try left" in the singular', async () => {
    const { deps, requestId } = await awaitingRequest();
    const details: string[] = [];
    for (let i = 0; i < 4; i += 1) details.push((await problemOf(verifyRequest(deps, requestId, WRONG))).detail);
    expect(
      details.map((d) =>
        d
          .match(/(\d+) (tries|try) left/)
          ?.slice(1, 3)
          .join(' '),
      ),
    ).toEqual(['4 tries', '3 tries', '2 tries', '1 try']);
    // The right code still works on the last try.
    await expect(verifyRequest(deps, requestId, CODE)).resolves.toMatchObject({ status: 'received' });
  });

  it('locks the request on the fifth wrong code, and the right code no longer helps', async () => {
    const { deps, requestId } = await awaitingRequest();
    for (let i = 0; i < 4; i += 1)
      expect((await problemOf(verifyRequest(deps, requestId, WRONG))).kind).toBe('unprocessable');
    const fifth = await problemOf(verifyRequest(deps, requestId, WRONG));
    expect(fifth.kind).toBe('locked');
    const locked = stored(deps.requests, requestId);
    expect(locked.verification?.attemptsLeft).toBe(0);
    expect(locked.history.at(-1)?.event).toBe('locked');

    const commitsBefore = deps.writer.commits.length;
    const afterwards = await problemOf(verifyRequest(deps, requestId, CODE));
    expect(afterwards.kind).toBe('locked');
    expect(deps.writer.commits).toHaveLength(commitsBefore); // nothing written once locked
    expect(deps.secrets.tokensIssued).toHaveLength(0);
  });
});

describe('verifyRequest refusals', () => {
  it('answers gone for an expired code, at 30 minutes sharp, without writing', async () => {
    const { deps, requestId } = await awaitingRequest();
    deps.clock.set(new Date(SUBMITTED_AT.getTime() + 30 * 60_000));
    const problem = await problemOf(verifyRequest(deps, requestId, CODE));
    expect(problem.kind).toBe('gone');
    expect(deps.writer.commits).toHaveLength(0);
  });

  it('answers not-found for an unknown id', async () => {
    const { deps } = await awaitingRequest();
    const problem = await problemOf(verifyRequest(deps, 'no-such-request', CODE));
    expect(problem.kind).toBe('not-found');
    expect(deps.writer.commits).toHaveLength(0);
  });

  it('answers not-found once the unverified request is past its 24-hour life', async () => {
    const { deps, requestId } = await awaitingRequest();
    deps.clock.set(new Date(SUBMITTED_AT.getTime() + 24 * 3_600_000));
    expect((await problemOf(verifyRequest(deps, requestId, CODE))).kind).toBe('not-found');
  });

  it('turns a StaleWriteError into a conflict, for the right code and for a wrong one', async () => {
    const { deps, requestId } = await awaitingRequest();
    deps.writer.failWith = new StaleWriteError();
    expect((await problemOf(verifyRequest(deps, requestId, CODE))).kind).toBe('conflict');
    expect((await problemOf(verifyRequest(deps, requestId, WRONG))).kind).toBe('conflict');
  });

  it('lets other writer failures through unchanged', async () => {
    const { deps, requestId } = await awaitingRequest();
    const failure = new Error('ProvisionedThroughputExceeded');
    deps.writer.failWith = failure;
    await expect(verifyRequest(deps, requestId, CODE)).rejects.toBe(failure);
  });

  it('lets only one of two concurrent right answers win', async () => {
    const { deps, requestId } = await awaitingRequest();
    const results = await Promise.allSettled([
      verifyRequest(deps, requestId, CODE),
      verifyRequest(deps, requestId, CODE),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ kind: 'conflict' });
  });
});
