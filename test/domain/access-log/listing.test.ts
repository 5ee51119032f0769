// The listing's bounds, with a search double: a page reads at most ACCESS_LOG_READS_PER_PAGE times
// and then hands back a cursor to go on from, so a sparse filter over a long window stays bounded.
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_LISTING_DEFAULT_HOURS,
  ACCESS_LOG_LISTING_MAX_DAYS,
  ACCESS_LOG_PAGE_SIZE,
  ACCESS_LOG_READS_PER_PAGE,
  listAccessLog,
} from '../../../functions/domain/access-log/listing';
import type { AccessLogDayQuery, AccessLogSearch } from '../../../functions/domain/access-log/ports';

const now = new Date('2026-11-26T03:00:00.000Z');
const clock = { now: () => now };

/** A day that never runs out of entries, none of which match: every read says "more". */
function endlessNonMatching(): AccessLogSearch & { queries: AccessLogDayQuery[] } {
  const queries: AccessLogDayQuery[] = [];
  return {
    queries,
    async page(query) {
      queries.push(query);
      const n = queries.length;
      return {
        entries: [],
        next: { day: query.day, at: new Date(now.getTime() - n * 1000).toISOString(), chainId: 'chain-0', seq: n },
      };
    },
  };
}

describe('listAccessLog', () => {
  it('has its bounds as desk policy: 31 days at most, 24 hours by default, 100 a page, 40 reads a page', () => {
    expect([
      ACCESS_LOG_LISTING_MAX_DAYS,
      ACCESS_LOG_LISTING_DEFAULT_HOURS,
      ACCESS_LOG_PAGE_SIZE,
      ACCESS_LOG_READS_PER_PAGE,
    ]).toEqual([31, 24, 100, 40]);
  });

  it('stops after ACCESS_LOG_READS_PER_PAGE reads with a cursor that continues where the last read ended', async () => {
    const search = endlessNonMatching();
    const page = await listAccessLog({ search, clock }, { actor: 'nobody' });
    expect(search.queries).toHaveLength(ACCESS_LOG_READS_PER_PAGE);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
    const more = endlessNonMatching();
    await listAccessLog({ search: more, clock }, { cursor: page.nextCursor! });
    expect(more.queries[0]).toMatchObject({ actor: 'nobody', after: { seq: ACCESS_LOG_READS_PER_PAGE } });
  });

  it('reads the Japan days of the window newest first, each bounded by the window', async () => {
    const days: string[] = [];
    const search: AccessLogSearch = {
      async page(q) {
        days.push(`${q.day} ${q.from} ${q.to}`);
        return { entries: [] };
      },
    };
    await listAccessLog({ search, clock }, { from: '2026-11-23T20:00:00+09:00', to: '2026-11-25T08:00:00Z' });
    expect(days).toEqual(
      ['2026-11-25', '2026-11-24', '2026-11-23'].map((d) => `${d} 2026-11-23T11:00:00.000Z 2026-11-25T08:00:00.000Z`),
    );
  });
});
