// What the consent ledger needs from the outside world; adapters implement these with the AWS SDK.
import type { ConsentEvent } from '../holdings';
import type { OutboxMessage } from '../outbox';

/** A consent event as stored: a withdrawal carries the end of its evidence period. */
export type StoredConsentEvent = ConsentEvent & { expiresAt?: number };

export interface LedgerEntry {
  event: StoredConsentEvent;
  /** The consent receipt, when the desk holds the person's address. */
  receipt?: OutboxMessage;
  /** On a withdrawal: the withdrawn consent, whose evidence period starts now too (docs/architecture.md). */
  withdrawn?: { subjectId: string; eventId: string; expiresAt: number };
}

export interface ConsentLedger {
  /** Appends the event, its receipt and the withdrawn consent's expiry all together or not at all. */
  append(entry: LedgerEntry): Promise<void>;
}

/** The texts of the privacy notice consents were given under, kept by version (evidence table). */
export interface NoticeArchive {
  /** Keeps the text of a version unless it is kept already: the first text kept stands. */
  keep(version: string, notice: unknown, at: string): Promise<void>;
  isKept(version: string): Promise<boolean>;
}

/** The person's e-mail address as the registry holds it (their live email record). */
export interface SubjectAddressBook {
  addressOf(subjectId: string, now: Date): Promise<string | undefined>;
}

/** A self-service session awaiting its e-mailed code (hashed, bound to the session, few tries). */
export interface CodeSession {
  sessionId: string;
  email: string;
  language: 'ja' | 'en';
  codeHash: string;
  codeExpiresAt: string;
  attemptsLeft: number;
  createdAt: string;
}

/** What a subject token stands for: the address that proved itself, until expiresAt. */
export interface SubjectTokenGrant {
  tokenHash: string;
  email: string;
  language: 'ja' | 'en';
  expiresAt: string;
}

export interface SessionStore {
  /** Stores the session with the e-mail carrying its code, together or not at all. */
  open(session: CodeSession, message: OutboxMessage): Promise<void>;
  /** A session still awaiting its code; undefined once spent or past its life. */
  get(sessionId: string, now: Date): Promise<CodeSession | undefined>;
  /** Counts a wrong code; throws StaleWriteError when the session changed meanwhile. */
  countWrongCode(sessionId: string, expectedAttemptsLeft: number): Promise<void>;
  /** Spends the session and stores the token's grant, together; StaleWriteError when the session changed meanwhile. */
  exchange(sessionId: string, expectedAttemptsLeft: number, grant: SubjectTokenGrant): Promise<void>;
  /** The grant of a token, unless past its life. */
  grant(tokenHash: string, now: Date): Promise<SubjectTokenGrant | undefined>;
}
