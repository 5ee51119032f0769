// How much one call to the incident register may write. A write of the register is one DynamoDB
// transaction, and a transaction holds at most 100 items (DynamoDB TransactWriteItems quota): the
// incident's current item and its version copy, plus one item per subject linked, or two (the notice
// and its outbox message) per person notified. Beyond these a call is refused (422), never split, so
// nothing is ever half written.

/** The items every register write carries besides its links or notices: the current item and the version copy. */
export const INCIDENT_WRITE_BASE_ITEMS = 2;

/** DynamoDB's TransactWriteItems limit. */
export const TRANSACTION_ITEM_LIMIT = 100;

/** Subjects one call may link (90 + 2 = 92 items, under the 100). */
export const INCIDENT_LINKS_PER_CALL = 90;

/** Persons one call may notify: each is a notice item and an outbox message (2 × 45 + 2 = 92 items). */
export const INCIDENT_NOTICES_PER_CALL = 45;
