// The staff user pool's Cognito triggers against the staff table in DynamoDB Local; the user pool
// itself is mocked with aws-sdk-client-mock (its adapter only).
import {
  AdminResetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PostConfirmationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_MAX_AGE_DAYS } from '../../functions/domain/staff-passwords';
import { handler as postConfirmation } from '../../functions/handlers/staff-post-confirmation';
import { handler as preAuthentication } from '../../functions/handlers/staff-pre-authentication';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putStaff, setAttributes } from '../support/requests';

const POOL = 'ap-northeast-1_DeskPool';
const DAY_MS = 24 * 60 * 60 * 1000;
const cognito = mockClient(CognitoIdentityProviderClient);
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});
afterEach(() => cognito.reset());
afterAll(() => dropTables(prefix));

const common = (userName: string, triggerSource: string) => ({
  version: '1',
  region: 'ap-northeast-1',
  userPoolId: POOL,
  userName,
  triggerSource,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'desk-client' },
});
const preAuthEvent = (userName: string) =>
  ({
    ...common(userName, 'PreAuthentication_Authentication'),
    request: { userAttributes: { sub: 'sub-1', email: `${userName}@desk.example.jp` }, validationData: {} },
    response: {},
  }) as unknown as PreAuthenticationTriggerEvent;
const postConfirmationEvent = (userName: string, triggerSource: string) =>
  ({
    ...common(userName, triggerSource),
    request: { userAttributes: { sub: 'sub-1', email: `${userName}@desk.example.jp` } },
    response: {},
  }) as unknown as PostConfirmationTriggerEvent;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe('pre-authentication trigger', () => {
  it('lets an active account with a young password through, unchanged', async () => {
    await putStaff('trigger-fresh', 'operator');
    const event = preAuthEvent('trigger-fresh');
    expect(await preAuthentication(event)).toBe(event);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('refuses a disabled account, and a user the staff table does not know, with a clear message', async () => {
    await putStaff('trigger-disabled', 'operator', 'disabled');
    for (const user of ['trigger-disabled', 'trigger-unknown']) {
      await expect(preAuthentication(preAuthEvent(user))).rejects.toThrow('This staff account is disabled');
    }
    expect(cognito.calls()).toHaveLength(0);
  });

  it(`a password ${PASSWORD_MAX_AGE_DAYS} days old: reset in the desk's pool (a code is e-mailed) and the sign-in refused, saying what to do`, async () => {
    await putStaff('trigger-stale', 'operator');
    await setAttributes('staff', { staffId: 'trigger-stale' }, { passwordChangedAt: daysAgo(PASSWORD_MAX_AGE_DAYS) });
    await expect(preAuthentication(preAuthEvent('trigger-stale'))).rejects.toThrow(
      /older than 90 days.*Forgot password/,
    );
    expect(cognito.commandCalls(AdminResetUserPasswordCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: 'trigger-stale' },
    ]);
  });
});

describe('post-confirmation trigger', () => {
  it('a password set with the e-mailed code (ConfirmForgotPassword) starts its age anew, so the next sign-in passes', async () => {
    await putStaff('trigger-renewed', 'operator');
    await setAttributes('staff', { staffId: 'trigger-renewed' }, { passwordChangedAt: daysAgo(200) });
    const before = Date.now();
    const event = postConfirmationEvent('trigger-renewed', 'PostConfirmation_ConfirmForgotPassword');
    expect(await postConfirmation(event)).toBe(event);
    const stored = await getItem('staff', { staffId: 'trigger-renewed' });
    expect(Date.parse(stored!.passwordChangedAt)).toBeGreaterThanOrEqual(before);
    await preAuthentication(preAuthEvent('trigger-renewed'));
    expect(cognito.calls()).toHaveLength(0);
  });

  it('other confirmations change nothing; a pool user without a staff account is left alone, without error', async () => {
    await putStaff('trigger-signup', 'operator');
    const changedAt = daysAgo(10);
    await setAttributes('staff', { staffId: 'trigger-signup' }, { passwordChangedAt: changedAt });
    await postConfirmation(postConfirmationEvent('trigger-signup', 'PostConfirmation_ConfirmSignUp'));
    expect((await getItem('staff', { staffId: 'trigger-signup' }))!.passwordChangedAt).toBe(changedAt);
    await postConfirmation(postConfirmationEvent('trigger-nobody', 'PostConfirmation_ConfirmForgotPassword'));
    expect(await getItem('staff', { staffId: 'trigger-nobody' })).toBeUndefined();
  });
});
