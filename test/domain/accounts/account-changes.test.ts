// The order of an account change, with test doubles: access log, then the staff table (with the
// officer's e-mail), then the identity provider; a failing identity provider does not undo the table.

import { describe, expect, it } from 'vitest';
import type { AccountDeps } from '../../../functions/domain/accounts/account-changes';
import { createAccount } from '../../../functions/domain/accounts/create-account';
import { disableAccount } from '../../../functions/domain/accounts/disable-account';
import type { StaffAccountStore, StaffIdentityProvider } from '../../../functions/domain/accounts/ports';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock, SequenceSecrets } from '../doubles';

const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const member: StaffMember = {
  staffId: 'taro',
  displayName: 'Taro',
  email: 'taro@desk.example.jp',
  role: 'operator',
  status: 'active',
  passwordChangedAt: '2026-11-01T00:00:00.000Z',
  version: 4,
};

function deps(identityFails = false) {
  const steps: string[] = [];
  const warnings: Array<Record<string, unknown>> = [];
  const accounts: StaffAccountStore = {
    get: async () => member,
    list: async () => [member],
    commit: async (write, officer, messages) => {
      steps.push(
        `commit ${write.kind} v${write.kind === 'update' ? write.expectedVersion : 0} by ${officer}, ${messages.length} e-mail to ${messages[0]!.to.join(' and ')}`,
      );
    },
  };
  const fail = async (what: string) => {
    steps.push(what);
    if (identityFails) throw Object.assign(new Error('slow'), { name: 'TooManyRequestsException' });
  };
  const identity: StaffIdentityProvider = {
    kind: 'cognito',
    create: async () => ({ signIn: {}, messages: [] }),
    changeRole: () => fail('identity role'),
    disable: () => fail('identity disable'),
    enable: () => fail('identity enable'),
  };
  const d: AccountDeps = {
    accounts,
    identity,
    accessLog: {
      append: async (entry) => {
        steps.push(`log ${entry.action} ${entry.subjects.join()}`);
      },
    },
    clock: new FixedClock('2026-11-26T01:00:00.000Z'),
    company: DEMO_COMPANY,
    secrets: new SequenceSecrets(),
    officerEmail: 'officer@desk.example.jp',
    warn: (_message, details) => warnings.push(details),
  };
  return { d, steps, warnings };
}

describe('account changes', () => {
  it("access log, then the staff table with the officer's e-mail, then the identity provider", async () => {
    const { d, steps } = deps();
    const result = await disableAccount(d, OFFICER, 'taro', 'transfer');
    expect(steps).toEqual([
      'log write staff:taro',
      'commit update v4 by officer-1, 1 e-mail to officer@desk.example.jp',
      'identity disable',
    ]);
    expect(result).toMatchObject({ status: 'disabled', version: 5, signInUpdated: true, disabledReason: 'transfer' });
  });

  it('the identity provider failing after the table changed: the change stands (refused at every call), the answer says so, a warning without personal data', async () => {
    const { d, warnings } = deps(true);
    const result = await disableAccount(d, OFFICER, 'taro', 'retirement');
    expect(result).toMatchObject({ status: 'disabled', signInUpdated: false });
    expect(warnings).toEqual([{ identityProvider: 'cognito', errorName: 'TooManyRequestsException' }]);
  });

  it('with a security alert address configured, every account change is e-mailed to it as well as to the officer', async () => {
    const { d, steps } = deps();
    await disableAccount({ ...d, securityAlertEmail: 'security@group.example.jp' }, OFFICER, 'taro', 'transfer');
    expect(steps).toContain(
      'commit update v4 by officer-1, 1 e-mail to officer@desk.example.jp and security@group.example.jp',
    );
    const created: string[][] = [];
    const recording = {
      ...d,
      securityAlertEmail: 'security@group.example.jp',
      accounts: {
        ...d.accounts,
        get: async () => undefined,
        list: async () => [],
        commit: async (_w: unknown, _o: string, messages: Array<{ to: string[] }>) => {
          created.push(messages[0]!.to);
        },
      },
    };
    await createAccount(recording as AccountDeps, OFFICER, {
      staffId: 'hanako',
      displayName: 'Hanako',
      email: 'hanako@desk.example.jp',
      role: 'officer',
    });
    expect(created).toEqual([['officer@desk.example.jp', 'security@group.example.jp']]);
  });
});
