// Self-service sessions and the person's consents, with doubles: the code is stored hashed and bound
// to its session, wrong codes count down to a lock, a token is stored hashed and lives 15 minutes,
// and only consents held under the token's address are listed or withdrawn.

import { beforeEach, describe, expect, it } from 'vitest';
import type {
  CodeSession,
  LedgerEntry,
  SessionStore,
  SubjectTokenGrant,
} from '../../../functions/domain/consents/ports';
import {
  listMyConsents,
  startSession,
  verifySession,
  withdrawMyConsent,
} from '../../../functions/domain/consents/self-service';
import { DEFAULT_DESK_SETTINGS } from '../../../functions/domain/desk';
import type { ConsentEvent } from '../../../functions/domain/holdings';
import { DeskProblem, StaleWriteError } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import type { Recipient } from '../../../functions/domain/provisions/recipients';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import { codeSecret } from '../../../functions/domain/requests/submit-request';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, SequenceSecrets } from '../doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from '../provisions/doubles';

const NOW = '2026-12-01T03:00:00.000Z';
const PARTNER_US: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'partner-us',
  name: 'Partner Analytics Inc.',
  country: 'US',
};

class MemorySessions implements SessionStore {
  readonly sessions = new Map<string, CodeSession>();
  readonly grants = new Map<string, SubjectTokenGrant>();
  readonly sent: OutboxMessage[] = [];
  async open(session: CodeSession, message: OutboxMessage) {
    this.sessions.set(session.sessionId, session);
    this.sent.push(message);
  }
  async get(sessionId: string, now: Date) {
    const session = this.sessions.get(sessionId);
    return session && Date.parse(session.codeExpiresAt) > now.getTime() ? session : undefined;
  }
  async countWrongCode(sessionId: string, expected: number) {
    const session = this.sessions.get(sessionId)!;
    if (session.attemptsLeft !== expected) throw new StaleWriteError();
    this.sessions.set(sessionId, { ...session, attemptsLeft: expected - 1 });
  }
  async exchange(sessionId: string, expected: number, grant: SubjectTokenGrant) {
    if (this.sessions.get(sessionId)?.attemptsLeft !== expected) throw new StaleWriteError();
    this.sessions.delete(sessionId);
    this.grants.set(grant.tokenHash, grant);
  }
  async grant(tokenHash: string, now: Date) {
    const grant = this.grants.get(tokenHash);
    return grant && Date.parse(grant.expiresAt) > now.getTime() ? grant : undefined;
  }
}

let sessions: MemorySessions;
let secrets: SequenceSecrets;
let clock: FixedClock;
let events: ConsentEvent[];
let appended: LedgerEntry[];

beforeEach(() => {
  sessions = new MemorySessions();
  secrets = new SequenceSecrets(['111111', '222222']);
  clock = new FixedClock(NOW);
  events = [
    {
      subjectId: 's1',
      eventId: 'c1',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: '2026-11-30T00:00:00.000Z',
    },
    {
      subjectId: 's9',
      eventId: 'c9',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: '2026-11-30T00:00:00.000Z',
    },
  ];
  appended = [];
});

const deps = () => ({
  sessions,
  secrets,
  clock,
  company: DEMO_COMPANY,
  subjects: { subjectIdsByLookupKey: async (key: string) => (key === 'email#hanako@example.jp' ? ['s1'] : []) },
  consents: { consentsOf: async (subjectId: string) => events.filter((e) => e.subjectId === subjectId) },
  purposes: { versions: async () => [...POLICY_PURPOSES] },
  notices: { keep: async () => undefined, isKept: async () => false },
  addresses: { addressOf: async () => 'hanako@example.jp' },
  recipients: new MemoryRecipients([JP_THIRD_PARTY, PARTNER_US]),
  ledger: {
    append: async (entry: LedgerEntry) => {
      appended.push(entry);
    },
  },
  settings: DEFAULT_DESK_SETTINGS,
});

async function problem(promise: Promise<unknown>, kind: DeskProblem['kind']): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeskProblem);
  expect((error as DeskProblem).kind).toBe(kind);
  return (error as DeskProblem).detail;
}

async function tokenFor(email: string): Promise<string> {
  const { sessionId } = await startSession(deps(), email, 'ja');
  return (await verifySession(deps(), sessionId, secrets.codesIssued.at(-1)!)).subjectToken;
}

