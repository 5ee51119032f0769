// The officer's notice to the persons of a reportable incident (APPI Art. 26(2), Rules Art. 10).

import { describe, expect, it } from 'vitest';
import type { SubjectAddressBook } from '../../../functions/domain/consents/ports';
import { INCIDENT_NOTICES_PER_CALL, TRANSACTION_ITEM_LIMIT } from '../../../functions/domain/incidents/limits';
import { incidentNoticeMessageId } from '../../../functions/domain/incidents/notice-message';
import { notifyPersons, previewNotice } from '../../../functions/domain/incidents/notify';
import type { StaffActor } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, problemOf, RecordingAccessLog } from '../doubles';
import { MemoryIncidents, reportableIncident } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.9' };
const NOW = '2026-12-02T03:00:00.000Z';
const ID = 'INC-2026-12-01-ABC123';

function addressBook(byId: Record<string, string>): SubjectAddressBook & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    addressOf: async (id) => {
      asked.push(id);
      return byId[id];
    },
  };
}

function setup(subjects = ['subject-a', 'subject-b', 'subject-c'], addresses?: Record<string, string>) {
  const incidents = new MemoryIncidents().seed(reportableIncident(), subjects);
  const accessLog = new RecordingAccessLog();
  const book = addressBook(addresses ?? Object.fromEntries(subjects.map((s) => [s, `${s}@example.jp`])));
  return {
    incidents,
    accessLog,
    book,
    deps: { incidents, addresses: book, accessLog, clock: new FixedClock(NOW), company: DEMO_COMPANY },
  };
}

