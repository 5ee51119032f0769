// The access log is tamper-evident (docs/architecture.md): each entry carries the hash of its predecessor, so
// an altered, removed or reordered entry shows when the chain is verified.
import { describe, expect, it } from 'vitest';
import {
  type AccessLogEntry,
  accessLogRetentionSeconds,
  type ChainedAccessLogEntry,
  chainAccessLogEntry,
  GENESIS_HASH,
  hashAccessLogEntry,
} from '../../../functions/domain/access-log/entry';
import { ACCESS_LOG_RETENTION_SECONDS } from '../../../functions/domain/kernel/law';

const entry = (n: number): AccessLogEntry => ({
  actor: `staff-${n}`,
  role: 'operator',
  action: 'read',
  subjects: ['subj-a', 'subj-b'],
  fields: ['email', 'name'],
  reason: `disclosure req-${n}`,
  sourceIp: '203.0.113.7',
  at: `2026-11-12T0${n}:00:00.000Z`,
});

function chain(count: number, chainId = 'chain-1'): ChainedAccessLogEntry[] {
  const out: ChainedAccessLogEntry[] = [];
  for (let n = 1; n <= count; n += 1) out.push(chainAccessLogEntry(entry(n), chainId, out.at(-1)));
  return out;
}

/** What an auditor's verification does: recompute each hash and check each link. */
function verify(entries: ChainedAccessLogEntry[]): boolean {
  return entries.every((e, i) => {
    const { hash, ...body } = e;
    const previous = i === 0 ? { seq: 0, hash: GENESIS_HASH } : entries[i - 1]!;
    return hash === hashAccessLogEntry(body) && e.previousHash === previous.hash && e.seq === previous.seq + 1;
  });
}

describe('chainAccessLogEntry', () => {
  it("an incident's id and version are hashed like every attribute; an entry without them hashes as before", () => {
    const plain = chainAccessLogEntry(entry(1), 'chain-1', undefined);
    const cited = chainAccessLogEntry(
      { ...entry(1), incidentId: 'INC-2026-11-12-7KQ2MX', incidentVersion: 2 },
      'chain-1',
      undefined,
    );
    expect(verify([plain])).toBe(true);
    expect(verify([cited])).toBe(true);
    expect(cited.hash).not.toBe(plain.hash);
    // Moving an entry to another incident's timeline, dropping it from its own, or changing the version breaks it.
    expect(verify([{ ...cited, incidentId: 'INC-2026-11-12-AAAAAA' }])).toBe(false);
    const { incidentId: _dropped, ...unlinked } = cited;
    expect(verify([unlinked as ChainedAccessLogEntry])).toBe(false);
    expect(verify([{ ...cited, incidentVersion: 3 }])).toBe(false);
    expect(verify([{ ...plain, incidentId: 'INC-2026-11-12-7KQ2MX' }])).toBe(false);
  });

  it('starts a chain at seq 1 on the genesis hash', () => {
    const first = chainAccessLogEntry(entry(1), 'chain-1', undefined);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first).toMatchObject({ ...entry(1), chainId: 'chain-1', seq: 1, previousHash: GENESIS_HASH });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("increments seq and links each entry to its predecessor's hash", () => {
    const [a, b, c] = chain(3);
    expect([a!.seq, b!.seq, c!.seq]).toEqual([1, 2, 3]);
    expect(b!.previousHash).toBe(a!.hash);
    expect(c!.previousHash).toBe(b!.hash);
    expect(new Set([a!.hash, b!.hash, c!.hash]).size).toBe(3);
  });

  it('hashes deterministically, whatever the order of the keys', () => {
    const first = chainAccessLogEntry(entry(1), 'chain-1', undefined);
    const { hash, ...body } = first;
    const reversed = Object.fromEntries(Object.entries(body).reverse()) as typeof body;
    expect(hashAccessLogEntry(reversed)).toBe(hash);
    expect(chainAccessLogEntry(entry(1), 'chain-1', undefined).hash).toBe(hash);
  });

  it('verifies an untouched chain', () => {
    expect(verify(chain(4))).toBe(true);
  });

  const alterations: Array<[string, (e: ChainedAccessLogEntry) => ChainedAccessLogEntry]> = [
    ['actor', (e) => ({ ...e, actor: 'staff-intruder' })],
    ['role', (e) => ({ ...e, role: 'auditor' })],
    ['action', (e) => ({ ...e, action: 'write' })],
    ['a subject', (e) => ({ ...e, subjects: ['subj-a', 'subj-c'] })],
    ["the subjects' order", (e) => ({ ...e, subjects: ['subj-b', 'subj-a'] })],
    ['a removed subject', (e) => ({ ...e, subjects: ['subj-a'] })],
    ['fields', (e) => ({ ...e, fields: ['email'] })],
    ['reason', (e) => ({ ...e, reason: 'curiosity' })],
    ['sourceIp', (e) => ({ ...e, sourceIp: '198.51.100.1' })],
    ['at', (e) => ({ ...e, at: '2026-11-12T09:00:00.001Z' })],
    ['chainId', (e) => ({ ...e, chainId: 'chain-2' })],
    ['seq', (e) => ({ ...e, seq: e.seq + 10 })],
    ['previousHash', (e) => ({ ...e, previousHash: 'f'.repeat(64) })],
  ];

  it.each(alterations)('changes the hash when %s is altered, so verification fails', (_field, alter) => {
    const entries = chain(3);
    const altered = alter(entries[1]!);
    const { hash, ...body } = altered;
    expect(hashAccessLogEntry(body)).not.toBe(hash);
    expect(verify([entries[0]!, altered, entries[2]!])).toBe(false);
  });

  it('detects a removed entry and a reordering', () => {
    const [a, b, c] = chain(3);
    expect(verify([a!, c!])).toBe(false);
    expect(verify([b!, a!, c!])).toBe(false);
  });

  it('detects an entry rewritten with a fresh hash: its successor no longer links to it', () => {
    const [a, b, c] = chain(3);
    const forged = chainAccessLogEntry({ ...entry(2), actor: 'staff-intruder' }, 'chain-1', a);
    expect(verify([a!, forged, c!])).toBe(false);
    expect(verify([a!, b!, c!])).toBe(true);
  });
});

describe('accessLogRetentionSeconds (DESK_ACCESS_LOG_RETENTION_DAYS)', () => {
  it('is five years by default (policy §6(1), desk policy)', () => {
    expect(accessLogRetentionSeconds(undefined)).toBe(ACCESS_LOG_RETENTION_SECONDS);
    expect(accessLogRetentionSeconds(' ')).toBe(5 * 365 * 86_400);
  });

  it('takes a whole number of days', () => {
    expect(accessLogRetentionSeconds('3650')).toBe(3650 * 86_400);
  });

  it.each(['0', '-1', '1.5', 'five years'])('refuses %j, naming the setting', (setting) => {
    expect(() => accessLogRetentionSeconds(setting)).toThrow(
      /DESK_ACCESS_LOG_RETENTION_DAYS must be a whole number of days/,
    );
  });
});
