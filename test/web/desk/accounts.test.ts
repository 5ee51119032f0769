// Account management (web/src/desk/accounts.ts): the officer's own account offers no change (the API
// refuses to disable or demote it), and a pending officer role is offered to the right officer.
import { describe, expect, it } from 'vitest';
import { actionsFor, otherRoles, type StaffAccount, sortedAccounts } from '../../../web/src/desk/accounts';
import { STAFF_ROLES } from '../../../web/src/desk/session';

const account = (
  staffId: string,
  status: 'active' | 'disabled' = 'active',
  role: StaffAccount['role'] = 'operator',
): StaffAccount => ({
  staffId,
  displayName: staffId,
  email: `${staffId}@desk.example.jp`,
  role,
  status,
  passwordChangedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
});

describe('staff accounts in the console', () => {
  it("offers nothing on the officer's own account", () => {
    expect(actionsFor(account('officer', 'active', 'officer'), 'officer')).toEqual({
      own: true,
      changeRole: false,
      disable: false,
      enable: false,
    });
  });

  it('offers a role change and disabling on an active account, enabling on a disabled one', () => {
    expect(actionsFor(account('op'), 'officer')).toEqual({
      own: false,
      changeRole: true,
      disable: true,
      enable: false,
    });
    expect(actionsFor(account('op', 'disabled'), 'officer')).toEqual({
      own: false,
      changeRole: false,
      disable: false,
      enable: true,
    });
  });

  it('a pending officer role: another officer may confirm it, the officer who asked only sees that it waits; an expired one is told as such', () => {
    const pendingOfficerGrant = {
      requestedBy: 'officer',
      requestedAt: '2026-11-26T00:00:00.000Z',
      expiresAt: '2026-12-03T00:00:00.000Z',
    };
    const asked = { ...account('taro'), pendingOfficerGrant };
    const now = new Date('2026-11-27T00:00:00.000Z');
    expect(actionsFor(asked, 'officer-2', now).officerGrant).toBe('confirm');
    expect(actionsFor(asked, 'officer', now).officerGrant).toBe('asked');
    expect(actionsFor(asked, 'officer-2', new Date('2026-12-03T00:00:00.000Z')).officerGrant).toBe('expired');
    expect(actionsFor(account('taro'), 'officer-2', now).officerGrant).toBeUndefined();
  });

  it('moves an account only to another role, and lists active accounts first', () => {
    expect(otherRoles(account('op'), STAFF_ROLES)).toEqual(['officer', 'auditor']);
    expect(sortedAccounts([account('b', 'disabled'), account('c'), account('a')]).map((a) => a.staffId)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });
});
