// The firewall's refusals in the browser's words (web/src/retry-after.ts, web/src/text.ts,
// web/src/desk/text.ts): the pages say how long to wait, instead of "the desk could not be reached",
// which would make people retry into the limit. test/web/privacy-center/firewall.ts sees them in Chromium.
import { describe, expect, it } from 'vitest';
import { BLOCK_RESPONSES } from '../../lib/firewall';
import { refusalInWords } from '../../web/src/desk/text';
import { problemMessage } from '../../web/src/problem-text';
import { retryAfterSeconds } from '../../web/src/retry-after';
import { tooManyRequests } from '../../web/src/text';

const RATE_LIMITED = BLOCK_RESPONSES['rate-limited'].problem;

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP-dates (RFC 9110 §10.2.3), and nothing else', () => {
    const now = Date.parse('2026-11-26T05:00:00Z');
    expect(retryAfterSeconds('300', now)).toBe(300);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 05:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 04:59:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds('-5', now)).toBeUndefined();
  });
});

describe('the wait in words', () => {
  it('says the desk paused the requests, keeps the form, and gives the wait in minutes (ja default, en)', () => {
    expect(tooManyRequests(300, 'ja')).toBe(
      '短い時間に多くの送信があったため、受付を一時的に止めています。入力内容はそのまま残っています。約5分待ってから、もう一度送信してください。',
    );
    expect(tooManyRequests(300, 'en')).toBe(
      'Too many requests came from your network in a short time, so the desk is not taking more for now. What you typed is kept; wait 5 minutes, then send again.',
    );
  });

  it('rounds a wait up to whole minutes, says seconds under a minute, and stays vague without a Retry-After', () => {
    expect(tooManyRequests(61, 'en')).toContain('wait 2 minutes');
    expect(tooManyRequests(60, 'en')).toContain('wait 1 minute,');
    expect(tooManyRequests(30, 'ja')).toContain('約30秒待ってから');
    expect(tooManyRequests(1, 'en')).toContain('wait 1 second,');
    expect(tooManyRequests(undefined, 'ja')).toContain('しばらく待ってから');
    expect(tooManyRequests(undefined, 'en')).toContain('wait a few minutes');
  });

  it('outside a form, does not speak of what was typed', () => {
    expect(tooManyRequests(300, 'ja', { typed: false })).toBe(
      '短い時間に多くのアクセスがあったため、受付を一時的に止めています。約5分待ってから、もう一度お試しください。',
    );
    expect(tooManyRequests(300, 'en', { typed: false })).not.toContain('typed');
  });

  it('problems outside a form (status page, consents) say the 429 in words, and anything else never as the API put it', () => {
    expect(problemMessage({ problem: RATE_LIMITED, retryAfterSeconds: 300 }, 'ja', 'status')).toBe(
      tooManyRequests(300, 'ja', { typed: false }),
    );
    const gone = { problem: { title: 'Gone', status: 410, detail: 'The link has expired' } };
    expect(problemMessage(gone, 'en', 'status')).not.toContain('The link has expired');
    expect(problemMessage(gone, 'ja', 'status')).toMatch(/有効期限/);
  });
});

describe('the console', () => {
  it('says the 429 in words with its wait', () => {
    expect(refusalInWords({ ...RATE_LIMITED, retryAfterSeconds: 300 }, 'ja')).toBe(
      tooManyRequests(300, 'ja', { typed: false }),
    );
    expect(refusalInWords({ ...RATE_LIMITED, retryAfterSeconds: 300 }, 'en')).toContain('Wait 5 minutes');
  });

  it("says that staff routes answer only from the company's network", () => {
    const problem = BLOCK_RESPONSES['outside-staff-network'].problem;
    expect(refusalInWords(problem, 'ja')).toBe(
      '担当者向けの機能は、社内のネットワークからのみ利用できます。社内のネットワークに接続してから、もう一度お試しください。',
    );
    expect(refusalInWords(problem, 'en')).toBe(
      "Staff routes are reachable only from the company's network. Connect to it, then try again.",
    );
  });

  it('leaves any other problem to be shown as the API put it', () => {
    expect(refusalInWords({ status: 403, type: 'urn:appi-desk:problem:forbidden' }, 'en')).toBeUndefined();
  });
});
