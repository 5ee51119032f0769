// An alert's record: what it keeps of the findings (staff and subject ids, bounded so the item stays
// small) and the officer's list of recent alerts, logged once naming each alert.
import { describe, expect, it } from 'vitest';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import {
  type AccessAlert,
  type AccessFinding,
  ALERT_ID_PATTERN,
  accessAlertRecord,
  alertExpiresAt,
  alertIdOf,
  listAccessAlerts,
  MONITORING_MAX_ALERT_SUBJECTS,
  MONITORING_MAX_FINDING_SUBJECTS,
  MONITORING_MAX_KEPT_FINDINGS,
  MONITORING_RECENT_ALERTS,
} from '../../../functions/domain/monitoring/alerts';
import { FixedClock, jst, RecordingAccessLog } from '../doubles';

const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);
const hour = jst(2026, 11, 10, 10);
const many = (actor: string, subjectIds: string[]): AccessFinding => ({
  kind: 'many-subjects',
  actor,
  roles: ['operator'],
  hour: hour.toISOString(),
  subjects: subjectIds.length,
  subjectIds,
});

describe('the desk policy constants', () => {
  it('lists 20 recent alerts; keeps 50 findings, 20 subject ids a finding and 500 an alert', () => {
    expect(MONITORING_RECENT_ALERTS).toBe(20);
    expect(MONITORING_MAX_KEPT_FINDINGS).toBe(50);
    expect(MONITORING_MAX_FINDING_SUBJECTS).toBe(20);
    expect(MONITORING_MAX_ALERT_SUBJECTS).toBe(500);
  });
});

describe('accessAlertRecord', () => {
  const window = { from: hour, to: jst(2026, 11, 10, 11) };
  const now = jst(2026, 11, 10, 11, 10);

  it('is named by the first hour of its window, a name the contract accepts', () => {
    expect(alertIdOf(hour)).toBe('alert-20261110T01Z');
    expect(alertIdOf(hour)).toMatch(ALERT_ID_PATTERN);
  });

  it('keeps each finding with its subject ids, and every distinct subject once', () => {
    const night: AccessFinding = {
      kind: 'outside-desk-hours',
      actor: 'op-night',
      roles: ['officer', 'operator'],
      hour: hour.toISOString(),
      reads: [
        { at: hour.toISOString(), subjects: ['s-1', 's-2'] },
        { at: hour.toISOString(), subjects: ['s-2', 's-3'] },
      ],
    };
    const record = accessAlertRecord([many('op-a', ['s-1', 's-9']), night], window, 30, 'msg-1', now);
    expect(record).toEqual({
      alertId: 'alert-20261110T01Z',
      raisedAt: now.toISOString(),
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      limit: 30,
      messageId: 'msg-1',
      findings: [
        {
          kind: 'many-subjects',
          actor: 'op-a',
          roles: ['operator'],
          hour: hour.toISOString(),
          subjectCount: 2,
          subjects: ['s-1', 's-9'],
        },
        {
          kind: 'outside-desk-hours',
          actor: 'op-night',
          roles: ['officer', 'operator'],
          hour: hour.toISOString(),
          subjectCount: 3,
          subjects: ['s-1', 's-2', 's-3'],
          reads: 2,
        },
      ],
      findingCount: 2,
      subjects: ['s-1', 's-9', 's-2', 's-3'],
      subjectCount: 4,
    });
    expect(alertExpiresAt(record)).toBe(Math.floor(now.getTime() / 1000) + EVIDENCE_RETENTION_SECONDS);
  });

  it('a copy of the customer base: the counts stay whole, the kept ids are bounded', () => {
    const findings = Array.from({ length: 60 }, (_, i) => many(`op-${i}`, ids(1000, `c${i}`)));
    const record = accessAlertRecord(findings, window, 30, 'msg-2', now);
    expect(record.findingCount).toBe(60);
    expect(record.findings).toHaveLength(MONITORING_MAX_KEPT_FINDINGS);
    expect(record.findings[0]).toMatchObject({ subjectCount: 1000 });
    expect(record.findings[0]!.subjects).toHaveLength(MONITORING_MAX_FINDING_SUBJECTS);
    expect(record.subjectCount).toBe(60_000);
    expect(record.subjects).toHaveLength(MONITORING_MAX_ALERT_SUBJECTS);
    // Under DynamoDB's 400 KB item with room to spare, even with the longest subject ids (128 characters).
    const longest = accessAlertRecord(
      Array.from({ length: 60 }, (_, i) => many(`op-${i}`, ids(1000, `${'x'.repeat(120)}${i}`))),
      window,
      30,
      'msg-3',
      now,
    );
    expect(JSON.stringify(longest).length).toBeLessThan(300_000);
  });
});

describe('listAccessAlerts', () => {
  const alert = (alertId: string): AccessAlert => ({
    alertId,
    raisedAt: hour.toISOString(),
    from: hour.toISOString(),
    to: hour.toISOString(),
    limit: 30,
    messageId: `m-${alertId}`,
    findings: [],
    findingCount: 0,
    subjects: ['s-1'],
    subjectCount: 1,
  });

  it('lists the recent alerts newest first with the incident opened from each, and logs one read naming them', async () => {
    const accessLog = new RecordingAccessLog();
    const listed = await listAccessAlerts(
      {
        alerts: {
          recentAlertIds: async () => ['alert-20261110T02Z', 'alert-20261110T01Z'],
          alerts: async (alertIds) => alertIds.map(alert),
        },
        incidentOf: async (a) => (a.alertId === 'alert-20261110T01Z' ? 'INC-2026-11-10-ABCDEF' : undefined),
        accessLog,
        clock: new FixedClock(jst(2026, 11, 10, 12)),
      },
      { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.1' },
    );
    expect(listed.map((a) => [a.alertId, a.incidentId])).toEqual([
      ['alert-20261110T02Z', undefined],
      ['alert-20261110T01Z', 'INC-2026-11-10-ABCDEF'],
    ]);
    expect(listed[0]).not.toHaveProperty('incidentId');
    expect(accessLog.entries).toEqual([
      expect.objectContaining({
        actor: 'officer-1',
        action: 'read',
        subjects: ['access-alert:alert-20261110T02Z', 'access-alert:alert-20261110T01Z'],
      }),
    ]);
  });
});
