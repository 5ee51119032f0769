// POST /v1/requests as a use case: the request and the e-mail carrying its code are written in one
// all-or-nothing commit, and the code is stored only as a hash.

import { describe, expect, it } from 'vitest';
import { VERIFICATION_CODE_DIGITS } from '../../../functions/domain/kernel/law';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import { codeSecret, type SubmitRequestInput, submitRequest } from '../../../functions/domain/requests/submit-request';
import { REQUEST_TYPES } from '../../../functions/domain/requests/types/registry';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, problemOf, RecordingWriter, SequenceSecrets } from '../doubles';

const NOW = '2026-11-10T03:15:00.000Z';
const CODE = '482913';

const input = (overrides: Partial<SubmitRequestInput> = {}): SubmitRequestInput => ({
  type: 'disclosure',
  requester: { kind: 'self', name: '山田 花子', email: 'hanako.yamada@example.jp' },
  subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
  language: 'ja',
  ...overrides,
});

function setup() {
  const deps = {
    writer: new RecordingWriter(),
    secrets: new SequenceSecrets([CODE]),
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
  };
  return deps;
}

async function submitted(overrides: Partial<SubmitRequestInput> = {}) {
  const deps = setup();
  const result = await submitRequest(deps, input(overrides));
  expect(deps.writer.commits).toHaveLength(1);
  const [commit] = deps.writer.commits;
  const requestWrites = commit!.filter((w) => w.kind === 'request');
  const outboxWrites = commit!.filter((w) => w.kind === 'outbox');
  expect(requestWrites).toHaveLength(1);
  expect(outboxWrites).toHaveLength(1);
  expect(commit).toHaveLength(2);
  const request = requestWrites[0]!.kind === 'request' ? requestWrites[0]!.request : undefined;
  const message = outboxWrites[0]!.kind === 'outbox' ? outboxWrites[0]!.message : undefined;
  return { deps, result, commit: commit!, request: request as DeskRequest, message: message! };
}

