// A draft incident from an access-monitoring alert, pure: one id per alert, in the register's form,
// and the summary in Japanese then English from the alert's facts, its list bounded.
import { describe, expect, it } from 'vitest';
import { incidentIdFromAlert } from '../../../functions/domain/incidents/from-alert';
import {
  alertAwareHow,
  alertIncidentSummary,
  SUMMARY_LISTED_FINDINGS,
} from '../../../functions/domain/incidents/from-alert-words';
import { INCIDENT_ID_PATTERN } from '../../../functions/http/contract/incidents';

const alert = (findings: number) => ({
  alertId: 'alert-20261207T01Z',
  from: '2026-12-07T01:00:00.000Z',
  to: '2026-12-07T02:00:00.000Z',
  limit: 30,
  findings: Array.from({ length: Math.min(findings, 50) }, (_, i) => ({
    kind: 'many-subjects' as const,
    actor: `operator-${i}`,
    roles: ['operator'],
    hour: '2026-12-07T01:00:00.000Z',
    subjectCount: 31 + i,
  })),
  findingCount: findings,
  subjectCount: 400,
});

describe('incidentIdFromAlert', () => {
  it('is the same for the same alert, another for another, in the register’s form, on the Japan day raised', () => {
    const raised = { alertId: 'alert-20261207T01Z', raisedAt: '2026-12-07T15:10:00.000Z' };
    const id = incidentIdFromAlert(raised);
    expect(id).toMatch(INCIDENT_ID_PATTERN);
    expect(id.startsWith('INC-2026-12-08-')).toBe(true);
    expect(incidentIdFromAlert(raised)).toBe(id);
    expect(incidentIdFromAlert({ ...raised, alertId: 'alert-20261207T02Z' })).not.toBe(id);
  });
});

describe('the draft’s words', () => {
  it('say what was flagged in Japanese, then English, listing at most five findings', () => {
    expect(SUMMARY_LISTED_FINDINGS).toBe(5);
    const summary = alertIncidentSummary(alert(8));
    const [ja, en] = summary.split('\n\n');
    expect(ja).toContain(
      '職員 operator-0 (operator) が 2026年12月7日 10:00（日本時間） からの1時間に 31人分の個人データを閲覧（上限 30人）',
    );
    expect(ja).toContain('ほか3件');
    expect(en).toContain('Staff member operator-4 (operator) read the data of 35 people');
    expect(en).toContain('and 3 more');
    expect(en).not.toContain('operator-5');
    // Within the register's limit for a summary a later change sends back unchanged.
    expect(alertIncidentSummary(alert(50)).length).toBeLessThan(4000);
    expect(alertAwareHow(alert(1))).toContain('alert-20261207T01Z');
  });
});
