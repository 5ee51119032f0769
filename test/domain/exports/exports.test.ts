// The export rules (policy §6(1)) with in-memory doubles: which categories may
// leave, two people, the state machine, the single-use 24-hour link and what the file holds.

import { describe, expect, it } from 'vitest';
import { decideExport } from '../../../functions/domain/exports/decide-export';
import { downloadExport } from '../../../functions/domain/exports/download-export';
import { exportCsv } from '../../../functions/domain/exports/export-file';
import { listExports, viewExport } from '../../../functions/domain/exports/list-exports';
import { requestExport } from '../../../functions/domain/exports/request-export';
import {
  EXPORT_APPROVER_INDEPENDENCE_DAYS,
  EXPORT_LINK_LIFETIME_HOURS,
  EXPORT_MAX_SUBJECTS,
  EXPORT_MIN_SUBJECTS,
  EXPORT_RECORD_RETENTION_SECONDS,
  EXPORTABLE_CATEGORIES,
  exportCategories,
  exportStatus,
} from '../../../functions/domain/exports/rules';
import { EVIDENCE_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/categories';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import {
  ArrayRequestReader,
  FixedClock,
  RecordingAccessLog,
  receivedRequest,
  SequenceSecrets,
  subjectsByAddress,
} from '../doubles';
import { purposeVersions } from '../personal-data/personal-data-doubles';
import { CarelessHoldings, exportedRecord, MemoryExports } from './export-doubles';

const OPERATOR: StaffActor = { staffId: 'op-1', role: 'operator', sourceIp: '203.0.113.7' };
const OTHER_OPERATOR: StaffActor = { staffId: 'op-2', role: 'operator', sourceIp: '203.0.113.8' };
const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.9' };
const OFFICER_2: StaffActor = { staffId: 'officer-2', role: 'officer', sourceIp: '203.0.113.10' };
const AUDITOR: StaffActor = { staffId: 'auditor-1', role: 'auditor', sourceIp: '203.0.113.11' };
const BASE = 'https://desk.test/v1';
const HOUR_MS = 3600_000;

function staffMember(staffId: string): StaffMember {
  return {
    staffId,
    displayName: staffId,
    email: `${staffId}@desk.example.jp`,
    role: 'operator',
    status: 'active',
    passwordChangedAt: '2026-11-01T00:00:00.000Z',
  };
}

function setup() {
  const clock = new FixedClock('2026-11-26T01:00:00.000Z');
  const exports = new MemoryExports();
  const accessLog = new RecordingAccessLog();
  const secrets = new SequenceSecrets();
  const holdings = new CarelessHoldings({
    'subject-a': [
      exportedRecord('name', 'Hanako Yamada'),
      exportedRecord('medical-history', 'asthma'),
      exportedRecord('email', '=cmd|hanako@example.jp'),
    ],
    'subject-b': [exportedRecord('phone', '090-1234-5678'), exportedRecord('cookie-id', 'ck-1')],
  });
  const staff = { get: async (id: string) => staffMember(id) };
  const deps = {
    request: {
      purposes: purposeVersions(),
      requests: new ArrayRequestReader([receivedRequest()]),
      subjects: subjectsByAddress({ 'hanako.yamada@example.jp': ['subject-a', 'subject-b'] }),
      exports,
      accessLog,
      clock,
      company: DEMO_COMPANY,
      secrets,
      officer: 'officer@desk.example.jp',
    },
    decide: { exports, staff, clock, secrets, company: DEMO_COMPANY },
    download: { exports, holdings, accessLog, clock },
    list: { exports, clock },
  };
  const ask = (over: Record<string, unknown> = {}) =>
    requestExport(
      deps.request,
      OPERATOR,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'json', ...over },
      BASE,
    );
  const approve = async (actor = OFFICER) => {
    const { exportId } = await ask();
    await decideExport(deps.decide, actor, exportId, { decision: 'approved', reason: 'Needed for the audit' }, BASE);
    return { exportId, token: secrets.tokensIssued.at(-1)! };
  };
  return { clock, exports, accessLog, secrets, holdings, deps, ask, approve };
}

async function problemOf(promise: Promise<unknown>): Promise<DeskProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskProblem);
  return error as DeskProblem;
}

