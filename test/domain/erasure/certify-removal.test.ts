// The stream consumers' use case with in-memory ports: a removed item is read back, the subject's
// dossiers and (with the last record) lifecycle go with it, and one certificate is written per
// stream record, holding no personal data.
import { describe, expect, it } from 'vitest';
import { certifiesSubject, MY_NUMBER_CATEGORY } from '../../../functions/domain/erasure/certificate';
import { certifyRemoval, type Removal } from '../../../functions/domain/erasure/certify-removal';
import { FixedClock, SequenceSecrets } from '../doubles';
import { ArrayDependents, ArrayRecords, MapEvidence } from './doubles';

const REMOVED_AT = new Date('2026-11-12T05:30:00.000Z');
const CHECKED_AT = '2026-11-12T05:30:02.000Z';
const HANAKO = 'subj-hanako-1';
const TARO = 'subj-taro-2';

function setup(records: ArrayRecords = new ArrayRecords()) {
  const dependents = new ArrayDependents(
    new Map([
      ['dossier-hanako', [HANAKO]],
      ['dossier-both', [HANAKO, TARO]],
      ['dossier-taro', [TARO]],
    ]),
    new Set([HANAKO, TARO]),
  );
  const evidence = new MapEvidence();
  const deps = {
    removed: records,
    evidence,
    clock: new FixedClock(CHECKED_AT),
    secrets: new SequenceSecrets(),
    cascade: { records, dependents },
  };
  return { records, dependents, evidence, deps };
}

const removal = (overrides: Partial<Removal> = {}): Removal => ({
  streamEventId: 'event-1',
  subjectId: HANAKO,
  itemId: 'rec-email',
  category: 'email',
  cause: 'ttl',
  removedAt: REMOVED_AT,
  ...overrides,
});

describe('certifyRemoval', () => {
  it('certifies a TTL removal: reason ttl, verified gone by its key, no personal data', async () => {
    const { deps, evidence } = setup(
      new ArrayRecords([{ subjectId: HANAKO, recordId: 'rec-phone', category: 'phone', value: '090-1234-5678' }]),
    );
    const { certificate, written } = await certifyRemoval(removal(), deps);
    expect(written).toBe(true);
    expect(evidence.certificates.get(certificate.evidenceId)).toEqual(certificate);
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      scope: 'item',
      categories: ['email'],
      reason: 'ttl',
      count: 1,
      erasedAt: REMOVED_AT.toISOString(),
      verification: { checkedAt: CHECKED_AT, readBack: 'item-key', remaining: 0, remains: false },
    });
    expect(certifiesSubject(certificate, HANAKO)).toBe(true);
    const json = JSON.stringify(certificate);
    for (const secret of [HANAKO, TARO, 'rec-email', '090-1234-5678', 'dossier-']) expect(json).not.toContain(secret);
  });

  it('takes the reason marked on the item, else request for a deletion', async () => {
    const { deps } = setup();
    expect(
      (await certifyRemoval(removal({ streamEventId: 'e-1', markedReason: 'purpose-retired' }), deps)).certificate
        .reason,
    ).toBe('purpose-retired');
    expect((await certifyRemoval(removal({ streamEventId: 'e-2', cause: 'deleted' }), deps)).certificate.reason).toBe(
      'request',
    );
    expect(
      (await certifyRemoval(removal({ streamEventId: 'e-3', cause: 'deleted', markedReason: 'request' }), deps))
        .certificate.reason,
    ).toBe('request');
  });

  it('records that the item remains when the read-back finds it (written again under the same key)', async () => {
    const { deps } = setup(
      new ArrayRecords([{ subjectId: HANAKO, recordId: 'rec-email', category: 'email', value: 'x' }]),
    );
    const { certificate } = await certifyRemoval(removal(), deps);
    expect(certificate.verification).toMatchObject({ remaining: 1, remains: true });
  });

  it('erases every dossier holding the subject, whole, and keeps the lifecycle while records remain', async () => {
    const { deps, dependents } = setup(
      new ArrayRecords([{ subjectId: HANAKO, recordId: 'rec-phone', category: 'phone', value: 'x' }]),
    );
    const { certificate } = await certifyRemoval(removal(), deps);
    expect(certificate.cascade).toEqual({ storedDossiers: 2, subjectLifecycle: 0 });
    expect([...dependents.dossiers.keys()]).toEqual(['dossier-taro']);
    expect([...dependents.lifecycles].sort()).toEqual([HANAKO, TARO]);
  });

  it("erases the lifecycle with the subject's last record", async () => {
    const { deps, dependents } = setup(
      new ArrayRecords([{ subjectId: TARO, recordId: 'rec-name', category: 'name', value: 'x' }]),
    );
    const { certificate } = await certifyRemoval(removal(), deps);
    expect(certificate.cascade).toEqual({ storedDossiers: 2, subjectLifecycle: 1 });
    expect([...dependents.lifecycles]).toEqual([TARO]);
  });

  it('a redelivered stream record changes nothing: same evidence id, not written twice, the first certificate stands', async () => {
    const { deps, evidence } = setup();
    const first = await certifyRemoval(removal(), deps);
    const again = await certifyRemoval(removal({ removedAt: new Date(REMOVED_AT.getTime() + 60_000) }), deps);
    expect(again.written).toBe(false);
    expect(again.certificate.evidenceId).toBe(first.certificate.evidenceId);
    expect([...evidence.certificates.values()]).toEqual([first.certificate]);
    expect(again.certificate.cascade).toEqual({ storedDossiers: 0, subjectLifecycle: 0 });
  });

  it('each salt is fresh, so two certificates of one subject do not share a hash', async () => {
    const { deps } = setup();
    const a = await certifyRemoval(removal({ streamEventId: 'e-a' }), deps);
    const b = await certifyRemoval(removal({ streamEventId: 'e-b', itemId: 'rec-phone' }), deps);
    expect(a.certificate.subject.hash).not.toBe(b.certificate.subject.hash);
  });

  it('without a cascade (My Number): certifies by key alone and records no cascade', async () => {
    const records = new ArrayRecords();
    const evidence = new MapEvidence();
    const { certificate } = await certifyRemoval(
      removal({ itemId: 'dependant-deduction-2026', category: MY_NUMBER_CATEGORY }),
      { removed: records, evidence, clock: new FixedClock(CHECKED_AT), secrets: new SequenceSecrets() },
    );
    expect(certificate).toMatchObject({ categories: ['my-number'], reason: 'ttl', verification: { remains: false } });
    expect(certificate).not.toHaveProperty('cascade');
  });
});
