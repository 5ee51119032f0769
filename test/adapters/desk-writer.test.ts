// The desk writer against DynamoDB Local: a state change, its outbox message and a dossier commit
// all or nothing, each conditional on the state it was decided from.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDeskWriter } from '../../functions/adapters/desk-writer';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import { outboxMessage } from '../../functions/domain/outbox';
import type { DeskRequest } from '../../functions/domain/requests/request';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

function request(overrides: Partial<DeskRequest> = {}): DeskRequest {
  const now = new Date().toISOString();
  return {
    requestId: randomUUID(),
    type: 'disclosure',
    status: 'received',
    requester: { kind: 'self', name: 'Test', email: 'writer@example.jp' },
    subject: { email: 'writer@example.jp' },
    language: 'ja',
    createdAt: now,
    history: [{ at: now, event: 'submitted' }],
    version: 1,
    ...overrides,
  };
}

const message = (id = randomUUID()) =>
  outboxMessage(id, 'writer@example.jp', { subject: 's', text: 't' }, new Date(), 'test');

function disclosure(requestId: string, subjectIds = ['subject-writer']): StoredDisclosure {
  return {
    tokenHash: randomUUID().replace(/-/g, ''),
    requestId,
    subjectIds,
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    dossier: { requestId } as StoredDisclosure['dossier'],
  };
}

