// POST /v1/requests/{id}/verification-code as a use case, over the in-memory doubles: a fresh code to
// the address on the request, at most once a minute and three times, with fresh tries.

import { describe, expect, it } from 'vitest';
import { VERIFICATION_MAX_RESENDS } from '../../../functions/domain/kernel/law';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { DeskWrite } from '../../../functions/domain/requests/ports';
import { resendVerificationCode } from '../../../functions/domain/requests/resend-verification-code';
import { submitRequest } from '../../../functions/domain/requests/submit-request';
import { verifyRequest } from '../../../functions/domain/requests/verify-request';
import { DEMO_COMPANY } from '../../support/company';
import { ApplyingWriter, ArrayRequestReader, FixedClock, jst, problemOf, SequenceSecrets } from '../doubles';

const FIRST = '111111';
const SECOND = '222222';
const SUBMITTED_AT = jst(2026, 11, 10, 12, 15);
const MINUTE = 60_000;

async function awaiting(kind: 'self' | 'agent' = 'self') {
  const requests = new ArrayRequestReader();
  const writer = new ApplyingWriter(requests);
  const secrets = new SequenceSecrets([FIRST, SECOND, '333333', '444444', '555555']);
  const clock = new FixedClock(SUBMITTED_AT);
  const submitted = await submitRequest(
    { writer, secrets, clock, company: DEMO_COMPANY },
    {
      type: 'complaint',
      requester: { kind, name: 'Hanako Yamada', email: kind === 'self' ? 'hanako@example.jp' : 'agent@example.jp' },
      subject: { email: 'hanako@example.jp' },
      details: { about: 'other', description: 'x' },
      language: 'ja',
    },
  );
  writer.commits.length = 0;
  const deps = { requests, writer, secrets, clock, company: DEMO_COMPANY };
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  return { deps, submitted, requestId: submitted.requestId, later };
}

const outbox = (writes: DeskWrite[]) => writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));

describe('resendVerificationCode', () => {
  it('the submit answer says where the code went, masked, and when a new one may be asked for', async () => {
    const { submitted } = await awaiting();
    expect(submitted).toMatchObject({
      codeSentTo: 'ha***@example.jp',
      resendAvailableAt: new Date(SUBMITTED_AT.getTime() + MINUTE).toISOString(),
    });
  });

  it('before a minute has passed: too soon, with the wait, and nothing written', async () => {
    const { deps, requestId, later } = await awaiting();
    later(59_000);
    const problem = await problemOf(resendVerificationCode(deps, requestId));
    expect(problem.kind).toBe('too-soon');
    expect(problem.specifics).toMatchObject({
      slug: 'code-resend-too-soon',
      retryAfterSeconds: 1,
      extensions: { resendAvailableAt: new Date(SUBMITTED_AT.getTime() + MINUTE).toISOString() },
    });
    expect(deps.writer.commits).toHaveLength(0);
  });

  it('after a minute: a fresh code to the address on the request, in one commit with the request', async () => {
    const { deps, requestId, later } = await awaiting('agent');
    later(MINUTE);
    const result = await resendVerificationCode(deps, requestId);
    expect(result).toEqual({
      requestId,
      codeExpiresAt: new Date(SUBMITTED_AT.getTime() + 31 * MINUTE).toISOString(),
      resendAvailableAt: new Date(SUBMITTED_AT.getTime() + 2 * MINUTE).toISOString(),
      resendsLeft: VERIFICATION_MAX_RESENDS - 1,
    });
    const [commit] = deps.writer.commits;
    expect(commit!.map((w) => w.kind)).toEqual(['request', 'outbox']);
    const [message] = outbox(commit!);
    // A representative's request: the code goes to the representative's own address, as the first did.
    expect(message!.to).toEqual(['agent@example.jp']);
    expect(message!.subject).toContain(SECOND);
    expect(message!.topic).toBe('verification-code');
  });

  it('the earlier code stops working and the new one confirms', async () => {
    const { deps, requestId, later } = await awaiting();
    later(MINUTE);
    await resendVerificationCode(deps, requestId);
    const full = { ...deps, responseDeskDays: 10 };
    expect((await problemOf(verifyRequest(full, requestId, FIRST))).kind).toBe('unprocessable');
    await expect(verifyRequest(full, requestId, SECOND)).resolves.toMatchObject({ status: 'received' });
  });

  it('lifts a lock with fresh tries', async () => {
    const { deps, requestId, later } = await awaiting();
    const full = { ...deps, responseDeskDays: 10 };
    for (let i = 0; i < 5; i += 1) await problemOf(verifyRequest(full, requestId, '000000'));
    const locked = await problemOf(verifyRequest(full, requestId, FIRST));
    expect(locked.kind).toBe('locked');
    expect(locked.specifics.slug).toBe('code-locked');
    later(MINUTE);
    await resendVerificationCode(deps, requestId);
    const wrong = await problemOf(verifyRequest(full, requestId, '000000'));
    expect(wrong.specifics).toEqual({ slug: 'wrong-code', extensions: { attemptsLeft: 4 } });
    await expect(verifyRequest(full, requestId, SECOND)).resolves.toMatchObject({ status: 'received' });
  });

  it('three new codes at most; the fourth is refused and writes nothing', async () => {
    const { deps, requestId, later } = await awaiting();
    for (let i = 0; i < VERIFICATION_MAX_RESENDS; i += 1) {
      later(MINUTE);
      expect((await resendVerificationCode(deps, requestId)).resendsLeft).toBe(VERIFICATION_MAX_RESENDS - i - 1);
    }
    later(MINUTE);
    const commits = deps.writer.commits.length;
    const problem = await problemOf(resendVerificationCode(deps, requestId));
    expect(problem.kind).toBe('conflict');
    expect(problem.specifics.slug).toBe('code-resend-limit');
    expect(deps.writer.commits).toHaveLength(commits);
  });

  it('a confirmed request, an unknown id and a lapsed request all answer as the code step does', async () => {
    const { deps, requestId, later } = await awaiting();
    const unknown = await problemOf(resendVerificationCode(deps, 'no-such-request'));
    expect(unknown).toMatchObject({ kind: 'not-found', title: 'No request awaits this code' });

    later(MINUTE);
    await verifyRequest({ ...deps, responseDeskDays: 10 }, requestId, FIRST);
    const confirmed = await problemOf(resendVerificationCode(deps, requestId));
    expect(confirmed).toMatchObject({ kind: 'not-found', title: unknown.title, detail: unknown.detail });

    const other = await awaiting();
    other.later(24 * 60 * MINUTE);
    const lapsed = await problemOf(resendVerificationCode(other.deps, other.requestId));
    expect(lapsed).toMatchObject({ kind: 'not-found', detail: unknown.detail });
  });

  it('two at once: one new code, the other a conflict', async () => {
    const { deps, requestId, later } = await awaiting();
    later(MINUTE);
    const results = await Promise.allSettled([
      resendVerificationCode(deps, requestId),
      resendVerificationCode(deps, requestId),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.kind).toBe('conflict');
    expect(deps.writer.commits.flatMap(outbox)).toHaveLength(1);
  });

  it('a failed commit leaves the request as it was', async () => {
    const { deps, requestId, later } = await awaiting();
    later(MINUTE);
    const before = structuredClone(deps.requests.items);
    const failing = { ...deps, writer: { commit: async () => Promise.reject(new StaleWriteError()) } };
    expect((await problemOf(resendVerificationCode(failing, requestId))).kind).toBe('conflict');
    expect(deps.requests.items).toEqual(before);
  });
});
