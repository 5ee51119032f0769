// The state of consents derived from their events: in force, withdrawn or never; a withdrawal naming
// its consent, an older one matching by purpose and recipient; events at the same instant.
import { describe, expect, it } from 'vitest';
import { consentInForceFor, consentState, stateFor } from '../../../functions/domain/consents/consent-state';
import type { ConsentEvent } from '../../../functions/domain/holdings';

const given = (
  eventId: string,
  at: string,
  covers: Partial<ConsentEvent> = { purpose: 'advertising' },
): ConsentEvent => ({
  subjectId: 's',
  eventId,
  action: 'given',
  ...covers,
  noticeVersion: '2026-11-25',
  method: 'web-button',
  at,
});
const withdrawn = (
  eventId: string,
  at: string,
  covers: Partial<ConsentEvent> = { purpose: 'advertising' },
): ConsentEvent => ({ ...given(eventId, at, covers), action: 'withdrawn' });

const NOW = new Date('2026-12-01T00:00:00.000Z');

describe('consentState', () => {
  it('never: no consent given, only a stray withdrawal or nothing at all', () => {
    expect(stateFor([], { purpose: 'advertising' })).toEqual({
      covers: { purpose: 'advertising' },
      status: 'never',
      events: [],
    });
    expect(stateFor([withdrawn('w', '2026-01-01T00:00:00.000Z')], { purpose: 'advertising' }).status).toBe('never');
  });

  it('withdraw, then give again: the new consent is in force', () => {
    const events = [
      given('c1', '2026-01-01T00:00:00.000Z'),
      { ...withdrawn('w1', '2026-02-01T00:00:00.000Z'), withdraws: 'c1' },
      given('c2', '2026-03-01T00:00:00.000Z'),
    ];
    const [state] = consentState(events);
    expect(state).toMatchObject({ covers: { purpose: 'advertising' }, status: 'in-force', consent: { eventId: 'c2' } });
    expect(state!.events.map((e) => e.eventId)).toEqual(['c1', 'w1', 'c2']);
    expect(stateFor(events.slice(0, 2), { purpose: 'advertising' })).toMatchObject({ status: 'withdrawn' });
  });

  it('an old withdrawal without withdraws ends every consent of the same coverage up to its instant, not a later one', () => {
    const events = [
      given('c1', '2026-01-01T00:00:00.000Z'),
      withdrawn('w1', '2026-02-01T00:00:00.000Z'),
      given('c2', '2026-03-01T00:00:00.000Z'),
    ];
    expect(stateFor(events.slice(0, 2), { purpose: 'advertising' }).status).toBe('withdrawn');
    expect(stateFor(events, { purpose: 'advertising' }).consent?.eventId).toBe('c2');
  });

  it('at the same instant a withdrawal wins, in whatever order the events are stored', () => {
    const events = [given('c1', '2026-01-01T00:00:00.000Z'), withdrawn('w1', '2026-01-01T00:00:00.000Z')];
    expect(stateFor(events, { purpose: 'advertising' }).status).toBe('withdrawn');
    expect(stateFor([...events].reverse(), { purpose: 'advertising' }).status).toBe('withdrawn');
    expect(stateFor([...events].reverse(), { purpose: 'advertising' }).events.map((e) => e.eventId)).toEqual([
      'c1',
      'w1',
    ]);
  });

  it('a withdrawal naming one consent leaves another consent of the same coverage in force', () => {
    const events = [
      given('c1', '2026-01-01T00:00:00.000Z'),
      given('c2', '2026-01-02T00:00:00.000Z'),
      { ...withdrawn('w', '2026-02-01T00:00:00.000Z'), withdraws: 'c2' },
    ];
    expect(stateFor(events, { purpose: 'advertising' }).consent?.eventId).toBe('c1');
  });

  it('coverages are kept apart: purpose, recipient, linkage', () => {
    const events = [
      given('p', '2026-01-01T00:00:00.000Z'),
      given('r', '2026-01-01T00:00:00.000Z', { recipient: 'partner-a' }),
      given('l', '2026-01-01T00:00:00.000Z', { linkage: 'access-information' }),
      withdrawn('wr', '2026-02-01T00:00:00.000Z', { recipient: 'partner-a' }),
    ];
    const states = consentState(events);
    expect(states.map((s) => [s.covers, s.status])).toEqual([
      [{ linkage: 'access-information' }, 'in-force'],
      [{ purpose: 'advertising' }, 'in-force'],
      [{ recipient: 'partner-a' }, 'withdrawn'],
    ]);
  });

  it('events after now have not happened yet', () => {
    const events = [
      given('c1', '2026-01-01T00:00:00.000Z'),
      { ...withdrawn('w1', '2027-01-01T00:00:00.000Z'), withdraws: 'c1' },
    ];
    expect(stateFor(events, { purpose: 'advertising' }, NOW).status).toBe('in-force');
    expect(stateFor(events, { purpose: 'advertising' }).status).toBe('withdrawn');
  });
});

describe('consentInForceFor', () => {
  const events = [
    given('p', '2026-01-01T00:00:00.000Z'),
    given('r', '2026-01-01T00:00:00.000Z', { recipient: 'partner-a' }),
  ];

  it('the consent for the recipient first, else for the purpose', () => {
    expect(consentInForceFor(events, { recipient: 'partner-a', purpose: 'advertising' }, NOW)?.eventId).toBe('r');
    expect(consentInForceFor(events, { recipient: 'partner-b', purpose: 'advertising' }, NOW)?.eventId).toBe('p');
    expect(consentInForceFor(events, { recipient: 'partner-b' }, NOW)).toBeUndefined();
    expect(consentInForceFor(events, {}, NOW)).toBeUndefined();
  });

  it('undefined from the moment of a withdrawal', () => {
    const withWithdrawal = [
      ...events,
      { ...withdrawn('w', NOW.toISOString(), { recipient: 'partner-a' }), withdraws: 'r' },
    ];
    expect(consentInForceFor(withWithdrawal, { recipient: 'partner-a' }, NOW)).toBeUndefined();
    expect(consentInForceFor(withWithdrawal, { recipient: 'partner-a' }, new Date(NOW.getTime() - 1))?.eventId).toBe(
      'r',
    );
  });
});
