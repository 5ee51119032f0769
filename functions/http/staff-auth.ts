// Staff calls carry Cognito claims (in AWS from the user-pool authorizer, locally from the local
// sign-in). The token must be an ID token of the desk's own staff pool (issuer and token_use), and
// the staff table decides: a disabled account or a role taken away is refused on the very next call,
// whatever the token still says.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import type { StaffActor, StaffRole } from '../domain/staff';
import { HttpProblem } from './problem';
import { requireSafeguardsStanding } from './safeguards-gate';

/** REST API authorizers pass groups as "a,b"; some pass "[a b]"; accept either. */
export function parseGroups(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

const unauthenticated = () =>
  new HttpProblem(
    401,
    'unauthenticated',
    'Sign-in required',
    'This route is for desk staff. Sign in and send the ID token as "Authorization: Bearer <token>".',
    undefined,
    { 'www-authenticate': 'Bearer' },
  );

/** DESK_STAFF_TOKEN_ISSUER: the `iss` of the staff pool's tokens (https://cognito-idp.<region>.amazonaws.com/<poolId>; locally LOCAL_ISSUER). */
export function staffTokenIssuer(env: NodeJS.ProcessEnv = process.env): string {
  const issuer = env.DESK_STAFF_TOKEN_ISSUER?.trim();
  if (!issuer) throw new Error('DESK_STAFF_TOKEN_ISSUER is not set');
  return issuer;
}

/**
 * The caller, once token, account and role agree; with `safeguards` (a route handling personal data,
 * functions/http/safeguards-gate.ts) also refused while their rules or training have lapsed.
 */
export async function authenticateStaff(
  event: APIGatewayProxyEvent,
  roles: readonly StaffRole[],
  options: { safeguards?: boolean } = {},
): Promise<StaffActor> {
  const claims = (event.requestContext.authorizer?.claims ?? {}) as Record<string, unknown>;
  const username = claims['cognito:username'];
  if (typeof username !== 'string' || username === '') throw unauthenticated();
  // The authorizer trusts one pool; checking again here keeps a token of another pool (or an access
  // token) out should a route ever be wired to a wider authorizer.
  if (claims.iss !== staffTokenIssuer() || claims.token_use !== 'id') {
    throw new HttpProblem(
      401,
      'foreign-token',
      'Token not accepted',
      'This token was not issued by the desk\'s staff sign-in, or is not an ID token. Sign in to the desk again and send its ID token as "Authorization: Bearer <token>".',
      undefined,
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }
  const staff = await dynamoStaffDirectory.get(username);
  if (staff?.status !== 'active') {
    throw new HttpProblem(
      403,
      'account-disabled',
      'Account disabled',
      'This staff account is disabled. Ask the Information Security Officer if you need access.',
    );
  }
  if (!roles.includes(staff.role) || !parseGroups(claims['cognito:groups']).includes(staff.role)) {
    throw new HttpProblem(
      403,
      'forbidden-role',
      'Not allowed for your role',
      `This route is for: ${roles.join(', ')}. Your role is ${staff.role}; sign in again if it changed.`,
    );
  }
  // After the role check: a caller the route is not for learns nothing of their standing from it.
  if (options.safeguards) await requireSafeguardsStanding(staff);
  return { staffId: staff.staffId, role: staff.role, sourceIp: event.requestContext.identity?.sourceIp ?? 'unknown' };
}
