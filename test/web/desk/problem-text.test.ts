// The console's refusals in words (web/src/desk/problem-text.ts), by the problem's type and members,
// and the request report's page: who may open it and how its table is laid out.
import { describe, expect, it } from 'vitest';
import { getRequestReport } from '../../../functions/routes/requests';
import { fieldMessages, placeProblem } from '../../../web/src/desk/officer';
import { knownProblemType, problemWords } from '../../../web/src/desk/problem-text';
import { reportMatrix } from '../../../web/src/desk/report';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

const problem = (slug: string, status: number, members: Record<string, unknown> = {}) => ({
  type: `urn:appi-desk:problem:${slug}`,
  title: 'English title',
  status,
  detail: 'English detail the page must not show in Japanese.',
  ...members,
});

/** Kana or kanji: the text is Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

describe('problem words', () => {
  it("says a sign-in lock's end in Japan time, from its lockedUntil member", () => {
    const locked = problem('account-locked', 423, { lockedUntil: '2026-12-07T07:28:21.407Z' });
    expect(problemWords(locked, 'ja')).toContain('2026/12/07 16:28:21以降に、もう一度お試しください。');
    expect(problemWords(locked, 'en')).toContain('Try again after 07/12/2026, 16:28:21 JST.');
    // Without the member, the wait its Retry-After gave.
    expect(problemWords({ ...problem('account-locked', 423), retryAfterSeconds: 600 }, 'ja')).toContain('約10分後');
  });

  it('names the earlier request that stopped an addition, and its date in Japan time', () => {
    const stopped = problem('suppressed-by-request', 409, {
      requestId: 'req-1',
      decidedAt: '2026-12-07T07:28:21.407Z',
    });
    expect(problemWords(stopped, 'ja')).toContain('受付番号 req-1、2026/12/07 16:28:21決定');
    expect(problemWords(stopped, 'en')).toContain('(req-1, decided 07/12/2026, 16:28:21 JST)');
  });

  it('says a safeguards refusal in the page language: what lapsed and what to do, nothing of the English detail', () => {
    const lapsed = problem('safeguards-lapsed', 403, {
      lapsedOn: '2026-06-01',
      unacknowledgedRules: 0,
      lapsedTrainings: 1,
    });
    expect(problemWords(lapsed, 'ja')).toMatch(/^研修の受講の期限が過ぎているため/);
    expect(problemWords(lapsed, 'ja')).toContain('個人情報保護管理者に記録を依頼');
    expect(problemWords(lapsed, 'ja')).not.toContain('English');
    const both = problem('safeguards-lapsed', 403, { unacknowledgedRules: 1, lapsedTrainings: 1 });
    expect(problemWords(both, 'en')).toContain('The time for acknowledging the rules and your training has passed');
    expect(knownProblemType(lapsed)).toBe(true);
  });

  it('says the password rule with its lengths', () => {
    expect(problemWords(problem('password-too-short', 422, { minLength: '14', maxLength: '256' }), 'ja')).toContain(
      '14文字以上256文字以下',
    );
  });

  it('has Japanese for every staff-side refusal the console meets, and never the detail', () => {
    for (const [slug, status] of [
      ['sign-in-failed', 401],
      ['account-exists', 409],
      ['e-mail-in-use', 409],
      ['forbidden-role', 403],
      ['unauthenticated', 401],
      ['request-not-found', 404],
      ['not-an-open-request', 422],
      ['nothing-held', 404],
      ['cessation-changed-meanwhile', 409],
      ['outside-staff-network', 403],
      ['unavailable', 503],
      ['access-log-busy', 503],
      ['range-ends-before-it-starts', 422],
      ['suppressed-by-request', 409],
      ['anonymisation-definition-taken', 409],
      ['anonymisation-run-under-way', 409],
      ['anonymisation-model-unmet', 422],
      ['anonymisation-hierarchy-gap', 422],
      ['anonymised-dataset-not-a-reader', 403],
      ['anonymised-dataset-not-published', 409],
    ] as const) {
      const words = problemWords(problem(slug, status), 'ja');
      expect(words, slug).toMatch(JAPANESE);
      expect(words, slug).not.toContain('English');
      expect(knownProblemType(problem(slug, status)), slug).toBe(true);
    }
  });

  it('falls back on the status for a type it does not know, in both languages', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422, 423, 429, 500, 503, 418]) {
      expect(problemWords(problem('something-new', status), 'ja'), String(status)).toMatch(JAPANESE);
      expect(problemWords(problem('something-new', status), 'en'), String(status)).not.toMatch(JAPANESE);
    }
    expect(knownProblemType(problem('something-new', 409))).toBe(false);
  });

  it("places a refusal naming a field there, said in the page's language; an English field message becomes a plain request on a Japanese page", () => {
    const refused = problem('not-an-open-request', 422, { detail: 'requestId: the desk is handling no request x.' });
    const placed = placeProblem(refused, ['requestId', 'purpose']);
    expect(placed.general).toBe(false);
    expect(fieldMessages(placed.byField.requestId!, 'ja')).toContain('対応中ではありません');
    expect(fieldMessages(placed.byField.requestId!, 'en')).toContain('That request is not open');
    expect(fieldMessages(['must match the pattern ^[a-z]+$'], 'ja')).toBe('入力内容を確認してください。');
    expect(fieldMessages(['must match the pattern ^[a-z]+$'], 'en')).toBe('must match the pattern ^[a-z]+$');
  });
});

describe('the request report page', () => {
  it('is for the roles the API route allows, at #/report', () => {
    expect([...DESK_PAGE_ROLES.report].sort()).toEqual([...getRequestReport.auth.roles].sort());
    expect(parseDeskRoute('#/report')).toEqual({ page: 'report' });
    expect(hrefOfDeskRoute({ page: 'report' })).toBe('#/report');
  });

  it('lays out a row per type and a column per status a request can be counted in', () => {
    const { types, statuses, cell } = reportMatrix({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      generatedAt: '2026-12-01T00:00:00.000Z',
      counts: {
        total: 3,
        byType: { disclosure: 2, complaint: 1 },
        byStatus: { received: 1, fulfilled: 2 },
        byTypeAndStatus: [
          { type: 'disclosure', status: 'received', count: 1 },
          { type: 'disclosure', status: 'fulfilled', count: 1 },
          { type: 'complaint', status: 'fulfilled', count: 1 },
        ],
      },
      timeToDecision: { decided: 2, medianHours: 1, p95Hours: 2, medianDeskDays: 0, p95DeskDays: 1 },
      overdue: [],
      overdueAtHolders: [],
      undeliverable: [],
      overdueIncidentReports: [],
      overdueCorrectiveActions: [],
    });
    expect(types).toEqual(['complaint', 'disclosure']);
    expect(statuses).not.toContain('awaiting-verification');
    expect(statuses).toEqual([
      'received',
      'in-progress',
      'fulfilled',
      'partially-fulfilled',
      'refused',
      'withdrawn',
      'expired',
    ]);
    expect(cell('disclosure', 'fulfilled')).toBe(1);
    expect(cell('complaint', 'received')).toBe(0);
  });
});
