// The purpose-change notice: one id per person and version, so a rerun never sends twice.

import { describe, expect, it } from 'vitest';
import { purposeChangeMessage, purposeChangeMessageId } from '../../../functions/domain/purposes/notifications';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import { DEMO_DESK } from '../../support/company';

describe('purposeChangeMessageId', () => {
  it('is the same for the same purpose, version and person, and differs otherwise', () => {
    const id = purposeChangeMessageId('billing', 2, 's-1');
    expect(purposeChangeMessageId('billing', 2, 's-1')).toBe(id);
    expect(
      new Set([
        id,
        purposeChangeMessageId('billing', 3, 's-1'),
        purposeChangeMessageId('billing', 2, 's-2'),
        purposeChangeMessageId('billing-2', 2, 's-1'),
      ]).size,
    ).toBe(4);
    expect(id).toMatch(/^purpose-change-[0-9a-f]{64}$/);
  });
});

describe('purposeChangeMessage', () => {
  it("goes to every address of the person, in Japanese and then English, with the desk's signature in both", () => {
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    const changed = {
      ...billing,
      version: 2,
      ja: '新しい目的',
      en: 'The new purpose',
      effectiveFrom: '2026-12-01T03:00:00.000Z',
    };
    const message = purposeChangeMessage(
      changed,
      billing,
      's-1',
      ['a@example.jp', 'b@example.jp'],
      new Date('2026-12-01T03:05:00.000Z'),
      DEMO_DESK,
    );
    expect(message.to).toEqual(['a@example.jp', 'b@example.jp']);
    expect(message.createdAt).toBe('2026-12-01T03:05:00.000Z');
    expect(message.text.indexOf('変更後: 新しい目的')).toBeLessThan(message.text.indexOf('After: The new purpose'));
    expect(message.text).toContain(`Before: ${billing.en}`);
    expect(message.text).toMatch(/受付時間[\s\S]*Japan time/);
  });
});
