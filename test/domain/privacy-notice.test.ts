// GET /v1/privacy-notice: what the policy promises to publish, consistent with the calendar and the law.
import { describe, expect, it } from 'vitest';
import { privacyNotice } from '../../functions/domain/privacy-notice';
import { ACQUISITION_SOURCES } from '../../functions/domain/personal-data/sources';
import { POLICY_PURPOSES as PURPOSES_OF_USE, registryOf } from '../../functions/domain/purposes/registry';

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
