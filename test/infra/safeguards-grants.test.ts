// The safeguards gate's grant in the template: a function of a route that handles personal data may
// read the safeguards table (the gate reads the caller's rules and training there), a route that
// handles none may not, and no route function may write it, whatever the manifest wrapper adds.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableEnvVar } from '../../functions/adapters/tables';
import { gatedBySafeguards } from '../../functions/http/safeguards-routes';
import { ROUTES } from '../../functions/routes';
import { allowsAny, type HeldStatement, heldStatements, referencedIds } from './iam';
import { type SynthesisedDesk, synthDesk } from './synth';

let desk: SynthesisedDesk;
let held: HeldStatement[];

beforeAll(() => {
  desk = synthDesk();
  held = heldStatements(desk);
}, 180_000);

const READS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'];
const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function holders(actions: readonly string[]): Set<string> {
  const table = desk.logicalId(desk.stack.data.tables.safeguards.table);
  return new Set(
    held
      .filter(
        ({ statement }) =>
          statement.Effect === 'Allow' &&
          referencedIds(statement.Resource).includes(table) &&
          allowsAny(statement, actions),
      )
      .map((h) => h.holder),
  );
}

const variables = (name: string) =>
  desk.template.toJSON().Resources[desk.logicalId(desk.stack.api.functions[name]!.fn)].Properties.Environment
    .Variables as Record<string, unknown>;

describe('the safeguards table in the template', () => {
  it('a gated route function (view-subject) may read it and is told its name; an ungated one (list-purposes) neither', () => {
    const readers = holders(READS);
    expect(readers.has('view-subject')).toBe(true);
    expect(variables('view-subject')[tableEnvVar('safeguards')]).toBeDefined();
    expect(readers.has('list-purposes')).toBe(false);
    expect(variables('list-purposes')[tableEnvVar('safeguards')]).toBeUndefined();
  });

  it('every gated route function may read it; of the ungated routes only the standing routes may', () => {
    const readers = holders(READS);
    for (const route of ROUTES) {
      const expected = gatedBySafeguards(route) || route.tables.safeguards !== undefined;
      expect(readers.has(route.name), route.name).toBe(expected);
    }
  });

  it('no function of the gated routes may write it', () => {
    const writers = holders(WRITES);
    for (const route of ROUTES.filter(gatedBySafeguards)) expect(writers.has(route.name), route.name).toBe(false);
  });

  it('refuses to synthesise a grace period outside 0-90 days', () => {
    expect(() => synthDesk({ safeguardsGraceDays: 91 })).toThrow(/DESK_SAFEGUARDS_GRACE_DAYS/);
    expect(() => synthDesk({ safeguardsGraceDays: -1 })).toThrow(/DESK_SAFEGUARDS_GRACE_DAYS/);
  });
});
