// GET /v1/staff/requests as a use case: the open queue, soonest due first, without personal data.
import { describe, expect, it } from 'vitest';
import { listRequests } from '../../../functions/domain/requests/list-requests';
import { ArrayRequestReader, FixedClock, receivedRequest } from '../doubles';

const NOW = '2026-11-12T02:00:00.000Z';

describe('listRequests', () => {
  const requests = new ArrayRequestReader([
    receivedRequest({ requestId: 'late', dueAt: '2026-11-30T08:00:00.000Z' }),
    receivedRequest({ requestId: 'soon', status: 'in-progress', dueAt: '2026-11-20T08:00:00.000Z' }),
    receivedRequest({ requestId: 'done', status: 'fulfilled', dueAt: '2026-11-13T08:00:00.000Z' }),
  ]);
  const deps = { requests, clock: new FixedClock(NOW) };

  it('lists the open requests, soonest due first, with no personal data', async () => {
    const { items } = await listRequests(deps, undefined);
    expect(items.map((i) => i.requestId)).toEqual(['soon', 'late']);
    expect(items[0]).toEqual({
      requestId: 'soon',
      type: 'disclosure',
      status: 'in-progress',
      receivedAt: '2026-11-09T01:05:00.000Z',
      dueAt: '2026-11-20T08:00:00.000Z',
    });
    expect(JSON.stringify(items)).not.toContain('example.jp');
  });

  it('lists one status when asked', async () => {
    const { items } = await listRequests(deps, 'fulfilled');
    expect(items.map((i) => i.requestId)).toEqual(['done']);
  });
});
