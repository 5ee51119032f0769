// The Privacy Center's problems in the reader's words (web/src/problem-text.ts): every type the
// customer's routes can answer has words in both languages, filled from the problem's members, and a
// Japanese page never shows the API's English detail, whatever the problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldMessage, knownProblemSlugs, placeProblem, problemMessage } from '../../web/src/problem-text';

/** The server code whose problems reach the Privacy Center: its routes' use cases and the shared HTTP layer. */
const SOURCES = [
  'functions/domain/requests/submit-request.ts',
  'functions/domain/requests/verify-request.ts',
  'functions/domain/requests/resend-verification-code.ts',
  'functions/domain/requests/get-request-status.ts',
  'functions/domain/requests/withdraw-request.ts',
  'functions/domain/consents/self-service.ts',
  'functions/http/route-handler.ts',
  'functions/http/problem.ts',
];

/** Every precise type those files give: `slug: '…'` of a DeskProblem, the second argument of an HttpProblem. */
function slugsThrown(): string[] {
  const slugs = new Set<string>();
  for (const file of SOURCES) {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    for (const m of text.matchAll(/slug: '([a-z-]+)'/g)) slugs.add(m[1]!);
    for (const m of text.matchAll(/new HttpProblem\(\s*\d+,\s*'([a-z-]+)'/g)) slugs.add(m[1]!);
  }
  return [...slugs].sort();
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const problem = (status: number, slug: string, members: Record<string, unknown> = {}) => ({
  problem: {
    type: `urn:appi-desk:problem:${slug}`,
    title: 'English title',
    status,
    detail: 'The English detail for API callers.',
    ...members,
  },
});

describe('problem words', () => {
  it('has words for every precise type the customer-facing routes answer with', () => {
    const thrown = slugsThrown();
    expect(thrown).toEqual(
      expect.arrayContaining(['wrong-code', 'code-locked', 'code-resend-too-soon', 'body-too-large']),
    );
    expect(thrown.filter((slug) => !knownProblemSlugs().includes(slug))).toEqual([]);
  });

  it('never shows the English detail on a Japanese page, for any type or status', () => {
    for (const slug of [...slugsThrown(), 'not-found', 'conflict', 'something-new']) {
      for (const status of [400, 404, 409, 410, 413, 422, 423, 429, 500, 503]) {
        for (const context of ['request-form', 'code', 'status', 'withdrawal', 'consents-code'] as const) {
          const ja = problemMessage(problem(status, slug), 'ja', context);
          expect(ja, `${slug} ${status} ${context}`).toMatch(JAPANESE);
          expect(ja).not.toContain('English');
          expect(problemMessage(problem(status, slug), 'en', context)).not.toContain('English');
        }
      }
    }
  });

  it("fills the problem's members: tries left, the limit, when a new code may be sent (Japan time), the status", () => {
    expect(problemMessage(problem(422, 'wrong-code', { attemptsLeft: 3 }), 'ja', 'code')).toBe(
      '確認コードが違います。あと3回入力できます。',
    );
    expect(problemMessage(problem(422, 'wrong-code', { attemptsLeft: 1 }), 'en', 'code')).toContain('1 more');
    expect(problemMessage(problem(413, 'body-too-large', { maxBytes: 65536 }), 'ja', 'request-form')).toContain(
      '上限 64 KB',
    );
    const soon = problem(429, 'code-resend-too-soon', { resendAvailableAt: '2026-12-07T07:30:00.000Z' });
    expect(problemMessage(soon, 'ja', 'resend')).toContain('16:30（日本時間）');
    expect(problemMessage(soon, 'en', 'resend')).toContain('16:30 Japan time');
    const closed = problem(409, 'request-closed', { requestStatus: 'refused' });
    expect(problemMessage(closed, 'ja', 'withdrawal', { refused: { ja: '回答済み', en: 'Refused' } })).toContain(
      '「回答済み」',
    );
  });

  it('says a generic type in the words of the step it was met on', () => {
    expect(problemMessage(problem(404, 'not-found'), 'ja', 'code')).toContain('確認コードをお待ちしている');
    expect(problemMessage(problem(404, 'not-found'), 'ja', 'status')).toContain('メールのリンク');
    expect(problemMessage(problem(423, 'code-locked'), 'ja', 'consents-code')).toContain('メールアドレスを入力');
  });

  it('says the firewall\'s 429 with its wait, and a dependency down as "try again"', () => {
    const limited = { ...problem(429, 'rate-limited'), retryAfterSeconds: 300 };
    expect(problemMessage(limited, 'ja', 'request-form')).toContain('約5分待ってから');
    expect(problemMessage({ ...problem(503, 'unavailable'), retryAfterSeconds: 5 }, 'ja', 'code')).toContain(
      '約5秒待ってから',
    );
  });
});

describe('field messages', () => {
  it('say a too-long value with its maximum, from the member or the words', () => {
    expect(fieldMessage({ message: 'must be at most 200 characters', maximum: 200 }, 'ja')).toBe(
      '200文字以内で入力してください。',
    );
    expect(fieldMessage({ message: 'must be at most 4000 characters' }, 'en')).toBe('Use at most 4000 characters.');
  });

  it('are Japanese on a Japanese page even when the API wrote something new', () => {
    expect(fieldMessage({ message: 'is required' }, 'ja')).toBe('入力してください。');
    expect(fieldMessage({ message: 'some new rule nobody translated' }, 'ja')).toMatch(JAPANESE);
  });

  it('place by field, and name a field not on the form by its label, never its path', () => {
    const placed = placeProblem(
      problem(400, 'validation', {
        errors: [
          { field: 'body.requester.name', message: 'must be at most 200 characters', maximum: 200 },
          { field: 'body.details.relatedRequestId', message: 'is not a request id' },
        ],
      }),
      [{ path: 'requester.name' }],
      'ja',
      'request-form',
    );
    expect(placed.byField['requester.name']).toEqual(['200文字以内で入力してください。']);
    expect(placed.general).toEqual(['関連する受付番号（任意）: 入力内容を確認してください。']);
  });
});
