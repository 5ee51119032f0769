// No resurrection after erasure, as worked examples: what an erasure, a cessation of use and a
// correction leave behind, and how registration holds new records against it; and registration never
// replacing a record silently (identical: accepted; anything else: 409 saying which way to go).
import { describe, expect, it } from 'vitest';
import type { StoredPersonalDataRecord } from '../../../functions/domain/holdings';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import {
  type RecordRegistration,
  registerPersonalData,
  registerPersonalDataByStaff,
} from '../../../functions/domain/personal-data/register-personal-data';
import {
  cessationSuppressions,
  correctionSuppressions,
  type Suppression,
} from '../../../functions/domain/personal-data/suppression';
import type { SystemActor } from '../../../functions/domain/systems';
import { FixedClock, OPERATOR, problemOf, RecordingAccessLog, SequenceSecrets } from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';
import {
  MemoryConsents,
  MemoryLifecycles,
  MemoryPersonalData,
  MemorySuppressions,
  purposeVersions,
  TEST_MAC,
} from './personal-data-doubles';

const NOW = '2026-11-12T02:00:00.000Z';
const DECIDED = '2026-11-10T05:00:00.000Z';
const SYSTEM: SystemActor = { principal: 'arn:aws:iam::000000000000:role/crm', sourceIp: '10.0.0.1' };

function setup(suppressions: Suppression[] = [], stored: StoredPersonalDataRecord[] = []) {
  const records = new MemoryPersonalData(stored);
  const deps = {
    purposes: purposeVersions(),
    lifecycles: new MemoryLifecycles(),
    consents: new MemoryConsents(),
    records,
    suppressions: new MemorySuppressions(suppressions),
    identifierMac: TEST_MAC,
    accessLog: new RecordingAccessLog(),
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
  };
  return { deps, records };
}

