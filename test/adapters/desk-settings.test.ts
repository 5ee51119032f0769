// The desk's settings as deployment sets them: environment strings, parsed here and checked by the
// domain, so a bad value stops the function from loading.
import { describe, expect, it } from 'vitest';
import {
  deskSettings,
  fiscalYear,
  preliminaryReportDays,
  privacyCenterUrl,
} from '../../functions/adapters/desk-settings';
import { DEFAULT_DESK_SETTINGS } from '../../functions/domain/desk';

describe('deskSettings', () => {
  it('is the defaults when nothing is set: 10 desk days, no fees', () => {
    expect(deskSettings({})).toEqual(DEFAULT_DESK_SETTINGS);
    expect(deskSettings({ DESK_RESPONSE_DESK_DAYS: '', DESK_FEES_JSON: ' ' })).toEqual(DEFAULT_DESK_SETTINGS);
  });

  it('reads DESK_RESPONSE_DESK_DAYS and DESK_FEES_JSON', () => {
    const settings = deskSettings({
      DESK_RESPONSE_DESK_DAYS: '7',
      DESK_FEES_JSON: '{"disclosure":{"amountYen":1000,"method":"bank transfer"}}',
    });
    expect(settings.responseDeskDays).toBe(7);
    expect(settings.fees.disclosure).toEqual({ amountYen: 1000, method: 'bank transfer' });
    expect(settings.fees['purpose-notification']).toBeNull();
  });

  it('refuses JSON that does not parse, a fee the Act does not allow, and a desk-day count out of range', () => {
    expect(() => deskSettings({ DESK_FEES_JSON: '{disclosure: 1000}' })).toThrow('DESK_FEES_JSON is not valid JSON');
    expect(() => deskSettings({ DESK_FEES_JSON: '{"complaint":{"amountYen":500,"method":"bank transfer"}}' })).toThrow(
      /Art\. 38\(1\)/,
    );
    expect(() => deskSettings({ DESK_RESPONSE_DESK_DAYS: '20' })).toThrow(/DESK_RESPONSE_DESK_DAYS/);
  });
});

describe('fiscalYear', () => {
  it('is April-March unless DESK_FISCAL_YEAR_JSON sets it, and names the field it refuses', () => {
    expect(fiscalYear({})).toEqual({ endMonth: 3, filingExtensionMonths: 0, lossYears: [] });
    expect(fiscalYear({ DESK_FISCAL_YEAR_JSON: '{"endMonth":12,"lossYears":[2026,2025]}' })).toEqual({
      endMonth: 12,
      filingExtensionMonths: 0,
      lossYears: [2025, 2026],
    });
    expect(() => fiscalYear({ DESK_FISCAL_YEAR_JSON: '{"endMonth":0}' })).toThrow(
      'DESK_FISCAL_YEAR_JSON: fiscalYear.endMonth must be the month (1-12) the fiscal year ends in',
    );
    expect(() => fiscalYear({ DESK_FISCAL_YEAR_JSON: '{endMonth' })).toThrow(/not valid JSON/);
  });
});

describe('preliminaryReportDays', () => {
  it('is 3 desk days unless DESK_PRELIMINARY_REPORT_DESK_DAYS sets 1 to 5', () => {
    expect(preliminaryReportDays({})).toBe(3);
    expect(preliminaryReportDays({ DESK_PRELIMINARY_REPORT_DESK_DAYS: '5' })).toBe(5);
    expect(() => preliminaryReportDays({ DESK_PRELIMINARY_REPORT_DESK_DAYS: '6' })).toThrow(
      /DESK_PRELIMINARY_REPORT_DESK_DAYS/,
    );
  });
});

describe('privacyCenterUrl', () => {
  it('is DESK_PRIVACY_CENTER_URL, else the root of DESK_PRIVACY_CENTER_ORIGIN, else none', () => {
    expect(privacyCenterUrl({ DESK_PRIVACY_CENTER_URL: 'http://localhost:3000/privacy/' })).toBe(
      'http://localhost:3000/privacy/',
    );
    expect(privacyCenterUrl({ DESK_PRIVACY_CENTER_ORIGIN: 'https://d1234.cloudfront.net' })).toBe(
      'https://d1234.cloudfront.net/',
    );
    expect(
      privacyCenterUrl({
        DESK_PRIVACY_CENTER_URL: 'https://privacy.example.jp/',
        DESK_PRIVACY_CENTER_ORIGIN: 'https://d1234.cloudfront.net',
      }),
    ).toBe('https://privacy.example.jp/');
    expect(privacyCenterUrl({})).toBeUndefined();
    expect(privacyCenterUrl({ DESK_PRIVACY_CENTER_URL: ' ' })).toBeUndefined();
  });

  it('refuses what is not an http(s) URL, or one with a query or fragment', () => {
    expect(() => privacyCenterUrl({ DESK_PRIVACY_CENTER_URL: 'privacy' })).toThrow(/not a URL/);
    expect(() => privacyCenterUrl({ DESK_PRIVACY_CENTER_URL: 'ftp://example.jp/' })).toThrow(/http\(s\)/);
    expect(() => privacyCenterUrl({ DESK_PRIVACY_CENTER_URL: 'https://example.jp/#/x' })).toThrow(/fragment/);
  });
});
