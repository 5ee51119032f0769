// The officer role needs a second officer while there is one: with test doubles, when the grant is
// pending, when it completes at once (and says so), and when the identity provider is told.

import { describe, expect, it } from 'vitest';
import type { AccountDeps } from '../../../functions/domain/accounts/account-changes';
import { changeRole } from '../../../functions/domain/accounts/change-role';
import { createAccount } from '../../../functions/domain/accounts/create-account';
import {
  decideOfficerGrant,
  officerGrantExpiry,
  PENDING_OFFICER_GRANT_DAYS,
} from '../../../functions/domain/accounts/officer-grant';
import type { AccountWrite, StaffAccountStore } from '../../../functions/domain/accounts/ports';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, SequenceSecrets } from '../doubles';

const NOW = '2026-11-26T01:00:00.000Z';
const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const staff = (staffId: string, role: StaffMember['role'], extra: Partial<StaffMember> = {}): StaffMember => ({
  staffId,
  displayName: staffId,
  email: `${staffId}@desk.example.jp`,
  role,
  status: 'active',
  passwordChangedAt: '2026-11-01T00:00:00.000Z',
  version: 3,
  ...extra,
});

function deps(members: StaffMember[]) {
  const writes: AccountWrite[] = [];
  const mails: OutboxMessage[] = [];
  const identity: string[] = [];
  const d: AccountDeps = {
    accounts: {
      get: async (id) => members.find((m) => m.staffId === id),
      list: async () => members,
      commit: async (write, _officer, messages) => {
        writes.push(write);
        mails.push(...messages);
      },
    } satisfies StaffAccountStore,
    identity: {
      kind: 'cognito',
      create: async (account) => {
        identity.push(`create ${account.role}`);
        return { signIn: {}, messages: [] };
      },
      changeRole: async (id, from, to) => {
        identity.push(`role ${id} ${from}→${to}`);
      },
      disable: async () => {},
      enable: async () => {},
    },
    accessLog: { append: async () => {} },
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
    secrets: new SequenceSecrets(),
    officerEmail: 'officer@desk.example.jp',
    warn: () => {},
  };
  return { d, writes, mails, identity };
}

describe('officer grant', () => {
  it(`a pending grant expires ${PENDING_OFFICER_GRANT_DAYS} days after it was asked`, () => {
    expect(PENDING_OFFICER_GRANT_DAYS).toBe(7);
    expect(officerGrantExpiry(new Date('2026-11-26T01:00:00.000Z'))).toBe('2026-12-03T01:00:00.000Z');
  });

  it('the only active officer grants the role at once (nobody else could confirm), and the e-mail says so plainly', async () => {
    const { d, mails, identity } = deps([
      staff('officer-1', 'officer'),
      staff('old-officer', 'officer', { status: 'disabled' }),
      staff('taro', 'operator'),
    ]);
    const result = await changeRole(d, OFFICER, 'taro', 'officer', 'Deputy');
    expect(result).toMatchObject({ role: 'officer' });
    expect(result).not.toHaveProperty('pendingOfficerGrant');
    expect(identity).toEqual(['role taro operator→officer']);
    expect(mails[0]!.text).toContain('no other active officer');
    expect(mails[0]!.text).toContain('他に有効な個人情報保護管理者がいない');
  });

  it('with a second active officer: pending, the role and the identity provider untouched', async () => {
    const { d, writes, identity, mails } = deps([
      staff('officer-1', 'officer'),
      staff('officer-2', 'officer'),
      staff('taro', 'operator'),
    ]);
    const result = await changeRole(d, OFFICER, 'taro', 'officer', 'Deputy');
    expect(result).toMatchObject({
      role: 'operator',
      pendingOfficerGrant: {
        requestedBy: 'officer-1',
        requestedAt: NOW,
        expiresAt: '2026-12-03T01:00:00.000Z',
        reason: 'Deputy',
      },
    });
    expect(writes[0]).toMatchObject({ kind: 'update', fields: { role: 'operator' } });
    expect(identity).toEqual([]);
    expect(mails[0]!.text).toContain('2026');
  });

  it('a new account asked as officer is created as an auditor with the grant pending, and the user pool gets the auditor group', async () => {
    const { d, identity } = deps([staff('officer-1', 'officer'), staff('officer-2', 'officer')]);
    const result = await createAccount(d, OFFICER, {
      staffId: 'hanako',
      displayName: 'Hanako',
      email: 'hanako@desk.example.jp',
      role: 'officer',
    });
    expect(result).toMatchObject({ role: 'auditor', pendingOfficerGrant: { requestedBy: 'officer-1' } });
    expect(identity).toEqual(['create auditor']);
  });

  it('confirmed by another officer: the identity provider gets the officer group only now', async () => {
    const pending = { requestedBy: 'officer-2', requestedAt: NOW, expiresAt: '2026-12-03T01:00:00.000Z' };
    const { d, identity, writes } = deps([
      staff('officer-1', 'officer'),
      staff('officer-2', 'officer'),
      staff('taro', 'operator', { pendingOfficerGrant: pending }),
    ]);
    const result = await decideOfficerGrant(d, OFFICER, 'taro', { confirm: true });
    expect(result).toMatchObject({ role: 'officer', roleConfirmedBy: 'officer-1', version: 4 });
    expect(writes[0]).toMatchObject({
      expectedVersion: 3,
      fields: {
        role: 'officer',
        roleGrantedBy: 'officer-2',
        roleConfirmedBy: 'officer-1',
        pendingOfficerGrant: undefined,
      },
    });
    expect(identity).toEqual(['role taro operator→officer']);
  });

  it('not confirmable by the asker (403), nor once expired (409), nor when none is pending (409)', async () => {
    const pending = {
      requestedBy: 'officer-1',
      requestedAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-11-08T00:00:00.000Z',
    };
    const own = deps([
      staff('officer-1', 'officer'),
      staff('officer-2', 'officer'),
      staff('taro', 'operator', { pendingOfficerGrant: { ...pending, expiresAt: '2026-12-01T00:00:00.000Z' } }),
    ]);
    await expect(decideOfficerGrant(own.d, OFFICER, 'taro', { confirm: true })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const expired = deps([
      staff('officer-1', 'officer'),
      staff('taro', 'operator', { pendingOfficerGrant: { ...pending, requestedBy: 'officer-2' } }),
    ]);
    await expect(decideOfficerGrant(expired.d, OFFICER, 'taro', { confirm: true })).rejects.toMatchObject({
      kind: 'conflict',
      detail: expect.stringMatching(/expired/),
    });
    const none = deps([staff('officer-1', 'officer'), staff('taro', 'operator')]);
    await expect(decideOfficerGrant(none.d, OFFICER, 'taro', { confirm: true })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });
});