describe('notifying the persons of an incident', () => {
  it('e-mails every linked person through the outbox with the incident’s next version, and logs it once', async () => {
    const { deps, incidents, accessLog } = setup();
    const outcome = await notifyPersons(deps, OFFICER, ID, { version: 2 });
    expect(outcome).toMatchObject({ incidentId: ID, version: 3, sent: 3, unreachable: 0, remaining: 0 });
    const links = await incidents.subjects(ID);
    expect(links.map((l) => l.notice?.state)).toEqual(['sent', 'sent', 'sent']);
    expect(links[0]!.notice).toMatchObject({ decidedBy: 'staff-officer-1', decidedAt: NOW, sentAt: NOW });
    expect([...incidents.outbox.values()].map((m) => m.to)).toEqual([
      ['subject-a@example.jp'],
      ['subject-b@example.jp'],
      ['subject-c@example.jp'],
    ]);
    expect(incidents.outbox.has(incidentNoticeMessageId(ID, 'subject-a'))).toBe(true);
    const current = (await incidents.get(ID))!;
    expect(current).toMatchObject({ version: 3, changedBy: 'staff-officer-1', notices: { sent: 3, unreachable: 0 } });
    expect(current.changeReason).toContain('3 e-mailed');
    expect(accessLog.entries).toHaveLength(1);
    expect(accessLog.entries[0]).toMatchObject({
      action: 'write',
      subjects: ['subject-a', 'subject-b', 'subject-c'],
      role: 'officer',
    });
  });

  it('writes the Rules’ items in Japanese and English, the desk’s contact, and nobody’s data but the incident’s', async () => {
    const { deps, incidents } = setup();
    await notifyPersons(deps, OFFICER, ID, { version: 2 });
    const messages = [...incidents.outbox.values()];
    const text = messages[0]!.text;
    for (const heading of [
      '概要',
      '漏えい等が発生し、又は発生したおそれがある個人データの項目',
      '原因',
      '二次被害又はそのおそれの有無及びその内容',
      'Overview',
      'Cause',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('健康診断等の結果');
    expect(text).toContain('Results of health checks');
    expect(text).toContain('info@aimicros.com');
    expect(text).toContain(ID);
    // "Other" was left empty: the item is left out, not printed blank.
    expect(text).not.toContain('その他参考となる事項');
    // The same text goes to everyone, naming no one: no address or subject id of any person.
    expect(new Set(messages.map((m) => m.text)).size).toBe(1);
    for (const m of messages) {
      expect(m.text).not.toMatch(/subject-[abc]/);
      expect(m.text).not.toContain('@example.jp');
    }
  });

  it('records the alternative measure for a person without an address, and refuses without one', async () => {
    const { deps, incidents, accessLog } = setup(undefined, { 'subject-a': 'a@example.jp' });
    const refused = await problemOf(notifyPersons(deps, OFFICER, ID, { version: 2 }));
    expect(refused.kind).toBe('unprocessable');
    expect(refused.errors?.[0]?.field).toBe('alternativeMeasure');
    expect(refused.detail).toContain('2 of the 3');
    expect(incidents.outbox.size).toBe(0);
    expect((await incidents.get(ID))!.version).toBe(2);
    expect(accessLog.entries).toHaveLength(1);

    const outcome = await notifyPersons(deps, OFFICER, ID, {
      version: 2,
      alternativeMeasure: {
        kinds: ['publication', 'contact-point'],
        description: 'Published on our website on 2 December with a contact point.',
      },
    });
    expect(outcome).toMatchObject({ sent: 1, unreachable: 2, remaining: 0 });
    const b = (await incidents.subjects(ID)).find((s) => s.subjectId === 'subject-b')!;
    expect(b.notice).toMatchObject({
      state: 'unreachable',
      alternativeMeasure: 'Published on our website on 2 December with a contact point.',
      alternativeMeasureKinds: ['publication', 'contact-point'],
    });
    expect(b.notice?.messageId).toBeUndefined();
    expect((await incidents.get(ID))!.notices).toEqual({ sent: 1, unreachable: 2 });
  });

  it('skips persons already told, and answers 409 when nobody is left', async () => {
    const { deps, incidents } = setup();
    await notifyPersons(deps, OFFICER, ID, { version: 2 });
    // A person linked later is the only one the next decision tells.
    const incident = (await incidents.get(ID))!;
    await incidents.replace({ ...incident, version: 4 }, [
      { incidentId: ID, subjectId: 'subject-d', linkedAt: NOW, linkedBy: 'staff-officer-1' },
    ]);
    const book = addressBook({ 'subject-d': 'd@example.jp' });
    const outcome = await notifyPersons({ ...deps, addresses: book }, OFFICER, ID, { version: 4 });
    expect(outcome).toMatchObject({ sent: 1, remaining: 0 });
    expect(book.asked).toEqual(['subject-d']);
    expect(incidents.outbox.size).toBe(4);
    expect((await incidents.get(ID))!.notices).toEqual({ sent: 4, unreachable: 0 });

    const none = await problemOf(notifyPersons(deps, OFFICER, ID, { version: 5 }));
    expect(none.kind).toBe('conflict');
    expect(none.title).toBe('Nobody left to notify');
    expect(incidents.outbox.size).toBe(4);
  });

  it('lets one of two decisions at once win; nobody is told twice', async () => {
    const { deps, incidents } = setup();
    const results = await Promise.allSettled([
      notifyPersons(deps, OFFICER, ID, { version: 2 }),
      notifyPersons(deps, { ...OFFICER, staffId: 'staff-officer-2' }, ID, { version: 2 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ kind: 'conflict', title: 'Incident changed meanwhile' });
    expect(incidents.outbox.size).toBe(3);
    expect((await incidents.get(ID))!.version).toBe(3);
  });

  it('refuses a stale version, a draft, a closed incident', async () => {
    const { deps, incidents } = setup();
    expect((await problemOf(notifyPersons(deps, OFFICER, ID, { version: 1 }))).kind).toBe('conflict');
    incidents.current.set(ID, reportableIncident({ state: 'draft' }));
    expect((await problemOf(notifyPersons(deps, OFFICER, ID, { version: 2 }))).title).toBe('Incident not registered');
    incidents.current.set(ID, reportableIncident({ state: 'closed' }));
    expect((await problemOf(notifyPersons(deps, OFFICER, ID, { version: 2 }))).title).toBe('Incident closed');
    expect((await problemOf(notifyPersons(deps, OFFICER, 'INC-2026-12-01-NOPE00', { version: 2 }))).kind).toBe(
      'not-found',
    );
    expect(incidents.notifyCalls).toBe(0);
  });

  it('refuses an incident that is not reportable (422 naming reportability), and follows an override', async () => {
    const { deps, incidents, accessLog } = setup();
    const own = reportableIncident().reportability;
    incidents.current.set(ID, reportableIncident({ reportability: { ...own, reportable: false } }));
    const refused = await problemOf(notifyPersons(deps, OFFICER, ID, { version: 2 }));
    expect(refused).toMatchObject({ kind: 'unprocessable' });
    expect(refused.errors?.[0]?.field).toBe('reportability');
    expect(accessLog.entries).toHaveLength(0);

    const override = { reportable: true, reason: 'The officer judges it reportable.', by: 'staff-officer-1', at: NOW };
    incidents.current.set(ID, reportableIncident({ reportability: { ...own, reportable: false, override } }));
    expect((await notifyPersons(deps, OFFICER, ID, { version: 2 })).sent).toBe(3);

    const overruled = { ...override, reportable: false };
    incidents.current.set(ID, reportableIncident({ version: 9, reportability: { ...own, override: overruled } }));
    expect((await problemOf(notifyPersons(deps, OFFICER, ID, { version: 9 }))).errors?.[0]?.field).toBe(
      'reportability',
    );
  });

  it('refuses until the incident states the items the Rules require, naming the field', async () => {
    const { deps, incidents } = setup();
    incidents.current.set(ID, reportableIncident({ cause: '  ', categories: [], dataItems: [] }));
    const refused = await problemOf(notifyPersons(deps, OFFICER, ID, { version: 2 }));
    expect(refused.kind).toBe('unprocessable');
    expect(refused.errors?.map((e) => e.field)).toEqual(['categories', 'cause']);
    expect(refused.detail).toContain('Enforcement Rules Art. 8(1)(iv)');
    expect(incidents.notifyCalls).toBe(0);
  });

  it('tells a large incident in batches that fit one transaction, each saying how many remain', async () => {
    const subjects = Array.from({ length: 100 }, (_, i) => `subject-${String(i).padStart(3, '0')}`);
    const { deps, incidents, accessLog } = setup(subjects);
    expect(2 + 2 * INCIDENT_NOTICES_PER_CALL).toBeLessThanOrEqual(TRANSACTION_ITEM_LIMIT);
    const remaining: number[] = [];
    let version = 2;
    for (;;) {
      const outcome = await notifyPersons(deps, OFFICER, ID, { version });
      remaining.push(outcome.remaining);
      version = outcome.version;
      if (outcome.remaining === 0) break;
    }
    expect(remaining).toEqual([100 - INCIDENT_NOTICES_PER_CALL, 100 - 2 * INCIDENT_NOTICES_PER_CALL, 0]);
    expect(incidents.outbox.size).toBe(100);
    expect(new Set([...incidents.outbox.values()].map((m) => m.to[0])).size).toBe(100);
    expect(accessLog.entries.map((e) => e.subjects.length)).toEqual([
      INCIDENT_NOTICES_PER_CALL,
      INCIDENT_NOTICES_PER_CALL,
      100 - 2 * INCIDENT_NOTICES_PER_CALL,
    ]);
  });

  it('writes nothing when the store fails (mail or database down), and can be decided again', async () => {
    const { deps, incidents } = setup();
    incidents.failNext = Object.assign(new Error('down'), { name: 'ServiceUnavailable' });
    await expect(notifyPersons(deps, OFFICER, ID, { version: 2 })).rejects.toThrow('down');
    expect(incidents.outbox.size).toBe(0);
    expect((await incidents.subjects(ID)).every((s) => !s.notice)).toBe(true);
    expect((await notifyPersons(deps, OFFICER, ID, { version: 2 })).sent).toBe(3);
  });
});

describe('previewing the notice', () => {
  it('shows the very e-mail a notice sends, how many wait and what is missing, logged without subjects', async () => {
    const { deps, incidents, accessLog } = setup();
    const preview = await previewNotice(deps, OFFICER, ID);
    expect(preview).toMatchObject({ incidentId: ID, version: 2, reportable: true, waiting: 3, calls: 1, missing: [] });
    expect(accessLog.entries).toEqual([expect.objectContaining({ action: 'read', subjects: [], role: 'officer' })]);
    await notifyPersons(deps, OFFICER, ID, { version: 2 });
    const sent = [...incidents.outbox.values()][0]!;
    expect(sent.text).toBe(preview.text);
    expect(sent.subject).toBe(preview.subject);
    expect(incidents.notifyCalls).toBe(1);

    incidents.current.set(ID, reportableIncident({ secondaryDamage: '' }));
    const missing = await previewNotice(deps, OFFICER, ID);
    expect(missing).toMatchObject({ waiting: 0, calls: 0 });
    expect(missing.missing).toEqual([
      expect.objectContaining({ field: 'secondaryDamage', source: 'Enforcement Rules Art. 8(1)(v)' }),
    ]);
  });
});
