// Every read or write of personal data by a person leaves one entry (policy §6(1)).
// Entries form hash chains so that an altered, removed or reordered entry shows.
import { createHash } from 'node:crypto';
import { japanDay } from '../kernel/calendar';
import { ACCESS_LOG_RETENTION_SECONDS, SECONDS } from '../kernel/law';
import type { StaffRole } from '../staff';

export interface AccessLogEntry {
  actor: string;
  /** 'system' when a company system read through its IAM route; actor is then its principal. */
  role: StaffRole | 'system';
  action: 'read' | 'write';
  /** Opaque subject identifiers; never a name or an address. */
  subjects: string[];
  fields: string[];
  /** Why: the request id or purpose the person acted for. */
  reason: string;
  sourceIp: string;
  at: string;
  /**
   * The incident of the register (APPI Art. 26) the entry read or wrote, so its timeline can be read
   * from the log; absent on every other entry, which then hashes as it always did.
   */
  incidentId?: string;
  /** The incident's version read, or written, by the entry. */
  incidentVersion?: number;
}

/**
 * An entry as stored. Every stored attribute but `hash` is hashed, the byDay index key and the TTL
 * included: editing either would hide the entry from the listing, so it must break the chain.
 */
export interface ChainedAccessLogEntry extends AccessLogEntry {
  chainId: string;
  seq: number;
  /** The Japan day of `at`: the byDay index's partition. */
  day: string;
  /** Epoch seconds after which the entry is past retention (DynamoDB TTL). */
  expiresAt: number;
  previousHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function chainAccessLogEntry(
  entry: AccessLogEntry,
  chainId: string,
  previous: { seq: number; hash: string } | undefined,
  retentionSeconds: number = ACCESS_LOG_RETENTION_SECONDS,
): ChainedAccessLogEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const previousHash = previous?.hash ?? GENESIS_HASH;
  const body = { ...entry, chainId, seq, previousHash, ...derivedAttributes(entry.at, retentionSeconds) };
  return { ...body, hash: hashAccessLogEntry(body) };
}

/** The index key and expiry an entry written at `at` carries; verification checks them against `at`. */
export function derivedAttributes(at: string, retentionSeconds: number): { day: string; expiresAt: number } {
  return { day: japanDay(new Date(at)), expiresAt: Math.floor(Date.parse(at) / 1000) + retentionSeconds };
}

/** JSON with object keys sorted at every depth, so equal entries always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash over everything stored but the hash itself, so an attribute added, removed or edited shows. */
export function hashAccessLogEntry(entry: Omit<ChainedAccessLogEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry), 'utf8').digest('hex');
}

/**
 * How long entries are kept (and their digests locked): DESK_ACCESS_LOG_RETENTION_DAYS, a whole
 * number of days, or ACCESS_LOG_RETENTION_SECONDS (five years) when unset.
 */
export function accessLogRetentionSeconds(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return ACCESS_LOG_RETENTION_SECONDS;
  const days = Number(setting);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`DESK_ACCESS_LOG_RETENTION_DAYS must be a whole number of days, at least 1, not "${setting}"`);
  }
  return days * SECONDS.DAY;
}
