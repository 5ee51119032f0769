// My Number law as data: which affairs and documents, how long each document (and so the number on
// it) may be kept, and the check digit of an Individual Number.
import { describe, expect, it } from 'vitest';
import {
  isValidIndividualNumber,
  MY_NUMBER_AFFAIRS,
  MY_NUMBER_DOCUMENT_IDS,
  MY_NUMBER_DOCUMENTS,
  myNumberDocument,
} from '../../../functions/domain/my-number/documents';

const retainUntil = (document: string, documentDate: string, taxYear?: number) =>
  myNumberDocument(document)!.retainUntil({ documentDate, taxYear }).toISOString();
const jstMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();

describe('My Number affairs and documents', () => {
  it('are only the statutory affairs of My Number Act Art. 9: tax and social insurance', () => {
    expect([...MY_NUMBER_AFFAIRS]).toEqual(['tax', 'social-insurance']);
  });

  it('each document belongs to one of those affairs, has a Japanese and an English name, and cites its statute', () => {
    for (const document of MY_NUMBER_DOCUMENTS) {
      expect(MY_NUMBER_AFFAIRS).toContain(document.affair);
      expect(document.ja).not.toBe('');
      expect(document.en).not.toBe('');
      expect(document.source).toMatch(/(Act|Regulations) Art\. \d/);
    }
    expect(MY_NUMBER_DOCUMENT_IDS).toEqual(MY_NUMBER_DOCUMENTS.map((d) => d.id));
  });

  it('are found by id, and nothing else is', () => {
    expect(myNumberDocument('dependant-deduction-declaration')?.affair).toBe('tax');
    expect(myNumberDocument('health-insurance-qualification')?.affair).toBe('social-insurance');
    expect(myNumberDocument('employment-insurance-qualification')?.affair).toBe('social-insurance');
    expect(myNumberDocument('marketing-survey')).toBeUndefined();
  });
});

describe('retention of each document (its TTL)', () => {
  it('dependant-deduction declaration: 7 years from the day after 10 January following its tax year (Income Tax Act Enforcement Regulations Art. 76-3)', () => {
    // Tax year 2026: 10 January 2027; the 7 years start on 2027-01-11 and run out at the end of 2034-01-10.
    expect(retainUntil('dependant-deduction-declaration', '2026-01-05', 2026)).toBe(jstMidnight('2034-01-11'));
    // Filed in December 2025 for 2026: the tax year counts, not the date of filing.
    expect(retainUntil('dependant-deduction-declaration', '2025-12-10', 2026)).toBe(jstMidnight('2034-01-11'));
    expect(retainUntil('dependant-deduction-declaration', '2027-01-01', 2027)).toBe(jstMidnight('2035-01-11'));
    // Tax year 2027, 10 January 2028: the period runs across 29 February 2028 and still ends on 10 January.
    expect(retainUntil('dependant-deduction-declaration', '2027-01-04', 2027)).toBe(jstMidnight('2035-01-11'));
  });

  it('says what each document is counted from: its tax year, or the completion of its procedure', () => {
    expect(MY_NUMBER_DOCUMENTS.map((d) => [d.id, d.countedFrom])).toEqual([
      ['dependant-deduction-declaration', 'tax-year'],
      ['health-insurance-qualification', 'completion'],
      ['employment-insurance-qualification', 'completion'],
    ]);
    expect(() =>
      myNumberDocument('dependant-deduction-declaration')!.retainUntil({ documentDate: '2026-01-05' }),
    ).toThrow(/tax year/);
  });

  it('health insurance qualification: 2 years from completion, counted from the next day (Health Insurance Act Enforcement Regulations Art. 34, Civil Code Art. 140, 143)', () => {
    // Completed 2026-04-01: the 2 years start on 2026-04-02 and run out at the end of 2028-04-01.
    expect(retainUntil('health-insurance-qualification', '2026-04-01')).toBe(jstMidnight('2028-04-02'));
    // Completed on the last day of a year: the period starts on 1 January.
    expect(retainUntil('health-insurance-qualification', '2026-12-31')).toBe(jstMidnight('2029-01-01'));
  });

  it('employment insurance qualification: 4 years from completion, counted from the next day (Employment Insurance Act Enforcement Regulations Art. 143)', () => {
    // Completed 2026-04-01: the 4 years start on 2026-04-02 and run out at the end of 2030-04-01.
    expect(retainUntil('employment-insurance-qualification', '2026-04-01')).toBe(jstMidnight('2030-04-02'));
    expect(retainUntil('employment-insurance-qualification', '2027-12-31')).toBe(jstMidnight('2032-01-01'));
  });

  it('counts across 29 February as the Civil Code does (Art. 143(2))', () => {
    // Completed 2028-02-29: starts 2028-03-01, runs out the day before 2030-03-01.
    expect(retainUntil('health-insurance-qualification', '2028-02-29')).toBe(jstMidnight('2030-03-01'));
    // Completed 2026-02-28: starts 2026-03-01, runs out the day before 2028-03-01, i.e. on 29 February.
    expect(retainUntil('health-insurance-qualification', '2026-02-28')).toBe(jstMidnight('2028-03-01'));
    // Completed 2028-02-28: starts on 29 February; 2030 has none, so it runs out on 28 February 2030.
    expect(retainUntil('health-insurance-qualification', '2028-02-28')).toBe(jstMidnight('2030-03-01'));
    // Completed 2027-02-28, 4 years: starts 2027-03-01, runs out on 2031-02-28.
    expect(retainUntil('employment-insurance-qualification', '2027-02-28')).toBe(jstMidnight('2031-03-01'));
  });

  it("ends at midnight Japan time, whatever the process's zone", () => {
    expect(retainUntil('dependant-deduction-declaration', '2026-01-05', 2026)).toBe('2034-01-10T15:00:00.000Z');
  });
});

