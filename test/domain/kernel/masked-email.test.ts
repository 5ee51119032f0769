// The address the code page shows: recognisable to its owner, little to an onlooker.
import { describe, expect, it } from 'vitest';
import { maskedEmail } from '../../../functions/domain/kernel/masked-email';

describe('maskedEmail', () => {
  it('keeps the first two characters of the mailbox and the whole domain', () => {
    expect(maskedEmail('hanako.yamada@example.jp')).toBe('ha***@example.jp');
    expect(maskedEmail('abc@mail.example.co.jp')).toBe('ab***@mail.example.co.jp');
  });

  it('keeps only one character of a mailbox of one or two, so none is shown whole', () => {
    expect(maskedEmail('h@example.jp')).toBe('h***@example.jp');
    expect(maskedEmail('hy@example.jp')).toBe('h***@example.jp');
  });

  it('splits at the last "@" and never cuts a character in two', () => {
    expect(maskedEmail('"a@b"@example.jp')).toBe('"a***@example.jp');
    expect(maskedEmail('😀😀x@example.jp')).toBe('😀😀***@example.jp');
  });

  it('shows nothing of something that is not an address', () => {
    expect(maskedEmail('not-an-address')).toBe('***');
  });
});
