// Reading Individual Numbers: the access log is written first (staff or system, with the reason),
// only documents still within their retention are shown, and nothing held is an empty list.
import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../../functions/domain/access-log/entry';
import type { StoredMyNumber } from '../../../functions/domain/my-number/ports';
import { readMyNumber } from '../../../functions/domain/my-number/read-my-number';
import type { StaffActor } from '../../../functions/domain/staff';
import {
  ArrayRequestReader,
  FixedClock,
  jst,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
  subjectsByAddress,
} from '../doubles';
import { ArrayMyNumbers, NUMBER, OTHER_NUMBER, PAYROLL } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.8' };
const NOW = jst(2027, 6, 1, 9);
const seconds = (date: Date) => date.getTime() / 1000;

const stored = (overrides: Partial<StoredMyNumber>): StoredMyNumber => ({
  subjectId: 'employee-1',
  documentId: 'dependant-deduction-declaration#2026-01-05',
  affair: 'tax',
  document: 'dependant-deduction-declaration',
  documentDate: '2026-01-05',
  number: NUMBER,
  registeredBy: PAYROLL.principal,
  registeredAt: '2026-01-06T01:00:00.000Z',
  expiresAt: seconds(jst(2034, 1, 11)),
  ...overrides,
});

const setup = (items: StoredMyNumber[] = []) => {
  const accessLog = new RecordingAccessLog();
  const myNumbers = new ArrayMyNumbers(items);
  return {
    accessLog,
    deps: {
      myNumbers,
      requests: new ArrayRequestReader([
        receivedRequest(),
        receivedRequest({ requestId: 'req-42' }),
        receivedRequest({ requestId: 'req-done', status: 'refused' }),
      ]),
      subjects: subjectsByAddress({ 'hanako.yamada@example.jp': ['employee-1', 'employee-2', 'nobody'] }),
      accessLog,
      clock: new FixedClock(NOW),
    },
  };
};

