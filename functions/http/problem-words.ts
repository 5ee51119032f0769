// The problem types the pages tell in their own words: the firewall's, answered before a request
// reaches the API (lib/firewall.ts), and the safeguards gate's (functions/http/safeguards-gate.ts). A leaf (no imports), so the console matches these very names.

/** Too many requests from one address within the firewall's window (HTTP 429). */
export const RATE_LIMITED_PROBLEM = 'urn:appi-desk:problem:rate-limited';

/** A staff route called from outside the staff network (HTTP 403). */
export const OUTSIDE_STAFF_NETWORK_PROBLEM = 'urn:appi-desk:problem:outside-staff-network';

/** The problem slug of a staff member refused personal data because their rules or training lapsed (HTTP 403). */
export const SAFEGUARDS_LAPSED_SLUG = 'safeguards-lapsed';
/** The same as the console matches it. */
export const SAFEGUARDS_LAPSED_PROBLEM = `urn:appi-desk:problem:${SAFEGUARDS_LAPSED_SLUG}`;
