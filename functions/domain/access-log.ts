// Every read or write of personal data by a person leaves one entry (policy §6(1), DESIGN §3).
// Entries form hash chains so that an altered, removed or reordered entry shows.
import { createHash } from 'node:crypto';
import { ACCESS_LOG_RETENTION_SECONDS, SECONDS } from './law';
import type { StaffRole } from './staff';

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
}

export interface ChainedAccessLogEntry extends AccessLogEntry {
  chainId: string;
  seq: number;
  previousHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function chainAccessLogEntry(
  entry: AccessLogEntry,
  chainId: string,
  previous: { seq: number; hash: string } | undefined,
): ChainedAccessLogEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const previousHash = previous?.hash ?? GENESIS_HASH;
  const body = { ...entry, chainId, seq, previousHash };
  return { ...body, hash: hashAccessLogEntry(body) };
}

/** JSON with object keys sorted at every depth, so equal entries always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAccessLogEntry(entry: Omit<ChainedAccessLogEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry), 'utf8').digest('hex');
}

/**
 * How long entries are kept (and their daily digests locked): DESK_ACCESS_LOG_RETENTION_DAYS, a whole
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
