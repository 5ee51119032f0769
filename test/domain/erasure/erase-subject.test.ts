// Erasure on request with in-memory ports: every record of the subject goes at once, the partition
// is counted afterwards, and one subject-level certificate records it, without personal data.
import { describe, expect, it } from 'vitest';
import { certifiesSubject } from '../../../functions/domain/erasure/certificate';
import { ERASURE_ROUNDS, eraseSubject } from '../../../functions/domain/erasure/erase-subject';
import { FixedClock, SequenceSecrets } from '../doubles';
import { ArrayRecords, type HeldRecord, MapEvidence } from './doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const HANAKO = 'subj-hanako-1';
const EMAIL = 'hanako.yamada@example.jp';

const held = (subjectId: string, recordId: string, category: string, value: string): HeldRecord => ({
  subjectId,
  recordId,
  category,
  value,
});

function setup() {
  const records = new ArrayRecords([
    held(HANAKO, 'rec-email', 'email', EMAIL),
    held(HANAKO, 'rec-phone', 'phone', '090-1234-5678'),
    held(HANAKO, 'rec-address', 'address', '東京都千代田区1-2-3'),
    held('subj-taro-2', 'rec-email', 'email', 'taro@example.jp'),
  ]);
  const evidence = new MapEvidence();
  return { records, evidence, deps: { records, evidence, clock: new FixedClock(NOW), secrets: new SequenceSecrets() } };
}

describe('eraseSubject', () => {
  it('deletes every record of the subject and no other, and certifies it: reason request, categories, count, nothing remains', async () => {
    const { deps, records, evidence } = setup();
    const certificate = await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-7' });
    expect(records.items.map((r) => r.subjectId)).toEqual(['subj-taro-2']);
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      scope: 'subject',
      reason: 'request',
      requestId: 'req-7',
      categories: ['address', 'email', 'phone'],
      count: 3,
      erasedAt: NOW,
      verification: { checkedAt: NOW, readBack: 'subject-partition', remaining: 0, remains: false },
    });
    expect(certificate).not.toHaveProperty('cascade');
    expect([...evidence.certificates.values()]).toEqual([certificate]);
    expect(certifiesSubject(certificate, HANAKO)).toBe(true);
  });

  it('holds no personal data', async () => {
    const { deps } = setup();
    const json = JSON.stringify(await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-7' }));
    for (const secret of [HANAKO, EMAIL, 'hanako', '090-1234-5678', '東京都', 'rec-'])
      expect(json).not.toContain(secret);
  });

  it('a record written while the first round ran is caught by the next', async () => {
    const { deps, records } = setup();
    let once = true;
    records.afterErase = () => {
      if (once) records.items.push(held(HANAKO, 'rec-late', 'inquiry', 'late'));
      once = false;
    };
    const certificate = await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-8' });
    expect(certificate).toMatchObject({
      count: 4,
      categories: ['address', 'email', 'inquiry', 'phone'],
      verification: { remaining: 0, remains: false },
    });
  });

  it(`gives up after ${ERASURE_ROUNDS} rounds and records what remains`, async () => {
    expect(ERASURE_ROUNDS).toBe(3);
    const { deps, records } = setup();
    records.undeletable.add('rec-phone');
    let rounds = 0;
    records.afterErase = () => {
      rounds += 1;
    };
    const certificate = await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-9' });
    expect(rounds).toBe(ERASURE_ROUNDS);
    expect(certificate).toMatchObject({ count: 2, verification: { remaining: 1, remains: true } });
  });

  it('a subject with nothing held still gets its certificate, of nothing', async () => {
    const { deps } = setup();
    const certificate = await eraseSubject(deps, { subjectId: 'subj-nobody', requestId: 'req-10' });
    expect(certificate).toMatchObject({ count: 0, categories: [], verification: { remains: false } });
  });

  it('carrying out the same request again writes nothing twice', async () => {
    const { deps, evidence } = setup();
    const first = await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-7' });
    const again = await eraseSubject(deps, { subjectId: HANAKO, requestId: 'req-7' });
    expect(again.evidenceId).toBe(first.evidenceId);
    expect([...evidence.certificates.values()]).toEqual([first]);
  });
});