describe('desk-writer', () => {
  it('writes a new request with its outbox message, the message pending with no attempts', async () => {
    const created = request();
    const note = message();
    await dynamoDeskWriter.commit([
      { kind: 'request', request: created },
      { kind: 'outbox', message: note },
    ]);
    expect(await getItem('requests', { requestId: created.requestId })).toEqual(created);
    expect(await getItem('outbox', { messageId: note.messageId })).toEqual({
      ...note,
      outboxState: 'pending',
      attempts: 0,
    });
  });

  it('a request id already taken → StaleWriteError, and the message is not written either', async () => {
    const existing = request();
    await dynamoDeskWriter.commit([{ kind: 'request', request: existing }]);
    const note = message();
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'request', request: { ...existing, status: 'refused' } },
        { kind: 'outbox', message: note },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('requests', { requestId: existing.requestId })).toEqual(existing);
    expect(await getItem('outbox', { messageId: note.messageId })).toBeUndefined();
  });

  it('an update from a stale version → StaleWriteError; nothing of the transaction is written', async () => {
    const current = request({ version: 3 });
    await dynamoDeskWriter.commit([{ kind: 'request', request: current }]);
    const note = message();
    const dossier = disclosure(current.requestId);
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'request', request: { ...current, status: 'fulfilled', version: 3 }, expectedVersion: 2 },
        { kind: 'disclosure', disclosure: dossier },
        { kind: 'outbox', message: note },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('requests', { requestId: current.requestId })).toEqual(current);
    expect(await getItem('disclosures', { tokenHash: dossier.tokenHash, subjectId: 'subject-writer' })).toBeUndefined();
    expect(await getItem('outbox', { messageId: note.messageId })).toBeUndefined();
  });

  it('an update from the current version commits the request, the dossier and the message', async () => {
    const current = request({ version: 2 });
    await dynamoDeskWriter.commit([{ kind: 'request', request: current }]);
    const note = message();
    const dossier = disclosure(current.requestId);
    const decided = { ...current, status: 'fulfilled' as const, version: 3 };
    await dynamoDeskWriter.commit([
      { kind: 'request', request: decided, expectedVersion: 2 },
      { kind: 'disclosure', disclosure: dossier },
      { kind: 'outbox', message: note },
    ]);
    expect(await getItem('requests', { requestId: current.requestId })).toEqual(decided);
    expect(await getItem('disclosures', { tokenHash: dossier.tokenHash, subjectId: 'subject-writer' })).toEqual({
      ...dossier,
      subjectId: 'subject-writer',
    });
    expect(await getItem('outbox', { messageId: note.messageId })).toMatchObject({ outboxState: 'pending' });
  });

  it('stores a dossier once per subject it copies, in the same transaction; a dossier of nobody once, under none', async () => {
    const current = request({ version: 2 });
    await dynamoDeskWriter.commit([{ kind: 'request', request: current }]);
    const both = disclosure(current.requestId, ['subject-a', 'subject-b']);
    const nobody = disclosure(current.requestId, []);
    await dynamoDeskWriter.commit([
      { kind: 'request', request: { ...current, status: 'fulfilled', version: 3 }, expectedVersion: 2 },
      { kind: 'disclosure', disclosure: both },
      { kind: 'disclosure', disclosure: nobody },
    ]);
    const stored = (await scanAll<StoredDisclosure & { subjectId: string }>('disclosures')).filter(
      (d) => d.requestId === current.requestId,
    );
    expect(stored.map((d) => [d.tokenHash, d.subjectId]).sort()).toEqual(
      [
        [both.tokenHash, 'subject-a'],
        [both.tokenHash, 'subject-b'],
        [nobody.tokenHash, 'none'],
      ].sort(),
    );
    expect(stored.find((d) => d.subjectId === 'subject-b')).toEqual({ ...both, subjectId: 'subject-b' });
  });

  it('a token hash already stored fails the whole transaction', async () => {
    const taken = disclosure(randomUUID(), ['subject-b']);
    await dynamoDeskWriter.commit([{ kind: 'disclosure', disclosure: taken }]);
    const fresh = request();
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'request', request: fresh },
        { kind: 'disclosure', disclosure: { ...taken, subjectIds: ['subject-a', 'subject-b'] } },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('requests', { requestId: fresh.requestId })).toBeUndefined();
    expect(await getItem('disclosures', { tokenHash: taken.tokenHash, subjectId: 'subject-a' })).toBeUndefined();
  });

  it('a message id already used fails the whole transaction, the request included', async () => {
    const note = message();
    await dynamoDeskWriter.commit([{ kind: 'outbox', message: note }]);
    const fresh = request();
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'request', request: fresh },
        { kind: 'outbox', message: { ...note, subject: 'other' } },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('requests', { requestId: fresh.requestId })).toBeUndefined();
    expect(await getItem('outbox', { messageId: note.messageId })).toMatchObject({ subject: 's' });
  });

  it('sets cessation of provision on the subject: creates the item, replaces the cessation read, leaves other attributes alone', async () => {
    const current = request({ type: 'cessation-of-provision' });
    await dynamoDeskWriter.commit([{ kind: 'request', request: current }]);
    const earlier = { requestId: 'req-earlier', at: '2026-01-05T00:00:00.000Z' };
    const [fresh, flagged] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
    await putItem('subjects', {
      subjectId: flagged,
      contractEndedAt: '2025-12-31T00:00:00.000Z',
      cessationOfProvision: earlier,
    });
    const stop = { requestId: current.requestId, at: new Date().toISOString() };
    await dynamoDeskWriter.commit([
      { kind: 'request', request: { ...current, status: 'fulfilled', version: 2 }, expectedVersion: 1 },
      { kind: 'cessation-of-provision', subjectId: fresh, cessation: { recipients: { 'list-broker': stop } } },
      {
        kind: 'cessation-of-provision',
        subjectId: flagged,
        cessation: { all: earlier, recipients: { 'list-broker': stop } },
        expected: earlier,
      },
    ]);
    expect(await getItem('subjects', { subjectId: fresh })).toEqual({
      subjectId: fresh,
      cessationOfProvision: { recipients: { 'list-broker': stop } },
    });
    expect(await getItem('subjects', { subjectId: flagged })).toEqual({
      subjectId: flagged,
      contractEndedAt: '2025-12-31T00:00:00.000Z',
      cessationOfProvision: { all: earlier, recipients: { 'list-broker': stop } },
    });
  });

  it('a cessation changed since it was read is not overwritten (StaleWriteError), nor one set meanwhile', async () => {
    const stop = { requestId: 'req-a', at: '2026-01-05T00:00:00.000Z' };
    const [changed, setMeanwhile] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
    await putItem('subjects', {
      subjectId: changed,
      cessationOfProvision: { recipients: { 'list-broker': stop, 'partner-insurance': stop } },
    });
    await putItem('subjects', { subjectId: setMeanwhile, cessationOfProvision: { all: stop } });
    await expect(
      dynamoDeskWriter.commit([
        {
          kind: 'cessation-of-provision',
          subjectId: changed,
          cessation: undefined,
          expected: { recipients: { 'list-broker': stop } },
        },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'cessation-of-provision', subjectId: setMeanwhile, cessation: { recipients: { x: stop } } },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect((await getItem('subjects', { subjectId: changed }))!.cessationOfProvision).toEqual({
      recipients: { 'list-broker': stop, 'partner-insurance': stop },
    });
    expect((await getItem('subjects', { subjectId: setMeanwhile }))!.cessationOfProvision).toEqual({ all: stop });
  });

  it("a lift removes what it ends and appends itself to the subject's lifts", async () => {
    const stop = { requestId: 'req-a', at: '2026-01-05T00:00:00.000Z' };
    const subjectId = `subject-${randomUUID()}`;
    await putItem('subjects', { subjectId, cessationOfProvision: { all: stop } });
    const lift = (n: number) => ({
      scope: { scope: 'all' as const },
      lifted: [{ recipient: 'all', ...stop }],
      reason: `reason ${n}`,
      by: 'staff-officer-1',
      at: '2026-02-01T00:00:00.000Z',
    });
    await dynamoDeskWriter.commit([
      { kind: 'cessation-of-provision', subjectId, cessation: undefined, expected: { all: stop }, lift: lift(1) },
    ]);
    expect(await getItem('subjects', { subjectId })).toEqual({ subjectId, cessationOfProvisionLifts: [lift(1)] });
    await dynamoDeskWriter.commit([{ kind: 'cessation-of-provision', subjectId, cessation: { all: stop } }]);
    await dynamoDeskWriter.commit([
      { kind: 'cessation-of-provision', subjectId, cessation: undefined, expected: { all: stop }, lift: lift(2) },
    ]);
    expect(await getItem('subjects', { subjectId })).toEqual({
      subjectId,
      cessationOfProvisionLifts: [lift(1), lift(2)],
    });
  });

  it('flags cessation of use: cease-use keeps an earlier flag; erase replaces a cessation, since erasure covers it', async () => {
    const earlier = { requestId: 'req-earlier', at: '2026-01-05T00:00:00.000Z', measure: 'cease-use' };
    const [ceased, erased] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
    await Promise.all(
      [ceased, erased].map((subjectId) =>
        putItem('subjects', { subjectId, lastActivityAt: '2026-01-01T00:00:00.000Z', cessationOfUse: earlier }),
      ),
    );
    const at = new Date().toISOString();
    await dynamoDeskWriter.commit([
      { kind: 'cessation-of-use', subjectId: ceased, requestId: 'req-now', at, measure: 'cease-use' },
      { kind: 'cessation-of-use', subjectId: erased, requestId: 'req-now', at, measure: 'erase' },
    ]);
    expect(await getItem('subjects', { subjectId: ceased })).toEqual({
      subjectId: ceased,
      lastActivityAt: '2026-01-01T00:00:00.000Z',
      cessationOfUse: earlier,
    });
    expect(await getItem('subjects', { subjectId: erased })).toEqual({
      subjectId: erased,
      lastActivityAt: '2026-01-01T00:00:00.000Z',
      cessationOfUse: { requestId: 'req-now', at, measure: 'erase' },
    });
  });

  it('a flag in a failed transaction is not written', async () => {
    const current = request();
    await dynamoDeskWriter.commit([{ kind: 'request', request: current }]);
    const subjectId = `subject-${randomUUID()}`;
    await expect(
      dynamoDeskWriter.commit([
        { kind: 'request', request: { ...current, version: 2 }, expectedVersion: 7 },
        {
          kind: 'cessation-of-provision',
          subjectId,
          cessation: { all: { requestId: current.requestId, at: new Date().toISOString() } },
        },
      ]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('subjects', { subjectId })).toBeUndefined();
  });

  it('errors other than a failed condition pass through unchanged', async () => {
    const saved = process.env.DESK_TABLE_OUTBOX;
    process.env.DESK_TABLE_OUTBOX = 'no-such-table';
    try {
      const fresh = request();
      const failure = await dynamoDeskWriter
        .commit([
          { kind: 'request', request: fresh },
          { kind: 'outbox', message: message() },
        ])
        .catch((e: Error) => e);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(StaleWriteError);
      expect(await getItem('requests', { requestId: fresh.requestId })).toBeUndefined();
    } finally {
      process.env.DESK_TABLE_OUTBOX = saved;
    }
  });
});
