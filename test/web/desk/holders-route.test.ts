// The console's holder pages: addressed by id in the fragment, open to the roles the API lets read one holder.
import { describe, expect, it } from 'vitest';
import { viewHolder } from '../../../functions/routes/holders';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

describe('the holder pages', () => {
  it('round-trip their address and open to the roles of GET /v1/staff/holders/{holderId}', () => {
    expect(parseDeskRoute('#/holders')).toEqual({ page: 'holders' });
    expect(parseDeskRoute('#/holders/mail-house')).toEqual({ page: 'holder', holderId: 'mail-house' });
    expect(hrefOfDeskRoute({ page: 'holder', holderId: 'a b' })).toBe('#/holders/a%20b');
    expect(parseDeskRoute('#/holders/mail-house/x')).toEqual({ page: 'not-found' });
    expect([...DESK_PAGE_ROLES.holder].sort()).toEqual([...viewHolder.auth.roles].sort());
    expect([...DESK_PAGE_ROLES.holders].sort()).toEqual([...viewHolder.auth.roles].sort());
  });
});
