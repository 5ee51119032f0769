// The PPC report deadlines against worked examples (Enforcement Rules Art. 8; PPC General Guidelines
// 3-5-3-3, 3-5-3-4; 行政機関の休日に関する法律 Art. 1, 2), in Japan time whatever the process zone.

import { describe, expect, it } from 'vitest';
import {
  FINAL_REPORT_DAYS,
  FINAL_REPORT_WRONGFUL_PURPOSE_DAYS,
  PRELIMINARY_REPORT_DESK_DAYS,
  PRELIMINARY_REPORT_MAX_DESK_DAYS,
  preliminaryReportDeskDays,
  reportDeadlines,
} from '../../../functions/domain/incidents/deadlines';
import type { IncidentFactors } from '../../../functions/domain/incidents/incident';
import { DEMO_HOURS } from '../../support/company';
import { jst } from '../doubles';

const FACTORS: IncidentFactors = {
  specialCareRequired: true,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};
const WRONGFUL = { ...FACTORS, wrongfulPurpose: true };

describe('the report deadlines', () => {
  it('are the values the law and the desk set', () => {
    expect([FINAL_REPORT_DAYS, FINAL_REPORT_WRONGFUL_PURPOSE_DAYS]).toEqual([30, 60]);
    expect([PRELIMINARY_REPORT_DESK_DAYS, PRELIMINARY_REPORT_MAX_DESK_DAYS]).toEqual([3, 5]);
  });

  it('aware on a Monday: preliminary by Thursday, final on day 30', () => {
    expect(reportDeadlines(jst(2026, 12, 7, 10), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS)).toEqual({
      preliminaryDueAt: '2026-12-10T14:59:59.999Z',
      finalDueAt: '2027-01-05T14:59:59.999Z',
      finalDays: 30,
    });
  });

  it('aware on a Friday evening: preliminary by Wednesday; day 30 on Saturday 2 January moves to Monday 4 January', () => {
    expect(reportDeadlines(jst(2026, 12, 4, 19), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS)).toEqual({
      preliminaryDueAt: '2026-12-09T14:59:59.999Z',
      finalDueAt: '2027-01-04T14:59:59.999Z',
      finalDays: 30,
    });
  });

  it('day 30 on a Sunday moves to Monday', () => {
    expect(reportDeadlines(jst(2026, 11, 7, 12), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).finalDueAt).toBe(
      '2026-12-07T14:59:59.999Z',
    );
  });

  it('day 30 on 29 December moves to 4 January, or to the 5th when the 4th is a Sunday', () => {
    expect(reportDeadlines(jst(2026, 11, 30, 9), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).finalDueAt).toBe(
      '2027-01-04T14:59:59.999Z',
    );
    expect(reportDeadlines(jst(2025, 11, 30, 9), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).finalDueAt).toBe(
      '2026-01-05T14:59:59.999Z',
    );
  });

  it('a wrongful purpose gives 60 days: aware Monday 7 December, due Thursday 4 February', () => {
    expect(reportDeadlines(jst(2026, 12, 7, 10), WRONGFUL, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS)).toEqual({
      preliminaryDueAt: '2026-12-10T14:59:59.999Z',
      finalDueAt: '2027-02-04T14:59:59.999Z',
      finalDays: 60,
    });
    // Day 60 on Sunday 3 May 2026, then Golden Week: Thursday 7 May.
    expect(reportDeadlines(jst(2026, 3, 5, 12), WRONGFUL, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).finalDueAt).toBe(
      '2026-05-07T14:59:59.999Z',
    );
  });

  it('late in the evening in Japan counts that Japan day, whatever the UTC date', () => {
    // 23:30 on 7 December in Japan (14:30 UTC the same day): day one is the 7th.
    expect(
      reportDeadlines(jst(2026, 12, 7, 23, 30), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).finalDueAt,
    ).toBe('2027-01-05T14:59:59.999Z');
    // 00:30 on 8 December in Japan (15:30 UTC on the 7th): day one is the 8th.
    expect(reportDeadlines(jst(2026, 12, 8, 0, 30), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS)).toEqual({
      preliminaryDueAt: '2026-12-11T14:59:59.999Z',
      finalDueAt: '2027-01-06T14:59:59.999Z',
      finalDays: 30,
    });
  });

  it('the preliminary report skips the year-end closure and Golden Week', () => {
    expect(
      reportDeadlines(jst(2026, 12, 28, 10), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).preliminaryDueAt,
    ).toBe('2027-01-06T14:59:59.999Z');
    expect(
      reportDeadlines(jst(2026, 4, 30, 10), FACTORS, PRELIMINARY_REPORT_DESK_DAYS, DEMO_HOURS).preliminaryDueAt,
    ).toBe('2026-05-08T14:59:59.999Z');
  });

  it('a deployment may set 1 to 5 desk days for the preliminary report', () => {
    expect(reportDeadlines(jst(2026, 12, 4, 10), FACTORS, 5, DEMO_HOURS).preliminaryDueAt).toBe(
      '2026-12-11T14:59:59.999Z',
    );
    expect(reportDeadlines(jst(2026, 12, 4, 10), FACTORS, 1, DEMO_HOURS).preliminaryDueAt).toBe(
      '2026-12-07T14:59:59.999Z',
    );
    expect(preliminaryReportDeskDays(undefined)).toBe(3);
    expect(preliminaryReportDeskDays(' ')).toBe(3);
    expect(preliminaryReportDeskDays('5')).toBe(5);
    for (const bad of ['0', '6', '2.5', 'three']) {
      expect(() => preliminaryReportDeskDays(bad)).toThrow(
        /DESK_PRELIMINARY_REPORT_DESK_DAYS must be a whole number of desk days from 1 to 5/,
      );
    }
  });
});