describe('export constants', () => {
  it('two subjects or more are an export, at most 100 per request; the link lives 24 hours; requests are kept as evidence', () => {
    expect(EXPORT_MIN_SUBJECTS).toBe(2);
    expect(EXPORT_MAX_SUBJECTS).toBe(100);
    expect(EXPORT_LINK_LIFETIME_HOURS).toBe(24);
    expect(EXPORT_RECORD_RETENTION_SECONDS).toBe(EVIDENCE_RETENTION_SECONDS);
  });
});

describe('exportCategories', () => {
  it('without a list: every ordinary and access-information category, no special-care one', () => {
    const all = exportCategories(undefined);
    expect(all).toEqual(PERSONAL_DATA_CATEGORIES.filter((c) => c.kind !== 'special-care').map((c) => c.id));
    expect(all).toContain('cookie-id');
    expect(all).not.toContain('medical-history');
  });

  it('refuses special-care categories and My Number with 422 naming each', async () => {
    const problem = await problemOf(
      Promise.resolve().then(() => exportCategories(['name', 'medical-history', 'creed', 'my-number'])),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toMatch(/^categories: /);
    for (const named of ['medical-history', 'creed', 'my-number']) expect(problem.detail).toContain(named);
    expect(problem.detail).not.toContain('name,');
    expect((await problemOf(Promise.resolve().then(() => exportCategories(['individual-number'])))).detail).toContain(
      'My Number Act',
    );
  });

  it('refuses unknown categories with 422 naming them', async () => {
    const problem = await problemOf(Promise.resolve().then(() => exportCategories(['name', 'shoe-size'])));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('shoe-size');
  });

  it('keeps each asked category once', () => {
    expect(exportCategories(['name', 'email', 'name'])).toEqual(['name', 'email']);
  });
});

describe('requestExport', () => {
  it('stores a requested export with the resolved categories and reason, e-mails the officer, and logs first', async () => {
    const { ask, exports, accessLog } = setup();
    const answer = await ask({ categories: ['name', 'email'], note: 'For the audit firm' });
    expect(answer).toEqual({ exportId: 'id-1', status: 'requested' });
    const stored = exports.items.get('id-1')!;
    expect(stored).toMatchObject({
      status: 'requested',
      version: 1,
      requestedBy: 'op-1',
      requestedByRole: 'operator',
      subjectIds: ['subject-a', 'subject-b'],
      categories: ['name', 'email'],
      reason: 'purpose service-provision',
      format: 'json',
      note: 'For the audit firm',
      expiresAt: Date.parse('2026-11-26T01:00:00.000Z') / 1000 + EXPORT_RECORD_RETENTION_SECONDS,
    });
    expect(exports.messages).toHaveLength(1);
    expect(exports.messages[0]).toMatchObject({ to: ['officer@desk.example.jp'], messageId: 'export-requested-id-1' });
    expect(exports.messages[0]!.text).toContain(`${BASE}/v1/staff/exports/id-1`);
    expect(exports.messages[0]!.text).toContain('Approve or refuse it by its export number');
    expect(exports.messages[0]!.text).toContain('Subjects: 2');
    expect(accessLog.entries).toEqual([
      {
        actor: 'op-1',
        role: 'operator',
        action: 'write',
        subjects: ['subject-a', 'subject-b'],
        fields: ['name', 'email'],
        reason: 'purpose service-provision (export id-1 requested)',
        sourceIp: '203.0.113.7',
        at: '2026-11-26T01:00:00.000Z',
      },
    ]);
  });

  it('needs exactly one reason, and a purpose that is published and active; nothing is stored or logged otherwise', async () => {
    const { ask, exports, accessLog } = setup();
    for (const over of [{ purpose: undefined }, { requestId: 'req-1' }, { purpose: 'no-such-purpose' }]) {
      expect((await problemOf(ask(over))).kind).toBe('unprocessable');
    }
    expect(exports.items.size).toBe(0);
    expect(accessLog.entries).toEqual([]);
    await ask({ purpose: undefined, requestId: 'req-1' });
    expect(exports.items.get('id-1')!.reason).toBe('request req-1');
  });

  it('a request reason must concern every subject exported: one about someone else → 422, nothing stored or logged', async () => {
    const { ask, exports, accessLog } = setup();
    const problem = await problemOf(
      ask({ purpose: undefined, requestId: 'req-1', subjectIds: ['subject-a', 'subject-z'] }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Request about someone else' });
    expect(problem.detail).toContain('subject subject-z');
    expect(problem.detail).not.toContain('subject-a');
    expect(exports.items.size).toBe(0);
    expect(accessLog.entries).toEqual([]);
  });

  it('refuses special-care categories before anything is stored or logged', async () => {
    const { ask, exports, accessLog } = setup();
    expect((await problemOf(ask({ categories: ['name', 'medical-history'] }))).detail).toContain('medical-history');
    expect(exports.items.size).toBe(0);
    expect(accessLog.entries).toEqual([]);
  });
});

describe('decideExport', () => {
  it('approval: another officer; a token stored only as its hash; link valid 24 hours, e-mailed to the requester', async () => {
    const { ask, deps, exports, secrets } = setup();
    const { exportId } = await ask();
    const answer = await decideExport(
      deps.decide,
      OFFICER,
      exportId,
      { decision: 'approved', reason: 'Needed for the audit' },
      BASE,
    );
    expect(answer).toEqual({
      exportId,
      status: 'approved',
      decidedBy: 'officer-1',
      decidedAt: '2026-11-26T01:00:00.000Z',
      linkExpiresAt: '2026-11-27T01:00:00.000Z',
    });
    const token = secrets.tokensIssued[0]!;
    const stored = exports.items.get(exportId)!;
    expect(stored).toMatchObject({
      status: 'approved',
      version: 2,
      tokenHash: hashSecret(token),
      decision: { outcome: 'approved', by: 'officer-1', reason: 'Needed for the audit' },
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    const mail = exports.messages.at(-1)!;
    expect(mail).toMatchObject({ to: ['op-1@desk.example.jp'], messageId: `export-approved-${exportId}` });
    expect(mail.text).toContain(`${BASE}/v1/staff/exports/${exportId}/download/${token}`);
  });

  it('the requester may not decide their own request, even as officer: 403, nothing changes', async () => {
    const { deps, exports } = setup();
    const { exportId } = await requestExport(
      deps.request,
      OFFICER,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'csv' },
      BASE,
    );
    const problem = await problemOf(
      decideExport(deps.decide, OFFICER, exportId, { decision: 'approved', reason: 'My own export' }, BASE),
    );
    expect(problem.kind).toBe('forbidden');
    expect(problem.detail).toContain('two people');
    expect(exports.items.get(exportId)).toMatchObject({ status: 'requested', version: 1 });
    await decideExport(
      deps.decide,
      OFFICER_2,
      exportId,
      { decision: 'approved', reason: 'Checked by a second officer' },
      BASE,
    );
    expect(exports.items.get(exportId)!.status).toBe('approved');
  });

  it('refusal e-mails the reason and keeps no token; a decided request is not decided again (409)', async () => {
    const { ask, deps, exports } = setup();
    const { exportId } = await ask();
    await decideExport(
      deps.decide,
      OFFICER,
      exportId,
      { decision: 'refused', reason: 'Not needed for that purpose' },
      BASE,
    );
    const stored = exports.items.get(exportId)!;
    expect(stored.status).toBe('refused');
    expect(stored.tokenHash).toBeUndefined();
    expect(exports.messages.at(-1)!.text).toContain('Not needed for that purpose');
    expect(
      (
        await problemOf(
          decideExport(deps.decide, OFFICER_2, exportId, { decision: 'approved', reason: 'Second thoughts' }, BASE),
        )
      ).kind,
    ).toBe('conflict');
  });

  it('two officers at once: one wins, the other gets 409', async () => {
    const { ask, deps } = setup();
    const { exportId } = await ask();
    const results = await Promise.allSettled([
      decideExport(deps.decide, OFFICER, exportId, { decision: 'approved', reason: 'Needed for the audit' }, BASE),
      decideExport(deps.decide, OFFICER_2, exportId, { decision: 'refused', reason: 'Not needed for that' }, BASE),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as DeskProblem).kind).toBe(
      'conflict',
    );
  });

  it("a disabled requester's export may be refused, not approved (409)", async () => {
    const { ask, deps, exports } = setup();
    const { exportId } = await ask();
    const disabled = {
      ...deps.decide,
      staff: { get: async (id: string) => ({ ...staffMember(id), status: 'disabled' as const }) },
    };
    expect(
      (
        await problemOf(
          decideExport(disabled, OFFICER, exportId, { decision: 'approved', reason: 'Needed for the audit' }, BASE),
        )
      ).title,
    ).toBe('Requester disabled');
    expect(exports.items.get(exportId)!.status).toBe('requested');
    await decideExport(disabled, OFFICER, exportId, { decision: 'refused', reason: 'The requester has left' }, BASE);
    expect(exports.items.get(exportId)!.status).toBe('refused');
  });

  it("an approver whose account or role the requester granted within the last 30 days is refused (403); an older or another officer's grant is not", async () => {
    const { deps, exports, clock } = setup();
    const { exportId } = await requestExport(
      deps.request,
      OFFICER,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'csv' },
      BASE,
    );
    const grantedAt = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * 24 * HOUR_MS).toISOString();
    const grants: Record<string, Partial<StaffMember>> = {
      'officer-2': {
        role: 'officer',
        createdBy: 'officer-1',
        createdAt: grantedAt(40),
        roleGrantedBy: 'officer-1',
        roleGrantedAt: grantedAt(EXPORT_APPROVER_INDEPENDENCE_DAYS - 1),
      },
      'officer-3': {
        role: 'officer',
        createdBy: 'officer-1',
        createdAt: grantedAt(EXPORT_APPROVER_INDEPENDENCE_DAYS + 1),
        roleGrantedBy: 'officer-1',
        roleGrantedAt: grantedAt(EXPORT_APPROVER_INDEPENDENCE_DAYS + 1),
      },
      'officer-4': {
        role: 'officer',
        createdBy: 'officer-9',
        createdAt: grantedAt(1),
        roleGrantedBy: 'officer-9',
        roleGrantedAt: grantedAt(1),
      },
    };
    const staff = { get: async (id: string) => ({ ...staffMember(id), ...grants[id] }) };
    const decide = { ...deps.decide, staff };
    const problem = await problemOf(
      decideExport(decide, OFFICER_2, exportId, { decision: 'approved', reason: 'Looks fine' }, BASE),
    );
    expect(problem.kind).toBe('forbidden');
    expect(problem.title).toBe('Approver not independent');
    expect(problem.detail).toContain('officer-1');
    expect(exports.items.get(exportId)).toMatchObject({ status: 'requested', version: 1 });
    await decideExport(
      decide,
      { ...OFFICER_2, staffId: 'officer-3' },
      exportId,
      { decision: 'approved', reason: 'Checked' },
      BASE,
    );
    expect(exports.items.get(exportId)!.status).toBe('approved');
    const second = await requestExport(
      deps.request,
      OFFICER,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'csv' },
      BASE,
    );
    await decideExport(
      decide,
      { ...OFFICER_2, staffId: 'officer-4' },
      second.exportId,
      { decision: 'approved', reason: 'Checked' },
      BASE,
    );
  });

  it('a dependent approver may still refuse: a refusal takes nothing out', async () => {
    const { deps, exports, clock } = setup();
    const { exportId } = await requestExport(
      deps.request,
      OFFICER,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'csv' },
      BASE,
    );
    const staff = {
      get: async (id: string) => ({
        ...staffMember(id),
        ...(id === 'officer-2'
          ? {
              role: 'officer' as const,
              createdBy: 'officer-1',
              createdAt: clock.now().toISOString(),
              roleGrantedBy: 'officer-1',
              roleGrantedAt: clock.now().toISOString(),
            }
          : {}),
      }),
    };
    await decideExport(
      { ...deps.decide, staff },
      OFFICER_2,
      exportId,
      { decision: 'refused', reason: 'Not needed' },
      BASE,
    );
    expect(exports.items.get(exportId)!.status).toBe('refused');
  });

  it('an unknown export → 404', async () => {
    const { deps } = setup();
    expect(
      (
        await problemOf(
          decideExport(deps.decide, OFFICER, 'nope', { decision: 'approved', reason: 'Needed for the audit' }, BASE),
        )
      ).kind,
    ).toBe('not-found');
  });
});

