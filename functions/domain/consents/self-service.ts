// The person's own view of their consents, without an account: an e-mailed
// six-digit code, as for requests (hashed, bound to the session, 30 minutes, 5 tries), gives a
// subject token of short life; with it the person lists the consents held under their address and
// withdraws any of them. The answers never reveal whether the desk knows the address: the code is
// sent either way, and an unknown address simply holds no consents.
import { type Company, type DeskContact, deskContact } from '../company';
import type { ConsentEvent } from '../holdings';
import { emailLookupKey, normalisedEmail } from '../holdings';
import { VERIFICATION_CODE_DIGITS, VERIFICATION_CODE_LIFETIME_SECONDS, VERIFICATION_MAX_ATTEMPTS } from '../kernel/law';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { hashSecret, matchesHash } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import type { ConsentReader } from '../personal-data/ports';
import type { SubjectFinder } from '../personal-data/search-subjects';
import { type CountryStanding, countryStanding } from '../provisions/countries';
import type { RecipientRegistry } from '../provisions/ports';
import { signature } from '../requests/notifications';
import type { Language } from '../requests/request';
import { codeSecret } from '../requests/submit-request';
import { type ConsentCoverage, coverageOf, withdrawalOf } from './consent-state';
import type { SessionStore } from './ports';
import { type RecordConsentDeps, type RecordedConsent, recordConsent } from './record-consent';
import { DATA_SUBJECT_COLLECTOR, SUBJECT_TOKEN_LIFETIME_SECONDS } from './rules';

export const SESSION_CODE_TOPIC = 'consent-session-code';

export interface SessionDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  sessions: SessionStore;
  secrets: SecretSource;
  clock: Clock;
}

export function codeMessage(
  code: string,
  language: Language,
  minutes: number,
  desk: DeskContact,
): { subject: string; text: string } {
  return language === 'ja'
    ? {
        subject: '同意の確認・撤回のための確認コード',
        text: `同意の確認・撤回のお申し出を承りました。\n\n${minutes}分以内に次の確認コードを入力してください。\n\n    ${code}\n\nお心当たりのない場合は、このメールを破棄してください。${signature('ja', desk)}`,
      }
    : {
        subject: 'Your code to see and withdraw your consents',
        text: `You asked to see or withdraw your consents.\n\nEnter this code within ${minutes} minutes:\n\n    ${code}\n\nIf you did not ask, ignore this e-mail.${signature('en', desk)}`,
      };
}

/** POST /v1/me/sessions: the same answer whether or not the desk holds anything under the address. */
export async function startSession(
  deps: SessionDeps,
  email: string,
  language: Language,
): Promise<{ sessionId: string }> {
  const now = deps.clock.now();
  const sessionId = deps.secrets.id();
  const code = deps.secrets.code(VERIFICATION_CODE_DIGITS);
  const address = normalisedEmail(email);
  await deps.sessions.open(
    {
      sessionId,
      email: address,
      language,
      codeHash: hashSecret(codeSecret(sessionId, code)),
      codeExpiresAt: new Date(now.getTime() + VERIFICATION_CODE_LIFETIME_SECONDS * 1000).toISOString(),
      attemptsLeft: VERIFICATION_MAX_ATTEMPTS,
      createdAt: now.toISOString(),
    },
    outboxMessage(
      deps.secrets.id(),
      address,
      codeMessage(code, language, VERIFICATION_CODE_LIFETIME_SECONDS / 60, deskContact(deps.company)),
      now,
      SESSION_CODE_TOPIC,
    ),
  );
  return { sessionId };
}

const CHANGED = () =>
  new DeskProblem(
    'conflict',
    'Session changed',
    'The session changed while this code was checked. Try the code again.',
  );

/** POST /v1/me/sessions/{sessionId}/verification: the right code gives a subject token; wrong ones count down to a lock. */
export async function verifySession(
  deps: SessionDeps,
  sessionId: string,
  code: string,
): Promise<{ subjectToken: string; expiresAt: string }> {
  const now = deps.clock.now();
  const session = await deps.sessions.get(sessionId, now);
  if (!session) {
    throw new DeskProblem(
      'not-found',
      'No session awaits this code',
      'No session with this id is waiting for a code: it was used, or its code expired. Ask for a new code with POST /v1/me/sessions.',
    );
  }
  if (session.attemptsLeft <= 0) {
    throw new DeskProblem(
      'locked',
      'Session locked',
      'This session is locked after too many wrong codes. Ask for a new code with POST /v1/me/sessions.',
      undefined,
      { slug: 'code-locked' },
    );
  }
  if (!matchesHash(codeSecret(sessionId, code), session.codeHash)) {
    const attemptsLeft = session.attemptsLeft - 1;
    try {
      await deps.sessions.countWrongCode(sessionId, session.attemptsLeft);
    } catch (error) {
      if (error instanceof StaleWriteError) throw CHANGED();
      throw error;
    }
    throw attemptsLeft > 0
      ? new DeskProblem(
          'unprocessable',
          'Wrong code',
          `That code is not the one we sent. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`,
          undefined,
          { slug: 'wrong-code', extensions: { attemptsLeft } },
        )
      : new DeskProblem(
          'locked',
          'Session locked',
          'That code was wrong too many times; the session is locked. Ask for a new code with POST /v1/me/sessions.',
          undefined,
          { slug: 'code-locked' },
        );
  }
  const subjectToken = deps.secrets.token();
  const expiresAt = new Date(now.getTime() + SUBJECT_TOKEN_LIFETIME_SECONDS * 1000).toISOString();
  try {
    await deps.sessions.exchange(sessionId, session.attemptsLeft, {
      tokenHash: hashSecret(subjectToken),
      email: session.email,
      language: session.language,
      expiresAt,
    });
  } catch (error) {
    if (error instanceof StaleWriteError) throw CHANGED();
    throw error;
  }
  return { subjectToken, expiresAt };
}

