// GET /v1/requests/{id} as a use case: the status token opens the view; an unknown id and a wrong
// token answer exactly alike, so neither can be probed.
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import { getRequestStatus } from '../../../functions/domain/requests/get-request-status';
import { ArrayRequestReader, FixedClock, problemOf, receivedRequest } from '../doubles';

const TOKEN = 'token-7-abcdefghijklmnop';
const NOW = '2026-11-12T02:00:00.000Z';

function deps(...requests: ReturnType<typeof receivedRequest>[]) {
  return { requests: new ArrayRequestReader(requests), clock: new FixedClock(NOW) };
}

describe('getRequestStatus', () => {
  it('shows the status to the holder of the right token, and nothing personal', async () => {
    const request = receivedRequest({ statusTokenHash: hashSecret(TOKEN) });
    const view = await getRequestStatus(deps(request), request.requestId, TOKEN);
    expect(view).toEqual({
      requestId: request.requestId,
      type: 'disclosure',
      status: 'received',
      receivedAt: request.receivedAt,
      dueAt: request.dueAt,
    });
  });

  it('includes the decision, without the staff member who made it', async () => {
    const request = receivedRequest({
      statusTokenHash: hashSecret(TOKEN),
      status: 'refused',
      decision: {
        outcome: 'refused',
        grounds: ['violation-of-law'],
        reason: '法令により開示できません。',
        decidedAt: '2026-11-11T05:00:00.000Z',
        decidedBy: 'staff-operator-1',
      },
    });
    const view = await getRequestStatus(deps(request), request.requestId, TOKEN);
    expect(view.decision).toEqual({
      outcome: 'refused',
      grounds: ['violation-of-law'],
      groundLabels: [
        { id: 'violation-of-law', ja: expect.stringContaining('法令'), en: expect.stringContaining('law') },
      ],
      reason: '法令により開示できません。',
      decidedAt: '2026-11-11T05:00:00.000Z',
    });
    expect(JSON.stringify(view)).not.toContain('staff-operator-1');
  });

  it('answers a wrong token, a missing token and an unknown id with the very same not-found problem', async () => {
    const request = receivedRequest({ statusTokenHash: hashSecret(TOKEN) });
    const d = deps(request);
    const wrongToken = await problemOf(getRequestStatus(d, request.requestId, 'token-8-abcdefghijklmnop'));
    const noToken = await problemOf(getRequestStatus(d, request.requestId, undefined));
    const unknownId = await problemOf(getRequestStatus(d, 'no-such-request', TOKEN));
    for (const problem of [wrongToken, noToken, unknownId]) {
      expect(problem.kind).toBe('not-found');
      expect(problem.title).toBe(unknownId.title);
      expect(problem.detail).toBe(unknownId.detail);
    }
    expect(unknownId.detail).not.toContain('no-such-request');
  });

  it('does not open a request that awaits verification (it has no token yet)', async () => {
    const { statusTokenHash: _none, ...awaiting } = receivedRequest({ status: 'awaiting-verification' });
    const problem = await problemOf(getRequestStatus(deps(awaiting), awaiting.requestId, TOKEN));
    expect(problem.kind).toBe('not-found');
  });

  it('does not accept the token hash itself as a token', async () => {
    const request = receivedRequest({ statusTokenHash: hashSecret(TOKEN) });
    const problem = await problemOf(getRequestStatus(deps(request), request.requestId, hashSecret(TOKEN)));
    expect(problem.kind).toBe('not-found');
  });
});
