// GET /v1/privacy-notice: what the policy promises to publish, consistent with the calendar, the law
// and the purpose registry as it stands.
import { describe, expect, it } from 'vitest';
import { securityMeasureFacts } from '../../functions/adapters/security-facts';
import { accessLogRetentionSeconds } from '../../functions/domain/access-log/entry';
import { DEFAULT_DESK_SETTINGS } from '../../functions/domain/desk';
import { ACCESS_LOG_RETENTION_SECONDS, SECONDS } from '../../functions/domain/kernel/law';
import { MY_NUMBER_AFFAIRS } from '../../functions/domain/my-number/documents';
import { PERSONAL_DATA_CATEGORIES, SPECIAL_CARE_EXCEPTIONS } from '../../functions/domain/personal-data/categories';
import { ACQUISITION_SOURCES } from '../../functions/domain/personal-data/sources';
import {
  DEFAULT_SECURITY_FACTS,
  PRIVACY_NOTICE_VERSION,
  privacyNotice,
  privacyNoticeVersion,
} from '../../functions/domain/privacy-notice';
import {
  POLICY_PURPOSES as PURPOSES_OF_USE,
  type PurposeVersion,
  registryOf,
} from '../../functions/domain/purposes/registry';
import { feeSchedule } from '../../functions/domain/requests/fees';
import { REQUEST_TYPES } from '../../functions/domain/requests/types/registry';
import { AUTHORITY_DOCUMENT_IDS } from '../../functions/domain/requests/verify-representative';
import { DEFAULT_TRAINING_VALIDITY_MONTHS } from '../../functions/domain/safeguards/training';
import { PASSWORD_MAX_AGE_DAYS, passwordMaxAgeDays } from '../../functions/domain/staff-passwords';
import { DEMO_COMPANY, SECOND_COMPANY } from '../support/company';

const billing = PURPOSES_OF_USE.find((p) => p.purposeId === 'billing')!;
const advertising = PURPOSES_OF_USE.find((p) => p.purposeId === 'advertising')!;
const billingV2: PurposeVersion = {
  ...billing,
  version: 2,
  ja: '請求、決済及び領収書の発行のため',
  en: 'To bill, settle fees and issue receipts',
  effectiveFrom: '2026-12-01T16:00:00.000Z',
  publishedBy: 'staff-officer-1',
  change: { kind: 'changed', note: 'Receipts are part of settlement.' },
  rollout: { kind: 'notify', state: 'pending', processed: 0 },
};
const advertisingRetired: PurposeVersion = {
  ...advertising,
  version: 2,
  status: 'retired',
  retiredAt: '2026-11-30T00:00:00.000Z',
  effectiveFrom: '2026-11-30T00:00:00.000Z',
  publishedBy: 'staff-officer-1',
  change: { kind: 'retired', note: 'The advertising business was closed.' },
};

