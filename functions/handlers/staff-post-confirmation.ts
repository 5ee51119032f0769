// Cognito PostConfirmation trigger of the staff user pool (wired in lib/staff-pool.ts): a password set
// with the e-mailed code (forgot-password, also after a reset for age) starts its age anew.
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { dynamoPasswordChanges } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { recordPasswordChange } from '../domain/accounts/sign-in-gate';

export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource === 'PostConfirmation_ConfirmForgotPassword') {
    await recordPasswordChange({ passwords: dynamoPasswordChanges, clock: systemClock }, event.userName);
  }
  return event;
};
