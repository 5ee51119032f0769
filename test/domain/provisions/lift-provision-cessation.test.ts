// Lifting a cessation of provision (APPI Art. 35(3),(5)): an officer ends stops with a reason; the
// lift is kept on the subject (who, when, why, which requests' stops) and access-logged; what does not
// stand is 422 naming the field; a cessation changed meanwhile is 409.
import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import { liftProvisionCessation } from '../../../functions/domain/provisions/lift-provision-cessation';
import { cessationOf, stopFor, withoutStops, withStop } from '../../../functions/domain/provisions/provision-cessation';
import type { StaffActor } from '../../../functions/domain/staff';
import { FixedClock, problemOf, RecordingAccessLog, RecordingWriter } from '../doubles';
import { MapLifecycles } from '../purposes/doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.9' };
const NOW = '2026-12-01T02:00:00.000Z';
const A = { requestId: 'req-a', at: '2026-11-01T00:00:00.000Z' };
const B = { requestId: 'req-b', at: '2026-11-02T00:00:00.000Z' };
const REASON = 'The person asked on 30 November to resume provision to this insurer (call note 2026-11-30).';

function setup(lifecycle: Partial<SubjectLifecycle>) {
  const deps = {
    lifecycles: new MapLifecycles({ 's-1': { subjectId: 's-1', ...lifecycle } }),
    writer: new RecordingWriter(),
    accessLog: new RecordingAccessLog(),
    clock: new FixedClock(NOW),
  };
  return deps;
}

describe('the cessation as data', () => {
  it('reads a flag from before recipients were named as a stop to every third party', () => {
    expect(cessationOf(A)).toEqual({ all: A });
    expect(stopFor(cessationOf(A), 'anyone')).toEqual(A);
    expect(cessationOf({ recipients: {} })).toBeUndefined();
    expect(cessationOf(undefined)).toBeUndefined();
  });

  it('adds stops keeping the first request for a recipient; lifting named ones leaves the rest', () => {
    const named = withStop({ recipients: { x: A } }, { scope: 'named', recipientIds: ['x', 'y'] }, B);
    expect(named).toEqual({ recipients: { x: A, y: B } });
    expect(withStop(named, { scope: 'all' }, B)).toEqual({ all: B, recipients: { x: A, y: B } });
    expect(withoutStops(named, { scope: 'named', recipientIds: ['y', 'z'] })).toEqual({
      remaining: { recipients: { x: A } },
      lifted: [{ recipient: 'y', ...B }],
      notStopped: ['z'],
    });
    expect(withoutStops({ all: A, recipients: { x: B } }, { scope: 'all' })).toEqual({
      remaining: undefined,
      lifted: [
        { recipient: 'all', ...A },
        { recipient: 'x', ...B },
      ],
      notStopped: [],
    });
  });
});

describe('liftProvisionCessation', () => {
  it('lifts named stops: commits what remains with the lift (who, when, why), access-logged without the reason', async () => {
    const stored = { recipients: { 'partner-insurance': A, 'list-broker': B } };
    const deps = setup({ cessationOfProvision: stored });
    const answer = await liftProvisionCessation(deps, OFFICER, 's-1', {
      recipients: { scope: 'named', recipientIds: ['partner-insurance'] },
      reason: REASON,
    });
    const lift = {
      scope: { scope: 'named', recipientIds: ['partner-insurance'] },
      lifted: [{ recipient: 'partner-insurance', ...A }],
      reason: REASON,
      by: OFFICER.staffId,
      at: NOW,
    };
    expect(answer).toEqual({ subjectId: 's-1', ...lift, cessationOfProvision: { recipients: { 'list-broker': B } } });
    expect(deps.writer.commits).toEqual([
      [
        {
          kind: 'cessation-of-provision',
          subjectId: 's-1',
          cessation: { recipients: { 'list-broker': B } },
          expected: stored,
          lift,
        },
      ],
    ]);
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OFFICER.staffId,
        role: 'officer',
        action: 'write',
        subjects: ['s-1'],
        fields: ['cessation-of-provision'],
        reason: 'lift of cessation of provision (req-a)',
        sourceIp: OFFICER.sourceIp,
        at: NOW,
      },
    ]);
  });

  it('lifts everything with scope all, a flag from before recipients were named included', async () => {
    const deps = setup({ cessationOfProvision: A });
    const answer = await liftProvisionCessation(deps, OFFICER, 's-1', { recipients: { scope: 'all' }, reason: REASON });
    expect(answer.cessationOfProvision).toBeNull();
    expect(deps.writer.commits[0]).toEqual([
      expect.objectContaining({
        cessation: undefined,
        expected: A,
        lift: expect.objectContaining({ lifted: [{ recipient: 'all', ...A }] }),
      }),
    ]);
  });

  it('a recipient without a stop is 422 naming its field; a stop to every third party is lifted only whole; nothing written', async () => {
    const deps = setup({ cessationOfProvision: { all: A, recipients: { x: B } } });
    const problem = await problemOf(
      liftProvisionCessation(deps, OFFICER, 's-1', {
        recipients: { scope: 'named', recipientIds: ['x', 'y'] },
        reason: REASON,
      }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable' });
    expect(problem.errors).toEqual([
      { field: 'body.recipients.recipientIds.1', message: expect.stringContaining('scope "all"') },
    ]);
    expect(problem.detail).toContain('req-a');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('no cessation standing is 409, nothing written', async () => {
    const deps = setup({});
    expect(
      await problemOf(liftProvisionCessation(deps, OFFICER, 's-1', { recipients: { scope: 'all' }, reason: REASON })),
    ).toMatchObject({ kind: 'conflict' });
    expect(deps.writer.commits).toEqual([]);
  });

  it('a cessation changed meanwhile is 409 asking to reload', async () => {
    const deps = setup({ cessationOfProvision: A });
    deps.writer.failWith = new StaleWriteError();
    const problem = await problemOf(
      liftProvisionCessation(deps, OFFICER, 's-1', { recipients: { scope: 'all' }, reason: REASON }),
    );
    expect(problem).toMatchObject({ kind: 'conflict', title: 'Cessation changed meanwhile' });
  });
});
