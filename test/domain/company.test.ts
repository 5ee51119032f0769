// The company as configuration: each required field, when missing, is named in words; a second
// company's hours move a deadline and its desk signs the e-mails.
import { describe, expect, it } from 'vitest';
import { company, companyEnvironmentValue } from '../../functions/adapters/company';
import { deskContact, parseCompany } from '../../functions/domain/company';
import { answerDueAt, isDeskOpen } from '../../functions/domain/kernel/calendar';
import { signature } from '../../functions/domain/requests/notifications';
import { DEMO_COMPANY, DEMO_HOURS, SECOND_COMPANY } from '../support/company';

/** Every leaf path of an object, e.g. representative.ja. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

function without(value: unknown, path: string[]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  delete at[path.at(-1)!];
  return copy;
}

describe('the company schema', () => {
  it('accepts the demo company and the second company', () => {
    expect(parseCompany(DEMO_COMPANY)).toEqual(DEMO_COMPANY);
    expect(parseCompany(SECOND_COMPANY)).toEqual(SECOND_COMPANY);
  });

  it('names each required field that is missing, e.g. "company.representative.ja is required"', () => {
    const paths = leafPaths(DEMO_COMPANY);
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      expect(() => parseCompany(without(DEMO_COMPANY, path)), path.join('.')).toThrow(
        `company.${path.join('.')} is required`,
      );
    }
    expect(() => parseCompany(without(DEMO_COMPANY, ['representative']))).toThrow('company.representative is required');
  });

  it('refuses wrong values naming the field: an e-mail, hours, a date, an unknown field', () => {
    const bad = (change: (c: any) => void) => {
      const c = structuredClone(DEMO_COMPANY) as any;
      change(c);
      return () => parseCompany(c);
    };
    expect(bad((c) => (c.desk.email = 'not-an-address'))).toThrow(/company\.desk\.email/);
    expect(bad((c) => (c.desk.hours.closesAtHour = 8))).toThrow(/company\.desk\.hours.*closesAtHour must be after/);
    expect(bad((c) => (c.desk.hours.yearEndClosure.from = { month: 2, day: 30 }))).toThrow(
      /company\.desk\.hours\.yearEndClosure\.from is not a day of that month/,
    );
    expect(bad((c) => (c.securityOfficer.since = '2026-02-30'))).toThrow(/company\.securityOfficer\.since/);
    expect(bad((c) => (c.representative.ja = '  '))).toThrow('company.representative.ja is required');
    expect(bad((c) => (c.fax = '03'))).toThrow(/company has fields it does not know: fax/);
  });

  it('fits a function environment, and is read back from it; in Lambda it must be set', () => {
    const json = companyEnvironmentValue(SECOND_COMPANY);
    expect(company({ DESK_COMPANY_JSON: json })).toEqual(SECOND_COMPANY);
    expect(company({})).toEqual(DEMO_COMPANY);
    expect(() => company({ AWS_LAMBDA_FUNCTION_NAME: 'desk-dev-api-x' })).toThrow(/DESK_COMPANY_JSON is not set/);
    expect(() => company({ DESK_COMPANY_JSON: '{' })).toThrow('DESK_COMPANY_JSON is not valid JSON');
    expect(() => company({ DESK_COMPANY_JSON: JSON.stringify(without(SECOND_COMPANY, ['representative'])) })).toThrow(
      'company.representative is required',
    );
    const long = structuredClone(SECOND_COMPANY);
    long.address.ja = '東'.repeat(300);
    long.desk.address.ja = '東'.repeat(300);
    long.name.ja = '東'.repeat(300);
    expect(() => companyEnvironmentValue(long)).toThrow(/more than the 2048/);
  });
});

describe("the second company's hours and desk", () => {
  const hours = SECOND_COMPANY.desk.hours;

  it('open at 10:00 and close at 16:00 Japan time', () => {
    expect(isDeskOpen(new Date('2026-11-10T00:30:00.000Z'), DEMO_HOURS)).toBe(true); // 9:30 Tokyo
    expect(isDeskOpen(new Date('2026-11-10T00:30:00.000Z'), hours)).toBe(false);
    expect(isDeskOpen(new Date('2026-11-10T07:30:00.000Z'), hours)).toBe(false); // 16:30 Tokyo
  });

  it('move a deadline: the closing hour, and a closure from 28 December to 4 January', () => {
    // Monday 2 November 2026, 10:00 Tokyo, ten desk days: capped by day 13 (a Sunday) to Friday 13 November, at each desk's closing.
    expect(answerDueAt(new Date('2026-11-02T01:00:00.000Z'), 10, DEMO_HOURS).toISOString()).toBe(
      '2026-11-13T08:00:00.000Z',
    );
    expect(answerDueAt(new Date('2026-11-02T01:00:00.000Z'), 10, hours).toISOString()).toBe('2026-11-13T07:00:00.000Z');
    // Friday 25 December 2026 at 12:00 Tokyo, 2 desk days: the demo desk counts 28 December, the second does not.
    expect(answerDueAt(new Date('2026-12-25T03:00:00.000Z'), 2, DEMO_HOURS).toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
    expect(answerDueAt(new Date('2026-12-25T03:00:00.000Z'), 2, hours).toISOString()).toBe('2027-01-06T07:00:00.000Z');
  });

  it("sign the e-mails with the company's own desk", () => {
    const ja = signature('ja', deskContact(SECOND_COMPANY));
    expect(ja).toContain('株式会社サンプル商事 お客様個人情報窓口');
    expect(ja).toContain('privacy@sample-shoji.example.jp');
    expect(ja).toContain('10:00〜16:00');
    expect(signature('en', deskContact(SECOND_COMPANY))).toContain('Sample Shoji Personal Information Desk');
    expect(ja).not.toContain('メカラ');
  });
});
