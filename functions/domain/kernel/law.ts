// The Act and the desk's own service levels as named values. Each carries its source; a value the
// Act leaves to the business says so, and is the desk's policy, changed here and tested.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * APPI Art. 32(2), 33(2), 34(2), 35(3)-(7), 40: answer "without delay" (遅滞なく). The Act names
 * no number of days; the desk promises an answer within this many desk days (policy §7 calendar).
 */
export const RESPONSE_TARGET_DESK_DAYS = 10;

/**
 * APPI Art. 39(1): a person may sue once two weeks have passed since the request reached the
 * business. Desk policy: whatever the desk-day count, the answer is due at the latest this many
 * calendar days after arrival, so it is given before day 14.
 */
export const LATEST_ANSWER_CALENDAR_DAYS = 13;

/**
 * APPI Art. 37(1) and Cabinet Order Art. 12: the business sets how requests are made, including
 * how the requester is confirmed. Desk policy: a six-digit code e-mailed to the requester.
 */
export const VERIFICATION_CODE_DIGITS = 6;
/** Desk policy under Art. 37(1): how long an e-mailed code stays valid. */
export const VERIFICATION_CODE_LIFETIME_SECONDS = 30 * MINUTE;
/** Desk policy under Art. 37(1): wrong codes allowed before the request locks. */
export const VERIFICATION_MAX_ATTEMPTS = 5;
/** Desk policy under Art. 37(1): a new code for the same request at most this often (a mailbox is not a target). */
export const VERIFICATION_RESEND_INTERVAL_SECONDS = MINUTE;
/** Desk policy under Art. 37(1): new codes one request may ask for; past it, the request is made again. */
export const VERIFICATION_MAX_RESENDS = 3;
/** Desk policy: an unverified request is dropped (TTL) after this long; it holds only what the requester typed. */
export const UNVERIFIED_REQUEST_LIFETIME_SECONDS = 24 * HOUR;

/**
 * APPI Art. 33(1) and Enforcement Rules Art. 30: disclosure by electronic record. Desk policy: the
 * dossier link stays valid this long at most (less when all it holds expires sooner), then TTL erases the copy.
 */
export const DISCLOSURE_LINK_LIFETIME_SECONDS = 14 * DAY;

/**
 * APPI Art. 33(1) and Enforcement Rules Art. 30: the person chooses how disclosure is made: by
 * electronic record, or by delivering a paper copy (the method the desk sets besides it).
 */
export const DISCLOSURE_METHODS = ['electronic', 'paper'] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/**
 * What a disclosure may cover: the retained personal data (APPI Art. 33(1)) and the records of
 * provision to or receipt from third parties kept under Art. 29 and 30 (Art. 33(5)).
 */
export const DISCLOSURE_RECORDS = ['personal-data', 'provision-records'] as const;
export type DisclosureRecords = (typeof DISCLOSURE_RECORDS)[number];

/**
 * Desk policy: a closed request and its history are kept this long after closing as evidence that
 * the desk answered (Art. 36 reasons, Art. 40 complaints); the Act sets no period.
 */
export const CLOSED_REQUEST_RETENTION_SECONDS = 3 * YEAR;

/**
 * Desk policy: erasure certificates and other evidence are kept this long. Chosen to match the
 * longest record-keeping duty the desk carries (provision records, Enforcement Rules Art. 21: 3 years).
 */
export const EVIDENCE_RETENTION_SECONDS = 3 * YEAR;

/** Desk policy: how long a sent notification stays in the outbox for tracing (docs/architecture.md). */
export const SENT_MESSAGE_RETENTION_SECONDS = 30 * DAY;

/**
 * APPI Art. 33(2) items 1-3, policy §7: the grounds on which disclosure may be refused, in whole
 * or in part.
 */
export const DISCLOSURE_REFUSAL_GROUNDS = [
  'harm-to-person-or-third-party',
  'hindrance-to-business',
  'violation-of-law',
] as const;
export type DisclosureRefusalGround = (typeof DISCLOSURE_REFUSAL_GROUNDS)[number];

export const SECONDS = { MINUTE, HOUR, DAY, YEAR } as const;

/** Policy §6(1) "long-term storage of access logs". The Act sets no period; desk policy is five years. */
export const ACCESS_LOG_RETENTION_SECONDS = 5 * YEAR;

/**
 * Act on Holidays of Administrative Organs (行政機関の休日に関する法律) Art. 1(1)(iii): the
 * administrative offices are closed 29 December-3 January, besides Saturdays, Sundays and national
 * holidays. A deadline for a report to them that falls on such a day moves to the next open day (Art. 2).
 * Its own value, not the desk's year-end closure: the desk may change its hours, the Act does not.
 */
export const ADMINISTRATIVE_YEAR_END_CLOSURE = { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } as const;
