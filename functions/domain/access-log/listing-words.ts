// The access log listing's limit, as the officer's console tells it. A leaf (no imports), so the
// console states this very number.

/** Desk policy: the widest window one listing covers, so every page is a bounded read of day partitions. */
export const ACCESS_LOG_LISTING_MAX_DAYS = 31;
