// The use check as a use case: each reason for an answer, the exception recorded as evidence, and
// details that never carry a record's value.
import { describe, expect, it } from 'vitest';
import type { ConsentEvent, StoredPersonalDataRecord } from '../../../functions/domain/holdings';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import { checkUse, USE_EXCEPTIONS, type UseCheck } from '../../../functions/domain/personal-data/check-use';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import type { SystemActor } from '../../../functions/domain/systems';
import { FixedClock, problemOf, SequenceSecrets } from '../doubles';
import {
  MemoryConsents,
  MemoryLifecycles,
  MemoryPersonalData,
  purposeVersions,
  RecordingExceptions,
  retired,
  storedRecord,
} from './personal-data-doubles';

const NOW = '2026-11-12T02:00:00.000Z';
const nowSeconds = Date.parse(NOW) / 1000;
const SYSTEM: SystemActor = { principal: 'arn:aws:iam::000000000000:role/crm', sourceIp: '10.0.0.1' };

function setup(
  options: {
    records?: StoredPersonalDataRecord[];
    lifecycles?: SubjectLifecycle[];
    consents?: ConsentEvent[];
    purposes?: ReturnType<typeof purposeVersions>;
  } = {},
) {
  const exceptions = new RecordingExceptions();
  const deps = {
    records: new MemoryPersonalData(
      options.records ?? [storedRecord({ purposes: ['service-provision', 'advertising'] })],
    ),
    lifecycles: new MemoryLifecycles(options.lifecycles),
    purposes: options.purposes ?? purposeVersions(),
    consents: new MemoryConsents(options.consents),
    exceptions,
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
  };
  return { deps, exceptions };
}

const ask = (overrides: Partial<UseCheck> = {}): UseCheck => ({
  subjectId: 'subject-1',
  category: 'phone',
  purpose: 'service-provision',
  ...overrides,
});

const adConsent = (action: 'given' | 'withdrawn', at: string): ConsentEvent => ({
  subjectId: 'subject-1',
  eventId: `${at}#advertising`,
  action,
  purpose: 'advertising',
  noticeVersion: '2024-04-01',
  method: 'web-button',
  at,
});

const exception = {
  kind: 'required-by-law',
  justification: 'Tax office inquiry under Act on General Rules for National Taxes Art. 74-2',
} as const;

