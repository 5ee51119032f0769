import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../../functions/domain/access-log/entry';
import { listProvisions } from '../../../functions/domain/provisions/list-provisions';
import type { StaffActor } from '../../../functions/domain/staff';
import {
  ArrayRequestReader,
  FixedClock,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
  subjectsByAddress,
} from '../doubles';
import { MemoryLedger } from './doubles';

const AUDITOR: StaffActor = { staffId: 'staff-auditor-1', role: 'auditor', sourceIp: '203.0.113.9' };
const NOW = new Date('2026-11-26T01:00:00.000Z');
const future = NOW.getTime() / 1000 + 3600;

const ledger = () =>
  new MemoryLedger([
    {
      subjectId: 's-1',
      recordId: 'provided#p-1',
      direction: 'provided',
      counterparty: 'A',
      items: ['name'],
      basis: 'consent',
      date: '2026-10-01',
      counterpartyId: 'partner-a',
      recipientId: 'partner-a',
      expiresAt: future,
    } as never,
    {
      subjectId: 's-1',
      recordId: 'received#r-1',
      direction: 'received',
      counterparty: 'B',
      items: ['phone'],
      basis: 'opt-out',
      date: '2026-11-01',
      counterpartyId: 'provider-b',
      providerId: 'provider-b',
      expiresAt: future,
    } as never,
    {
      subjectId: 's-1',
      recordId: 'provided#p-0',
      direction: 'provided',
      counterparty: 'A',
      items: ['name'],
      basis: 'consent',
      date: '2023-01-01',
      counterpartyId: 'partner-a',
      recipientId: 'partner-a',
      expiresAt: NOW.getTime() / 1000 - 1,
    } as never,
    {
      subjectId: 's-2',
      recordId: 'provided#p-2',
      direction: 'provided',
      counterparty: 'A',
      items: ['name'],
      basis: 'consent',
      date: '2026-10-01',
      counterpartyId: 'partner-a',
      recipientId: 'partner-a',
      expiresAt: future,
    } as never,
  ]);

const requests = new ArrayRequestReader([
  receivedRequest(),
  receivedRequest({ requestId: 'req-taro', subject: { email: 'taro@example.jp' } }),
]);
const subjects = subjectsByAddress({ 'hanako.yamada@example.jp': ['s-1'], 'taro@example.jp': ['s-2'] });
const reasons = { requests, subjects };

describe('listProvisions', () => {
  it("logs the read with the request it serves first, then shows the subject's live records, latest first", async () => {
    const accessLog = new RecordingAccessLog();
    const listed = await listProvisions(
      { ledger: ledger(), ...reasons, accessLog, clock: new FixedClock(NOW) },
      AUDITOR,
      { subjectId: 's-1', requestId: 'req-1' },
    );
    expect(listed.items.map((r) => r.recordId)).toEqual(['received#r-1', 'provided#p-1']);
    expect(listed.items[0]).toMatchObject({ expiresAt: new Date(future * 1000).toISOString() });
    expect(listed.items[0]).not.toHaveProperty('subjectId');
    expect(accessLog.entries).toEqual([
      {
        actor: 'staff-auditor-1',
        role: 'auditor',
        action: 'read',
        subjects: ['s-1'],
        fields: ['provision-records'],
        reason: 'request req-1',
        sourceIp: '203.0.113.9',
        at: NOW.toISOString(),
      } satisfies AccessLogEntry,
    ]);
  });

  it('filters by direction, counterparty and Japan dates', async () => {
    const deps = { ledger: ledger(), ...reasons, accessLog: new RecordingAccessLog(), clock: new FixedClock(NOW) };
    const ids = async (q: object) =>
      (await listProvisions(deps, AUDITOR, { subjectId: 's-1', requestId: 'req-1', ...q })).items.map(
        (r) => r.recordId,
      );
    expect(await ids({ direction: 'provided' })).toEqual(['provided#p-1']);
    expect(await ids({ counterparty: 'provider-b' })).toEqual(['received#r-1']);
    expect(await ids({ from: '2026-10-02' })).toEqual(['received#r-1']);
    expect(await ids({ to: '2026-10-01' })).toEqual(['provided#p-1']);
  });

  it("lists a recipient's records across people, each naming its subject, and logs every person shown", async () => {
    const accessLog = new RecordingAccessLog();
    const listed = await listProvisions(
      { ledger: ledger(), ...reasons, accessLog, clock: new FixedClock(NOW) },
      AUDITOR,
      { counterparty: 'partner-a', reason: 'PPC inquiry about Partner A' },
    );
    expect(listed).toMatchObject({ counterparty: 'partner-a' });
    expect(listed.items.map((r) => [r.subjectId, r.recordId])).toEqual([
      ['s-1', 'provided#p-1'],
      ['s-2', 'provided#p-2'],
    ]);
    expect(listed.items[0]).not.toHaveProperty('counterpartyId');
    expect(accessLog.entries.map((e) => e.subjects)).toEqual([['s-1', 's-2']]);
    const dated = await listProvisions(
      { ledger: ledger(), ...reasons, accessLog, clock: new FixedClock(NOW) },
      AUDITOR,
      { counterparty: 'partner-a', reason: 'PPC inquiry', to: '2026-09-30' },
    );
    expect(dated.items).toEqual([]);
  });

  it("one person's records need an open request about that person: none, a free reason or one about someone else → 422 naming requestId, nothing read or logged", async () => {
    const accessLog = new RecordingAccessLog();
    const deps = { ledger: ledger(), ...reasons, accessLog, clock: new FixedClock(NOW) };
    for (const query of [
      { subjectId: 's-1', reason: 'Quarterly audit of provision records' },
      { subjectId: 's-1', requestId: 'req-taro' },
      { subjectId: 's-2', counterparty: 'partner-a', requestId: 'req-1' },
      { subjectId: 's-1', requestId: 'req-404' },
    ]) {
      const problem = await problemOf(listProvisions(deps, AUDITOR, query));
      expect(problem.kind).toBe('unprocessable');
      expect(problem.detail).toMatch(/^requestId: /);
    }
    expect(accessLog.entries).toEqual([]);
    const problem = await problemOf(listProvisions(deps, AUDITOR, { counterparty: 'partner-a' }));
    expect(problem.detail).toMatch(/^reason: /);
  });
});
