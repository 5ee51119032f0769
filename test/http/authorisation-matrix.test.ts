// The authorisation matrix, generated from the route manifest: every staff route ×
// every role × no token × a disabled account, against the staff table in DynamoDB Local. A new route
// is covered the day it is added to functions/routes.ts, without anyone remembering to test it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../functions/domain/staff';
import { ROUTES, type RouteDefinition } from '../../functions/routes';
import { freshBuckets } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { dropTables, putStaff, staffClaims } from '../support/requests';

let prefix: string;
const staffRoutes = ROUTES.filter((r) => r.auth.kind === 'staff');

beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await Promise.all(
    STAFF_ROLES.flatMap((role) => [
      putStaff(`matrix-${role}`, role),
      putStaff(`matrix-gone-${role}`, role, 'disabled'),
    ]),
  );
});

afterAll(() => dropTables(prefix));

async function call(route: RouteDefinition, claims?: Record<string, string>) {
  const { handler } = (await import(`../../functions/handlers/${route.name}.ts`)) as {
    handler: Parameters<typeof invoke>[0];
  };
  const pathParameters = Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `matrix-${name}`]),
  );
  return invoke(handler, {
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, 'matrix-$1'),
    resource: route.path,
    pathParameters,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
    ...(claims ? { claims } : {}),
  });
}

const allowed = (route: RouteDefinition, role: StaffRole) =>
  route.auth.kind === 'staff' && route.auth.roles.includes(role);

describe('authorisation matrix of the staff routes', () => {
  it('covers every staff route of the manifest', () => {
    expect(staffRoutes.length).toBeGreaterThan(20);
  });

  describe.each(staffRoutes.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    it('no token → 401 problem+json', async () => {
      const result = await call(route);
      expect(result.status).toBe(401);
      expect(result.headers['content-type']).toBe('application/problem+json');
    });

    it.each(STAFF_ROLES.map((role) => [role] as const))(
      '%s: let through only if the route names the role, never a 500',
      async (role) => {
        const result = await call(route, staffClaims(`matrix-${role}`, role));
        if (allowed(route, role)) {
          expect([401, 403, 500], JSON.stringify(result.json)).not.toContain(result.status);
        } else {
          expect(result.status).toBe(403);
          expect(result.json.title).toBe('Not allowed for your role');
        }
      },
    );

    it('a disabled account with an allowed role → 403, whatever the token says', async () => {
      const role = (route.auth.kind === 'staff' ? route.auth.roles[0] : 'operator') as StaffRole;
      const result = await call(route, staffClaims(`matrix-gone-${role}`, role));
      expect(result.status).toBe(403);
      expect(result.json.title).toBe('Account disabled');
    });
  });
});