describe('downloadExport', () => {
  it('builds the file from live records of the approved categories, never special-care ones, and logs every subject and field', async () => {
    const { approve, deps, accessLog, exports, clock } = setup();
    const { exportId, token } = await approve();
    clock.set('2026-11-26T02:00:00.000Z');
    const { body, contentType, fileName } = await downloadExport(deps.download, OPERATOR, exportId, token);
    expect(contentType).toMatch(/^application\/json/);
    expect(fileName).toBe(`export-${exportId}.json`);
    expect(body).toEqual({
      exportId,
      generatedAt: '2026-11-26T02:00:00.000Z',
      reason: 'purpose service-provision',
      categories: ['cookie-id', 'email', 'name', 'phone'],
      subjects: [
        {
          subjectId: 'subject-a',
          records: [exportedRecord('name', 'Hanako Yamada'), exportedRecord('email', '=cmd|hanako@example.jp')],
        },
        {
          subjectId: 'subject-b',
          records: [exportedRecord('phone', '090-1234-5678'), exportedRecord('cookie-id', 'ck-1')],
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain('asthma');
    expect(accessLog.entries.at(-1)).toEqual({
      actor: 'op-1',
      role: 'operator',
      action: 'read',
      subjects: ['subject-a', 'subject-b'],
      fields: ['cookie-id', 'email', 'name', 'phone'],
      reason: `purpose service-provision (export ${exportId} downloaded)`,
      sourceIp: '203.0.113.7',
      at: '2026-11-26T02:00:00.000Z',
    });
    expect(exports.items.get(exportId)).toMatchObject({
      status: 'downloaded',
      downloadedAt: '2026-11-26T02:00:00.000Z',
      version: 3,
    });
  });

  it('CSV: one row per record, formulas neutralised, a BOM for spreadsheets', async () => {
    const { ask, deps, secrets } = setup();
    const { exportId } = await ask({ format: 'csv' });
    await decideExport(deps.decide, OFFICER, exportId, { decision: 'approved', reason: 'Needed for the audit' }, BASE);
    const { body, contentType, fileName } = await downloadExport(
      deps.download,
      OPERATOR,
      exportId,
      secrets.tokensIssued[0]!,
    );
    expect(contentType).toMatch(/^text\/csv/);
    expect(fileName).toBe(`export-${exportId}.csv`);
    const lines = (body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('subjectId,recordId,category,value,source,sourceDetail,purposes,acquiredAt');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      "subject-a,rec-email,email,'=cmd|hanako@example.jp,from-customer,,service-provision,2026-11-01T00:00:00.000Z",
    );
    expect(body).not.toContain('asthma');
  });

  it('the link works once: a second download → 410, nothing more read or logged', async () => {
    const { approve, deps, accessLog, holdings } = setup();
    const { exportId, token } = await approve();
    await downloadExport(deps.download, OPERATOR, exportId, token);
    const [logged, asked] = [accessLog.entries.length, holdings.asked.length];
    const problem = await problemOf(downloadExport(deps.download, OPERATOR, exportId, token));
    expect([problem.kind, problem.title]).toEqual(['gone', 'Link already used']);
    expect([accessLog.entries.length, holdings.asked.length]).toEqual([logged, asked]);
  });

  it('the link expires 24 hours after approval → 410; the status reads expired', async () => {
    const { approve, deps, clock, exports } = setup();
    const { exportId, token } = await approve();
    clock.set(new Date(Date.parse('2026-11-26T01:00:00.000Z') + EXPORT_LINK_LIFETIME_HOURS * HOUR_MS - 1));
    expect(exportStatus(exports.items.get(exportId)!, clock.now())).toBe('approved');
    clock.set(new Date(Date.parse('2026-11-26T01:00:00.000Z') + EXPORT_LINK_LIFETIME_HOURS * HOUR_MS));
    expect(exportStatus(exports.items.get(exportId)!, clock.now())).toBe('expired');
    const problem = await problemOf(downloadExport(deps.download, OPERATOR, exportId, token));
    expect([problem.kind, problem.title]).toEqual(['gone', 'Link expired']);
  });

  it('a wrong token or an unknown export → 404 alike; another staff member with the right token → 403', async () => {
    const { approve, ask, deps } = setup();
    const { exportId, token } = await approve();
    const wrong = await problemOf(downloadExport(deps.download, OPERATOR, exportId, `${token}x`));
    const unknown = await problemOf(downloadExport(deps.download, OPERATOR, 'nope', token));
    expect([wrong.kind, wrong.title, wrong.detail]).toEqual([unknown.kind, unknown.title, unknown.detail]);
    expect(wrong.kind).toBe('not-found');
    const { exportId: pending } = await ask();
    expect((await problemOf(downloadExport(deps.download, OPERATOR, pending, token))).kind).toBe('not-found');
    for (const other of [OTHER_OPERATOR, OFFICER]) {
      expect((await problemOf(downloadExport(deps.download, other, exportId, token))).kind).toBe('forbidden');
    }
    await downloadExport(deps.download, OPERATOR, exportId, token);
  });

  it('two downloads at once: one gets the file, the other 410', async () => {
    const { approve, deps } = setup();
    const { exportId, token } = await approve();
    const results = await Promise.allSettled(
      [1, 2].map(() => downloadExport(deps.download, OPERATOR, exportId, token)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as DeskProblem).kind).toBe(
      'gone',
    );
  });

  it('asks the holdings only for exportable categories', async () => {
    const { approve, deps, holdings } = setup();
    const { exportId, token } = await approve();
    await downloadExport(deps.download, OPERATOR, exportId, token);
    for (const { categories } of holdings.asked)
      expect(categories.every((c) => EXPORTABLE_CATEGORIES.includes(c))).toBe(true);
  });
});

describe('listExports and viewExport', () => {
  it('officer and auditor see every request; an operator only their own; metadata without values', async () => {
    const { ask, deps, approve } = setup();
    await ask();
    await requestExport(
      deps.request,
      OTHER_OPERATOR,
      { subjectIds: ['subject-a', 'subject-b'], purpose: 'service-provision', format: 'json' },
      BASE,
    );
    await approve();
    for (const actor of [OFFICER, AUDITOR])
      expect((await listExports(deps.list, actor, undefined)).items).toHaveLength(3);
    const own = await listExports(deps.list, OPERATOR, undefined);
    expect(own.items.map((i) => i.requestedBy)).toEqual(['op-1', 'op-1']);
    expect((await listExports(deps.list, OFFICER, 'approved')).items).toHaveLength(1);
    expect((await listExports(deps.list, OFFICER, 'requested')).items).toHaveLength(2);
    expect(JSON.stringify(await listExports(deps.list, OFFICER, undefined))).not.toMatch(/Hanako|tokenHash/);
  });

  it('an expired link lists as expired, not approved', async () => {
    const { approve, deps, clock } = setup();
    await approve();
    clock.set('2026-11-28T00:00:00.000Z');
    expect((await listExports(deps.list, OFFICER, 'approved')).items).toEqual([]);
    expect((await listExports(deps.list, OFFICER, 'expired')).items).toHaveLength(1);
  });

  it('one request: subject ids and decision for its requester, the officer and auditors; 403 for another operator; 404 unknown', async () => {
    const { approve, deps } = setup();
    const { exportId } = await approve();
    for (const actor of [OPERATOR, OFFICER, AUDITOR]) {
      const view = await viewExport(deps.list, actor, exportId);
      expect(view).toMatchObject({
        exportId,
        status: 'approved',
        subjectIds: ['subject-a', 'subject-b'],
        decisionReason: 'Needed for the audit',
        subjectCount: 2,
      });
      expect(view).not.toHaveProperty('tokenHash');
    }
    expect((await problemOf(viewExport(deps.list, OTHER_OPERATOR, exportId))).kind).toBe('forbidden');
    expect((await problemOf(viewExport(deps.list, OFFICER, 'nope'))).kind).toBe('not-found');
  });
});

describe('exportCsv', () => {
  it('quotes commas and quotes', () => {
    const csv = exportCsv({
      exportId: 'e',
      generatedAt: '',
      reason: '',
      categories: [],
      subjects: [{ subjectId: 's', records: [exportedRecord('address', 'Tokyo, "Chiyoda"')] }],
    });
    expect(csv).toContain('"Tokyo, ""Chiyoda"""');
  });
});
