// The access-log viewer (web/src/desk/access-log.ts): the window and filters it sends are what the
// listing accepts, and a verification too long for one call offers the digest date the API suggests.
import { describe, expect, it } from 'vitest';
import { makeAccessLogDigest } from '../../../functions/domain/access-log/digest';
import { type ChainedAccessLogEntry, chainAccessLogEntry } from '../../../functions/domain/access-log/entry';
import type { AccessLogChains, AccessLogDigestStore } from '../../../functions/domain/access-log/ports';
import { ACCESS_LOG_VERIFY_BUDGET_MS, verifyAccessLog } from '../../../functions/domain/access-log/verification';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { accessLogQuery, accessLogVerifyBody } from '../../../functions/http/contract';
import { listingParams, NO_FILTERS, suggestedVerifyFrom, verifyBody } from '../../../web/src/desk/access-log';
import { instantOfJapanInput, japanTime, placeProblem } from '../../../web/src/desk/officer';

describe('the access-log listing', () => {
  it('leaves the window to the API at first (the last 24 hours) and sends a typed one as instants the listing accepts', () => {
    expect(listingParams(NO_FILTERS)).toEqual({ from: undefined, to: undefined, actor: undefined, subject: undefined });
    const params = listingParams({
      from: '2026-11-25T12:30',
      to: '2026-11-26T12:30',
      actor: ' operator ',
      subject: '',
    });
    expect(params).toEqual({
      from: '2026-11-25T03:30:00.000Z',
      to: '2026-11-26T03:30:00.000Z',
      actor: 'operator',
      subject: undefined,
    });
    expect(
      accessLogQuery.safeParse(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))).success,
    ).toBe(true);
  });

  it('continues a listing with its cursor alone, which carries the window and filters', () => {
    expect(listingParams({ from: '2026-11-25T12:30', to: '', actor: 'operator', subject: '' }, 'abc')).toEqual({
      cursor: 'abc',
    });
  });

  it('reads a datetime-local value as Japan time', () => {
    expect(instantOfJapanInput('2026-01-01T09:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(instantOfJapanInput('2026-01-01T09:00:30')).toBe('2026-01-01T00:00:30.000Z');
    expect(instantOfJapanInput('yesterday')).toBeUndefined();
    expect(japanTime('2026-12-31T15:00:00.000Z', 'ja')).toBe('2027/01/01 00:00:00');
  });
});

describe('problems on a form', () => {
  it('places field errors and read-reason refusals at their field, anything else in general', () => {
    expect(
      placeProblem(
        {
          title: 'x',
          status: 400,
          detail: 'd',
          errors: [
            { field: 'query.requestId', message: 'm' },
            { field: 'body.x', message: 'n' },
          ],
        },
        ['requestId'],
      ),
    ).toEqual({ byField: { requestId: ['m'] }, general: true });
    expect(
      placeProblem(
        { title: 'Not an open request', status: 422, detail: 'requestId: the desk is handling no request R1' },
        ['requestId', 'purpose'],
      ),
    ).toEqual({ byField: { requestId: ['requestId: the desk is handling no request R1'] }, general: false });
    expect(
      placeProblem({ title: 'Window too wide', status: 422, detail: 'List at most 31 days at a time' }, ['from']),
    ).toEqual({ byField: {}, general: true });
  });
});

const entry = (n: number) => ({
  actor: 'a',
  role: 'operator' as const,
  action: 'read' as const,
  subjects: ['s'],
  fields: ['f'],
  reason: `r${n}`,
  sourceIp: '203.0.113.1',
  at: `2026-11-20T00:00:0${n}.000Z`,
});

/** One chain read a page per entry, each page taking half the verification's budget. */
function slowChain(entries: ChainedAccessLogEntry[], clock: { t: number }): AccessLogChains {
  return {
    chainIds: () => ['chain-0'],
    head: async () => undefined,
    async *entries() {
      for (const e of entries) {
        clock.t += ACCESS_LOG_VERIFY_BUDGET_MS / 2;
        yield [e];
      }
    },
  };
}

async function tooLongProblem(withDigest: boolean) {
  const chain: ChainedAccessLogEntry[] = [];
  for (let n = 1; n <= 5; n += 1) chain.push(chainAccessLogEntry(entry(n), 'chain-0', chain.at(-1)));
  const digest = makeAccessLogDigest(
    '2026-11-20T05:05:00.000Z',
    new Date('2026-11-20T05:06:00.000Z'),
    [{ chainId: 'chain-0', seq: 2, hash: chain[1]!.hash }],
    undefined,
  );
  const digests: AccessLogDigestStore = {
    slots: async () => (withDigest ? [digest.slot] : []),
    get: async (slot) => (withDigest && slot === digest.slot ? digest : undefined),
    put: async () => 'written',
  };
  const clock = { t: 0 };
  const error = await verifyAccessLog({
    chains: slowChain(chain, clock),
    digests,
    clock: { now: () => new Date(clock.t) },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeskProblem);
  const problem = error as DeskProblem;
  return { status: 422, title: problem.title, detail: problem.detail };
}

describe('the verification', () => {
  it('sends a digest date, or nothing to verify from the first entry', () => {
    expect(verifyBody(undefined)).toEqual({});
    expect(verifyBody('2026-11-20')).toEqual({ from: '2026-11-20' });
    expect(accessLogVerifyBody.safeParse(verifyBody('2026-11-20')).success).toBe(true);
  });

  it('offers to verify from the digest date the API suggests when the log is too long for one call', async () => {
    expect(suggestedVerifyFrom(await tooLongProblem(true))).toBe('2026-11-20');
    expect(suggestedVerifyFrom(await tooLongProblem(false))).toBeUndefined();
    expect(
      suggestedVerifyFrom({
        status: 404,
        title: 'No digest of that date',
        detail: 'There is no access-log digest of 2026-11-19.',
      }),
    ).toBeUndefined();
  });
});
