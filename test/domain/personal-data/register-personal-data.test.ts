// Registering personal data as a use case: purposes registered and active, special care-required
// data only with a consent on file or an Art. 20(2) exception, expiry from the achievement rules,
// all records or none, and the staff variant access-logged before it writes.

import { describe, expect, it } from 'vitest';
import type { ConsentEvent } from '../../../functions/domain/holdings';
import { SPECIAL_CARE_EXCEPTIONS } from '../../../functions/domain/personal-data/categories';
import {
  type RecordRegistration,
  registerPersonalData,
  registerPersonalDataByStaff,
} from '../../../functions/domain/personal-data/register-personal-data';
import type { SystemActor } from '../../../functions/domain/systems';
import { FixedClock, OPERATOR, problemOf, RecordingAccessLog, SequenceSecrets } from '../doubles';
import {
  MemoryConsents,
  MemoryLifecycles,
  MemoryPersonalData,
  MemorySuppressions,
  purposeVersions,
  retired,
  TEST_MAC,
} from './personal-data-doubles';

const NOW = '2026-11-12T02:00:00.000Z';
const DAY_S = 86_400;
const nowSeconds = Date.parse(NOW) / 1000;
const SYSTEM: SystemActor = { principal: 'arn:aws:iam::000000000000:role/crm', sourceIp: '10.0.0.1' };

function setup(
  options: {
    consents?: ConsentEvent[];
    lifecycles?: MemoryLifecycles;
    purposes?: ReturnType<typeof purposeVersions>;
  } = {},
) {
  const records = new MemoryPersonalData();
  const accessLog = new RecordingAccessLog();
  const deps = {
    purposes: options.purposes ?? purposeVersions(),
    lifecycles: options.lifecycles ?? new MemoryLifecycles(),
    consents: new MemoryConsents(options.consents),
    records,
    suppressions: new MemorySuppressions(),
    identifierMac: TEST_MAC,
    accessLog,
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
  };
  return { deps, records, accessLog };
}

