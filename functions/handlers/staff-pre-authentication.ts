// Cognito PreAuthentication trigger of the staff user pool (not an API route nor a worker; wired in
// lib/staff-pool.ts): refuses disabled accounts and passwords past their maximum age.
import type { PreAuthenticationTriggerEvent } from 'aws-lambda';
import { cognitoPasswordReset } from '../adapters/staff-identity-cognito';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { admitSignIn } from '../domain/accounts/sign-in-gate';
import { passwordMaxAgeDays } from '../domain/staff-passwords';

const maxAgeDays = passwordMaxAgeDays(process.env.DESK_PASSWORD_MAX_AGE_DAYS);

export const handler = async (event: PreAuthenticationTriggerEvent): Promise<PreAuthenticationTriggerEvent> => {
  await admitSignIn(
    { staff: dynamoStaffDirectory, passwords: cognitoPasswordReset(event.userPoolId), clock: systemClock, maxAgeDays },
    event.userName,
  );
  return event;
};
