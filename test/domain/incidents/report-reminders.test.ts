// The officer's reminders of reports to the PPC: within a desk day of the due day, again once overdue,
// once each; only for reportable incidents not closed whose report is not recorded; no personal data.

import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../functions/domain/incidents/incident';
import {
  type IncidentReportReminders,
  REPORT_REMINDER_LEAD_DESK_DAYS,
  reminderStage,
  remindIncidentReports,
  reportReminderText,
  reportsOwed,
} from '../../../functions/domain/incidents/report-reminders';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { DEMO_COMPANY, DEMO_DESK, DEMO_HOURS } from '../../support/company';
import { apiWordsIn } from '../../support/words-for-people';
import { jst } from '../doubles';
import { incidentAt } from './fixture';

class MemoryReminders implements IncidentReportReminders {
  readonly sent = new Map<string, OutboxMessage>();
  async remind(r: { incidentId: string; kind: string; dueAt: string; stage: string }, message: OutboxMessage) {
    const key = `${r.incidentId}|${r.kind}|${r.dueAt}|${r.stage}`;
    if (this.sent.has(key)) return false;
    this.sent.set(key, message);
    return true;
  }
}

// Monday 7 December 2026, 10:00 in Japan: preliminary due end of Thursday 10th, final end of 5 January.
const AWARE = jst(2026, 12, 7, 10);

function run(incidents: Incident[], now: Date, reminders = new MemoryReminders()) {
  return {
    reminders,
    tally: remindIncidentReports({
      incidents: { list: async () => incidents },
      reminders,
      clock: { now: () => now },
      company: DEMO_COMPANY,
      officerEmail: 'officer@desk.example.jp',
    }),
  };
}

describe('reminderStage', () => {
  it(`opens ${REPORT_REMINDER_LEAD_DESK_DAYS} desk day before the due day at 9:00, and is overdue after the due instant`, () => {
    const due = '2026-12-10T14:59:59.999Z'; // end of Thursday 10 December
    expect(reminderStage(due, jst(2026, 12, 9, 8, 59), DEMO_HOURS)).toBeUndefined();
    expect(reminderStage(due, jst(2026, 12, 9, 9), DEMO_HOURS)).toBe('due-soon');
    expect(reminderStage(due, new Date(due), DEMO_HOURS)).toBe('due-soon');
    expect(reminderStage(due, new Date(Date.parse(due) + 1), DEMO_HOURS)).toBe('overdue');
  });

  it('warns before a weekend or the year-end closure, not on the last day after it', () => {
    // Due end of Monday 4 January 2027: the desk day before is Monday 28 December.
    expect(reminderStage('2027-01-04T14:59:59.999Z', jst(2026, 12, 28, 9), DEMO_HOURS)).toBe('due-soon');
    expect(reminderStage('2027-01-04T14:59:59.999Z', jst(2026, 12, 25, 17), DEMO_HOURS)).toBeUndefined();
    // Due end of Monday 14 December: warned on Friday the 11th.
    expect(reminderStage('2026-12-14T14:59:59.999Z', jst(2026, 12, 11, 9), DEMO_HOURS)).toBe('due-soon');
  });
});

describe('reportsOwed', () => {
  it('is both reports of a reportable incident, less those recorded as submitted', () => {
    const incident = incidentAt('INC-1', AWARE);
    expect(reportsOwed(incident).map((r) => r.kind)).toEqual(['preliminary', 'final']);
    const submitted = {
      kind: 'preliminary' as const,
      submittedAt: AWARE.toISOString(),
      receiptReference: 'PPC-1',
      recordedBy: 'officer',
      recordedAt: AWARE.toISOString(),
      fromVersion: 1,
    };
    expect(reportsOwed({ ...incident, reports: { preliminary: submitted } })).toEqual([
      { kind: 'final', dueAt: '2027-01-05T14:59:59.999Z' },
    ]);
  });

  it('is nothing for a closed incident or one not reportable, and follows the officer’s override', () => {
    expect(reportsOwed(incidentAt('INC-1', AWARE, {}, {}))).toEqual([]);
    expect(reportsOwed(incidentAt('INC-1', AWARE, undefined, { state: 'closed' }))).toEqual([]);
    const notReportable = incidentAt('INC-1', AWARE, {});
    const override = { reportable: true, reason: 'The count is uncertain.', by: 'officer', at: AWARE.toISOString() };
    expect(reportsOwed({ ...notReportable, reportability: { ...notReportable.reportability, override } })).toHaveLength(
      2,
    );
    const reportable = incidentAt('INC-1', AWARE);
    const off = { ...override, reportable: false };
    expect(reportsOwed({ ...reportable, reportability: { ...reportable.reportability, override: off } })).toEqual([]);
  });

  it('counts a draft too: the days run from awareness', () => {
    expect(reportsOwed(incidentAt('INC-1', AWARE, undefined, { state: 'draft' }))).toHaveLength(2);
  });
});

describe('remindIncidentReports', () => {
  it('mails nothing before the window, once when due soon, once when overdue, however often it runs', async () => {
    const incidents = [incidentAt('INC-2026-12-07-AAAAAA', AWARE)];
    const reminders = new MemoryReminders();
    expect(await run(incidents, jst(2026, 12, 8, 12), reminders).tally).toEqual({ owed: 0, reminded: 0 });
    expect(await run(incidents, jst(2026, 12, 9, 9), reminders).tally).toEqual({ owed: 1, reminded: 1 });
    expect(await run(incidents, jst(2026, 12, 10, 16), reminders).tally).toEqual({ owed: 1, reminded: 0 });
    expect(await run(incidents, jst(2026, 12, 11, 0, 30), reminders).tally).toEqual({ owed: 1, reminded: 1 });
    expect(await run(incidents, jst(2026, 12, 11, 1, 30), reminders).tally).toEqual({ owed: 1, reminded: 0 });
    const messages = [...reminders.sent.values()];
    expect(messages.map((m) => [m.messageId, m.topic, m.to])).toEqual([
      [
        'incident-report-INC-2026-12-07-AAAAAA-preliminary-due-soon-2026-12-10',
        'incident-report-due-soon',
        ['officer@desk.example.jp'],
      ],
      [
        'incident-report-INC-2026-12-07-AAAAAA-preliminary-overdue-2026-12-10',
        'incident-report-overdue',
        ['officer@desk.example.jp'],
      ],
    ]);
    // Long past both: the final report's due-soon stage is skipped for its overdue one.
    expect(await run(incidents, jst(2027, 2, 1, 10), reminders).tally).toEqual({ owed: 2, reminded: 1 });
  });

  it('names the incident, the report and the due time in both languages, and no personal data or API words', () => {
    const text = reportReminderText(
      {
        incidentId: 'INC-2026-12-07-AAAAAA',
        kind: 'final',
        dueAt: '2027-01-05T14:59:59.999Z',
        stage: 'overdue',
      },
      DEMO_DESK,
    );
    const all = `${text.subject}\n${text.text}`;
    expect(all).toContain('INC-2026-12-07-AAAAAA');
    expect(all).toContain('確報');
    expect(all).toContain('final report');
    expect(all).toContain('2027年1月5日 23:59（日本時間）');
    expect(all).toContain('5 January 2027 at 23:59 (Japan time)');
    expect(all).toContain('施行規則第8条第2項');
    expect(all).not.toContain('A file was sent');
    expect(apiWordsIn(all)).toEqual([]);
  });
});