describe('privacyNotice', () => {
  const notice = privacyNotice(PURPOSES_OF_USE);

  it('publishes the desk hours and closed days of the calendar', () => {
    expect(notice.desk.hours).toEqual({
      timeZone: 'Asia/Tokyo',
      opens: '09:00',
      closes: '17:00',
      closedOn: ['Saturday', 'Sunday', 'national holidays', 'year-end and New Year holidays (12/29-1/3)'],
    });
  });

  it('promises an answer within the desk-day target and lists the accepted request types', () => {
    expect(notice.requests.answerWithinDeskDays).toBe(10);
    expect(notice.requests.accepted).toContain('disclosure');
  });

  it('publishes the desk: name, address, e-mail, hours and closed days, also as a sentence in both languages (policy §7)', () => {
    expect(notice.desk).toMatchObject({
      name: DEMO_COMPANY.desk.name,
      address: DEMO_COMPANY.desk.address,
      email: DEMO_COMPANY.desk.email,
    });
    expect(notice.desk.hoursText.ja).toBe(
      '9:00〜17:00（日本時間。土曜日、日曜日、祝日及び年末年始（12月29日〜1月3日）を除く）',
    );
    expect(notice.desk.hoursText.en).toBe(
      '9:00-17:00 Japan time, except Saturdays, Sundays, national holidays and the year-end and New Year holidays (29 December-3 January)',
    );
  });

  it('says how to request, that the requester is confirmed by an e-mailed code, and who may request (Art. 37)', () => {
    const { requests } = notice;
    expect(requests.procedure.en).toMatch(/Privacy Center's form/);
    expect(requests.procedure.ja).toMatch(/請求フォーム/);
    expect(requests.verification.ja).toMatch(/確認コード/);
    expect(requests.verification).toMatchObject({
      method: 'e-mailed-code',
      codeDigits: 6,
      codeValidMinutes: 30,
      attempts: 5,
    });
    expect(requests.verification.en).toContain(
      '6-digit confirmation code to the requester, to be entered within 30 minutes',
    );
    expect(requests.verification.ja).toContain('6桁の確認コードをお送りします。30分以内に');
    expect(requests.whoMayRequest.map((w) => w.kind)).toEqual(['self', 'legal-representative', 'agent']);
    for (const who of requests.whoMayRequest) {
      expect(who.ja.length).toBeGreaterThan(0);
      expect(who.en.length).toBeGreaterThan(0);
    }
    expect(requests.representatives.en).toMatch(/keeps no copies of identity documents/);
    // The documents a representative shows, so they know before asking (APPI Art. 37(3), Cabinet Order Art. 13).
    expect(requests.representatives.authorityDocuments.map((d) => d.id)).toEqual(AUTHORITY_DOCUMENT_IDS);
    expect(requests.representatives.identityDocuments).toContainEqual({
      id: 'individual-number-card',
      ja: '個人番号カード（表面のみ）',
      en: 'Individual Number Card (front only)',
    });
  });

  it('says requests are not accepted in person (policy §8)', () => {
    expect(notice.requests.inPerson).toBe(false);
    expect(notice.requests.inPersonNotice.ja).toMatch(/ご来社.*お受けしておりません/);
    expect(notice.requests.inPersonNotice.en).toBe('No request of any kind is accepted in person at our office.');
  });

  it('publishes the fee of every accepted type, none by default, and the rule of Art. 38', () => {
    expect(notice.requests.fees).toEqual(REQUEST_TYPES.map((t) => ({ type: t.type, fee: 'none' })));
    expect(notice.requests.feePolicy.en).toMatch(
      /only for notification of the purpose of use and for disclosure.*Art\. 38/,
    );
    expect(notice.requests.feePolicy.ja).toMatch(/第38条/);
  });

  it('publishes the answer target and the 13-day cap (Art. 39)', () => {
    expect(notice.requests.answerAtLatestCalendarDays).toBe(13);
    expect(notice.requests.answerTimeline.en).toBe(
      'The desk answers within 10 desk days of receiving a request (a request that arrives outside desk hours counts from the next opening), and never later than 13 calendar days after the request reached us.',
    );
    expect(notice.requests.answerTimeline.ja).toContain('営業日で10日以内');
    expect(notice.requests.answerTimeline.ja).toContain('13日を超えることはありません');
  });
});

describe("privacyNotice with the desk's own settings", () => {
  const notice = privacyNotice(PURPOSES_OF_USE, {
    responseDeskDays: 7,
    fees: feeSchedule({ disclosure: { amountYen: 1000, method: 'bank transfer' } }),
  });

  it('publishes the configured fee and desk-day target', () => {
    expect(notice.requests.fees.find((f) => f.type === 'disclosure')).toEqual({
      type: 'disclosure',
      fee: { amountYen: 1000, method: 'bank transfer' },
    });
    expect(notice.requests.answerWithinDeskDays).toBe(7);
    expect(notice.requests.answerTimeline.en).toContain('within 7 desk days');
  });

  it('leaves every other part as the defaults give it', () => {
    const { requests: _configured, ...rest } = notice;
    const { requests: _defaults, ...defaultRest } = privacyNotice(PURPOSES_OF_USE, DEFAULT_DESK_SETTINGS);
    expect(rest).toEqual(defaultRest);
  });

  it('publishes every purpose of use, with its version and date, and every source in both languages', () => {
    expect(notice.purposesOfUse).toHaveLength(PURPOSES_OF_USE.length);
    expect(notice.purposesOfUse[0]).toEqual({
      id: 'registration-screening',
      ja: PURPOSES_OF_USE[0]!.ja,
      en: PURPOSES_OF_USE[0]!.en,
      version: 1,
      effectiveFrom: new Date(PURPOSES_OF_USE[0]!.effectiveFrom).toISOString(),
    });
    expect(notice.acquisitionSources).toHaveLength(ACQUISITION_SOURCES.length);
    for (const item of [...notice.purposesOfUse, ...notice.acquisitionSources]) {
      expect(item.ja.length).toBeGreaterThan(0);
      expect(item.en.length).toBeGreaterThan(0);
    }
    expect(notice.purposeChanges).toEqual([]);
    expect(notice.version).toBe(PRIVACY_NOTICE_VERSION);
  });

  it('says which access information is collected and that it may be linked to personal information held (policy §1)', () => {
    expect(notice.accessInformation.categories.map((c) => c.id)).toEqual(
      PERSONAL_DATA_CATEGORIES.filter((c) => c.kind === 'access-information').map((c) => c.id),
    );
    expect(notice.accessInformation.linkage.ja).toMatch(/紐付け/);
    expect(notice.accessInformation.linkage.en).toMatch(/linked to the personal information we hold/);
  });

  it('tells the person, in both languages, how to see and withdraw their consents in the Privacy Center: address, e-mailed code, the list', () => {
    expect(notice.consents.steps).toHaveLength(3);
    for (const step of notice.consents.steps) {
      expect(step.ja).toMatch(/[\u3040-\u30ff]/);
      expect(step.en).not.toBe('');
    }
    expect(notice.consents.steps[0]!.ja).toContain('6桁の確認コード');
    expect(notice.consents.steps[1]!.en).toContain('for the next 15 minutes');
    expect(notice.consents.ja).toContain('撤回');
    expect(notice.consents.en).toContain('withdraw a consent at any time');
    const keys = Object.keys(notice);
    expect(keys.indexOf('consents')).toBe(keys.indexOf('thirdPartyProvision') - 1);
  });

  it("names the company and the desk's address in each language from the one source, and links the API reference in words", () => {
    expect(notice.business).toEqual(DEMO_COMPANY.name);
    expect(notice.desk.address.ja).toBe('〒101-0054 東京都千代田区神田錦町1-23-8 9階');
    expect(notice.desk.address.en).toBe('#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan');
    expect(notice.thirdPartyProvision.policy.ja).toContain('第27条第1項');
    expect(notice.apiReference).toMatchObject({ href: '/docs/api' });
    expect(notice.apiReference.ja).toContain('API リファレンス');
  });

  it('acquires special care-required information only with consent or under Art. 20(2), and My Number only for the statutory affairs', () => {
    expect(notice.specialCareInformation.categories).toHaveLength(
      PERSONAL_DATA_CATEGORIES.filter((c) => c.kind === 'special-care').length,
    );
    expect(notice.specialCareInformation.policy.en).toMatch(/only with your prior consent.*Art\. 20\(2\)/);
    expect(notice.specialCareInformation.exceptions.map((e) => e.id)).toEqual(SPECIAL_CARE_EXCEPTIONS.map((e) => e.id));
    // The 2021 amendment's academic-research items (in force April 2022), in both languages.
    expect(notice.specialCareInformation.exceptions.filter((e) => /20\(2\)\((v|vi)\)$/.test(e.source))).toEqual([
      expect.objectContaining({ id: 'academic-research-by-institution', ja: expect.stringContaining('学術研究') }),
      expect.objectContaining({
        id: 'academic-research-joint-acquisition',
        en: expect.stringContaining('academic research'),
      }),
    ]);
    expect(notice.useBeyondPurposes.policy.ja).toContain('第18条第3項');
    expect(notice.useBeyondPurposes.exceptions.map((e) => e.source)).toEqual([
      'APPI Art. 18(3)(i)',
      'APPI Art. 18(3)(ii)',
      'APPI Art. 18(3)(iii)',
      'APPI Art. 18(3)(iv)',
      'APPI Art. 18(3)(v)',
      'APPI Art. 18(3)(vi)',
    ]);
    expect(notice.myNumber.affairs).toEqual([...MY_NUMBER_AFFAIRS]);
    expect(notice.myNumber.policy.ja).toMatch(/第9条/);
    expect(notice.myNumber.policy.en).toMatch(/not used or provided for anything else even with consent/);
  });
});

describe('privacyNotice after purposes changed', () => {
  const notice = privacyNotice([...PURPOSES_OF_USE, billingV2, advertisingRetired]);

  it('publishes the current version of each active purpose, and no retired one', () => {
    expect(notice.purposesOfUse.map((p) => p.id)).toEqual(
      PURPOSES_OF_USE.map((p) => p.purposeId).filter((id) => id !== 'advertising'),
    );
    expect(notice.purposesOfUse.find((p) => p.id === 'billing')).toEqual({
      id: 'billing',
      ja: billingV2.ja,
      en: billingV2.en,
      version: 2,
      effectiveFrom: billingV2.effectiveFrom,
    });
  });

  it('lists the changes with their dates, newest first, the old text beside a changed one, no internal note or job', () => {
    expect(notice.purposeChanges).toEqual([
      {
        id: 'billing',
        version: 2,
        kind: 'changed',
        effectiveFrom: billingV2.effectiveFrom,
        ja: billingV2.ja,
        en: billingV2.en,
        previous: { ja: billing.ja, en: billing.en },
      },
      {
        id: 'advertising',
        version: 2,
        kind: 'retired',
        effectiveFrom: advertisingRetired.effectiveFrom,
        ja: advertising.ja,
        en: advertising.en,
      },
    ]);
    expect(JSON.stringify(notice)).not.toMatch(/rollout|Receipts are part|staff-officer/);
  });

  it('takes the Japan date of the latest publication as its version', () => {
    // 16:00 UTC on 1 December is 2 December in Japan.
    expect(notice.version).toBe('2026-12-02');
    expect(
      privacyNoticeVersion([...PURPOSES_OF_USE, { ...billingV2, effectiveFrom: '2020-01-01T00:00:00.000Z' }]),
    ).toBe(PRIVACY_NOTICE_VERSION);
  });
});

describe('purposes', () => {
  it('has unique ids, found in the registry', () => {
    const ids = PURPOSES_OF_USE.map((p) => p.purposeId);
    expect(new Set(ids).size).toBe(ids.length);
    const registry = registryOf(PURPOSES_OF_USE);
    for (const id of ids) expect(registry.get(id)?.purposeId).toBe(id);
    expect(registry.get('nope')).toBeUndefined();
    const sources = ACQUISITION_SOURCES.map((s) => s.id);
    expect(new Set(sources).size).toBe(sources.length);
  });
});

describe('the business and the security measures (APPI Art. 32(1); Cabinet Order Art. 10)', () => {
  const facts = {
    accessLogRetentionDays: 3650,
    passwordMaxAgeDays: 60,
    staffIpAllowList: true,
    region: 'ap-northeast-1',
  };
  const second = privacyNotice([...PURPOSES_OF_USE], DEFAULT_DESK_SETTINGS, [], SECOND_COMPANY, facts);
  const all = (n: typeof second, language: 'ja' | 'en') =>
    n.securityMeasures.flatMap((m) => m.items.map((i) => i[language])).join('\n');

  it("states the configured company's name, address, representative, officer and accredited organisation", () => {
    expect(second.business).toEqual(SECOND_COMPANY.name);
    expect(second.businessDetails).toMatchObject({
      name: SECOND_COMPANY.name,
      address: SECOND_COMPANY.address,
      representative: SECOND_COMPANY.representative,
      securityOfficer: SECOND_COMPANY.securityOfficer,
      accreditedOrganisation: SECOND_COMPANY.accreditedOrganisation,
    });
    expect(second.desk).toMatchObject({ name: SECOND_COMPANY.desk.name, email: SECOND_COMPANY.desk.email });
    expect(second.desk.hours).toMatchObject({ opens: '10:00', closes: '16:00' });
    expect(second.desk.hoursText.ja).toBe(
      '10:00〜16:00（日本時間。土曜日、日曜日、祝日及び年末年始（12月28日〜1月4日）を除く）',
    );
    expect(second.thirdPartyProvision.policy.ja).toContain('第27条第1項');
    expect(JSON.stringify(second)).not.toContain('Mecara');
    expect(JSON.stringify(second)).not.toContain('メカラ');
  });

  it('says so when the business belongs to no accredited organisation, and names the demo representative by title', () => {
    const demo = privacyNotice([...PURPOSES_OF_USE]);
    expect(demo.businessDetails.accreditedOrganisation).toBeNull();
    expect(demo.businessDetails.noAccreditedOrganisation?.ja).toContain('認定個人情報保護団体');
    expect(demo.businessDetails.representative.ja).toBe('代表社員');
  });

  it('states the configured access-log retention, the password age, the allow list and the training validity the gate counts with', () => {
    for (const language of ['ja', 'en'] as const) {
      const text = all(second, language);
      expect(text).toContain('3650');
      expect(text).toContain('60');
      expect(text).toContain(String(DEFAULT_TRAINING_VALIDITY_MONTHS));
    }
    expect(all(second, 'en')).toContain('only from networks we have allowed');
    expect(all(second, 'ja')).toContain(SECOND_COMPANY.securityOfficer.name.ja);
    const plain = privacyNotice([...PURPOSES_OF_USE]);
    expect(all(plain, 'en')).toContain(`kept for ${ACCESS_LOG_RETENTION_SECONDS / SECONDS.DAY} days`);
    expect(all(plain, 'en')).toContain(`every ${PASSWORD_MAX_AGE_DAYS} days`);
    expect(all(plain, 'en')).not.toContain('networks we have allowed');
    expect(second.securityMeasures.map((m) => m.kind)).toEqual([
      'basic-policy',
      'rules',
      'organisational',
      'human',
      'physical',
      'technical',
      'external-environment',
    ]);
  });

  it('names the country the data is stored in from the region, and says what it does not state for a foreign one', () => {
    const at = (region: string | undefined) =>
      all(privacyNotice([...PURPOSES_OF_USE], DEFAULT_DESK_SETTINGS, [], SECOND_COMPANY, { ...facts, region }), 'en');
    expect(at('ap-northeast-3')).toContain('data centres in Japan');
    expect(at('us-east-1')).toContain("in the United States. This notice does not describe that country's system");
    expect(at('mx-central-1')).toContain('does not name the country');
    expect(at(undefined)).toContain('does not name the country');
  });
});

describe('the security facts the notice states are the settings the desk enforces', () => {
  it('reads them with the functions that enforce them, and refuses a bad setting alike', () => {
    expect(
      securityMeasureFacts({
        DESK_ACCESS_LOG_RETENTION_DAYS: '400',
        DESK_PASSWORD_MAX_AGE_DAYS: '30',
        DESK_STAFF_IP_ALLOW_LIST: 'on',
        AWS_REGION: 'ap-northeast-1',
      }),
    ).toEqual({
      accessLogRetentionDays: 400,
      passwordMaxAgeDays: 30,
      staffIpAllowList: true,
      region: 'ap-northeast-1',
    });
    expect(accessLogRetentionSeconds('400')).toBe(400 * SECONDS.DAY);
    expect(passwordMaxAgeDays('30')).toBe(30);
    expect(() => securityMeasureFacts({ DESK_ACCESS_LOG_RETENTION_DAYS: 'five' })).toThrow(
      /DESK_ACCESS_LOG_RETENTION_DAYS/,
    );
    expect(securityMeasureFacts({})).toEqual(DEFAULT_SECURITY_FACTS);
  });
});
