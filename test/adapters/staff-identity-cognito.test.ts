// The Cognito identity adapter with aws-sdk-client-mock: the commands the user pool gets, for the
// desk's pool only. (The staff table side runs against DynamoDB Local in test/handlers.)
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../functions/adapters/staff-identity';
import { cognitoStaffIdentity } from '../../functions/adapters/staff-identity-cognito';
import { cryptoSecrets } from '../../functions/adapters/system';
import type { DeskProblem } from '../../functions/domain/kernel/problems';

const POOL = 'ap-northeast-1_DeskPool';
const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());

const account = {
  staffId: 'taro.sato',
  displayName: 'Taro Sato',
  email: 'taro.sato@desk.example.jp',
  role: 'operator' as const,
  status: 'active' as const,
  passwordChangedAt: '2026-11-26T00:00:00.000Z',
};
const names = () => cognito.calls().map((c) => c.args[0].constructor.name);

describe('cognito staff identity', () => {
  it('is chosen when DESK_STAFF_USER_POOL_ID is set, else the local staff table', () => {
    expect(staffIdentity(cryptoSecrets, { DESK_STAFF_USER_POOL_ID: POOL }).kind).toBe('cognito');
    expect(staffIdentity(cryptoSecrets, {}).kind).toBe('local');
  });

  it("creates the user (Cognito e-mails the temporary password) and puts it in its role's group", async () => {
    const created = await cognitoStaffIdentity(POOL).create(account, new Date());
    expect(created).toEqual({ signIn: {}, messages: [] });
    expect(names()).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'taro.sato',
      UserAttributes: [
        { Name: 'email', Value: 'taro.sato@desk.example.jp' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'taro.sato',
      GroupName: 'operator',
    });
  });

  it('a user already in the pool → a 409 problem, no group change', async () => {
    cognito.on(AdminCreateUserCommand).rejects(Object.assign(new Error('exists'), { name: 'UsernameExistsException' }));
    await expect(cognitoStaffIdentity(POOL).create(account, new Date())).rejects.toMatchObject({
      kind: 'conflict',
    } satisfies Partial<DeskProblem>);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('a role change adds the new group before removing the old', async () => {
    await cognitoStaffIdentity(POOL).changeRole('taro.sato', 'operator', 'auditor');
    expect(names()).toEqual(['AdminAddUserToGroupCommand', 'AdminRemoveUserFromGroupCommand']);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'taro.sato',
      GroupName: 'auditor',
    });
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'taro.sato',
      GroupName: 'operator',
    });
  });

  it('disabling disables the user and signs it out globally; enabling enables it', async () => {
    await cognitoStaffIdentity(POOL).disable('taro.sato');
    expect(names()).toEqual(['AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
    for (const command of [AdminDisableUserCommand, AdminUserGlobalSignOutCommand]) {
      expect(cognito.commandCalls(command)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: 'taro.sato' });
    }
    cognito.reset();
    await cognitoStaffIdentity(POOL).enable('taro.sato');
    expect(cognito.commandCalls(AdminEnableUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'taro.sato',
    });
  });
});
