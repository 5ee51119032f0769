// Hand-written test doubles of the domain ports (functions/domain/ports.ts). Pure and in memory:
// the domain tests need no emulator and no network.
import { expect } from 'vitest';
import type { AccessLogEntry } from '../../functions/domain/access-log/entry';
import type { AccessLogWriter } from '../../functions/domain/access-log/ports';
import type { HoldingsReader } from '../../functions/domain/holdings';
import { emailLookupKey, type Holdings } from '../../functions/domain/holdings';
import type { Clock, SecretSource } from '../../functions/domain/kernel/ports';
import { DeskProblem, StaleWriteError } from '../../functions/domain/kernel/problems';
import type { RequestSubjectFinder } from '../../functions/domain/personal-data/read-reason';
import type { DeskWrite, DeskWriter, RequestReader } from '../../functions/domain/requests/ports';
import type { DeskRequest, RequestStatus } from '../../functions/domain/requests/request';
import type { StaffActor } from '../../functions/domain/staff';

/** A clock stuck at one instant; `set` moves it. */
export class FixedClock implements Clock {
  private instant: Date;
  constructor(instant: Date | string) {
    this.instant = new Date(instant);
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

/**
 * Deterministic secrets: ids `id-1`, `id-2`, …; codes from a queue (default `123456`); tokens
 * `token-1-…`, each long enough for the disclosure link contract.
 */
export class SequenceSecrets implements SecretSource {
  private counter = 0;
  readonly codesIssued: string[] = [];
  readonly tokensIssued: string[] = [];
  readonly codeDigitsAsked: number[] = [];
  constructor(private readonly codes: string[] = []) {}
  id(): string {
    this.counter += 1;
    return `id-${this.counter}`;
  }
  code(digits: number): string {
    this.codeDigitsAsked.push(digits);
    const code = this.codes.shift() ?? '123456';
    this.codesIssued.push(code);
    return code;
  }
  token(): string {
    this.counter += 1;
    const token = `token-${this.counter}-abcdefghijklmnop`;
    this.tokensIssued.push(token);
    return token;
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/** A reader over an array of requests; like the adapter, it never serves an item past its expiresAt. */
export class ArrayRequestReader implements RequestReader {
  constructor(readonly items: DeskRequest[] = []) {}
  async get(requestId: string, now: Date): Promise<DeskRequest | undefined> {
    const found = this.items.find((r) => r.requestId === requestId && live(r, now));
    return found && clone(found);
  }
  async listByStatus(status: RequestStatus, now: Date): Promise<DeskRequest[]> {
    return this.items.filter((r) => r.status === status && live(r, now)).map(clone);
  }
}

function live(request: DeskRequest, now: Date): boolean {
  return request.expiresAt === undefined || request.expiresAt > Math.floor(now.getTime() / 1000);
}

/** A writer that records every commit it is given (a deep copy, so later mutation cannot hide anything). */
export class RecordingWriter implements DeskWriter {
  readonly commits: DeskWrite[][] = [];
  /** When set, the next commits throw this instead of recording. */
  failWith: Error | undefined;
  async commit(writes: DeskWrite[]): Promise<void> {
    this.record(writes);
  }
  /** Synchronous, so a subclass can check and apply a commit without another commit interleaving. */
  protected record(writes: DeskWrite[]): void {
    if (this.failWith) throw this.failWith;
    this.commits.push(clone(writes));
  }
  get writes(): DeskWrite[] {
    return this.commits.flat();
  }
}

/**
 * A writer that also applies request writes to a reader's array, with the optimistic version check
 * the real table performs: a request write whose expectedVersion no longer holds throws StaleWriteError.
 */
export class ApplyingWriter extends RecordingWriter {
  constructor(private readonly store: ArrayRequestReader) {
    super();
  }
  override async commit(writes: DeskWrite[]): Promise<void> {
    // Check, record and apply with no await in between: one commit is atomic, as a transaction is.
    for (const write of writes) {
      if (write.kind !== 'request') continue;
      const current = this.store.items.find((r) => r.requestId === write.request.requestId);
      const expected = write.expectedVersion;
      if (expected === undefined ? current !== undefined : current?.version !== expected) throw new StaleWriteError();
    }
    this.record(writes);
    for (const write of writes) {
      if (write.kind !== 'request') continue;
      const index = this.store.items.findIndex((r) => r.requestId === write.request.requestId);
      if (index >= 0) this.store.items.splice(index, 1, clone(write.request));
      else this.store.items.push(clone(write.request));
    }
  }
}

export class RecordingAccessLog implements AccessLogWriter {
  readonly entries: AccessLogEntry[] = [];
  async append(entry: AccessLogEntry): Promise<void> {
    this.entries.push(clone(entry));
  }
}

export const NOTHING_HELD: Holdings = { subjectIds: [], records: [], consents: [], provisionRecords: [] };

/** Holdings by e-mail address (compared case-insensitively); nothing for anyone else. */
export class MapHoldingsReader implements HoldingsReader {
  readonly asked: string[] = [];
  constructor(private readonly byEmail: Record<string, Holdings> = {}) {}
  async holdingsOf(email: string, _now: Date): Promise<Holdings> {
    this.asked.push(email);
    const key = Object.keys(this.byEmail).find((k) => k.toLowerCase() === email.trim().toLowerCase());
    return clone(key ? this.byEmail[key]! : NOTHING_HELD);
  }
}

export const OPERATOR: StaffActor = { staffId: 'staff-operator-1', role: 'operator', sourceIp: '203.0.113.7' };

/** Instant of a Japan wall-clock time (UTC+9), independent of the process's zone. */
export function jst(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 9, minute, second));
}

/** A confirmed (received) disclosure request as verify-request leaves it. */
export function receivedRequest(overrides: Partial<DeskRequest> = {}): DeskRequest {
  return {
    requestId: 'req-1',
    type: 'disclosure',
    status: 'received',
    requester: { kind: 'self', name: '山田 花子', email: 'hanako.yamada@example.jp' },
    subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
    language: 'ja',
    createdAt: '2026-11-09T01:00:00.000Z',
    receivedAt: '2026-11-09T01:05:00.000Z',
    dueAt: '2026-11-24T08:00:00.000Z',
    statusTokenHash: 'f'.repeat(64),
    history: [
      { at: '2026-11-09T01:00:00.000Z', event: 'submitted' },
      { at: '2026-11-09T01:05:00.000Z', event: 'received' },
    ],
    version: 2,
    ...overrides,
  };
}

/** The DeskProblem a use case rejected with; fails the test if it resolved or threw something else. */
export async function problemOf(promise: Promise<unknown>): Promise<DeskProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskProblem);
  return error as DeskProblem;
}

/** The subjects each address is known by, as the read-reason check resolves a request's subject. */
export function subjectsByAddress(byEmail: Record<string, string[]>): RequestSubjectFinder {
  const byKey = new Map(Object.entries(byEmail).map(([email, ids]) => [emailLookupKey(email), ids]));
  return { subjectIdsByLookupKey: async (lookupKey) => [...(byKey.get(lookupKey) ?? [])] };
}
