// The problem types the firewall answers with before a request reaches the API (lib/firewall.ts),
// which the pages tell in their own words. A leaf (no imports), so the console matches these very names.

/** Too many requests from one address within the firewall's window (HTTP 429). */
export const RATE_LIMITED_PROBLEM = 'urn:appi-desk:problem:rate-limited';

/** A staff route called from outside the staff network (HTTP 403). */
export const OUTSIDE_STAFF_NETWORK_PROBLEM = 'urn:appi-desk:problem:outside-staff-network';
