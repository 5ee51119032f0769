// The standing rule on worked examples, in Japan dates: an obligation's due day is still allowed to
// its end (Japan time); the next day the member is refused.
import { describe, expect, it } from 'vitest';
import type { InternalRuleVersion } from '../../../functions/domain/safeguards/internal-rules';
import {
  addDays,
  SAFEGUARDS_GRACE_DAYS,
  safeguardsGraceDays,
  standingOf,
  versionsInForce,
} from '../../../functions/domain/safeguards/standing';
import type { TrainingCompletion, TrainingCourse } from '../../../functions/domain/safeguards/training';

const rule = (version: number, effectiveFrom: string, ruleId = 'handling-rules'): InternalRuleVersion => ({
  ruleId,
  version,
  kind: 'rules',
  title: { ja: '個人情報取扱規程', en: 'Personal data handling rules' },
  effectiveFrom,
  text: '…',
  publishedBy: 'officer',
  publishedAt: `${effectiveFrom}T00:00:00.000Z`,
});
const course = (createdAt: string, required = true): TrainingCourse => ({
  courseId: 'basics',
  title: { ja: '個人情報保護研修', en: 'Personal data protection training' },
  validityMonths: 12,
  required,
  createdBy: 'officer',
  createdAt,
});
const completion = (completedOn: string, validUntil: string): TrainingCompletion => ({
  staffId: 'operator',
  courseId: 'basics',
  completedOn,
  validUntil,
  recordedBy: 'officer',
  recordedAt: `${completedOn}T01:00:00.000Z`,
});
const ack = (version: number, ruleId = 'handling-rules') => ({
  staffId: 'operator',
  ruleId,
  version,
  acknowledgedAt: '2026-01-05T00:00:00.000Z',
});
/** 10:00 Japan time on a Japan date. */
const jst = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+09:00`);

const standing = (over: Partial<Parameters<typeof standingOf>[0]> = {}) =>
  standingOf({
    staffId: 'operator',
    ruleVersions: [rule(1, '2026-01-01')],
    courses: [course('2025-12-01T00:00:00.000Z')],
    records: { acknowledgements: [ack(1)], completions: [completion('2026-01-10', '2027-01-09')] },
    graceDays: 30,
    now: jst('2026-06-01'),
    ...over,
  });

describe('standing', () => {
  it('nothing published and no required course: current, nothing can lapse', () => {
    const s = standing({ ruleVersions: [], courses: [course('2025-12-01T00:00:00.000Z', false)] });
    expect(s).toMatchObject({ status: 'current', obligations: [] });
    expect(s.lapsesOn).toBeUndefined();
  });

  it('acknowledged and trained: current; it would lapse the day after the training expiry plus the grace', () => {
    const s = standing();
    expect(s.status).toBe('current');
    // Valid to 2027-01-09; the obligation arises 01-10, due 30 days later on 02-09; refused from 02-10.
    expect(s.lapsesOn).toBe('2027-02-10');
  });

  it('a new version in force not acknowledged: in grace to the effective day + 30 days, refused the day after', () => {
    const versions = [rule(1, '2026-01-01'), rule(2, '2026-05-01')];
    expect(standing({ ruleVersions: versions, now: jst('2026-05-31', '23:59') })).toMatchObject({
      status: 'in-grace',
      lapsesOn: '2026-06-01',
      obligations: [{ kind: 'rule', version: 2, met: false, arose: '2026-05-01', dueOn: '2026-05-31' }, { met: true }],
    });
    // 00:00 Japan time on 1 June is still 31 May in UTC: the Japan day decides.
    expect(standing({ ruleVersions: versions, now: new Date('2026-05-31T15:00:00.000Z') }).status).toBe('lapsed');
    expect(standing({ ruleVersions: versions, now: new Date('2026-05-31T14:59:59.999Z') }).status).toBe('in-grace');
  });

  it('a version published for a later day binds only from it, and sets when the member would lapse', () => {
    const s = standing({ ruleVersions: [rule(1, '2026-01-01'), rule(2, '2026-07-01')] });
    expect(s.status).toBe('current');
    expect(s.obligations).toMatchObject([{ kind: 'rule', version: 1, met: true }, { kind: 'training' }]);
    // In force 1 July, due 31 July, refused from 1 August.
    expect(s.lapsesOn).toBe('2026-08-01');
  });

  it('training expired: the grace runs from the day after its last valid day', () => {
    const records = { acknowledgements: [ack(1)], completions: [completion('2025-05-01', '2026-04-30')] };
    expect(standing({ records, now: jst('2026-05-31') })).toMatchObject({
      status: 'in-grace',
      obligations: [{ met: true }, { kind: 'training', met: false, validUntil: '2026-04-30', dueOn: '2026-05-31' }],
    });
    expect(standing({ records, now: jst('2026-06-01', '00:00') })).toMatchObject({
      status: 'lapsed',
      lapsesOn: '2026-06-01',
    });
  });

  it('the latest completion counts, whatever order the records come in', () => {
    const records = {
      acknowledgements: [ack(1)],
      completions: [completion('2026-03-01', '2027-02-28'), completion('2025-05-01', '2026-04-30')],
    };
    expect(standing({ records }).status).toBe('current');
  });

  it('never trained: the grace runs from the course being added; a newcomer from the day they joined', () => {
    const records = { acknowledgements: [ack(1)], completions: [] };
    expect(standing({ records, courses: [course('2026-04-01T03:00:00.000Z')] })).toMatchObject({
      status: 'lapsed',
      obligations: [{}, { arose: '2026-04-01', dueOn: '2026-05-01' }],
    });
    // Created 23:30 Japan time on 20 May (14:30 UTC): the Japan day is the 20th.
    expect(standing({ records, accountCreatedAt: '2026-05-20T14:30:00.000Z' })).toMatchObject({
      status: 'in-grace',
      obligations: [{ met: true }, { arose: '2026-05-20', dueOn: '2026-06-19' }],
      lapsesOn: '2026-06-20',
    });
  });

  it('grace 0: the due day is the day it arose, and is still allowed', () => {
    const records = { acknowledgements: [], completions: [completion('2026-01-10', '2027-01-09')] };
    const versions = [rule(1, '2026-06-01')];
    expect(standing({ records, ruleVersions: versions, graceDays: 0 })).toMatchObject({ status: 'in-grace' });
    expect(standing({ records, ruleVersions: versions, graceDays: 0, now: jst('2026-06-02') })).toMatchObject({
      status: 'lapsed',
    });
  });

  it('acknowledging an older version does not meet the one in force; a later one is not acknowledged by the earlier', () => {
    const s = standing({ ruleVersions: [rule(1, '2026-01-01'), rule(2, '2026-03-01')], now: jst('2026-06-01') });
    expect(s.status).toBe('lapsed');
    expect(s.obligations[0]).toMatchObject({ version: 2, met: false, dueOn: '2026-03-31' });
  });

  it('versionsInForce: the latest effective on the day, the higher version on a tie', () => {
    const versions = [rule(1, '2026-01-01'), rule(3, '2026-02-01'), rule(2, '2026-02-01'), rule(4, '2026-09-01')];
    expect(versionsInForce(versions, '2026-02-01').map((v) => v.version)).toEqual([3]);
    expect(versionsInForce(versions, '2026-01-31').map((v) => v.version)).toEqual([1]);
  });

  it('addDays crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
  });
});

describe('the grace setting', () => {
  it('defaults to 30 days and takes 0 to 90', () => {
    expect(SAFEGUARDS_GRACE_DAYS).toBe(30);
    expect(safeguardsGraceDays(undefined)).toBe(30);
    expect(safeguardsGraceDays(' ')).toBe(30);
    expect(safeguardsGraceDays('0')).toBe(0);
    expect(safeguardsGraceDays('90')).toBe(90);
  });

  it.each(['91', '-1', '1.5', 'thirty'])('refuses %s, naming the setting', (value) => {
    expect(() => safeguardsGraceDays(value)).toThrow(/DESK_SAFEGUARDS_GRACE_DAYS/);
  });
});
