// The print view's address (web/src/desk/routes.ts): ids only, operators only, as the API route it reads.
import { describe, expect, it } from 'vitest';
import { routeNamed } from '../../../functions/routes';
import { deskPageAllowed, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

describe("the print view's route", () => {
  it('is read back from the address it writes', () => {
    const route = { page: 'request-print', requestId: '01JREQ 1' } as const;
    expect(hrefOfDeskRoute(route)).toBe('#/requests/01JREQ%201/print');
    expect(parseDeskRoute('#/requests/01JREQ%201/print')).toEqual(route);
    expect(parseDeskRoute('#/requests/01JREQ/print/')).toEqual({ page: 'request-print', requestId: '01JREQ' });
  });

  it('is nothing else under a request or elsewhere', () => {
    for (const hash of ['#/requests/a/b', '#/requests/a/print/more', '#/subjects/a/print', '#/requests//print'])
      expect(parseDeskRoute(hash)).toEqual({ page: 'not-found' });
  });

  it('is open to the roles of get-paper-disclosure', () => {
    const roles: readonly string[] = routeNamed('get-paper-disclosure').auth.roles;
    for (const role of ['operator', 'officer', 'auditor'] as const) {
      expect(deskPageAllowed({ page: 'request-print', requestId: 'r' }, role)).toBe(roles.includes(role));
    }
  });
});
