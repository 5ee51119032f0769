// Erasure on a cessation-of-use request, carried out from the subjects stream: only a flag newly
// saying erase starts it, and carrying out the same change again certifies nothing twice.
import { describe, expect, it } from 'vitest';
import { eraseOnRequest, erasureAskedBy } from '../../../functions/domain/erasure/erase-on-request';
import { FixedClock, SequenceSecrets } from '../doubles';
import { ArrayRecords, MapEvidence } from './doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const SUBJECT = 'subj-hanako-1';
const erase = (requestId: string) => ({ requestId, at: NOW, measure: 'erase' as const });

function setup() {
  const records = new ArrayRecords([
    { subjectId: SUBJECT, recordId: 'rec-email', category: 'email', value: 'hanako.yamada@example.jp' },
    { subjectId: SUBJECT, recordId: 'rec-phone', category: 'phone', value: '090-1234-5678' },
    { subjectId: 'subj-taro-2', recordId: 'rec-email', category: 'email', value: 'taro@example.jp' },
  ]);
  const evidence = new MapEvidence();
  return { records, evidence, deps: { records, evidence, clock: new FixedClock(NOW), secrets: new SequenceSecrets() } };
}

describe('erasureAskedBy', () => {
  it('a flag newly saying erase, on a new or an existing lifecycle, or replacing a cessation', () => {
    const asked = { subjectId: SUBJECT, requestId: 'req-1' };
    expect(erasureAskedBy(undefined, { subjectId: SUBJECT, cessationOfUse: erase('req-1') })).toEqual(asked);
    expect(
      erasureAskedBy(
        { subjectId: SUBJECT, lastActivityAt: NOW },
        { subjectId: SUBJECT, lastActivityAt: NOW, cessationOfUse: erase('req-1') },
      ),
    ).toEqual(asked);
    expect(
      erasureAskedBy(
        { subjectId: SUBJECT, cessationOfUse: { requestId: 'req-0', at: NOW, measure: 'cease-use' } },
        { subjectId: SUBJECT, cessationOfUse: erase('req-1') },
      ),
    ).toEqual(asked);
    expect(
      erasureAskedBy(
        { subjectId: SUBJECT, cessationOfUse: erase('req-0') },
        { subjectId: SUBJECT, cessationOfUse: erase('req-1') },
      ),
    ).toEqual(asked);
  });

  it('nothing for a cessation, a flag without a measure, a later change of a flagged lifecycle, or its removal', () => {
    expect(
      erasureAskedBy(undefined, {
        subjectId: SUBJECT,
        cessationOfUse: { requestId: 'req-1', at: NOW, measure: 'cease-use' },
      }),
    ).toBeUndefined();
    expect(
      erasureAskedBy(undefined, { subjectId: SUBJECT, cessationOfUse: { requestId: 'req-1', at: NOW } }),
    ).toBeUndefined();
    expect(
      erasureAskedBy(
        { subjectId: SUBJECT, cessationOfUse: erase('req-1') },
        { subjectId: SUBJECT, lastActivityAt: NOW, cessationOfUse: erase('req-1') },
      ),
    ).toBeUndefined();
    expect(erasureAskedBy({ subjectId: SUBJECT, cessationOfUse: erase('req-1') }, undefined)).toBeUndefined();
  });
});

describe('eraseOnRequest', () => {
  it('erases every record of the flagged subject and certifies it for the request', async () => {
    const { deps, records, evidence } = setup();
    const certificate = await eraseOnRequest(deps, undefined, { subjectId: SUBJECT, cessationOfUse: erase('req-1') });
    expect(records.items.map((r) => r.subjectId)).toEqual(['subj-taro-2']);
    expect(certificate).toMatchObject({
      scope: 'subject',
      reason: 'request',
      requestId: 'req-1',
      count: 2,
      categories: ['email', 'phone'],
    });
    expect([...evidence.certificates.values()]).toEqual([certificate]);
  });

  it('the same change delivered again writes no second certificate', async () => {
    const { deps, evidence } = setup();
    const change = [undefined, { subjectId: SUBJECT, cessationOfUse: erase('req-1') }] as const;
    const first = await eraseOnRequest(deps, ...change);
    const again = await eraseOnRequest(deps, ...change);
    expect(again!.evidenceId).toBe(first!.evidenceId);
    expect(evidence.certificates.size).toBe(1);
  });

  it('does nothing for a change that asks for no erasure', async () => {
    const { deps, records, evidence } = setup();
    expect(
      await eraseOnRequest(deps, undefined, {
        subjectId: SUBJECT,
        cessationOfUse: { requestId: 'req-1', at: NOW, measure: 'cease-use' },
      }),
    ).toBeUndefined();
    expect(records.items).toHaveLength(3);
    expect(evidence.certificates.size).toBe(0);
  });

  it('records that still remain fail the run, so the stream retries it', async () => {
    const { deps, records } = setup();
    records.undeletable.add('rec-phone');
    await expect(
      eraseOnRequest(deps, undefined, { subjectId: SUBJECT, cessationOfUse: erase('req-1') }),
    ).rejects.toThrow('1 record(s) remain');
  });
});
