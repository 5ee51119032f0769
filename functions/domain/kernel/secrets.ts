// Codes and tokens are stored only as hashes, so a copy of the tables reveals none of them.
import { createHash, timingSafeEqual } from 'node:crypto';

export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function matchesHash(value: string, hash: string): boolean {
  const actual = Buffer.from(hashSecret(value), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
