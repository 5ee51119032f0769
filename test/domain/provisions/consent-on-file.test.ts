import { describe, expect, it } from 'vitest';
import type { ConsentEvent } from '../../../functions/domain/holdings';
import { provisionConsentOnFile } from '../../../functions/domain/provisions/consent-on-file';

const event = (
  eventId: string,
  action: 'given' | 'withdrawn',
  at: string,
  fields: Partial<ConsentEvent> = {},
): ConsentEvent => ({
  subjectId: 's-1',
  eventId,
  action,
  noticeVersion: '2026-11-25',
  method: 'web-button',
  at,
  ...fields,
});

const question = { recipientId: 'partner-insurance', purpose: 'partner-offers' };

describe('provisionConsentOnFile (interim rule until the consent ledger)', () => {
  it('finds a consent naming the recipient or the purpose', () => {
    expect(
      provisionConsentOnFile(
        [event('c-1', 'given', '2026-01-01T00:00:00Z', { recipient: 'partner-insurance' })],
        question,
      ),
    ).toMatchObject({ state: 'in-force', consent: { eventId: 'c-1' } });
    expect(
      provisionConsentOnFile([event('c-2', 'given', '2026-01-01T00:00:00Z', { purpose: 'partner-offers' })], question),
    ).toMatchObject({ state: 'in-force', consent: { eventId: 'c-2' } });
    expect(
      provisionConsentOnFile(
        [event('c-3', 'given', '2026-01-01T00:00:00Z', { recipient: 'other', purpose: 'advertising' })],
        question,
      ),
    ).toEqual({ state: 'none' });
  });

  it('a withdrawal citing the consent, or a later one of the same recipient and purpose, withdraws it', () => {
    const given = event('c-1', 'given', '2026-01-01T00:00:00Z', { recipient: 'partner-insurance' });
    expect(
      provisionConsentOnFile(
        [given, event('w-1', 'withdrawn', '2026-02-01T00:00:00Z', { withdraws: 'c-1' })],
        question,
      ),
    ).toMatchObject({ state: 'withdrawn', withdrawal: { eventId: 'w-1' } });
    expect(
      provisionConsentOnFile(
        [given, event('w-2', 'withdrawn', '2026-02-01T00:00:00Z', { recipient: 'partner-insurance' })],
        question,
      ),
    ).toMatchObject({ state: 'withdrawn', withdrawal: { eventId: 'w-2' } });
    // A withdrawal before the consent does not withdraw it; nor does one citing another consent.
    expect(
      provisionConsentOnFile(
        [given, event('w-3', 'withdrawn', '2025-12-01T00:00:00Z', { recipient: 'partner-insurance' })],
        question,
      ).state,
    ).toBe('in-force');
    expect(
      provisionConsentOnFile([given, event('w-4', 'withdrawn', '2026-02-01T00:00:00Z', { withdraws: 'c-9' })], question)
        .state,
    ).toBe('in-force');
  });

  it('a consent given again after a withdrawal is in force', () => {
    const events = [
      event('c-1', 'given', '2026-01-01T00:00:00Z', { recipient: 'partner-insurance' }),
      event('w-1', 'withdrawn', '2026-02-01T00:00:00Z', { withdraws: 'c-1' }),
      event('c-2', 'given', '2026-03-01T00:00:00Z', { recipient: 'partner-insurance' }),
    ];
    expect(provisionConsentOnFile(events, question)).toMatchObject({ state: 'in-force', consent: { eventId: 'c-2' } });
  });

  it("abroad without equivalence, only a consent given with that country's information counts (APPI Art. 28(2))", () => {
    const abroad = { ...question, foreignCountry: 'US' };
    const informed = {
      country: 'US',
      protectionSystem: 'No comprehensive federal law; sectoral and state laws.',
      recipientMeasures: 'Contractual safeguards.',
    };
    expect(
      provisionConsentOnFile(
        [event('c-1', 'given', '2026-01-01T00:00:00Z', { recipient: 'partner-insurance' })],
        abroad,
      ),
    ).toEqual({ state: 'without-foreign-information' });
    expect(
      provisionConsentOnFile(
        [
          event('c-1', 'given', '2026-01-01T00:00:00Z', {
            recipient: 'partner-insurance',
            foreignInformation: { ...informed, country: 'CN' },
          }),
        ],
        abroad,
      ),
    ).toEqual({ state: 'without-foreign-information' });
    expect(
      provisionConsentOnFile(
        [
          event('c-1', 'given', '2026-01-01T00:00:00Z', {
            recipient: 'partner-insurance',
            foreignInformation: informed,
          }),
        ],
        abroad,
      ),
    ).toMatchObject({ state: 'in-force' });
    expect(
      provisionConsentOnFile(
        [
          event('c-1', 'given', '2026-01-01T00:00:00Z', {
            recipient: 'partner-insurance',
            foreignInformation: { country: 'unknown', unknownReason: 'The cloud region was not yet chosen.' },
          }),
        ],
        abroad,
      ),
    ).toMatchObject({ state: 'in-force' });
    expect(
      provisionConsentOnFile(
        [
          event('c-1', 'given', '2026-01-01T00:00:00Z', {
            recipient: 'partner-insurance',
            foreignInformation: { country: 'unknown', unknownReason: ' ' },
          }),
        ],
        abroad,
      ),
    ).toEqual({ state: 'without-foreign-information' });
  });

  it('for personally referable information, only a linkage consent naming the recipient counts, and it never counts as a provision consent (APPI Art. 31)', () => {
    const linkage = event('l-1', 'given', '2026-01-01T00:00:00Z', {
      recipient: 'partner-insurance',
      linkage: 'access-information',
    });
    expect(provisionConsentOnFile([linkage], { ...question, linkage: true })).toMatchObject({
      state: 'in-force',
      consent: { eventId: 'l-1' },
    });
    expect(provisionConsentOnFile([linkage], question)).toEqual({ state: 'none' });
    expect(
      provisionConsentOnFile([event('c-1', 'given', '2026-01-01T00:00:00Z', { recipient: 'partner-insurance' })], {
        ...question,
        linkage: true,
      }),
    ).toEqual({ state: 'none' });
    expect(
      provisionConsentOnFile(
        [event('l-2', 'given', '2026-01-01T00:00:00Z', { recipient: 'other', linkage: 'access-information' })],
        { ...question, linkage: true },
      ),
    ).toEqual({ state: 'none' });
    // A withdrawal of the linkage withdraws it; a withdrawal of the provision consent does not.
    expect(
      provisionConsentOnFile(
        [
          linkage,
          event('w-1', 'withdrawn', '2026-02-01T00:00:00Z', {
            recipient: 'partner-insurance',
            linkage: 'access-information',
          }),
        ],
        { ...question, linkage: true },
      ).state,
    ).toBe('withdrawn');
    expect(
      provisionConsentOnFile(
        [linkage, event('w-2', 'withdrawn', '2026-02-01T00:00:00Z', { recipient: 'partner-insurance' })],
        { ...question, linkage: true },
      ).state,
    ).toBe('in-force');
  });
});
