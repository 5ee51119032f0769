// Subject events as a use case: the lifecycle moves (last activity never backwards), then every live
// record of the subject gets the expiry its purposes now give it.
import { describe, expect, it } from 'vitest';
import type { StoredPersonalDataRecord } from '../../../functions/domain/holdings';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import { recordSubjectEvent } from '../../../functions/domain/personal-data/record-subject-event';
import { FixedClock, problemOf } from '../doubles';
import { MemoryLifecycles, MemoryPersonalData, purposeVersions, storedRecord } from './personal-data-doubles';

const NOW = '2026-11-12T02:00:00.000Z';
const DAY_S = 86_400;
const seconds = (iso: string) => Date.parse(iso) / 1000;

function setup(records: StoredPersonalDataRecord[] = [], lifecycles: SubjectLifecycle[] = []) {
  const deps = {
    lifecycles: new MemoryLifecycles(lifecycles),
    purposes: purposeVersions(),
    records: new MemoryPersonalData(records),
    clock: new FixedClock(NOW),
  };
  return deps;
}

describe('recordSubjectEvent', () => {
  it('contract-ended: saves the date and gives contract-end purposes their expiry', async () => {
    const deps = setup([
      storedRecord({ recordId: 'rec-service', purposes: ['service-provision'] }),
      storedRecord({ recordId: 'rec-billing', purposes: ['billing', 'service-provision'] }),
      storedRecord({
        recordId: 'rec-ads',
        purposes: ['usage-analysis'],
        expiresAt: seconds('2028-01-01T00:00:00.000Z'),
      }),
    ]);
    const result = await recordSubjectEvent(deps, 'subject-1', {
      event: 'contract-ended',
      at: '2026-11-10T09:00:00+09:00',
    });
    expect(result).toEqual({ subjectId: 'subject-1', recordsRecomputed: 2 });
    expect(await deps.lifecycles.get('subject-1')).toEqual({
      subjectId: 'subject-1',
      contractEndedAt: '2026-11-10T00:00:00.000Z',
    });
    const end = seconds('2026-11-10T00:00:00.000Z');
    expect(deps.records.expiryUpdates).toEqual([
      { recordId: 'rec-service', expiresAt: end + 90 * DAY_S },
      // The latest of its purposes: billing, whose books (fiscal year to March 2027, due 31 May 2027)
      // are kept seven calendar years, through 31 May 2034 (Corporation Tax Act Enforcement Regulations Art. 59).
      { recordId: 'rec-billing', expiresAt: seconds('2034-06-01T00:00:00+09:00') },
    ]);
  });

  it('activity: moves last activity forward and pushes last-activity purposes out', async () => {
    const deps = setup(
      [storedRecord({ purposes: ['information-and-inquiries'], expiresAt: seconds('2027-01-01T00:00:00.000Z') })],
      [
        {
          subjectId: 'subject-1',
          lastActivityAt: '2024-01-01T00:00:00.000Z',
          cessationOfUse: { requestId: 'req-9', at: '2026-11-01T00:00:00.000Z' },
        },
      ],
    );
    const result = await recordSubjectEvent(deps, 'subject-1', { event: 'activity', at: '2026-11-11T00:00:00.000Z' });
    expect(result.recordsRecomputed).toBe(1);
    expect(deps.records.items[0]!.expiresAt).toBe(seconds('2026-11-11T00:00:00.000Z') + 3 * 365 * DAY_S);
    expect(await deps.lifecycles.get('subject-1')).toMatchObject({
      lastActivityAt: '2026-11-11T00:00:00.000Z',
      cessationOfUse: { requestId: 'req-9' },
    });
  });

  it.each(['contract-ended', 'activity'] as const)(
    '%s dated beyond the allowed clock drift: 422 naming body.at, nothing saved',
    async (event) => {
      const deps = setup([
        storedRecord({ purposes: ['information-and-inquiries'], expiresAt: seconds('2027-01-01T00:00:00.000Z') }),
      ]);
      const problem = await problemOf(recordSubjectEvent(deps, 'subject-1', { event, at: '2199-01-01T00:00:00.000Z' }));
      expect(problem.kind).toBe('unprocessable');
      expect(problem.errors).toEqual([
        { field: 'body.at', message: expect.stringContaining('2199-01-01T00:00:00.000Z is in the future') },
      ]);
      expect(await deps.lifecycles.get('subject-1')).toBeUndefined();
      expect(deps.records.expiryUpdates).toEqual([]);
    },
  );

  it('a contract that ended years ago erases now: the expiry is never set in the past, where DynamoDB TTL would skip it', async () => {
    // DynamoDB TTL never deletes an item whose TTL value is more than five years in the past (DynamoDB Developer Guide, "Using TTL").
    const deps = setup([storedRecord({ recordId: 'rec-service', purposes: ['service-provision'] })]);
    const result = await recordSubjectEvent(deps, 'subject-1', {
      event: 'contract-ended',
      at: '2015-01-01T00:00:00.000Z',
    });
    expect(result.recordsRecomputed).toBe(1);
    expect(deps.records.expiryUpdates).toEqual([{ recordId: 'rec-service', expiresAt: seconds(NOW) }]);
  });

  it('an event within the allowed clock drift is recorded', async () => {
    const deps = setup();
    await recordSubjectEvent(deps, 'subject-1', { event: 'activity', at: '2026-11-12T02:05:00.000Z' });
    expect(await deps.lifecycles.get('subject-1')).toMatchObject({ lastActivityAt: '2026-11-12T02:05:00.000Z' });
  });

  it('activity earlier than the stored one: nothing saved, nothing changed', async () => {
    const lastActivityAt = '2026-11-01T00:00:00.000Z';
    const deps = setup(
      [storedRecord({ purposes: ['information-and-inquiries'], expiresAt: seconds(lastActivityAt) + 3 * 365 * DAY_S })],
      [{ subjectId: 'subject-1', lastActivityAt }],
    );
    const result = await recordSubjectEvent(deps, 'subject-1', { event: 'activity', at: '2026-10-01T00:00:00.000Z' });
    expect(result.recordsRecomputed).toBe(0);
    expect(deps.lifecycles.saves).toEqual([]);
    expect((await deps.lifecycles.get('subject-1'))!.lastActivityAt).toBe(lastActivityAt);
  });

  it('removes an expiry the purposes no longer give', async () => {
    // service-provision counts from a contract end the lifecycle does not have.
    const deps = setup([
      storedRecord({ purposes: ['service-provision'], expiresAt: seconds('2027-03-01T00:00:00.000Z') }),
    ]);
    const result = await recordSubjectEvent(deps, 'subject-1', { event: 'activity', at: '2026-11-11T00:00:00.000Z' });
    expect(result.recordsRecomputed).toBe(1);
    expect(deps.records.expiryUpdates).toEqual([{ recordId: 'rec-1', expiresAt: undefined }]);
    expect(deps.records.items[0]).not.toHaveProperty('expiresAt');
  });

  it('leaves expired records and records being erased alone', async () => {
    const deps = setup([
      storedRecord({ recordId: 'rec-expired', purposes: ['service-provision'], expiresAt: seconds(NOW) }),
      storedRecord({
        recordId: 'rec-erasing',
        purposes: ['service-provision'],
        expiresAt: seconds(NOW) + 5,
        erasureReason: 'request',
      }),
    ]);
    const result = await recordSubjectEvent(deps, 'subject-1', {
      event: 'contract-ended',
      at: '2026-11-10T00:00:00.000Z',
    });
    expect(result.recordsRecomputed).toBe(0);
    expect(deps.records.expiryUpdates).toEqual([]);
  });

  it('an unknown subject: the lifecycle is created, with nothing to recompute', async () => {
    const deps = setup();
    expect(
      await recordSubjectEvent(deps, 'subject-new', { event: 'activity', at: '2026-11-11T00:00:00.000Z' }),
    ).toEqual({ subjectId: 'subject-new', recordsRecomputed: 0 });
    expect(await deps.lifecycles.get('subject-new')).toEqual({
      subjectId: 'subject-new',
      lastActivityAt: '2026-11-11T00:00:00.000Z',
    });
  });

  it('an event that achieves the purposes in the past gives the expiry now: the record leaves every read at once', async () => {
    const deps = setup([storedRecord({ purposes: ['service-provision'] })]);
    await recordSubjectEvent(deps, 'subject-1', { event: 'contract-ended', at: '2026-01-01T00:00:00.000Z' });
    expect(deps.records.items[0]!.expiresAt).toBe(seconds(NOW));
    expect(await deps.records.liveRecordsOf('subject-1', new Date(NOW))).toEqual([]);
  });
});
