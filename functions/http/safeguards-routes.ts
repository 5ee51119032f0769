// Which routes the safeguards gate guards (functions/http/safeguards-gate.ts): the staff routes whose
// manifest tables hold personal data (TABLES' personalData), so a new route is gated the day it names
// such a table. The officer's own administration (accounts, rules, training, audits) names none and
// stays open, so a lapsed member, the officer included, can always be put right. A leaf beside the
// manifest: CDK, the local gateway and the tests read it without loading any adapter.
import { TABLES, type TableName } from '../adapters/tables';
import type { RouteDefinition, TableAccess } from './route-definition';

const READS: readonly TableAccess[] = ['read', 'read-write', 'erase', 'lookup'];

const PERSONAL_DATA = new Map(TABLES.flatMap((t) => (t.personalData ? [[t.name, t.personalData] as const] : [])));

/** Whether the route reads or writes personal data, so that a lapsed member is refused it. */
export function gatedBySafeguards(route: Pick<RouteDefinition, 'auth' | 'tables'>): boolean {
  if (route.auth.kind !== 'staff') return false;
  return (Object.entries(route.tables) as [TableName, TableAccess][]).some(([table, access]) => {
    const held = PERSONAL_DATA.get(table);
    return held === 'held' || (held === 'when-read' && READS.includes(access));
  });
}

/** The route as deployed: a gated route also reads the safeguards table (its grant and its table's variable). */
export function withSafeguardsGate<R extends RouteDefinition>(route: R): R {
  if (!gatedBySafeguards(route) || route.tables.safeguards) return route;
  return { ...route, tables: { ...route.tables, safeguards: 'read' } };
}