export interface MyConsentsDeps {
  sessions: Pick<SessionStore, 'grant'>;
  subjects: Pick<SubjectFinder, 'subjectIdsByLookupKey'>;
  consents: ConsentReader;
  clock: Clock;
}

/** Listing also names each consent's recipient from the recipient registry. */
export interface ListMyConsentsDeps extends MyConsentsDeps {
  recipients: Pick<RecipientRegistry, 'get'>;
}

const noToken = () =>
  new DeskProblem(
    'not-found',
    'No session for this token',
    'This token is unknown or has expired. Ask for a new code with POST /v1/me/sessions and send the token it gives as "Authorization: Bearer <token>".',
    undefined,
    { slug: 'session-expired' },
  );

async function grantOf(deps: Pick<MyConsentsDeps, 'sessions'>, token: string | undefined, now: Date) {
  const grant = token ? await deps.sessions.grant(hashSecret(token), now) : undefined;
  if (!grant) throw noToken();
  return grant;
}

async function eventsByAddress(deps: MyConsentsDeps, email: string, now: Date): Promise<ConsentEvent[][]> {
  const subjectIds = await deps.subjects.subjectIdsByLookupKey(emailLookupKey(email), now);
  return Promise.all(subjectIds.map((subjectId) => deps.consents.consentsOf(subjectId, now)));
}

/**
 * To whom a consent lets the data go, as the registry holds it (APPI Art. 27(1)): its name, its
 * country and where that country stands under Art. 28. Only the id when the registry does not hold it.
 */
export interface ConsentRecipient {
  recipientId: string;
  name?: string;
  country?: string;
  countryStanding?: CountryStanding;
}

export interface MyConsent {
  consentId: string;
  covers: ConsentCoverage;
  recipient?: ConsentRecipient;
  status: 'in-force' | 'withdrawn';
  givenAt: string;
  noticeVersion: string;
  method: string;
  foreignInformation?: ConsentEvent['foreignInformation'];
  withdrawnAt?: string;
}

async function recipientsNamed(
  deps: Pick<ListMyConsentsDeps, 'recipients'>,
  events: readonly ConsentEvent[],
): Promise<Map<string, ConsentRecipient>> {
  const ids = [...new Set(events.flatMap((e) => (e.recipient !== undefined ? [e.recipient] : [])))];
  const found = await Promise.all(ids.map((id) => deps.recipients.get(id)));
  return new Map(
    found.flatMap((r) =>
      r
        ? [
            [
              r.recipientId,
              { recipientId: r.recipientId, name: r.name, country: r.country, countryStanding: countryStanding(r) },
            ] as const,
          ]
        : [],
    ),
  );
}

/** GET /v1/me/consents: every consent held under the address, newest first, with its state. */
export async function listMyConsents(
  deps: ListMyConsentsDeps,
  token: string | undefined,
): Promise<{ items: MyConsent[]; tokenExpiresAt: string }> {
  const now = deps.clock.now();
  const grant = await grantOf(deps, token, now);
  const byAddress = await eventsByAddress(deps, grant.email, now);
  const recipients = await recipientsNamed(deps, byAddress.flat());
  const items = byAddress.flatMap((events) =>
    events
      .filter((e) => e.action === 'given' && Date.parse(e.at) <= now.getTime())
      .map((consent): MyConsent => {
        const withdrawal = withdrawalOf(events, consent);
        return {
          consentId: consent.eventId,
          covers: coverageOf(consent),
          ...(consent.recipient !== undefined
            ? { recipient: recipients.get(consent.recipient) ?? { recipientId: consent.recipient } }
            : {}),
          status: withdrawal ? 'withdrawn' : 'in-force',
          givenAt: consent.at,
          noticeVersion: consent.noticeVersion,
          method: consent.method,
          ...(consent.foreignInformation ? { foreignInformation: consent.foreignInformation } : {}),
          ...(withdrawal ? { withdrawnAt: withdrawal.at } : {}),
        };
      }),
  );
  return {
    items: items.sort((a, b) => b.givenAt.localeCompare(a.givenAt) || a.consentId.localeCompare(b.consentId)),
    tokenExpiresAt: grant.expiresAt,
  };
}

/** DELETE /v1/me/consents/{consentId}: the person withdraws one of their consents; it ends at the next use or provision check. */
export async function withdrawMyConsent(
  deps: MyConsentsDeps & RecordConsentDeps,
  token: string | undefined,
  consentId: string,
): Promise<RecordedConsent> {
  const now = deps.clock.now();
  const grant = await grantOf(deps, token, now);
  const held = (await eventsByAddress(deps, grant.email, now))
    .flat()
    .find((e) => e.eventId === consentId && e.action === 'given');
  if (!held) {
    throw new DeskProblem(
      'not-found',
      'No such consent',
      `No consent "${consentId}" is held under your address. List your consents with GET /v1/me/consents.`,
      undefined,
      { slug: 'consent-not-found' },
    );
  }
  return recordConsent(
    deps,
    { kind: 'data-subject', id: DATA_SUBJECT_COLLECTOR },
    {
      action: 'withdrawn',
      subjectId: held.subjectId,
      withdraws: consentId,
      method: 'web-button',
      language: grant.language,
    },
  );
}
