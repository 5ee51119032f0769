// Recording a consent or a withdrawal: what it may cover, the notice version, the method per
// collector, the foreign-recipient information (APPI Art. 28(2), Enforcement Rules Art. 17), the
// withdrawal of a consent in force, and the receipt; nothing appended on any refusal.

import { beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../functions/domain/consents/ports';
import {
  foreignInformationFaults,
  type RecordConsentDeps,
  recordConsent,
} from '../../../functions/domain/consents/record-consent';
import { DEFAULT_DESK_SETTINGS } from '../../../functions/domain/desk';
import type { ConsentEvent } from '../../../functions/domain/holdings';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { PRIVACY_NOTICE_VERSION } from '../../../functions/domain/privacy-notice';
import type { Recipient } from '../../../functions/domain/provisions/recipients';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, SequenceSecrets } from '../doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from '../provisions/doubles';

const NOW = '2026-12-01T03:00:00.000Z';
const SYSTEM = { kind: 'system', id: 'arn:aws:iam::000000000000:role/web' } as const;
const ADDRESS = 'hanako@example.jp';
const PARTNER_A: Recipient = { ...JP_THIRD_PARTY, recipientId: 'partner-a' };
const PARTNER_US: Recipient = { ...JP_THIRD_PARTY, recipientId: 'partner-us', country: 'US' };
const PARTNER_EU: Recipient = { ...JP_THIRD_PARTY, recipientId: 'partner-eu', country: 'DE' };
const US_CBPR: Recipient = { ...PARTNER_US, recipientId: 'us-cbpr', equivalentSetup: 'apec-cbpr' };

let events: ConsentEvent[];
let kept: Map<string, unknown>;
let appended: LedgerEntry[];
let deps: RecordConsentDeps;

beforeEach(() => {
  events = [];
  kept = new Map([['2026-04-01', { old: true }]]);
  appended = [];
  deps = {
    consents: { consentsOf: async (subjectId) => events.filter((e) => e.subjectId === subjectId) },
    purposes: { versions: async () => [...POLICY_PURPOSES] },
    notices: {
      keep: async (version, notice) => {
        if (!kept.has(version)) kept.set(version, notice);
      },
      isKept: async (version) => kept.has(version),
    },
    addresses: { addressOf: async (subjectId) => (subjectId === 's1' ? ADDRESS : undefined) },
    recipients: new MemoryRecipients([PARTNER_A, PARTNER_US, PARTNER_EU, US_CBPR]),
    ledger: {
      append: async (entry) => {
        appended.push(entry);
      },
    },
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
    settings: DEFAULT_DESK_SETTINGS,
  };
});

const give = (fields: Record<string, unknown>) => ({
  action: 'given' as const,
  subjectId: 's1',
  noticeVersion: PRIVACY_NOTICE_VERSION,
  method: 'web-button',
  language: 'ja' as const,
  ...fields,
});

async function refusal(
  input: Parameters<typeof recordConsent>[2],
  collector: Parameters<typeof recordConsent>[1] = SYSTEM,
): Promise<string> {
  const error = await recordConsent(deps, collector, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeskProblem);
  expect((error as DeskProblem).kind).toBe('unprocessable');
  expect(appended).toEqual([]);
  return (error as DeskProblem).detail;
}