describe('self-service sessions', () => {
  it('e-mails a six-digit code, stored only as a hash bound to the session, for 30 minutes and 5 tries', async () => {
    const { sessionId } = await startSession(deps(), ' Hanako@Example.JP ', 'ja');
    expect(secrets.codeDigitsAsked).toEqual([6]);
    expect(sessions.sessions.get(sessionId)).toEqual({
      sessionId,
      email: 'hanako@example.jp',
      language: 'ja',
      codeHash: hashSecret(codeSecret(sessionId, '111111')),
      codeExpiresAt: '2026-12-01T03:30:00.000Z',
      attemptsLeft: 5,
      createdAt: NOW,
    });
    expect(sessions.sent[0]).toMatchObject({ to: ['hanako@example.jp'], topic: 'consent-session-code' });
    expect(sessions.sent[0]!.text).toContain('111111');
  });

  it('answers alike for an address the desk does not know', async () => {
    const known = await startSession(deps(), 'hanako@example.jp', 'en');
    const unknown = await startSession(deps(), 'nobody@example.jp', 'en');
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(sessions.sent.map((m) => m.subject)).toEqual([
      'Your code to see and withdraw your consents',
      'Your code to see and withdraw your consents',
    ]);
  });

  it('a right code gives a token valid 15 minutes, stored hashed; the session is spent', async () => {
    const { sessionId } = await startSession(deps(), 'hanako@example.jp', 'ja');
    const { subjectToken, expiresAt } = await verifySession(deps(), sessionId, '111111');
    expect(expiresAt).toBe('2026-12-01T03:15:00.000Z');
    expect(sessions.grants.get(hashSecret(subjectToken))).toEqual({
      tokenHash: hashSecret(subjectToken),
      email: 'hanako@example.jp',
      language: 'ja',
      expiresAt,
    });
    await problem(verifySession(deps(), sessionId, '111111'), 'not-found');
  });

  it('wrong codes count down and lock; an expired code is not found', async () => {
    const { sessionId } = await startSession(deps(), 'hanako@example.jp', 'ja');
    expect(await problem(verifySession(deps(), sessionId, '999999'), 'unprocessable')).toContain('4 tries left');
    for (let i = 0; i < 3; i += 1) await problem(verifySession(deps(), sessionId, '999999'), 'unprocessable');
    await problem(verifySession(deps(), sessionId, '999999'), 'locked');
    await problem(verifySession(deps(), sessionId, '111111'), 'locked');
    const late = await startSession(deps(), 'hanako@example.jp', 'ja');
    clock.set('2026-12-01T03:30:00.000Z');
    await problem(verifySession(deps(), late.sessionId, '222222'), 'not-found');
  });
});

describe('my consents', () => {
  it('lists only the consents held under the address; none for an unknown one', async () => {
    const listed = await listMyConsents(deps(), await tokenFor('hanako@example.jp'));
    expect(listed.items).toEqual([
      {
        consentId: 'c1',
        covers: { purpose: 'advertising' },
        status: 'in-force',
        givenAt: '2026-11-30T00:00:00.000Z',
        noticeVersion: '2026-11-25',
        method: 'web-button',
      },
    ]);
    expect((await listMyConsents(deps(), await tokenFor('nobody@example.jp'))).items).toEqual([]);
  });

  it("names each consent's recipient as the registry holds it; one the registry does not hold by its id", async () => {
    const info = { country: 'US', protectionSystem: 'Sectoral laws', recipientMeasures: 'Contractual safeguards' };
    events.push(
      {
        subjectId: 's1',
        eventId: 'c2',
        action: 'given',
        recipient: 'partner-insurance',
        noticeVersion: '2026-11-25',
        method: 'web-button',
        at: '2026-11-30T01:00:00.000Z',
      },
      {
        subjectId: 's1',
        eventId: 'c3',
        action: 'given',
        recipient: 'partner-us',
        foreignInformation: info,
        noticeVersion: '2026-11-25',
        method: 'web-button',
        at: '2026-11-30T02:00:00.000Z',
      },
      {
        subjectId: 's1',
        eventId: 'c4',
        action: 'given',
        recipient: 'partner-gone',
        noticeVersion: '2026-11-25',
        method: 'web-button',
        at: '2026-11-30T03:00:00.000Z',
      },
    );
    const listed = await listMyConsents(deps(), await tokenFor('hanako@example.jp'));
    expect(listed.items.map((c) => [c.consentId, c.recipient])).toEqual([
      ['c4', { recipientId: 'partner-gone' }],
      ['c3', { recipientId: 'partner-us', name: 'Partner Analytics Inc.', country: 'US', countryStanding: 'foreign' }],
      [
        'c2',
        {
          recipientId: 'partner-insurance',
          name: 'Partner Insurance K.K.',
          country: 'JP',
          countryStanding: 'domestic',
        },
      ],
      ['c1', undefined],
    ]);
    expect(listed.items[1]).toMatchObject({ covers: { recipient: 'partner-us' }, foreignInformation: info });
  });

  it('a missing, wrong or expired token is not found', async () => {
    const token = await tokenFor('hanako@example.jp');
    await problem(listMyConsents(deps(), undefined), 'not-found');
    await problem(listMyConsents(deps(), `${token}x`), 'not-found');
    clock.set('2026-12-01T03:15:00.000Z');
    await problem(listMyConsents(deps(), token), 'not-found');
  });

  it("withdraws a consent of the address as the person, by web button, in the session's language", async () => {
    const recorded = await withdrawMyConsent(deps(), await tokenFor('hanako@example.jp'), 'c1');
    expect(recorded).toMatchObject({
      action: 'withdrawn',
      withdraws: 'c1',
      subjectId: 's1',
      method: 'web-button',
      collectedBy: 'data-subject',
      receipt: 'e-mailed',
    });
    expect(appended[0]!.receipt!.subject).toBe('同意の撤回の記録（受領書）');
  });

  it('the receipt of a withdrawal names the recipient as the registry holds it', async () => {
    events.push({
      subjectId: 's1',
      eventId: 'c2',
      action: 'given',
      recipient: 'partner-insurance',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: '2026-11-30T01:00:00.000Z',
    });
    await withdrawMyConsent(deps(), await tokenFor('hanako@example.jp'), 'c2');
    expect(appended[0]!.receipt!.text).toContain('第三者「Partner Insurance K.K.」への個人データの提供');
    expect(appended[0]!.receipt!.text).not.toContain('partner-insurance');
  });

  it("another address's consent is not found, and nothing is appended", async () => {
    await problem(withdrawMyConsent(deps(), await tokenFor('hanako@example.jp'), 'c9'), 'not-found');
    expect(appended).toEqual([]);
  });
});
