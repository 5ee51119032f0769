import { safeguardsGrace } from '../adapters/desk-settings';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { standingsOf } from '../domain/safeguards/standings';
import { httpRoute } from '../http/route-handler';
import { getMyStanding as route } from '../routes/safeguards-standing';

const deps = { safeguards: dynamoSafeguards, graceDays: safeguardsGrace(), clock: systemClock };

export const handler = httpRoute(route, async ({ actor }) => {
  // The account was read a moment ago by the staff check; read again for its creation day.
  const member = await dynamoStaffDirectory.get(actor.staffId);
  const [standing] = await standingsOf(deps, member ? [member] : []);
  const { displayName: _name, role: _role, ...own } = standing!;
  return { body: own };
});