describe('checkUse', () => {
  it("within-purpose: the purpose is among a live record's purposes", async () => {
    const { deps } = setup();
    const answer = await checkUse(deps, SYSTEM, ask());
    expect(answer).toEqual({
      allowed: true,
      reason: 'within-purpose',
      detail: expect.stringContaining('"service-provision"'),
      checkedAt: NOW,
    });
    expect(answer.detail).not.toContain('03-1234-5678');
  });

  it('no-record: nothing of that category held', async () => {
    const { deps } = setup();
    expect(await checkUse(deps, SYSTEM, ask({ category: 'address' }))).toMatchObject({
      allowed: false,
      reason: 'no-record',
    });
    expect(await checkUse(deps, SYSTEM, ask({ subjectId: 'subject-2' }))).toMatchObject({
      allowed: false,
      reason: 'no-record',
    });
  });

  it('record-expired: the only record of the category expires exactly now', async () => {
    const { deps } = setup({ records: [storedRecord({ expiresAt: nowSeconds })] });
    const answer = await checkUse(deps, SYSTEM, ask());
    expect(answer).toMatchObject({ allowed: false, reason: 'record-expired' });
    expect(answer.detail).toContain('policy §2(4)');
  });

  it('a live record next to an expired one is used', async () => {
    const { deps } = setup({
      records: [
        storedRecord({ recordId: 'old', expiresAt: nowSeconds - 1 }),
        storedRecord({ recordId: 'new', expiresAt: nowSeconds + 1 }),
      ],
    });
    expect(await checkUse(deps, SYSTEM, ask())).toMatchObject({ allowed: true, reason: 'within-purpose' });
  });

  it('cessation-of-use-requested: always denied, even with an exception', async () => {
    const { deps, exceptions } = setup({
      lifecycles: [{ subjectId: 'subject-1', cessationOfUse: { requestId: 'req-7', at: '2026-11-01T00:00:00.000Z' } }],
    });
    for (const check of [ask(), ask({ purpose: 'usage-analysis', exception })]) {
      const answer = await checkUse(deps, SYSTEM, check);
      expect(answer).toMatchObject({ allowed: false, reason: 'cessation-of-use-requested' });
      expect(answer.detail).toContain('APPI Art. 35');
    }
    expect(exceptions.evidence).toEqual([]);
  });

  it('purpose-not-active: unknown or retired', async () => {
    const { deps } = setup({ purposes: purposeVersions(retired('service-provision', '2026-10-01T00:00:00.000Z')) });
    expect(await checkUse(deps, SYSTEM, ask({ purpose: 'nope' }))).toMatchObject({
      allowed: false,
      reason: 'purpose-not-active',
      detail: expect.stringContaining('"nope" is not a registered purpose'),
    });
    expect(await checkUse(deps, SYSTEM, ask())).toMatchObject({
      allowed: false,
      reason: 'purpose-not-active',
      detail: expect.stringContaining('retired on 2026-10-01'),
    });
  });

  describe('a purpose resting on consent (advertising)', () => {
    it('allowed while the latest consent event is a consent', async () => {
      const { deps } = setup({
        consents: [
          adConsent('given', '2026-01-01T00:00:00.000Z'),
          adConsent('withdrawn', '2026-02-01T00:00:00.000Z'),
          adConsent('given', '2026-03-01T00:00:00.000Z'),
        ],
      });
      expect(await checkUse(deps, SYSTEM, ask({ purpose: 'advertising' }))).toMatchObject({
        allowed: true,
        reason: 'within-purpose',
      });
    });

    it('consent-withdrawn after a withdrawal', async () => {
      const { deps } = setup({
        consents: [adConsent('given', '2026-01-01T00:00:00.000Z'), adConsent('withdrawn', '2026-02-01T00:00:00.000Z')],
      });
      expect(await checkUse(deps, SYSTEM, ask({ purpose: 'advertising' }))).toMatchObject({
        allowed: false,
        reason: 'consent-withdrawn',
        detail: expect.stringContaining('withdrawn'),
      });
    });

    it('consent-withdrawn also when never given', async () => {
      const { deps } = setup();
      expect(await checkUse(deps, SYSTEM, ask({ purpose: 'advertising' }))).toMatchObject({
        allowed: false,
        reason: 'consent-withdrawn',
        detail: expect.stringContaining('not given'),
      });
    });
  });

  it('purpose-not-among-record-purposes without an exception; nothing recorded', async () => {
    const { deps, exceptions } = setup();
    const answer = await checkUse(deps, SYSTEM, ask({ purpose: 'usage-analysis' }));
    expect(answer).toMatchObject({ allowed: false, reason: 'purpose-not-among-record-purposes' });
    expect(answer.detail).toContain('policy §2(2)');
    expect(exceptions.evidence).toEqual([]);
  });

  it('exception: allowed and recorded as evidence with its justification', async () => {
    const { deps, exceptions } = setup();
    const answer = await checkUse(deps, SYSTEM, ask({ purpose: 'usage-analysis', exception }));
    expect(answer).toEqual({
      allowed: true,
      reason: 'exception',
      detail: expect.stringContaining('APPI Art. 18(3)(i)'),
      checkedAt: NOW,
      exceptionRecordId: 'use-exception-id-1',
    });
    expect(exceptions.evidence).toEqual([
      {
        evidenceId: 'use-exception-id-1',
        kind: 'use-exception',
        subjectId: 'subject-1',
        category: 'phone',
        purpose: 'usage-analysis',
        exception: 'required-by-law',
        justification: exception.justification,
        principal: SYSTEM.principal,
        at: NOW,
        expiresAt: nowSeconds + EVIDENCE_RETENTION_SECONDS,
      },
    ]);
  });

  it('an exception is not needed, nor recorded, within the purposes', async () => {
    const { deps, exceptions } = setup();
    expect(await checkUse(deps, SYSTEM, ask({ exception }))).toMatchObject({ reason: 'within-purpose' });
    expect(exceptions.evidence).toEqual([]);
  });

  describe('the consent exception', () => {
    const consentException = (consentId?: string) => ({
      kind: 'consent' as const,
      justification: 'The customer agreed to a one-off survey call',
      ...(consentId ? { consentId } : {}),
    });
    const survey = (overrides: Partial<ConsentEvent> = {}): ConsentEvent => ({
      subjectId: 'subject-1',
      eventId: 'c-survey',
      action: 'given',
      purpose: 'usage-analysis',
      noticeVersion: '2024-04-01',
      method: 'call',
      at: '2026-11-01T00:00:00.000Z',
      ...overrides,
    });

    it('is allowed with a live consent on file, and records which', async () => {
      const { deps, exceptions } = setup({ consents: [survey()] });
      expect(
        await checkUse(deps, SYSTEM, ask({ purpose: 'usage-analysis', exception: consentException('c-survey') })),
      ).toMatchObject({ allowed: true, reason: 'exception' });
      expect(exceptions.evidence[0]).toMatchObject({ exception: 'consent', consentId: 'c-survey' });
    });

    it.each([
      ['without a consent id', undefined, [], 'must cite the consent event on file'],
      ['with a consent not on file', 'c-none', [], '"c-none" is not a consent of this subject on file'],
      [
        'with a withdrawn consent',
        'c-survey',
        [survey(), survey({ eventId: 'c-w', action: 'withdrawn', at: '2026-11-05T00:00:00.000Z' })],
        'was withdrawn on 2026-11-05',
      ],
    ])('is refused (422) %s, and nothing is recorded', async (_case, consentId, consents, why) => {
      const { deps, exceptions } = setup({ consents });
      const problem = await problemOf(
        checkUse(deps, SYSTEM, ask({ purpose: 'usage-analysis', exception: consentException(consentId) })),
      );
      expect(problem.kind).toBe('unprocessable');
      expect(problem.detail).toContain('exception.consentId');
      expect(problem.detail).toContain(why);
      expect(exceptions.evidence).toEqual([]);
    });
  });

  it('names its sources: consent under Art. 18(1), the others under Art. 18(3) as in force since April 2022, each in Japanese and English', () => {
    expect(USE_EXCEPTIONS.map((e) => [e.id, e.source])).toEqual([
      ['consent', 'APPI Art. 18(1)'],
      ['required-by-law', 'APPI Art. 18(3)(i)'],
      ['protection-of-life-body-property', 'APPI Art. 18(3)(ii)'],
      ['public-health-or-children', 'APPI Art. 18(3)(iii)'],
      ['cooperation-with-public-body', 'APPI Art. 18(3)(iv)'],
      ['academic-research-by-institution', 'APPI Art. 18(3)(v)'],
      ['academic-research-provision-to-institution', 'APPI Art. 18(3)(vi)'],
    ]);
    for (const e of USE_EXCEPTIONS.slice(1)) {
      expect('ja' in e && e.ja, e.id).toMatch(/[ぁ-ん]/);
      expect('en' in e && e.en, e.id).toMatch(/[a-z]/);
    }
  });

  it('allows a use under an academic-research item (Art. 18(3)(v)) and records it as evidence', async () => {
    const { deps, exceptions } = setup();
    const answer = await checkUse(
      deps,
      SYSTEM,
      ask({
        purpose: 'usage-analysis',
        exception: {
          kind: 'academic-research-by-institution',
          justification: 'Joint study approved by the ethics board',
        },
      }),
    );
    expect(answer).toMatchObject({ allowed: true, reason: 'exception', detail: expect.stringContaining('18(3)(v)') });
    expect(exceptions.evidence[0]).toMatchObject({ exception: 'academic-research-by-institution' });
  });
});