const phone = (overrides: Partial<RecordRegistration> = {}): RecordRegistration => ({
  category: 'phone',
  value: '03-1234-5678',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const consent = (overrides: Partial<ConsentEvent> = {}): ConsentEvent => ({
  subjectId: 'subject-1',
  eventId: 'consent-1',
  action: 'given',
  purpose: 'health-support',
  noticeVersion: '2024-04-01',
  method: 'signed-form',
  at: '2026-10-01T00:00:00.000Z',
  ...overrides,
});

describe('registerPersonalData', () => {
  it('stores each record with its lookup key, registrant and expiry, and answers ids and expiries', async () => {
    const { deps, records } = setup();
    const result = await registerPersonalData(deps, SYSTEM, 'subject-1', [
      phone({ sourceDetail: 'Call centre' }),
      {
        category: 'email',
        value: 'Hanako@Example.jp',
        source: 'from-customer',
        purposes: ['registration-screening'],
        acquiredAt: '2026-11-01T00:00:00.000Z',
      },
    ]);
    expect(records.registrations).toHaveLength(1);
    const [stored, email] = records.registrations[0]!;
    expect(stored).toEqual({
      subjectId: 'subject-1',
      recordId: 'rec-20261112T020000000Z-id-1',
      category: 'phone',
      value: '03-1234-5678',
      source: 'from-customer',
      sourceDetail: 'Call centre',
      purposes: ['service-provision'],
      acquiredAt: '2026-11-01T00:00:00.000Z',
      registeredBy: SYSTEM.principal,
      lookupKey: 'subject#subject-1',
    });
    // registration-screening: 180 days after acquisition.
    const screeningEnds = Date.parse('2026-11-01T00:00:00.000Z') / 1000 + 180 * DAY_S;
    expect(email).toMatchObject({ lookupKey: 'email#hanako@example.jp', expiresAt: screeningEnds });
    expect(result).toEqual({
      subjectId: 'subject-1',
      records: [
        { recordId: 'rec-20261112T020000000Z-id-1', category: 'phone' },
        {
          recordId: 'rec-20261112T020000000Z-id-2',
          category: 'email',
          expiresAt: new Date(screeningEnds * 1000).toISOString(),
        },
      ],
    });
  });

  it("counts from the subject's lifecycle: a contract that ended gives contract-end purposes an expiry", async () => {
    const lifecycles = new MemoryLifecycles([{ subjectId: 'subject-1', contractEndedAt: '2026-11-10T00:00:00.000Z' }]);
    const { deps, records } = setup({ lifecycles });
    await registerPersonalData(deps, SYSTEM, 'subject-1', [phone()]);
    expect(records.registrations[0]![0]!.expiresAt).toBe(Date.parse('2026-11-10T00:00:00.000Z') / 1000 + 90 * DAY_S);
  });

  it('keeps a given record id, and never replaces the record registered under it', async () => {
    const { deps, records } = setup();
    await registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ recordId: 'crm-42' })]);
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ recordId: 'crm-42', value: '03-9999-0000' })]),
    );
    expect(problem.kind).toBe('conflict');
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({ recordId: 'crm-42', value: '03-1234-5678' });
  });

  it('refuses an unknown purpose, naming the record and the purpose, and writes nothing', async () => {
    const { deps, records } = setup();
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone(), phone(), phone({ purposes: ['billing', 'foo'] })]),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('records[2].purposes: "foo" is not a registered purpose of use');
    expect(problem.detail).toContain('Nothing was registered');
    expect(records.registrations).toEqual([]);
  });

  it('refuses an acquiredAt beyond the allowed clock drift, and takes one within it', async () => {
    const { deps, records } = setup();
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone(), phone({ acquiredAt: '2026-11-12T02:05:00.001Z' })]),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('records[1].acquiredAt: 2026-11-12T02:05:00.001Z is in the future');
    expect(records.registrations).toEqual([]);
    await registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ acquiredAt: '2026-11-12T02:05:00.000Z' })]);
    expect(records.items).toHaveLength(1);
  });

  it('refuses a retired purpose with the date it was retired', async () => {
    const { deps, records } = setup({ purposes: purposeVersions(retired('advertising', '2026-10-01T00:00:00.000Z')) });
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ purposes: ['advertising'] })]),
    );
    expect(problem.detail).toContain(
      'records[0].purposes: "advertising" was retired on 2026-10-01 and can no longer be used',
    );
    expect(records.registrations).toEqual([]);
  });

  it('names every faulty record at once', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [
        phone({ purposes: ['nope'] }),
        phone({ category: 'medical-history' }),
      ]),
    );
    expect(problem.detail).toContain('records[0].purposes');
    expect(problem.detail).toContain('records[1].basis');
  });

  it('refuses two records with the same given id', async () => {
    const { deps, records } = setup();
    const problem = await problemOf(
      registerPersonalData(deps, SYSTEM, 'subject-1', [phone({ recordId: 'a' }), phone({ recordId: 'a' })]),
    );
    expect(problem.detail).toContain('records[1].recordId: "a"');
    expect(records.registrations).toEqual([]);
  });

  describe('special care-required information (APPI Art. 2(3), 20(2))', () => {
    const medical = (basis?: RecordRegistration['basis']) =>
      phone({ category: 'medical-history', value: 'Asthma', ...(basis ? { basis } : {}) });

    it('is refused without a basis, explaining Art. 20(2)', async () => {
      const { deps, records } = setup();
      const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-1', [medical()]));
      expect(problem.kind).toBe('unprocessable');
      expect(problem.detail).toContain('records[0].basis: "medical-history"');
      expect(problem.detail).toContain('APPI Art. 20(2)');
      expect(problem.detail).not.toContain('Asthma');
      expect(records.registrations).toEqual([]);
    });

    it('is accepted under a legal exception, with the justification stored on the record', async () => {
      const { deps, records } = setup();
      const basis = {
        kind: 'legal-exception',
        exception: 'required-by-law',
        justification: 'Industrial Safety and Health Act Art. 66 health checks',
      } as const;
      await registerPersonalData(deps, SYSTEM, 'subject-1', [medical(basis)]);
      expect(records.items[0]!.basis).toEqual(basis);
    });

    it('is accepted under the academic-research items of Art. 20(2) added in 2022, which the Act lists in order', async () => {
      expect(SPECIAL_CARE_EXCEPTIONS.map((e) => e.source)).toEqual([
        'APPI Art. 20(2)(i)',
        'APPI Art. 20(2)(ii)',
        'APPI Art. 20(2)(iii)',
        'APPI Art. 20(2)(iv)',
        'APPI Art. 20(2)(v)',
        'APPI Art. 20(2)(vi)',
        'APPI Art. 20(2)(vii)',
      ]);
      const { deps, records } = setup();
      const basis = {
        kind: 'legal-exception',
        exception: 'academic-research-joint-acquisition',
        justification: 'Received from the university hospital for the joint study on sleep',
      } as const;
      await registerPersonalData(deps, SYSTEM, 'subject-1', [medical(basis)]);
      expect(records.items[0]!.basis).toEqual(basis);
    });

    it('is accepted with a consent of this subject on file', async () => {
      const { deps, records } = setup({ consents: [consent()] });
      await registerPersonalData(deps, SYSTEM, 'subject-1', [medical({ kind: 'consent', consentId: 'consent-1' })]);
      expect(records.items[0]!.basis).toEqual({ kind: 'consent', consentId: 'consent-1' });
    });

    it.each([
      ['not on file', [], 'is not a consent of this subject on file'],
      ['of another subject', [consent({ subjectId: 'subject-2' })], 'is not a consent of this subject on file'],
      ['past its expiry', [{ ...consent(), expiresAt: nowSeconds }], 'is not a consent of this subject on file'],
      ['a withdrawal event', [consent({ action: 'withdrawn' })], 'records a withdrawal, not a consent'],
      [
        'withdrawn later',
        [consent(), consent({ eventId: 'w-1', action: 'withdrawn', at: '2026-10-05T00:00:00.000Z' })],
        'was withdrawn on 2026-10-05',
      ],
    ])('is refused citing a consent %s', async (_case, consents, why) => {
      const { deps, records } = setup({ consents });
      const problem = await problemOf(
        registerPersonalData(deps, SYSTEM, 'subject-1', [medical({ kind: 'consent', consentId: 'consent-1' })]),
      );
      expect(problem.detail).toContain(`records[0].basis.consentId: "consent-1" ${why}`);
      expect(records.registrations).toEqual([]);
    });

    it('a withdrawal for another purpose, or an earlier one, does not undo the consent', async () => {
      const { deps, records } = setup({
        consents: [
          consent(),
          consent({ eventId: 'w-other', action: 'withdrawn', purpose: 'advertising', at: '2026-10-05T00:00:00.000Z' }),
          consent({ eventId: 'w-before', action: 'withdrawn', at: '2026-09-01T00:00:00.000Z' }),
        ],
      });
      await registerPersonalData(deps, SYSTEM, 'subject-1', [medical({ kind: 'consent', consentId: 'consent-1' })]);
      expect(records.items).toHaveLength(1);
    });

    it('a basis on ordinary data is refused: it would mislead', async () => {
      const { deps, records } = setup();
      const problem = await problemOf(
        registerPersonalData(deps, SYSTEM, 'subject-1', [
          phone({
            basis: { kind: 'legal-exception', exception: 'required-by-law', justification: 'Not needed at all here' },
          }),
        ]),
      );
      expect(problem.detail).toContain('records[0].basis: "phone" is not special care-required information');
      expect(records.registrations).toEqual([]);
    });
  });

  describe('purposes already achieved (policy §2(4))', () => {
    const screening = (acquiredAt: string) => phone({ purposes: ['registration-screening'], acquiredAt });

    it('refuses a record whose expiry is exactly now', async () => {
      const { deps, records } = setup();
      const acquiredAt = new Date((nowSeconds - 180 * DAY_S) * 1000).toISOString();
      const problem = await problemOf(registerPersonalData(deps, SYSTEM, 'subject-1', [screening(acquiredAt)]));
      expect(problem.detail).toContain(
        'records[0]: its purposes were achieved on 2026-11-12, so the data must not be kept (policy §2(4)',
      );
      expect(records.registrations).toEqual([]);
    });

    it('accepts it one second before', async () => {
      const { deps, records } = setup();
      const acquiredAt = new Date((nowSeconds - 180 * DAY_S + 1) * 1000).toISOString();
      await registerPersonalData(deps, SYSTEM, 'subject-1', [screening(acquiredAt)]);
      expect(records.items[0]!.expiresAt).toBe(nowSeconds + 1);
    });
  });
});

describe('registerPersonalDataByStaff', () => {
  it('logs the write before making it, and records the staff member as registrant', async () => {
    const { deps, records, accessLog } = setup();
    let loggedBeforeWrite = 0;
    records.onRegister = () => {
      loggedBeforeWrite = accessLog.entries.length;
    };
    await registerPersonalDataByStaff(deps, OPERATOR, 'subject-1', [
      phone(),
      phone(),
      phone({ category: 'address', value: 'Tokyo' }),
    ]);
    expect(loggedBeforeWrite).toBe(1);
    expect(accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'write',
        subjects: ['subject-1'],
        fields: ['phone', 'address'],
        reason: 'registration',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    expect(records.items.map((r) => r.registeredBy)).toEqual(Array(3).fill(`staff:${OPERATOR.staffId}`));
  });

  it('a refused registration writes nothing and logs nothing', async () => {
    const { deps, records, accessLog } = setup();
    await problemOf(registerPersonalDataByStaff(deps, OPERATOR, 'subject-1', [phone({ purposes: ['foo'] })]));
    expect(records.registrations).toEqual([]);
    expect(accessLog.entries).toEqual([]);
  });
});