describe('submitRequest', () => {
  it('answers with the new request id, awaiting verification, where the code went (masked) and when a new one may be asked for', async () => {
    const { result, request } = await submitted();
    expect(result).toEqual({
      requestId: request.requestId,
      status: 'awaiting-verification',
      codeSentTo: expect.stringMatching(/^.{1,2}\*\*\*@/),
      resendAvailableAt: new Date(Date.parse(request.createdAt) + 60_000).toISOString(),
    });
  });

  it('asks the secret source for a six-digit code', async () => {
    const { deps } = await submitted();
    expect(deps.secrets.codeDigitsAsked).toEqual([VERIFICATION_CODE_DIGITS]);
  });

  it('writes the request and exactly one outbox message in ONE commit', async () => {
    const { commit } = await submitted();
    expect(commit.map((w) => w.kind)).toEqual(['request', 'outbox']);
  });

  it('stores the request awaiting verification, with 5 attempts, a 30-minute code and a 24-hour life', async () => {
    const { request, commit } = await submitted();
    const created = new Date(NOW);
    expect(request).toMatchObject({
      type: 'disclosure',
      status: 'awaiting-verification',
      requester: { kind: 'self', name: '山田 花子', email: 'hanako.yamada@example.jp' },
      subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
      language: 'ja',
      createdAt: NOW,
      version: 1,
      history: [{ at: NOW, event: 'submitted' }],
    });
    expect(request.verification?.attemptsLeft).toBe(5);
    expect(request.verification?.codeExpiresAt).toBe('2026-11-10T03:45:00.000Z');
    expect(request.expiresAt).toBe(created.getTime() / 1000 + 24 * 60 * 60);
    expect(request.receivedAt).toBeUndefined();
    expect(request.dueAt).toBeUndefined();
    expect(request.statusTokenHash).toBeUndefined();
    // A new request: the write is not conditional on an earlier version.
    expect(commit[0]).not.toHaveProperty('expectedVersion');
  });

  it('stores the code only as a hash bound to the request; the plain code appears nowhere in the stored request', async () => {
    const { request } = await submitted();
    expect(request.verification?.codeHash).toBe(hashSecret(codeSecret(request.requestId, CODE)));
    expect(request.verification?.codeHash).not.toBe(hashSecret(CODE));
    expect(JSON.stringify(request)).not.toContain(CODE);
  });

  it('keeps the details when given and leaves them out otherwise', async () => {
    expect((await submitted({ details: { scope: '購入履歴' } })).request.details).toEqual({ scope: '購入履歴' });
    expect((await submitted()).request).not.toHaveProperty('details');
  });

  it('e-mails the code to the requester (not the subject), in Japanese by default', async () => {
    const { message, request } = await submitted({
      requester: { kind: 'agent', name: '代理人 太郎', email: 'agent@example.jp' },
      subject: { email: 'hanako.yamada@example.jp' },
    });
    expect(message.to).toEqual(['agent@example.jp']);
    expect(message.topic).toBe('verification-code');
    expect(message.createdAt).toBe(NOW);
    expect(message.messageId).not.toBe(request.requestId);
    expect(message.subject).toBe(`確認コード: ${CODE}`);
    expect(message.text).toContain(CODE);
    expect(message.text).toContain(request.requestId);
    expect(message.text).toContain('30分以内');
    expect(message.text).toContain('保有個人データの開示');
  });

  it('writes the e-mail in English when the language is en', async () => {
    const { message, request } = await submitted({ language: 'en' });
    expect(request.language).toBe('en');
    expect(message.subject).toBe(`Your confirmation code: ${CODE}`);
    expect(message.text).toContain(CODE);
    expect(message.text).toContain('within 30 minutes');
    expect(message.text).toContain(`disclosure request (${request.requestId})`);
    expect(message.text).not.toMatch(/[\u3040-\u30ff]/); // no kana
  });

  it('refuses an unknown request type without writing anything', async () => {
    const deps = setup();
    const error = await submitRequest(deps, input({ type: 'telepathy' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskProblem);
    expect(error).toMatchObject({ kind: 'unprocessable' });
    expect((error as DeskProblem).detail).toContain('telepathy');
    expect(deps.writer.commits).toHaveLength(0);
  });

  it('refuses a request "by the person themselves" whose requester address is not the subject\'s, for every type, writing nothing', async () => {
    for (const { type } of REQUEST_TYPES) {
      const deps = setup();
      const problem = await problemOf(
        submitRequest(
          deps,
          input({
            type,
            requester: { kind: 'self', name: '山田 花子', email: 'stranger@example.jp' },
            subject: { email: 'hanako.yamada@example.jp' },
          }),
        ),
      );
      expect(problem.kind, type).toBe('unprocessable');
      expect(problem.errors, type).toEqual([
        { field: 'body.requester.email', message: expect.stringContaining('subject.email') },
      ]);
      expect(deps.writer.commits, type).toHaveLength(0);
    }
  });

  it("judges a self request's two addresses as the desk looks people up: the case of the letters does not matter", async () => {
    const { message, request } = await submitted({
      requester: { kind: 'self', name: '山田 花子', email: 'Hanako.Yamada@Example.JP' },
      subject: { email: 'hanako.yamada@example.jp' },
    });
    expect(request.status).toBe('awaiting-verification');
    // The code goes to the address the desk looks the person up by.
    expect(message.to).toEqual(['hanako.yamada@example.jp']);
  });

  it("sends a representative's code to the representative's own address", async () => {
    for (const kind of ['legal-representative', 'agent'] as const) {
      const { message } = await submitted({
        requester: { kind, name: '代理 太郎', email: 'rep@example.jp' },
        subject: { email: 'hanako.yamada@example.jp' },
      });
      expect(message.to, kind).toEqual(['rep@example.jp']);
    }
  });

  it('passes a writer failure through: nothing is reported as submitted', async () => {
    const deps = setup();
    deps.writer.failWith = new Error('TransactionCanceled');
    await expect(submitRequest(deps, input())).rejects.toThrow('TransactionCanceled');
  });
});
