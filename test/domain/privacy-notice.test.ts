// GET /v1/privacy-notice: what the policy promises to publish, consistent with the calendar and the law.
import { describe, expect, it } from 'vitest';
import { privacyNotice } from '../../functions/domain/privacy-notice';
import { ACQUISITION_SOURCES, PURPOSES_OF_USE, purposeById } from '../../functions/domain/purposes';

describe('privacyNotice', () => {
  const notice = privacyNotice();

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

  it('publishes every purpose of use and source in both languages', () => {
    expect(notice.purposesOfUse).toHaveLength(PURPOSES_OF_USE.length);
    expect(notice.acquisitionSources).toHaveLength(ACQUISITION_SOURCES.length);
    for (const item of [...notice.purposesOfUse, ...notice.acquisitionSources]) {
      expect(item.ja.length).toBeGreaterThan(0);
      expect(item.en.length).toBeGreaterThan(0);
    }
  });
});

describe('purposes', () => {
  it('has unique ids, found by purposeById', () => {
    const ids = PURPOSES_OF_USE.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(purposeById(id)?.id).toBe(id);
    expect(purposeById('nope')).toBeUndefined();
    const sources = ACQUISITION_SOURCES.map((s) => s.id);
    expect(new Set(sources).size).toBe(sources.length);
  });
});
