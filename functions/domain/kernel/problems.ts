// Failures a use case reports to its caller. The HTTP layer maps each kind to a status code; the
// message is for the person who sent the request and says what to do next.

export type ProblemKind =
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'forbidden'
  | 'locked'
  | 'gone'
  /** Asked again too soon: the caller waits `retryAfterSeconds` (HTTP 429 with Retry-After, RFC 6585 §4). */
  | 'too-soon';

/** A field of the sent body a problem is about (`body.details.changes.1.value`), so a form can show the message next to it. */
export interface ProblemField {
  field: string;
  message: string;
  /** A text field's maximum length, when the value was too long: a page says the limit in its own words. */
  maximum?: number;
}

/**
 * What lets a page say a problem in the person's own words: a type more precise than the kind (the
 * problem's `type` is `urn:appi-desk:problem:<slug>`), and the values its message needs, sent as
 * extension members (RFC 9457 §3.2), e.g. `{ lockedUntil: "2026-12-07T07:28:21.407Z" }`.
 */
export interface ProblemSpecifics {
  slug?: string;
  extensions?: Readonly<Record<string, string | number | boolean>>;
  /** How long to wait before asking again, sent as Retry-After (RFC 9110 §10.2.3). */
  retryAfterSeconds?: number;
}

export class DeskProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly ProblemField[],
    readonly specifics: ProblemSpecifics = {},
  ) {
    super(detail);
    this.name = 'DeskProblem';
  }
}

/** A conditional write lost to a concurrent one: the state it was based on has changed. */
export class StaleWriteError extends Error {
  constructor() {
    super('The item changed since it was read');
    this.name = 'StaleWriteError';
  }
}

/**
 * The access log could not take an entry: every chain tried was taken by concurrent writers. Nothing
 * was read or written; the caller may try again after `retryAfterSeconds` (503 with Retry-After).
 */
export class AccessLogBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('The access log is busy');
    this.name = 'AccessLogBusyError';
  }
}