const email = (overrides: Partial<RecordRegistration> = {}): RecordRegistration => ({
  recordId: 'crm-email',
  category: 'email',
  value: 'Hanako.Yamada@example.jp ',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const phone = (overrides: Partial<RecordRegistration> = {}): RecordRegistration => ({
  recordId: 'crm-phone',
  category: 'phone',
  value: '03-1234-5678',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const erased = () => cessationSuppressions(TEST_MAC, HANAKO_HOLDINGS, 'req-erase', DECIDED, 'erase');
const ceased = () => cessationSuppressions(TEST_MAC, HANAKO_HOLDINGS, 'req-cease', DECIDED, 'cease-use');

describe('what a decided erasure or cessation of use leaves', () => {
  it('erase: one entry per identifier of the person (subject, address), every purpose, kept as long as the evidence', async () => {
    const entries = await erased();
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.identifierMac).sort()).toEqual(
      [await TEST_MAC.mac('subject#subj-hanako-1'), await TEST_MAC.mac('email#hanako.yamada@example.jp')].sort(),
    );
    for (const entry of entries) {
      expect(entry).toMatchObject({ requestId: 'req-erase', measure: 'erase', purposes: 'all', at: DECIDED });
      expect(entry.expiresAt).toBe(Date.parse(DECIDED) / 1000 + EVIDENCE_RETENTION_SECONDS);
    }
  });

  it('holds no personal data: neither the address, the subject id nor any value', async () => {
    const text = JSON.stringify([...(await erased()), ...(await ceased())]);
    for (const secret of ['hanako', 'subj-hanako-1', '山田', 'ad-5f2c']) expect(text).not.toContain(secret);
  });

  it('cease-use: the purposes the person’s data was held for are ceased, nothing else', async () => {
    const [entry] = await ceased();
    expect(entry!.purposes).toEqual([
      'advertising',
      'billing',
      'information-and-inquiries',
      'service-provision',
      'usage-analysis',
    ]);
  });

  it('leaves nothing when nothing was held to cease', async () => {
    const none = { subjectIds: ['subj-x'], records: [] };
    expect(await cessationSuppressions(TEST_MAC, none, 'req-1', DECIDED, 'cease-use')).toEqual([]);
  });
});

describe('registration after an erasure or a cessation of use', () => {
  it('refuses the erased person’s address under a new subject id with 409 naming the request, nothing written', async () => {
    const { deps, records } = setup(await erased());
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-new', [email(), phone()]));
    expect(problem.kind).toBe('conflict');
    expect(problem.specifics).toEqual({
      slug: 'suppressed-by-request',
      extensions: { requestId: 'req-erase', decidedAt: DECIDED },
    });
    expect(problem.detail).toContain('request req-erase of 2026-11-10');
    expect(problem.detail).not.toContain('hanako');
    expect(records.items).toEqual([]);
  });

  it('refuses anything more under the erased subject id, even without an address', async () => {
    const { deps, records } = setup(await erased());
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subj-hanako-1', [phone()]));
    expect(problem.kind).toBe('conflict');
    expect(records.items).toEqual([]);
  });

  it('after cease-use: refuses a ceased purpose, takes another one', async () => {
    const { deps, records } = setup(await ceased());
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subj-hanako-1', [email()]));
    expect(problem.kind).toBe('conflict');
    expect(problem.detail).toContain('for service-provision was stopped at their request (request req-cease');
    const fine = await registerPersonalData(deps, SYSTEM, 'subj-hanako-1', [
      email({ purposes: ['important-notices'] }),
    ]);
    expect(fine.records).toHaveLength(1);
    expect(records.items).toHaveLength(1);
  });

  it('the staff route refuses alike, and logs no write it did not make', async () => {
    const { deps, records } = setup(await erased());
    const problem = await problemOf(registerPersonalDataByStaff(deps, OPERATOR, 'subj-hanako-1', [phone()]));
    expect(problem.kind).toBe('conflict');
    expect(deps.accessLog.entries).toEqual([]);
    expect(records.items).toEqual([]);
  });

  it('an entry past its expiresAt no longer refuses', async () => {
    const old = (await erased()).map((e) => ({ ...e, expiresAt: Date.parse(NOW) / 1000 - 1 }));
    const { deps } = setup(old);
    expect((await registerPersonalData(deps, SYSTEM, 'subject-new', [email()])).records).toHaveLength(1);
  });
});

describe('registration after a correction', () => {
  const removal = async () =>
    correctionSuppressions(
      TEST_MAC,
      [
        {
          subjectId: 'subj-1',
          deleted: [{ subjectId: 'subj-1', recordId: 'crm-phone', category: 'phone', value: '03-1234-5678' }],
          replaced: [{ subjectId: 'subj-1', category: 'name', value: '山田 花子' }],
        },
      ],
      'req-fix',
      DECIDED,
    );

  it('leaves one entry on the subject, with MACs of the deleted record and the removed content', async () => {
    const [entry, more] = await removal();
    expect(more).toBeUndefined();
    expect(entry).toMatchObject({ identifierMac: await TEST_MAC.mac('subject#subj-1'), measure: 'correction' });
    expect(entry!.records).toHaveLength(1);
    expect(entry!.contents).toHaveLength(2);
    expect(JSON.stringify(entry)).not.toContain('03-1234');
  });

  it('refuses the deleted record and the untrue content again, under that subject only', async () => {
    const { deps } = setup(await removal());
    expect(
      (await problemOf(registerPersonalData(deps, SYSTEM, 'subj-1', [phone({ value: '03-0000-0000' })]))).kind,
    ).toBe('conflict');
    const name = { recordId: 'crm-name', category: 'name', value: ' 山田 花子', purposes: ['service-provision'] };
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subj-1', [phone({ ...name })]));
    expect(problem.detail).toContain('by a correction at the person');
    expect(
      (await registerPersonalData(deps, SYSTEM, 'subj-1', [phone({ ...name, value: '山田 華子' })])).records,
    ).toHaveLength(1);
    expect((await registerPersonalData(deps, SYSTEM, 'subj-2', [phone({ ...name })])).records).toHaveLength(1);
  });
});

describe('registration never replaces a record silently', () => {
  const stored = (overrides: Partial<StoredPersonalDataRecord> = {}): StoredPersonalDataRecord => ({
    subjectId: 'subject-1',
    ...(phone() as Required<Pick<RecordRegistration, 'recordId'>> & RecordRegistration),
    registeredBy: 'arn:aws:iam::000000000000:role/crm',
    lookupKey: 'subject#subject-1',
    ...overrides,
  });

  it('an identical record is already registered: accepted, nothing written, its correction kept', async () => {
    const corrected = stored({ value: '03-1111-2222', correctedAt: DECIDED, correctedBy: 'req-fix' });
    const { deps, records } = setup([], [corrected]);
    const result = await registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ value: '03-1111-2222' })]);
    expect(result.records).toEqual([{ recordId: 'crm-phone', category: 'phone' }]);
    expect(records.registrations).toEqual([[]]);
    expect(records.items[0]).toMatchObject({ correctedAt: DECIDED, correctedBy: 'req-fix' });
  });

  it('an identical record stays registrable after a cessation of use: nothing comes back that had gone', async () => {
    const { deps } = setup(await ceased(), [stored({ subjectId: 'subj-hanako-1' })]);
    expect((await registerPersonalData(deps, SYSTEM, 'subj-hanako-1', [phone()])).records).toHaveLength(1);
  });

  it('another value (the old one, after a correction) is 409: a change goes through a correction', async () => {
    const { deps, records } = setup([], [stored({ value: '03-1111-2222', correctedAt: DECIDED })]);
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-1', [phone()]));
    expect(problem).toMatchObject({ kind: 'conflict', specifics: { slug: 'record-differs' } });
    expect(problem.detail).toContain('goes through a correction (APPI Art. 34)');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'body.records.0.value' })]);
    expect(records.items[0]!.value).toBe('03-1111-2222');
  });

  it('added purposes are 409: they go through the purpose rules of policy §2(2),(3)', async () => {
    const { deps } = setup([], [stored()]);
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ purposes: ['service-provision', 'advertising'] })]),
    );
    expect(problem).toMatchObject({ kind: 'conflict', specifics: { slug: 'purposes-added' } });
    expect(problem.detail).toContain('does not add advertising');
    expect(problem.detail).toContain('policy §2(3)');
  });

  it('a record deleted on request, or past its expiry, awaiting the TTL, cannot be revived', async () => {
    const nowSeconds = Date.parse(NOW) / 1000;
    for (const gone of [
      stored({ erasureReason: 'request', expiresAt: nowSeconds - 10 }),
      stored({ expiresAt: nowSeconds - 10 }),
      stored({ erasureReason: 'purpose-retired', expiresAt: nowSeconds + 10 }),
    ]) {
      const { deps, records } = setup([], [gone]);
      const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-1', [phone()]));
      expect(problem).toMatchObject({ kind: 'conflict', specifics: { slug: 'record-erased' } });
      expect(records.registrations).toEqual([]);
    }
  });

  it('one of two registrations of the same record id at once wins; the other gets 409, nothing written', async () => {
    const { deps, records } = setup();
    records.onRegister = () => {
      records.onRegister = undefined;
      records.items.push({ ...stored(), value: '03-5555-5555' });
    };
    const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-1', [phone(), email()]));
    expect(problem).toMatchObject({ kind: 'conflict', specifics: { slug: 'registered-meanwhile' } });
    expect(records.items).toHaveLength(1);
  });
});
