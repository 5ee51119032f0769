// Least privilege inside the API, checked on the route manifest itself, so a new
// route that breaks a rule fails here the day it is added: auditors read logs and records, never
// personal data values; Individual Numbers are for the officer alone; a person's data is read only
// for a request or a purpose the reader states.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { TABLES } from '../../functions/adapters/tables';
import { ROUTES, type RouteDefinition } from '../../functions/routes';

const routes = ROUTES;
const staffRoles = (r: RouteDefinition): readonly string[] => (r.auth.kind === 'staff' ? r.auth.roles : []);

/** The tables that hold personal data values (a record's value, a number, a prepared dossier). */
const VALUE_TABLES = ['personal-data', 'my-number', 'disclosures'] as const;
const reads = (r: RouteDefinition, table: string) => {
  const access = r.tables[table as keyof RouteDefinition['tables']];
  return access === 'read' || access === 'read-write';
};

/** The input keys a route's query, body or path can carry. */
function inputKeys(r: RouteDefinition): string[] {
  const keys = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  for (const schema of [r.request.query, r.request.body]) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
    };
    keys.push(...Object.keys(json.properties ?? {}));
  }
  return keys;
}

describe('least privilege of the staff routes', () => {
  it.each(routes.filter((r) => staffRoles(r).includes('auditor')).map((r) => [r.name, r] as const))(
    'auditors may call %s, which reads no table of personal data values',
    (_name, route) => {
      // A lookup finds which subjects an address is known by (a read reason's check), never a value.
      expect(VALUE_TABLES.filter((t) => route.tables[t] !== undefined && route.tables[t] !== 'lookup')).toEqual([]);
    },
  );

  it.each(
    routes
      .filter((r) => r.tables['my-number'] !== undefined && r.tables['my-number'] !== 'details')
      .map((r) => [r.name, r] as const),
  )('%s touches Individual Numbers: the officer alone among staff, or a named system', (_name, route) => {
    if (route.auth.kind === 'staff') expect(route.auth.roles).toEqual(['officer']);
    else expect(route.auth.kind).toBe('system');
  });

  it('a route that reads which My Number documents are held (details) is granted no attribute holding the number', () => {
    const details = routes.filter((r) => r.tables['my-number'] === 'details').map((r) => r.name);
    // The disclosure lists the documents held (My Number Act Art. 20, APPI Art. 33); the number travels on paper only.
    expect(details).toEqual(['decide-request']);
    const table = TABLES.find((t) => t.name === 'my-number')!;
    expect(table.detailAttributes).not.toContain('number');
    expect(table.detailAttributes).not.toContain('registeredBy');
  });

  it.each(
    routes
      .filter((r) => r.auth.kind === 'staff' && VALUE_TABLES.some((t) => r.tables[t] !== undefined))
      .map((r) => [r.name, r] as const),
  )("%s touches personal data values on a person's behalf and may only append to the access log", (_name, route) => {
    expect(route.tables['access-log']).toBe('append');
  });

  // Writes name their purposes in the records they write; reads that show data must say why, or
  // serve an approved export whose request said why.
  it.each(
    routes
      .filter((r) => r.auth.kind === 'staff' && r.method === 'GET' && VALUE_TABLES.some((t) => reads(r, t)))
      .map((r) => [r.name, r] as const),
  )('%s shows personal data only for a request or purpose its caller states', (_name, route) => {
    expect(
      inputKeys(route).some((k) => ['requestId', 'purpose', 'affair', 'exportId'].includes(k)),
      inputKeys(route).join(', '),
    ).toBe(true);
  });
});
