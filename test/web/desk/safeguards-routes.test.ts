// The console's rules and training pages: addressed in the fragment, open to the roles the API lets list them.
import { describe, expect, it } from 'vitest';
import { listInternalRules } from '../../../functions/routes/internal-rules';
import { listTraining } from '../../../functions/routes/training';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

describe('the rules and training pages', () => {
  it('round-trip their address and open to the roles of the listing routes', () => {
    expect(parseDeskRoute('#/internal-rules')).toEqual({ page: 'internal-rules' });
    expect(parseDeskRoute('#/training')).toEqual({ page: 'training' });
    expect(parseDeskRoute('#/training/x')).toEqual({ page: 'not-found' });
    expect(hrefOfDeskRoute({ page: 'internal-rules' })).toBe('#/internal-rules');
    expect(hrefOfDeskRoute({ page: 'training' })).toBe('#/training');
    expect([...DESK_PAGE_ROLES['internal-rules']].sort()).toEqual([...listInternalRules.auth.roles].sort());
    expect([...DESK_PAGE_ROLES.training].sort()).toEqual([...listTraining.auth.roles].sort());
  });
});