describe('readMyNumber', () => {
  it("shows a declaration's tax year; one registered before the desk asked for it shows none and keeps the expiry it was given", async () => {
    const legacy = stored({
      documentId: 'dependant-deduction-declaration#2025-12-10',
      documentDate: '2025-12-10',
      expiresAt: seconds(jst(2033, 1, 11)),
    });
    const { deps } = setup([stored({ taxYear: 2026 }), legacy]);
    const read = await readMyNumber(deps, PAYROLL, 'employee-1', { affair: 'tax' });
    expect(read.documents.map((d) => [d.documentDate, 'taxYear' in d ? d.taxYear : undefined, d.retainUntil])).toEqual([
      ['2025-12-10', undefined, jst(2033, 1, 11).toISOString()],
      ['2026-01-05', 2026, jst(2034, 1, 11).toISOString()],
    ]);
  });

  it('shows the live documents with their numbers and retention, never an expired one', async () => {
    const { deps } = setup([
      stored({}),
      stored({
        documentId: 'health-insurance-qualification#2025-04-01',
        affair: 'social-insurance',
        document: 'health-insurance-qualification',
        documentDate: '2025-04-01',
        number: OTHER_NUMBER,
        expiresAt: seconds(jst(2027, 4, 2)),
      }),
      stored({
        documentId: 'employment-insurance-qualification#2025-04-01',
        affair: 'social-insurance',
        document: 'employment-insurance-qualification',
        documentDate: '2025-04-01',
        expiresAt: seconds(jst(2029, 4, 2)),
      }),
      stored({ subjectId: 'employee-2', number: OTHER_NUMBER }),
    ]);
    expect(await readMyNumber(deps, PAYROLL, 'employee-1', { requestId: 'req-1' })).toEqual({
      subjectId: 'employee-1',
      documents: [
        {
          documentId: 'dependant-deduction-declaration#2026-01-05',
          affair: 'tax',
          document: 'dependant-deduction-declaration',
          documentDate: '2026-01-05',
          number: NUMBER,
          retainUntil: jst(2034, 1, 11).toISOString(),
        },
        {
          documentId: 'employment-insurance-qualification#2025-04-01',
          affair: 'social-insurance',
          document: 'employment-insurance-qualification',
          documentDate: '2025-04-01',
          number: NUMBER,
          retainUntil: jst(2029, 4, 2).toISOString(),
        },
      ],
    });
  });

  it("a read for an affair sees only that affair's documents (My Number Act Art. 9); a read for a request sees all", async () => {
    const insurance = stored({
      documentId: 'employment-insurance-qualification#2026-04-01',
      affair: 'social-insurance',
      document: 'employment-insurance-qualification',
      documentDate: '2026-04-01',
    });
    const { deps } = setup([stored({}), insurance]);
    expect((await readMyNumber(deps, PAYROLL, 'employee-1', { affair: 'tax' })).documents.map((d) => d.affair)).toEqual(
      ['tax'],
    );
    expect(
      (await readMyNumber(deps, PAYROLL, 'employee-1', { affair: 'social-insurance' })).documents.map((d) => d.affair),
    ).toEqual(['social-insurance']);
    expect((await readMyNumber(deps, PAYROLL, 'employee-1', { requestId: 'req-1' })).documents).toHaveLength(2);
  });

  it('a request the desk is not handling is no reason: 422 before anything is read or logged', async () => {
    const { deps, accessLog } = setup([stored({})]);
    for (const requestId of ['req-done', 'req-unknown']) {
      expect(await problemOf(readMyNumber(deps, OFFICER, 'employee-1', { requestId }))).toMatchObject({
        kind: 'unprocessable',
        title: 'Not an open request',
      });
    }
    expect(accessLog.entries).toEqual([]);
  });

  it("an open request about another person is no reason to read this one's number: 422 before anything is read or logged", async () => {
    const { deps, accessLog } = setup([stored({ subjectId: 'employee-3' })]);
    const problem = await problemOf(readMyNumber(deps, OFFICER, 'employee-3', { requestId: 'req-42' }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Request about someone else' });
    expect(problem.detail).toContain('requestId');
    expect(accessLog.entries).toEqual([]);
  });

  it('an item is gone from the very second its expiresAt is reached', async () => {
    const { deps } = setup([stored({ expiresAt: seconds(NOW) })]);
    expect((await readMyNumber(deps, PAYROLL, 'employee-1', { requestId: 'req-1' })).documents).toEqual([]);
  });

  it('logs a system read with the principal as actor and role "system", without the number', async () => {
    const { deps, accessLog } = setup([stored({})]);
    await readMyNumber(deps, PAYROLL, 'employee-1', { affair: 'tax' });
    expect(accessLog.entries).toEqual<AccessLogEntry[]>([
      {
        actor: PAYROLL.principal,
        role: 'system',
        action: 'read',
        subjects: ['employee-1'],
        fields: ['my-number'],
        reason: 'affair tax',
        sourceIp: PAYROLL.sourceIp,
        at: NOW.toISOString(),
      },
    ]);
    expect(JSON.stringify(accessLog.entries)).not.toContain(NUMBER);
  });

  it('logs a staff read with the staff id and role and the request it serves', async () => {
    const { deps, accessLog } = setup([stored({})]);
    await readMyNumber(deps, OFFICER, 'employee-1', { requestId: 'req-42' });
    expect(accessLog.entries).toMatchObject([
      {
        actor: 'staff-officer-1',
        role: 'officer',
        reason: 'request req-42',
        fields: ['my-number'],
        sourceIp: '203.0.113.8',
      },
    ]);
  });

  it('logs before it reads: when the log cannot be written, nothing is read or shown', async () => {
    const { deps } = setup([stored({})]);
    let read = false;
    const failing = {
      ...deps,
      accessLog: {
        append: async () => {
          throw new Error('access log unavailable');
        },
      },
      myNumbers: {
        liveDocumentsOf: async () => {
          read = true;
          return [];
        },
      },
    };
    await expect(readMyNumber(failing, PAYROLL, 'employee-1', { requestId: 'req-1' })).rejects.toThrow(
      'access log unavailable',
    );
    expect(read).toBe(false);
  });

  it('answers an empty list when nothing is held, and still logs the read', async () => {
    const { deps, accessLog } = setup();
    expect(await readMyNumber(deps, PAYROLL, 'nobody', { requestId: 'req-1' })).toEqual({
      subjectId: 'nobody',
      documents: [],
    });
    expect(accessLog.entries).toHaveLength(1);
  });
});