describe('Individual Number check digit (Cabinet Order for the My Number Act, Art. 8)', () => {
  it('accepts numbers whose last digit is the check digit', () => {
    // By hand, 123456789018: the first eleven digits from the right, P1..P11 = 1,0,9,8,7,6,5,4,3,2,1,
    // weighted Q1..Q6 = 2..7 and Q7..Q11 = 2..6: 1*2 + 0*3 + 9*4 + 8*5 + 7*6 + 6*7 + 5*2 + 4*3 + 3*4
    // + 2*5 + 1*6 = 212; 212 mod 11 = 3; check digit 11 - 3 = 8.
    expect(isValidIndividualNumber('123456789018')).toBe(true);
    // 100000000005: only P11 = 1 counts, weight 6; 6 mod 11 = 6; check digit 11 - 6 = 5.
    expect(isValidIndividualNumber('100000000005')).toBe(true);
    // Computed with the algorithm: remainders 8, 9, 3 and 10.
    for (const number of ['987654321093', '314159265352', '111111111118', '000000000051'])
      expect(isValidIndividualNumber(number), number).toBe(true);
  });

  it('takes 0 as the check digit when the remainder is 0 or 1', () => {
    // 271828182840 and 200000000000 leave remainder 1; 000000000000 leaves 0.
    for (const number of ['271828182840', '200000000000', '000000000000'])
      expect(isValidIndividualNumber(number), number).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and anything but ASCII digits', () => {
    for (const number of ['123456789010', '123456789019', '100000000006', '271828182841'])
      expect(isValidIndividualNumber(number), number).toBe(false);
    for (const number of [
      '12345678901',
      '1234567890180',
      '',
      '1234-5678-9018',
      '12345678901a',
      '１２３４５６７８９０１８',
      ' 123456789018',
    ]) {
      expect(isValidIndividualNumber(number), number).toBe(false);
    }
  });

  it('catches every single-digit typo of a valid number', () => {
    const valid = '123456789018';
    for (let i = 0; i < 12; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidIndividualNumber(typo), typo).toBe(false);
      }
    }
  });
});
