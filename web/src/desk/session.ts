// The signed-in staff member. The ID token is kept in the tab's sessionStorage while it is valid, so a
// reload keeps the session; closing the tab, signing out or the token's expiry forgets it, and nothing
// goes to localStorage, which outlives the tab. The claims are read from the ID token without checking
// its signature; the API verifies it on every call.
import { STAFF_ROLES, type StaffRole } from '../../../functions/domain/staff-words';

export type { StaffRole };
export { STAFF_ROLES };

export interface StaffSession {
  idToken: string;
  staffId: string;
  role: StaffRole;
  /** Milliseconds since the epoch, from the token's exp. */
  expiresAt: number;
}

function base64UrlDecode(text: string): string {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The session an ID token stands for; undefined when it is not a staff ID token this console can use. */
export function sessionFromIdToken(idToken: string): StaffSession | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(idToken.split('.')[1] ?? '')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const staffId = claims['cognito:username'];
  const groups = claims['cognito:groups'];
  const role = (Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.split(',') : []).find(
    (g): g is StaffRole => (STAFF_ROLES as readonly string[]).includes(g),
  );
  const exp = claims.exp;
  if (typeof staffId !== 'string' || !staffId || !role || typeof exp !== 'number') return undefined;
  return { idToken, staffId, role, expiresAt: exp * 1000 };
}

export function sessionExpired(session: StaffSession, now = Date.now()): boolean {
  return now >= session.expiresAt;
}

/** Why a session ended without the person signing out. */
export type SessionEnd = 'expired';

let onEnd: ((reason: SessionEnd) => void) | undefined;

/** The console's frame listens here; the staff API calls endSession when the API refuses the token. */
export function whenSessionEnds(listener: (reason: SessionEnd) => void): () => void {
  onEnd = listener;
  return () => {
    if (onEnd === listener) onEnd = undefined;
  };
}

export function endSession(reason: SessionEnd): void {
  onEnd?.(reason);
}

const SESSION_KEY = 'appi-desk.desk-session';

/** Keeps the session's ID token for this tab, so a reload keeps the session while the token is valid. */
export function keepSession(session: StaffSession): void {
  try {
    sessionStorage.setItem(SESSION_KEY, session.idToken);
  } catch {
    // Storage refused (private mode, quota): the session simply lives in memory only.
  }
}

/** The session kept for this tab, if its token is still valid; an expired or unusable one is forgotten. */
export function keptSession(now = Date.now()): StaffSession | undefined {
  let token: string | null = null;
  try {
    token = sessionStorage.getItem(SESSION_KEY);
  } catch {
    return undefined;
  }
  const session = token ? sessionFromIdToken(token) : undefined;
  if (session && !sessionExpired(session, now)) return session;
  if (token) forgetSession();
  return undefined;
}

export function forgetSession(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing was kept.
  }
}