describe('recordConsent', () => {
  it('appends a consent to a purpose with its receipt, and keeps the current notice text', async () => {
    const recorded = await recordConsent(deps, SYSTEM, give({ purpose: 'advertising' }));
    expect(recorded).toEqual({
      eventId: 'consent-id-1',
      subjectId: 's1',
      action: 'given',
      covers: { purpose: 'advertising' },
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'web-button',
      collectedBy: SYSTEM.id,
      at: NOW,
      receipt: 'e-mailed',
    });
    expect(appended).toHaveLength(1);
    expect(appended[0]!.event).toEqual({
      subjectId: 's1',
      eventId: 'consent-id-1',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: PRIVACY_NOTICE_VERSION,
      method: 'web-button',
      collectedBy: SYSTEM.id,
      at: NOW,
    });
    expect(appended[0]!.receipt).toMatchObject({
      to: [ADDRESS],
      topic: 'consent-receipt',
      subject: '同意の記録（同意受領書）',
    });
    expect(appended[0]!.receipt!.text).toContain('consent-id-1');
    expect(appended[0]!.receipt!.text).toContain(PRIVACY_NOTICE_VERSION);
    expect(appended[0]!.receipt!.text).toContain('プライバシーセンターの「同意の確認・撤回」のページ');
    expect(kept.get(PRIVACY_NOTICE_VERSION)).toMatchObject({ version: PRIVACY_NOTICE_VERSION });
  });

  it('no receipt when the desk holds no address, and says so', async () => {
    const recorded = await recordConsent(
      deps,
      SYSTEM,
      give({ subjectId: 's2', linkage: 'access-information', language: 'en' }),
    );
    expect(recorded.receipt).toBe('no-address-held');
    expect(appended[0]!.receipt).toBeUndefined();
  });

  it('an older notice version counts only when its text is kept', async () => {
    await recordConsent(deps, SYSTEM, give({ purpose: 'advertising', noticeVersion: '2026-04-01' }));
    expect(appended[0]!.event.noticeVersion).toBe('2026-04-01');
    appended.length = 0;
    expect(await refusal(give({ purpose: 'advertising', noticeVersion: '2025-01-01' }))).toContain(
      'noticeVersion: "2025-01-01" is neither the current privacy notice version',
    );
  });

  it('covers exactly one purpose, recipient or linkage', async () => {
    expect(await refusal(give({}))).toContain('purpose, recipient, linkage: a consent covers exactly one');
    expect(await refusal(give({ purpose: 'advertising', linkage: 'access-information' }))).toContain(
      'purpose, linkage: a consent covers exactly one',
    );
    expect(await refusal(give({ purpose: 'advertising', recipient: 'partner-a' }))).toContain(
      'purpose, recipient: a consent covers exactly one',
    );
  });

  it('a linkage consent may name the recipient that links the access information (APPI Art. 31), under the foreign-information rule', async () => {
    const recorded = await recordConsent(
      deps,
      SYSTEM,
      give({ linkage: 'access-information', recipient: 'partner-a', language: 'en' }),
    );
    expect(appended[0]!.event).toMatchObject({ linkage: 'access-information', recipient: 'partner-a' });
    expect(appended[0]!.receipt!.text).toContain(
      'the third party "Partner Insurance K.K." acquiring access information (such as browsing history) as personal data linked to you (APPI Art. 31)',
    );
    expect(recorded.eventId).toBe(appended[0]!.event.eventId);
    appended.length = 0;
    expect(await refusal(give({ linkage: 'access-information', recipient: 'partner-us' }))).toContain(
      'foreignInformation: "partner-us" is in US',
    );
  });

  it('refuses an unknown purpose and a recipient the registry does not hold', async () => {
    expect(await refusal(give({ purpose: 'horoscopes' }))).toContain(
      'purpose: "horoscopes" is not a registered purpose of use',
    );
    expect(await refusal(give({ recipient: 'partner-x' }))).toContain(
      'recipient: "partner-x" is not in the recipient registry; an officer registers it first',
    );
  });

  it('a recipient abroad without equivalence needs the foreign information about its registered country', async () => {
    expect(await refusal(give({ recipient: 'partner-us' }))).toContain(
      'foreignInformation: "partner-us" is in US, without an equivalent system or setup',
    );
    expect(
      await refusal(
        give({
          recipient: 'partner-us',
          foreignInformation: { country: 'SG', protectionSystem: 'PDPA 2012', recipientMeasures: 'APEC CBPR' },
        }),
      ),
    ).toContain('foreignInformation.country: "partner-us" is registered in US');
    const info = {
      country: 'US',
      protectionSystem: 'No comprehensive federal law; sectoral laws and state laws such as the CCPA',
      recipientMeasures: 'Contractual safeguards equivalent to APPI',
    };
    await recordConsent(deps, SYSTEM, give({ recipient: 'partner-us', foreignInformation: info }));
    expect(appended[0]!.event).toMatchObject({ recipient: 'partner-us', foreignInformation: info });
    expect(appended[0]!.receipt!.text).toContain('No comprehensive federal law');
    expect(appended[0]!.receipt!.text).toContain('第三者「Partner Insurance K.K.」への個人データの提供');
  });

  it('where the country cannot be identified, "unknown" with the reason stands in for it', async () => {
    await recordConsent(
      deps,
      SYSTEM,
      give({
        recipient: 'partner-us',
        foreignInformation: { country: 'unknown', unknownReason: 'The recipient picks the data centre at run time' },
      }),
    );
    expect(appended[0]!.event.foreignInformation).toEqual({
      country: 'unknown',
      unknownReason: 'The recipient picks the data centre at run time',
    });
  });

  it('a recipient at home, in an equivalent country or with an equivalent setup takes no foreign information', async () => {
    const info = { country: 'DE', protectionSystem: 'GDPR', recipientMeasures: 'GDPR compliance' };
    expect(await refusal(give({ recipient: 'partner-a', foreignInformation: info }))).toContain(
      'foreignInformation: "partner-a" is domestic',
    );
    expect(await refusal(give({ recipient: 'partner-eu', foreignInformation: info }))).toContain(
      'foreignInformation: "partner-eu" is equivalent-country',
    );
    expect(await refusal(give({ recipient: 'us-cbpr', foreignInformation: { ...info, country: 'US' } }))).toContain(
      'foreignInformation: "us-cbpr" is equivalent-setup',
    );
    expect(await refusal(give({ purpose: 'advertising', foreignInformation: info }))).toContain(
      'foreignInformation: only a consent to a recipient abroad',
    );
    for (const recipient of ['partner-a', 'partner-eu', 'us-cbpr'])
      await recordConsent(deps, SYSTEM, give({ recipient }));
    expect(appended.map((e) => [e.event.recipient, e.event.foreignInformation])).toEqual([
      ['partner-a', undefined],
      ['partner-eu', undefined],
      ['us-cbpr', undefined],
    ]);
  });

  it('foreign information: the registered country with its system and the recipient\'s measures, or "unknown" with the reason', () => {
    const us = { recipientId: 'partner-us', country: 'US' };
    expect(
      foreignInformationFaults(
        { country: 'unknown', unknownReason: 'The recipient picks the data centre at run time' },
        us,
      ),
    ).toEqual([]);
    expect(foreignInformationFaults({ country: 'unknown' }, us)).toEqual([
      expect.stringContaining('foreignInformation.unknownReason'),
    ]);
    expect(foreignInformationFaults({ country: ' ' }, us)).toEqual([
      expect.stringContaining('foreignInformation.country'),
    ]);
    expect(foreignInformationFaults({ country: 'US', protectionSystem: 'Sectoral laws' }, us)).toEqual([
      expect.stringContaining('foreignInformation.recipientMeasures'),
    ]);
    expect(foreignInformationFaults({ country: 'US', recipientMeasures: 'APEC CBPR' }, us)).toEqual([
      expect.stringContaining('foreignInformation.protectionSystem'),
    ]);
  });

  it('each collector records only its own methods', async () => {
    expect(await refusal(give({ purpose: 'advertising', method: 'oral' }))).toContain(
      'method: "oral" cannot be recorded here; this route records web-button',
    );
    expect(await refusal(give({ purpose: 'advertising' }), { kind: 'staff', id: 'operator' })).toContain(
      'this route records written or oral',
    );
  });

  it('a withdrawal ends a consent in force, copies what it covered and starts both evidence periods', async () => {
    events.push({
      subjectId: 's1',
      eventId: 'c1',
      action: 'given',
      recipient: 'partner-a',
      noticeVersion: '2026-04-01',
      method: 'written',
      at: '2026-06-01T00:00:00.000Z',
    });
    const recorded = await recordConsent(
      deps,
      { kind: 'staff', id: 'operator' },
      { action: 'withdrawn', subjectId: 's1', withdraws: 'c1', method: 'oral', language: 'en' },
    );
    const until = Math.floor(Date.parse(NOW) / 1000) + EVIDENCE_RETENTION_SECONDS;
    expect(recorded).toMatchObject({
      action: 'withdrawn',
      covers: { recipient: 'partner-a' },
      withdraws: 'c1',
      noticeVersion: PRIVACY_NOTICE_VERSION,
      collectedBy: 'operator',
    });
    expect(appended[0]!.event).toMatchObject({
      action: 'withdrawn',
      recipient: 'partner-a',
      withdraws: 'c1',
      expiresAt: until,
    });
    expect(appended[0]!.withdrawn).toEqual({ subjectId: 's1', eventId: 'c1', expiresAt: until });
    expect(appended[0]!.receipt).toMatchObject({ subject: 'Receipt for the withdrawal of your consent' });
    expect(appended[0]!.receipt!.text).toContain(
      'Covers: provision of your personal data to the third party "Partner Insurance K.K."',
    );
  });

  it('the receipt names by its id a recipient the registry does not hold', async () => {
    events.push({
      subjectId: 's1',
      eventId: 'c1',
      action: 'given',
      recipient: 'partner-gone',
      noticeVersion: '2026-04-01',
      method: 'written',
      at: '2026-06-01T00:00:00.000Z',
    });
    await recordConsent(
      deps,
      { kind: 'staff', id: 'operator' },
      { action: 'withdrawn', subjectId: 's1', withdraws: 'c1', method: 'oral', language: 'en' },
    );
    expect(appended[0]!.receipt!.text).toContain(
      'Covers: provision of your personal data to the third party "partner-gone"',
    );
  });

  it('a withdrawal must name a consent in force of that subject', async () => {
    events.push(
      {
        subjectId: 's1',
        eventId: 'c1',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: '2026-04-01',
        method: 'web-button',
        at: '2026-06-01T00:00:00.000Z',
      },
      {
        subjectId: 's1',
        eventId: 'w1',
        action: 'withdrawn',
        purpose: 'advertising',
        withdraws: 'c1',
        noticeVersion: '2026-04-01',
        method: 'web-button',
        at: '2026-07-01T00:00:00.000Z',
      },
      {
        subjectId: 's9',
        eventId: 'c9',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: '2026-04-01',
        method: 'web-button',
        at: '2026-06-01T00:00:00.000Z',
      },
    );
    const withdraw = (withdraws: string) => ({
      action: 'withdrawn' as const,
      subjectId: 's1',
      withdraws,
      method: 'web-button',
      language: 'ja' as const,
    });
    expect(await refusal(withdraw('c1'))).toContain('withdraws: "c1" was withdrawn on 2026-07-01');
    expect(await refusal(withdraw('w1'))).toContain('withdraws: "w1" records a withdrawal, not a consent');
    expect(await refusal(withdraw('c9'))).toContain('withdraws: "c9" is not a consent of this subject on file');
  });
});
