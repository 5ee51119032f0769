import { describe, expect, it } from 'vitest';
import { emailLookupKey, lookupKeyOf } from '../../functions/domain/holdings';

describe('lookup keys of personal-data records', () => {
  it('finds an e-mail record by its address, however it was typed', () => {
    expect(lookupKeyOf({ subjectId: 's-1', category: 'email', value: ' Hanako.Yamada@Example.JP ' })).toBe(
      emailLookupKey('hanako.yamada@example.jp'),
    );
  });

  it('gives every other record its subject, so the index holds every item', () => {
    expect(lookupKeyOf({ subjectId: 's-1', category: 'address', value: 'Tokyo' })).toBe('subject#s-1');
  });
});
