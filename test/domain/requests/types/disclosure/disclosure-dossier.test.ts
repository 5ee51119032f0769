// The dossier a disclosure delivers (APPI Art. 33): records with source and purposes, the purposes of
// use that apply (each once, as the registry publishes them today, in the request's language),
// which records are linked access information or special care-required, consents and provision records.
import { describe, expect, it } from 'vitest';
import type { Holdings, PersonalDataRecord } from '../../../../../functions/domain/holdings';
import {
  POLICY_PURPOSES as PURPOSES_OF_USE,
  type PurposeVersion,
  registryOf,
} from '../../../../../functions/domain/purposes/registry';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import {
  compileDossier as compile,
  dossierAsOf,
} from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { NOTHING_HELD, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const POLICY_REGISTRY = registryOf(PURPOSES_OF_USE);
const compileDossier = (request: DeskRequest, holdings: Holdings, now: Date) =>
  compile(request, holdings, POLICY_REGISTRY, now);
const describeIn = (id: string, language: 'ja' | 'en') => PURPOSES_OF_USE.find((p) => p.purposeId === id)![language];

describe('compileDossier', () => {
  it('says nothing is held when nothing is held (Art. 33(3))', () => {
    const dossier = compileDossier(receivedRequest(), NOTHING_HELD, NOW);
    expect(dossier).toEqual({
      requestId: 'req-1',
      language: 'ja',
      subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
      covers: ['personal-data', 'provision-records'],
      records: [],
      purposesOfUse: [],
      consents: [],
      provisionRecordsLabel: '第三者提供記録（個人情報の保護に関する法律第33条第5項）',
      provisionRecords: [],
      nothingHeld: true,
      generatedAt: NOW.toISOString(),
    });
  });

  it('does not say nothing is held when only a consent or a provision record is held', () => {
    const onlyConsent: Holdings = { ...NOTHING_HELD, consents: HANAKO_HOLDINGS.consents };
    const onlyProvision: Holdings = { ...NOTHING_HELD, provisionRecords: HANAKO_HOLDINGS.provisionRecords };
    expect(compileDossier(receivedRequest(), onlyConsent, NOW).nothingHeld).toBe(false);
    expect(compileDossier(receivedRequest(), onlyProvision, NOW).nothingHeld).toBe(false);
    expect(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW).nothingHeld).toBe(false);
  });

  it('lists each purpose of use once, sorted, described in Japanese for a Japanese request', () => {
    const dossier = compileDossier(receivedRequest({ language: 'ja' }), HANAKO_HOLDINGS, NOW);
    const ids = ['advertising', 'billing', 'information-and-inquiries', 'service-provision', 'usage-analysis'];
    expect(dossier.purposesOfUse!).toEqual(ids.map((id) => ({ id, description: describeIn(id, 'ja') })));
  });

  it('describes purposes and sources in English for an English request', () => {
    const dossier = compileDossier(receivedRequest({ language: 'en' }), HANAKO_HOLDINGS, NOW);
    expect(dossier.purposesOfUse!.find((p) => p.id === 'billing')?.description).toBe(
      'To bill and settle usage fees for our services',
    );
    expect(dossier.records![0]!.source).toEqual({
      kind: 'from-customer',
      description: 'From the customer in writing, on screen or orally (calls may be recorded)',
    });
    expect(dossier.records![2]!.source).toEqual({
      kind: 'service-use',
      description: 'Automatically, through use of our services (cookies, web beacons, advertising identifiers)',
      detail: 'cookie on www.example.jp',
    });
  });

  it('falls back to the id for a purpose the notice does not know', () => {
    const holdings: Holdings = {
      ...NOTHING_HELD,
      records: [{ ...HANAKO_HOLDINGS.records[0]!, purposes: ['legacy-campaign-2019'] }],
    };
    const dossier = compileDossier(receivedRequest(), holdings, NOW);
    expect(dossier.purposesOfUse!).toEqual([{ id: 'legacy-campaign-2019', description: 'legacy-campaign-2019' }]);
  });

  it("discloses values but not the desk's internal subject and record ids", () => {
    const dossier = compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW);
    const json = JSON.stringify(dossier);
    expect(json).toContain('ad-5f2c');
    for (const internal of ['subj-hanako-1', 'rec-name', 'rec-cookie', 'prov-1', 'ev-1'])
      expect(json).not.toContain(internal);
  });

  it('leaves out absent optional fields instead of writing undefined', () => {
    const request = receivedRequest({ subject: { email: 'hanako.yamada@example.jp' } });
    const holdings: Holdings = {
      ...NOTHING_HELD,
      consents: [
        {
          subjectId: 's',
          eventId: 'e',
          action: 'withdrawn',
          recipient: 'Example Ads K.K.',
          noticeVersion: 'v1',
          method: 'web',
          at: '2026-01-01T00:00:00.000Z',
        },
      ],
    };
    const dossier = compileDossier(request, holdings, NOW);
    expect(dossier.subject).toEqual({ email: 'hanako.yamada@example.jp' });
    expect(dossier.consents![0]).toEqual({
      action: 'withdrawn',
      recipient: 'Example Ads K.K.',
      noticeVersion: 'v1',
      method: 'web',
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(Object.keys(dossier.consents![0]!)).not.toContain('purpose');
  });
});

const held = (
  record: Partial<PersonalDataRecord> & Pick<PersonalDataRecord, 'recordId' | 'category' | 'value'>,
): PersonalDataRecord => ({
  subjectId: 'subj-1',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2025-04-01T00:00:00.000Z',
  ...record,
});

describe('compileDossier: purposes from the registry', () => {
  const billingV2: PurposeVersion = {
    ...PURPOSES_OF_USE.find((p) => p.purposeId === 'billing')!,
    version: 2,
    ja: '当社サービスの利用料金の請求、決済及び領収書の発行のため',
    en: 'To bill and settle usage fees for our services and to issue receipts',
    effectiveFrom: '2026-10-01T00:00:00.000+09:00',
    publishedBy: 'staff-officer-1',
    change: { kind: 'changed', note: 'Receipts are part of settling fees.' },
  };
  const registry = registryOf([...PURPOSES_OF_USE, billingV2]);

  it("describes each purpose by its current version, in the reader's language", () => {
    const ja = compile(receivedRequest({ language: 'ja' }), HANAKO_HOLDINGS, registry, NOW);
    expect(ja.purposesOfUse!.find((p) => p.id === 'billing')?.description).toBe(billingV2.ja);
    expect(ja.records![0]!.purposes).toEqual([
      { id: 'service-provision', description: describeIn('service-provision', 'ja') },
      { id: 'billing', description: billingV2.ja },
    ]);
    const en = compile(receivedRequest({ language: 'en' }), HANAKO_HOLDINGS, registry, NOW);
    expect(en.purposesOfUse!.find((p) => p.id === 'billing')?.description).toBe(billingV2.en);
  });

  it('describes a purpose added to the registry after the policy, which the old constant never knew', () => {
    const loyalty: PurposeVersion = {
      ...billingV2,
      purposeId: 'loyalty-points',
      version: 1,
      ja: 'ポイントプログラムの運営のため',
      en: 'To run the loyalty points programme',
      change: { kind: 'created', note: 'New points programme' },
    };
    const holdings: Holdings = {
      ...NOTHING_HELD,
      records: [held({ recordId: 'r', category: 'service-usage', value: 'x', purposes: ['loyalty-points'] })],
    };
    const dossier = compile(
      receivedRequest({ language: 'en' }),
      holdings,
      registryOf([...PURPOSES_OF_USE, loyalty]),
      NOW,
    );
    expect(dossier.records![0]!.purposes).toEqual([
      { id: 'loyalty-points', description: 'To run the loyalty points programme' },
    ]);
    expect(dossier.purposesOfUse!).toEqual([
      { id: 'loyalty-points', description: 'To run the loyalty points programme' },
    ]);
  });
});

describe('compileDossier: linkage and special care', () => {
  const holdings: Holdings = {
    ...NOTHING_HELD,
    subjectIds: ['subj-1'],
    records: [
      held({ recordId: 'r-name', category: 'name', value: '山田 花子' }),
      held({
        recordId: 'r-cookie',
        category: 'cookie-id',
        value: 'ck-91a2',
        source: 'service-use',
        purposes: ['usage-analysis'],
      }),
      held({
        recordId: 'r-beacon',
        category: 'web-beacon',
        value: 'newsletter opened',
        source: 'service-use',
        purposes: ['service-improvement'],
      }),
      held({
        recordId: 'r-ad',
        category: 'advertising-identifier',
        value: 'ad-77',
        source: 'service-use',
        purposes: ['advertising', 'usage-analysis'],
      }),
      held({
        recordId: 'r-access',
        category: 'access-history',
        value: '203.0.113.5 /plans',
        source: 'service-use',
        purposes: ['usage-analysis'],
      }),
      held({
        recordId: 'r-device',
        category: 'device-information',
        value: 'iPhone',
        source: 'service-use',
        purposes: ['usage-analysis'],
      }),
      held({
        recordId: 'r-health',
        category: 'health-check-result',
        value: 'fit for work',
        purposes: ['service-provision'],
        basis: { kind: 'consent', consentId: 'ev-health' },
      }),
    ],
  };
  const dossier = compileDossier(receivedRequest(), holdings, NOW);
  const byCategory = (category: string) => dossier.records!.find((r) => r.category === category)!;

  it('marks every kind of access information held under the person as linked to them (policy §1)', () => {
    for (const category of [
      'cookie-id',
      'web-beacon',
      'advertising-identifier',
      'access-history',
      'device-information',
    ]) {
      expect(byCategory(category), category).toMatchObject({ linkedAccessInformation: true, specialCare: false });
    }
  });

  it('marks special care-required information as such (APPI Art. 2(3)), and ordinary data as neither', () => {
    expect(byCategory('health-check-result')).toMatchObject({ linkedAccessInformation: false, specialCare: true });
    expect(byCategory('name')).toMatchObject({ linkedAccessInformation: false, specialCare: false });
  });

  it("names each category in the dossier's language, as the page does; an unknown one by its id", () => {
    expect(byCategory('name').categoryLabel).toBe('氏名');
    expect(byCategory('cookie-id').categoryLabel).toBe('Cookie識別子');
    const en = compileDossier(receivedRequest({ language: 'en' }), holdings, NOW);
    expect(en.records!.find((r) => r.category === 'name')!.categoryLabel).toBe('Name');
    const unknown = compileDossier(
      receivedRequest(),
      { ...NOTHING_HELD, records: [held({ recordId: 'r', category: 'legacy-field', value: 'x' })] },
      NOW,
    );
    expect(unknown.records![0]!.categoryLabel).toBe('legacy-field');
  });

  it('says which purposes each record serves', () => {
    expect(byCategory('advertising-identifier').purposes).toEqual([
      { id: 'advertising', description: describeIn('advertising', 'ja') },
      { id: 'usage-analysis', description: describeIn('usage-analysis', 'ja') },
    ]);
  });

  it('gives each record exactly the fields of the contract, nothing internal', () => {
    expect(Object.keys(byCategory('health-check-result')).sort()).toEqual([
      'acquiredAt',
      'category',
      'categoryLabel',
      'linkedAccessInformation',
      'purposes',
      'source',
      'specialCare',
      'value',
    ]);
    expect(JSON.stringify(dossier)).not.toContain('ev-health');
  });
});

describe('dossierAsOf', () => {
  it('serves a copy whose items carry no expiry (compiled before expiries were kept) as it is', () => {
    const dossier = compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW);
    expect(dossierAsOf(dossier, new Date('2030-01-01T00:00:00.000Z'))).toEqual(dossier);
  });

  it("keeps each item's expiry in the stored copy and serves none, leaving out an item from the second of its expiry on", () => {
    const expiresAt = NOW.getTime() / 1000 + 60;
    const dossier = compileDossier(
      receivedRequest(),
      { ...HANAKO_HOLDINGS, records: HANAKO_HOLDINGS.records.map((r, i) => (i === 0 ? { ...r, expiresAt } : r)) },
      NOW,
    );
    expect(dossier.records![0]).toHaveProperty('expiresAt', expiresAt);
    const before = dossierAsOf(dossier, new Date((expiresAt - 1) * 1000));
    expect(before.records).toHaveLength(3);
    expect(before.records![0]).not.toHaveProperty('expiresAt');
    expect(dossierAsOf(dossier, new Date(expiresAt * 1000)).records!.map((r) => r.category)).toEqual([
      'email',
      'advertising-id',
    ]);
  });
});
