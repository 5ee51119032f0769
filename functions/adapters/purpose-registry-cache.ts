// The purpose registry as the use check reads it: kept per Lambda container for at most
// PURPOSE_REGISTRY_CACHE_MS, instead of a consistent Scan of the purposes table on every call. A
// published change or retirement therefore takes effect in its answers within that bound
// (docs/operating.md). Only the registry is kept: a subject's lifecycle (cessation flags, APPI Art. 35)
// and consents are read on every call, so they take effect on the very next one. Registration reads
// the registry afresh: the expiry it writes lasts, and a record registered from a stale registry after
// the retirement's rollout had passed its partition would keep a retired purpose's retention.
import type { Clock } from '../domain/kernel/ports';
import type { PurposeVersionReader } from '../domain/purposes/ports';
import type { PurposeVersion } from '../domain/purposes/registry';
import { tableName } from './clients';
import { dynamoPurposeVersions } from './purpose-repository';
import { systemClock } from './system';

/**
 * How long a container keeps the registry it read: purposes change a few times a year, by the
 * officer's publication, and a minute's delay after publishing is well inside the notice the
 * company gives; far shorter than the many calls a second a busy container serves.
 */
export const PURPOSE_REGISTRY_CACHE_MS = 60_000;

interface Entry {
  /** The purposes table read: a container (or a test worker) pointed at other tables reads anew. */
  table: string;
  /** When the read started: the kept registry is never older than the bound. */
  readAt: number;
  versions: Promise<PurposeVersion[]>;
}

/**
 * A reader that keeps what `source` answered for `maxAgeMs` of `clock` time. Concurrent calls on an
 * empty or stale cache share one read; a failed read is not kept, so the next call tries again.
 */
export function cachedPurposeVersions(
  source: PurposeVersionReader,
  clock: Clock,
  table: () => string,
  maxAgeMs: number = PURPOSE_REGISTRY_CACHE_MS,
): PurposeVersionReader {
  let entry: Entry | undefined;
  return {
    versions() {
      const now = clock.now().getTime();
      const current = table();
      // A clock set back (a test, a correction) makes the age negative: read anew rather than trust it.
      const age = entry ? now - entry.readAt : Number.POSITIVE_INFINITY;
      if (entry && entry.table === current && age >= 0 && age < maxAgeMs) return entry.versions;
      const read: Entry = { table: current, readAt: now, versions: source.versions() };
      entry = read;
      read.versions.catch(() => {
        if (entry === read) entry = undefined;
      });
      return read.versions;
    },
  };
}

/** The registry the use check reads (one per container). */
export const cachedPurposeRegistry: PurposeVersionReader = cachedPurposeVersions(
  dynamoPurposeVersions,
  systemClock,
  () => tableName('purposes'),
);
