// POST /local/sign-in: the local stand-in for the Cognito hosted sign-in. It checks the demo
// password against the staff table and issues an ID token with the claims Cognito would put in it,
// signed with a key that lives only as long as this process. It exists only in the local runtime.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { StaffMember } from '../functions/domain/staff';

export { hashLocalPassword, localPasswordMatches } from '../functions/adapters/staff-identity-local';

export const LOCAL_ISSUER = 'appi-desk-local';
const TOKEN_LIFETIME_SECONDS = 60 * 60;

export class LocalTokenIssuer {
  private readonly key = randomBytes(32);

  async issue(staff: StaffMember): Promise<{ idToken: string; expiresIn: number }> {
    const idToken = await new SignJWT({
      'cognito:username': staff.staffId,
      'cognito:groups': [staff.role],
      email: staff.email,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staff.staffId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience('appi-desk-local-client')
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.key);
    return { idToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** What API Gateway's Cognito authorizer does: verify, then pass the claims on as strings. */
  async claims(token: string): Promise<Record<string, string> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: LOCAL_ISSUER, audience: 'appi-desk-local-client' });
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
    } catch {
      return undefined;
    }
  }
}
