// The reports to the PPC from an incident version: the preliminary report marks what is not yet known
// 調査中, the final report refuses an empty item, neither is made for an incident not reportable; the
// officer records each submission as a new version, once, with a sound time and receipt reference.

import { describe, expect, it } from 'vitest';
import { recordReportSubmission, viewIncidentReport } from '../../../functions/domain/incidents/ppc-reports';
import { generateReport } from '../../../functions/domain/incidents/reports';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import type { StaffActor } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, RecordingAccessLog } from '../doubles';
import { completeIncident, incident, MemoryIncidents, subject } from './report-fixtures';

const NOW = new Date('2026-12-03T03:00:00.000Z');
const OFFICER: StaffActor = { staffId: 'officer', role: 'officer', sourceIp: '203.0.113.9' };
const AUDITOR: StaffActor = { staffId: 'auditor', role: 'auditor', sourceIp: '203.0.113.10' };

async function problem(p: Promise<unknown> | (() => unknown)): Promise<DeskProblem> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (error) {
    if (error instanceof DeskProblem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('the preliminary report (Rules Art. 8(1): what is known at the time)', () => {
  it('states what the incident says in Japanese and marks the rest 調査中', () => {
    const report = generateReport('preliminary', incident(), [subject('s-1'), subject('s-2')], NOW, DEMO_COMPANY);
    expect(report).toMatchObject({
      kind: 'preliminary',
      title: '漏えい等報告（速報）',
      basis: 'Enforcement Rules Art. 8(1)',
      business: { name: 'メカラ合同会社', nameEn: 'Mecara LLC' },
      incidentId: 'INC-2026-12-01-7KQ2MX',
      version: 2,
      dueAt: '2026-12-04T14:59:59.999Z',
      generatedAt: NOW.toISOString(),
      reportability: { reportable: true, assessed: true, underMyNumberAct: false },
      persons: { estimated: 1500, linked: 2 },
      underInvestigation: [4, 5, 6, 7, 8, 9],
      complete: false,
    });
    expect(report.reportability.rulesMet.map((f) => f.rule)).toEqual(['rules-7-2-financial-loss']);
    expect(report.items.map((i) => [i.number, i.state])).toEqual([
      [1, 'stated'],
      [2, 'stated'],
      [3, 'stated'],
      [4, 'under-investigation'],
      [5, 'under-investigation'],
      [6, 'under-investigation'],
      [7, 'under-investigation'],
      [8, 'under-investigation'],
      [9, 'under-investigation'],
    ]);
    const text = (n: number) => report.items[n - 1]!.text;
    expect(text(1).split('\n')).toEqual([
      '事態の区分：漏えい',
      '発生日時：2026年11月30日 15:30（日本時間）',
      '発覚日時：2026年12月1日 10:00（日本時間）',
      '発覚の経緯：顧客からの問合せ',
      '事案の概要：顧客一覧を添付した電子メールを取引先以外の宛先に誤送信した。',
    ]);
    expect(text(2).split('\n')).toEqual([
      '個人データの区分：氏名、メールアドレス',
      'クレジットカード番号及びセキュリティコード',
    ]);
    expect(text(3).split('\n')).toEqual(['推計：約1,500名', '台帳で特定した本人：2名']);
    expect(text(4)).toBe('調査中');
  });

  it('marks an unknown time of occurrence 調査中; the final report says 不明', () => {
    const { occurredAt: _o, ...rest } = completeIncident();
    expect(generateReport('preliminary', rest, [], NOW, DEMO_COMPANY).items[0]!.text).toContain('発生日時：調査中');
    expect(generateReport('final', rest, [], NOW, DEMO_COMPANY).items[0]!.text).toContain('発生日時：不明');
  });

  it('counts the notices to the linked persons into item (vi), never naming them', () => {
    const decided = { decidedAt: NOW.toISOString(), decidedBy: 'officer' };
    const subjects = [
      subject('s-1', { state: 'sent', ...decided, sentAt: NOW.toISOString(), language: 'ja' }),
      subject('s-2', { state: 'unreachable', ...decided, alternativeMeasure: '当社ウェブサイトでの公表' }),
      subject('s-3', { state: 'unreachable', ...decided, alternativeMeasure: '当社ウェブサイトでの公表' }),
      subject('s-4', { state: 'pending', ...decided }),
      subject('s-5'),
    ];
    const report = generateReport(
      'preliminary',
      incident({ persons: { estimated: 1500, linked: 5 } }),
      subjects,
      NOW,
      DEMO_COMPANY,
    );
    expect(report.notices).toEqual({
      linked: 5,
      sent: 1,
      pending: 1,
      unreachable: 2,
      notYetNotified: 1,
      alternativeMeasures: ['当社ウェブサイトでの公表'],
    });
    const vi = report.items[5]!;
    expect(vi.state).toBe('stated');
    expect(vi.text.split('\n')).toEqual([
      '本人への通知：通知済み 1名、通知手続中 1名、通知困難 2名、未通知 1名',
      '代替措置：当社ウェブサイトでの公表',
    ]);
    expect(JSON.stringify(report)).not.toMatch(/s-[1-5]/);
  });

  it('with no persons known, item (iii) is 調査中', () => {
    const report = generateReport('preliminary', incident({ persons: { linked: 0 } }), [], NOW, DEMO_COMPANY);
    expect(report.items[2]).toMatchObject({ state: 'under-investigation', text: '調査中' });
  });
});

describe('the final report (Rules Art. 8(2): every item)', () => {
  it('carries every item; (ix) with nothing to add says なし', () => {
    const report = generateReport('final', completeIncident(), [], NOW, DEMO_COMPANY);
    expect(report).toMatchObject({
      title: '漏えい等報告（確報）',
      basis: 'Enforcement Rules Art. 8(2)',
      dueAt: '2026-12-30T14:59:59.999Z',
      underInvestigation: [],
      complete: true,
    });
    expect(report.items.map((i) => i.state)).toEqual([...Array(8).fill('stated'), 'none']);
    expect(report.items[8]!.text).toBe('なし');
    expect(report.items[2]!.text.split('\n')).toEqual(['確定：1,480名', '推計：約1,500名', '台帳で特定した本人：2名']);
  });

  it('is refused (422) while an item is empty, naming each item and its field', async () => {
    const p = await problem(() => generateReport('final', incident(), [], NOW, DEMO_COMPANY));
    expect(p.kind).toBe('unprocessable');
    expect(p.title).toBe('Final report incomplete');
    expect(p.errors?.map((e) => e.field)).toEqual([
      'cause',
      'secondaryDamage',
      'measuresTaken',
      'publication',
      'recurrencePrevention',
    ]);
    expect(p.detail).toContain('(iv) 原因 (cause)');
    expect(p.detail).toContain('(vii) 公表の実施状況');
  });

  it('takes notices recorded as the response to the persons when no other measure is written', () => {
    const decided = { decidedAt: NOW.toISOString(), decidedBy: 'officer', sentAt: NOW.toISOString() };
    const report = generateReport(
      'final',
      completeIncident({ measuresTaken: '' }),
      [subject('s-1', { state: 'sent', ...decided })],
      NOW,
      DEMO_COMPANY,
    );
    expect(report.items[5]).toMatchObject({
      state: 'stated',
      text: '本人への通知：通知済み 1名、通知手続中 0名、通知困難 0名、未通知 0名',
    });
  });
});

describe('reportability', () => {
  const notReportable = { ...incident().reportability, reportable: false, findings: [] };

  it('no report for an incident not reportable (422 naming reportability)', async () => {
    for (const kind of ['preliminary', 'final'] as const) {
      const p = await problem(() =>
        generateReport(kind, completeIncident({ reportability: notReportable }), [], NOW, DEMO_COMPANY),
      );
      expect(p.kind).toBe('unprocessable');
      expect(p.errors).toEqual([{ field: 'reportability', message: expect.stringContaining('not reportable') }]);
    }
  });

  it("follows the officer's override either way", async () => {
    const at = NOW.toISOString();
    const overridden = generateReport(
      'preliminary',
      incident({
        reportability: {
          ...notReportable,
          override: { reportable: true, reason: 'Customers report misuse', by: 'officer', at },
        },
      }),
      [],
      NOW,
      DEMO_COMPANY,
    );
    expect(overridden.reportability).toMatchObject({
      reportable: true,
      assessed: false,
      override: { reason: 'Customers report misuse' },
    });
    const p = await problem(() =>
      generateReport(
        'preliminary',
        incident({
          reportability: {
            ...incident().reportability,
            override: { reportable: false, reason: 'The recipient is our own subsidiary', by: 'officer', at },
          },
        }),
        [],
        NOW,
        DEMO_COMPANY,
      ),
    );
    expect(p.detail).toContain("officer's override");
  });
});

describe('viewing a report', () => {
  it('from the current version or an earlier one, logged once naming the incident and no subject', async () => {
    const store = new MemoryIncidents(
      [incident({ version: 1 }), completeIncident({ version: 2 })],
      [subject('s-1'), subject('s-2')],
    );
    const accessLog = new RecordingAccessLog();
    const deps = { incidents: store, accessLog, clock: new FixedClock(NOW), company: DEMO_COMPANY };
    const latest = await viewIncidentReport(deps, AUDITOR, 'INC-2026-12-01-7KQ2MX', 'final');
    expect(latest.version).toBe(2);
    const first = await viewIncidentReport(deps, AUDITOR, 'INC-2026-12-01-7KQ2MX', 'preliminary', 1);
    expect(first.version).toBe(1);
    expect(first.items[3]!.text).toBe('調査中');
    expect(accessLog.entries).toEqual([
      expect.objectContaining({
        actor: 'auditor',
        action: 'read',
        subjects: [],
        fields: ['incidents'],
        incidentId: 'INC-2026-12-01-7KQ2MX',
        incidentVersion: 2,
      }),
      expect.objectContaining({ action: 'read', subjects: [], incidentVersion: 1 }),
    ]);
  });

  it('404 for an unknown incident, 422 naming the version for one that does not exist; nothing logged', async () => {
    const accessLog = new RecordingAccessLog();
    const deps = {
      incidents: new MemoryIncidents([incident()]),
      accessLog,
      clock: new FixedClock(NOW),
      company: DEMO_COMPANY,
    };
    expect((await problem(viewIncidentReport(deps, OFFICER, 'INC-2026-01-01-AAAAAA', 'preliminary'))).kind).toBe(
      'not-found',
    );
    const p = await problem(viewIncidentReport(deps, OFFICER, 'INC-2026-12-01-7KQ2MX', 'preliminary', 7));
    expect(p.errors?.[0]?.field).toBe('version');
    expect(accessLog.entries).toEqual([]);
  });
});

describe('recording a submission', () => {
  const setup = (versions = [incident()], clock = new FixedClock(NOW)) => {
    const store = new MemoryIncidents(versions, [subject('s-1'), subject('s-2')]);
    const accessLog = new RecordingAccessLog();
    return { store, accessLog, deps: { incidents: store, accessLog, clock, company: DEMO_COMPANY } };
  };
  const id = 'INC-2026-12-01-7KQ2MX';
  const preliminary = { fromVersion: 2, submittedAt: '2026-12-03T02:00:00.000Z', receiptReference: 'PPC-2026-0042' };

  it('as a new version carrying the record; logged once; the same kind again is 409', async () => {
    const { store, accessLog, deps } = setup();
    const recorded = await recordReportSubmission(deps, OFFICER, id, 'preliminary', preliminary);
    expect(recorded).toEqual({
      incidentId: id,
      version: 3,
      reports: {
        preliminary: {
          kind: 'preliminary',
          submittedAt: '2026-12-03T02:00:00.000Z',
          receiptReference: 'PPC-2026-0042',
          recordedBy: 'officer',
          recordedAt: NOW.toISOString(),
          fromVersion: 2,
        },
      },
    });
    const current = await store.get(id);
    expect(current).toMatchObject({
      version: 3,
      changedBy: 'officer',
      changeReason: expect.stringContaining('PPC-2026-0042'),
    });
    expect(accessLog.entries).toEqual([
      expect.objectContaining({ action: 'write', subjects: [], incidentId: id, incidentVersion: 3 }),
    ]);
    const again = await problem(
      recordReportSubmission(deps, OFFICER, id, 'preliminary', { ...preliminary, fromVersion: 3 }),
    );
    expect([again.kind, again.title]).toEqual(['conflict', 'Report already recorded']);
    expect(store.replaced).toBe(1);
  });

  it('refuses a time in the future or before awareness, and a version that does not exist (422 naming the field); nothing written', async () => {
    const { store, deps } = setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ submittedAt: '2026-12-03T04:00:00.000Z' }, 'submittedAt'],
      [{ submittedAt: '2026-12-01T00:59:59.000Z' }, 'submittedAt'],
      [{ fromVersion: 3 }, 'fromVersion'],
      [{ servesAsPreliminary: true }, 'servesAsPreliminary'],
    ];
    for (const [change, field] of cases) {
      const p = await problem(recordReportSubmission(deps, OFFICER, id, 'preliminary', { ...preliminary, ...change }));
      expect([p.kind, p.errors?.[0]?.field], JSON.stringify(change)).toEqual(['unprocessable', field]);
    }
    expect(store.replaced).toBe(0);
  });

  it('refuses a report the desk would not have prepared from that version (not reportable, or final incomplete)', async () => {
    const notReportable = incident({ version: 1, reportability: { ...incident().reportability, reportable: false } });
    const { store, deps } = setup([notReportable, incident()]);
    const p = await problem(
      recordReportSubmission(deps, OFFICER, id, 'preliminary', { ...preliminary, fromVersion: 1 }),
    );
    expect(p.errors?.[0]?.field).toBe('reportability');
    const final = await problem(
      recordReportSubmission(deps, OFFICER, id, 'final', { ...preliminary, servesAsPreliminary: true }),
    );
    expect(final.title).toBe('Final report incomplete');
    expect(store.replaced).toBe(0);
  });

  it('a final report before the preliminary is recorded only as serving both; then both are recorded', async () => {
    const { store, deps } = setup([completeIncident()]);
    const alone = await problem(recordReportSubmission(deps, OFFICER, id, 'final', preliminary));
    expect([alone.kind, alone.errors?.[0]?.field]).toEqual(['unprocessable', 'servesAsPreliminary']);
    const both = await recordReportSubmission(deps, OFFICER, id, 'final', {
      ...preliminary,
      servesAsPreliminary: true,
    });
    expect(both.reports.preliminary).toMatchObject({
      kind: 'preliminary',
      servesBoth: true,
      receiptReference: 'PPC-2026-0042',
    });
    expect(both.reports.final).toMatchObject({ kind: 'final', servesBoth: true, fromVersion: 2 });
    expect(store.replaced).toBe(1);
  });

  it('the final after the preliminary: not submitted before it', async () => {
    const { deps } = setup([completeIncident()]);
    await recordReportSubmission(deps, OFFICER, id, 'preliminary', preliminary);
    const early = await problem(
      recordReportSubmission(deps, OFFICER, id, 'final', {
        ...preliminary,
        fromVersion: 3,
        submittedAt: '2026-12-02T00:00:00.000Z',
      }),
    );
    expect(early.errors?.[0]?.field).toBe('submittedAt');
    const final = await recordReportSubmission(deps, OFFICER, id, 'final', {
      fromVersion: 3,
      submittedAt: '2026-12-03T02:30:00.000Z',
      receiptReference: 'PPC-2026-0043',
    });
    expect(final.version).toBe(4);
    expect(Object.keys(final.reports)).toEqual(['preliminary', 'final']);
  });

  it('a draft or a closed incident takes no record (409)', async () => {
    for (const state of ['draft', 'closed'] as const) {
      const { store, deps } = setup([incident({ state })]);
      expect((await problem(recordReportSubmission(deps, OFFICER, id, 'preliminary', preliminary))).kind).toBe(
        'conflict',
      );
      expect(store.replaced).toBe(0);
    }
  });

  it('two records at once: one wins, the other is 409', async () => {
    const { store, deps } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let waiting = 0;
    store.beforeWrite = async () => {
      waiting += 1;
      if (waiting === 2) release();
      await gate;
    };
    const results = await Promise.allSettled([
      recordReportSubmission(deps, OFFICER, id, 'preliminary', preliminary),
      recordReportSubmission(deps, OFFICER, id, 'preliminary', { ...preliminary, receiptReference: 'PPC-OTHER' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ kind: 'conflict', title: 'Incident changed meanwhile' });
    expect(store.replaced).toBe(1);
  });
});
