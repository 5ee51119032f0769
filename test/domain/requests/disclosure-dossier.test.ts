// The dossier a disclosure delivers (APPI Art. 33): records with source and purposes, the purposes of
// use that apply (each once, in the request's language), consents and provision records.
import { describe, expect, it } from 'vitest';
import type { Holdings } from '../../../functions/domain/holdings';
import { POLICY_PURPOSES as PURPOSES_OF_USE } from '../../../functions/domain/purposes/registry';
import { compileDossier } from '../../../functions/domain/requests/disclosure-dossier';
import { NOTHING_HELD, receivedRequest } from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const describeIn = (id: string, language: 'ja' | 'en') => PURPOSES_OF_USE.find((p) => p.purposeId === id)![language];

describe('compileDossier', () => {
  it('says nothing is held when nothing is held (Art. 33(3))', () => {
    const dossier = compileDossier(receivedRequest(), NOTHING_HELD, NOW);
    expect(dossier).toEqual({
      requestId: 'req-1',
      language: 'ja',
      subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
      records: [],
      purposesOfUse: [],
      consents: [],
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
    expect(dossier.purposesOfUse).toEqual(ids.map((id) => ({ id, description: describeIn(id, 'ja') })));
  });

  it('describes purposes and sources in English for an English request', () => {
    const dossier = compileDossier(receivedRequest({ language: 'en' }), HANAKO_HOLDINGS, NOW);
    expect(dossier.purposesOfUse.find((p) => p.id === 'billing')?.description).toBe('To bill and settle usage fees for our services');
    expect(dossier.records[0]!.source).toEqual({
      kind: 'from-customer',
      description: 'From the customer in writing, on screen or orally (calls may be recorded)',
    });
    expect(dossier.records[2]!.source).toEqual({
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
    expect(dossier.purposesOfUse).toEqual([{ id: 'legacy-campaign-2019', description: 'legacy-campaign-2019' }]);
  });

  it('discloses values but not the desk\'s internal subject and record ids', () => {
    const dossier = compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW);
    const json = JSON.stringify(dossier);
    expect(json).toContain('ad-5f2c');
    for (const internal of ['subj-hanako-1', 'rec-name', 'rec-cookie', 'prov-1', 'ev-1']) expect(json).not.toContain(internal);
  });

  it('leaves out absent optional fields instead of writing undefined', () => {
    const request = receivedRequest({ subject: { email: 'hanako.yamada@example.jp' } });
    const holdings: Holdings = {
      ...NOTHING_HELD,
      consents: [{ subjectId: 's', eventId: 'e', action: 'withdrawn', recipient: 'Example Ads K.K.', noticeVersion: 'v1', method: 'web', at: '2026-01-01T00:00:00.000Z' }],
    };
    const dossier = compileDossier(request, holdings, NOW);
    expect(dossier.subject).toEqual({ email: 'hanako.yamada@example.jp' });
    expect(dossier.consents[0]).toEqual({ action: 'withdrawn', recipient: 'Example Ads K.K.', noticeVersion: 'v1', method: 'web', at: '2026-01-01T00:00:00.000Z' });
    expect(Object.keys(dossier.consents[0]!)).not.toContain('purpose');
  });
});
