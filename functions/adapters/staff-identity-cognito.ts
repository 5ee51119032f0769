// The staff user pool as the identity provider (docs/security.md): Cognito creates the user and e-mails the
// temporary password itself; groups are roles; disabling also signs the user out everywhere, which
// revokes the refresh tokens so no new ID token is issued.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffIdentityProvider } from '../domain/accounts/ports';
import type { PasswordReset } from '../domain/accounts/sign-in-gate';
import { DeskProblem } from '../domain/kernel/problems';
import { sdkClientLimits } from './clients';

let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({ ...sdkClientLimits() }));

export function cognitoStaffIdentity(userPoolId: string): StaffIdentityProvider {
  const user = (staffId: string) => ({ UserPoolId: userPoolId, Username: staffId });
  return {
    kind: 'cognito',
    async create(account) {
      try {
        await cognito().send(
          new AdminCreateUserCommand({
            ...user(account.staffId),
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
      } catch (error) {
        if ((error as Error).name !== 'UsernameExistsException') throw error;
        throw new DeskProblem(
          'conflict',
          'User exists in the user pool',
          `The staff user pool already has a user "${account.staffId}" without a staff account. Choose another staff id, or remove that user from the pool first.`,
        );
      }
      await cognito().send(new AdminAddUserToGroupCommand({ ...user(account.staffId), GroupName: account.role }));
      return { signIn: {}, messages: [] };
    },
    async changeRole(staffId, from, to) {
      await cognito().send(new AdminAddUserToGroupCommand({ ...user(staffId), GroupName: to }));
      await cognito().send(new AdminRemoveUserFromGroupCommand({ ...user(staffId), GroupName: from }));
    },
    async disable(staffId) {
      await cognito().send(new AdminDisableUserCommand(user(staffId)));
      await cognito().send(new AdminUserGlobalSignOutCommand(user(staffId)));
    },
    async enable(staffId) {
      await cognito().send(new AdminEnableUserCommand(user(staffId)));
    },
  };
}

/** A stale password is reset: Cognito e-mails a code, and the person sets a new password with it (forgot-password flow). */
export function cognitoPasswordReset(userPoolId: string): PasswordReset {
  return {
    async requireNewPassword(staffId) {
      await cognito().send(new AdminResetUserPasswordCommand({ UserPoolId: userPoolId, Username: staffId }));
    },
  };
}
