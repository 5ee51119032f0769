// GET /v1/staff/requests/{id} as a use case: reading a requester's details is access-logged first,
// and the secrets' hashes are never shown.
import { describe, expect, it } from 'vitest';
import { DeskProblem } from '../../../functions/domain/problems';
import { viewRequest } from '../../../functions/domain/requests/view-request';
import { ArrayRequestReader, FixedClock, OPERATOR, RecordingAccessLog, receivedRequest } from '../doubles';

const NOW = '2026-11-12T02:00:00.000Z';

describe('viewRequest', () => {
  it('logs the read, then shows the request without token hash, version or expiry', async () => {
    const accessLog = new RecordingAccessLog();
    const deps = { requests: new ArrayRequestReader([receivedRequest()]), accessLog, clock: new FixedClock(NOW) };
    const view = await viewRequest(deps, OPERATOR, 'req-1');
    expect(accessLog.entries).toEqual([{
      actor: OPERATOR.staffId, role: 'operator', action: 'read', subjects: ['request:req-1'],
      fields: ['requester', 'subject', 'details', 'notes', 'representativeVerification', 'delivery'], reason: 'disclosure req-1', sourceIp: OPERATOR.sourceIp, at: NOW,
    }]);
    expect(view.requester.email).toBe('hanako.yamada@example.jp');
    for (const hidden of ['statusTokenHash', 'verification', 'version', 'expiresAt']) expect(view).not.toHaveProperty(hidden);
  });

  it('shows a disclosure\'s delivery without the stored copy\'s token hash', async () => {
    const delivery = { method: 'paper' as const, dossierTokenHash: 'a'.repeat(64), postedOn: '2026-11-12', postedBy: 'op-1' };
    const deps = { requests: new ArrayRequestReader([receivedRequest({ status: 'fulfilled', delivery })]), accessLog: new RecordingAccessLog(), clock: new FixedClock(NOW) };
    const view = await viewRequest(deps, OPERATOR, 'req-1');
    expect(view.delivery).toEqual({ method: 'paper', postedOn: '2026-11-12', postedBy: 'op-1' });
  });

  it('an open request carries its type\'s decision options; a closed one none', async () => {
    const open = await viewRequest({ requests: new ArrayRequestReader([receivedRequest({ status: 'in-progress' })]), accessLog: new RecordingAccessLog(), clock: new FixedClock(NOW) }, OPERATOR, 'req-1');
    expect(open.decisionOptions?.refusalGrounds.map((g) => g.ground)).toEqual(['harm-to-person-or-third-party', 'hindrance-to-business', 'violation-of-law']);
    const closed = await viewRequest({ requests: new ArrayRequestReader([receivedRequest({ status: 'refused' })]), accessLog: new RecordingAccessLog(), clock: new FixedClock(NOW) }, OPERATOR, 'req-1');
    expect(closed).not.toHaveProperty('decisionOptions');
  });

  it('answers not-found, without logging, for an unknown or unconfirmed request', async () => {
    const accessLog = new RecordingAccessLog();
    const deps = { requests: new ArrayRequestReader([receivedRequest({ status: 'awaiting-verification' })]), accessLog, clock: new FixedClock(NOW) };
    for (const id of ['req-1', 'nope']) {
      const error = await viewRequest(deps, OPERATOR, id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskProblem);
      expect(error).toMatchObject({ kind: 'not-found' });
    }
    expect(accessLog.entries).toEqual([]);
  });
});
