// Codes and tokens are stored only as hashes.
import { describe, expect, it } from 'vitest';
import { hashSecret, matchesHash } from '../../../functions/domain/kernel/secrets';

describe('secrets', () => {
  it('hashes to 64 hex characters (SHA-256), deterministically', () => {
    expect(hashSecret('482913')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret('482913')).toBe(hashSecret('482913'));
    expect(hashSecret('482913')).not.toBe(hashSecret('482914'));
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches a value against its hash only', () => {
    const hash = hashSecret('token-1');
    expect(matchesHash('token-1', hash)).toBe(true);
    expect(matchesHash('token-2', hash)).toBe(false);
    expect(matchesHash(hash, hash)).toBe(false);
  });

  it('answers false, not an exception, for a malformed stored hash', () => {
    expect(matchesHash('token-1', '')).toBe(false);
    expect(matchesHash('token-1', 'not-hex')).toBe(false);
    expect(matchesHash('token-1', 'ab')).toBe(false);
  });
});
