import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { STAFF_ROLES } from '../functions/domain/staff';
import { PASSWORD_MIN_LENGTH, passwordMaxAgeDays } from '../functions/domain/staff-passwords';
import type { DeskTables } from './data';
import { DeskFunction, functionLogGroup, type DeskFunctionProps } from './functions';
import type { DeskLogging } from './logs';

export interface StaffPoolProps {
  prod: boolean;
  removalPolicy: RemovalPolicy;
  tables: DeskTables;
  logging: DeskLogging;
}

/**
 * Desk staff sign-in (DESIGN §4): administrator-created accounts only, MFA with an authenticator
 * app, threat protection enforced, and one group per role. Handlers also check the staff table, and
 * so does the pre-authentication trigger, which also refuses a password past its maximum age
 * (policy §6(1); CDK context passwordMaxAgeDays, default 90 days).
 */
export class StaffPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The `iss` claim of the pool's tokens, which staff-auth requires (DESK_STAFF_TOKEN_ISSUER). */
  readonly tokenIssuer: string;
  /** The pool's Lambda triggers, named after their handlers. */
  readonly triggers: Record<'staff-pre-authentication' | 'staff-post-confirmation', DeskFunction>;

  constructor(scope: Construct, id: string, props: StaffPoolProps) {
    super(scope, id);
    const context: unknown = this.node.tryGetContext('passwordMaxAgeDays');
    const maxAgeDays = passwordMaxAgeDays(context === undefined ? undefined : String(context));

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: PASSWORD_MIN_LENGTH,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 24,
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.prod,
      removalPolicy: props.removalPolicy,
    });
    this.tokenIssuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    for (const role of STAFF_ROLES) this.userPool.addGroup(`${role}-group`, { groupName: role });

    this.client = this.userPool.addClient('DeskClient', {
      authFlows: { userSrp: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
    });

    // Cognito waits at most 5 seconds for a trigger.
    const logGroup = functionLogGroup(this, 'TriggerLogGroup', props.logging);
    const trigger = (name: keyof StaffPool['triggers'], tables: DeskFunctionProps['tables'], environment: Record<string, string> = {}) =>
      new DeskFunction(this, name, { name, tables, deskTables: props.tables, logGroup, timeout: Duration.seconds(5), environment });
    this.triggers = {
      'staff-pre-authentication': trigger('staff-pre-authentication', { staff: 'read' }, { DESK_PASSWORD_MAX_AGE_DAYS: String(maxAgeDays) }),
      'staff-post-confirmation': trigger('staff-post-confirmation', { staff: 'write' }),
    };
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_AUTHENTICATION, this.triggers['staff-pre-authentication'].fn);
    this.userPool.addTrigger(cognito.UserPoolOperation.POST_CONFIRMATION, this.triggers['staff-post-confirmation'].fn);

    // Resetting a stale password needs the pool's ARN, and the pool names the trigger: a statement in
    // the trigger role's own policy would make the function wait for the pool and the pool for the
    // function. A managed policy of its own, attached to the role from outside, breaks the cycle.
    new iam.ManagedPolicy(this, 'PasswordResetPolicy', {
      description: 'Lets the staff pool\'s pre-authentication trigger reset a password past its maximum age',
      roles: [this.triggers['staff-pre-authentication'].role],
      statements: [new iam.PolicyStatement({ actions: ['cognito-idp:AdminResetUserPassword'], resources: [this.userPool.userPoolArn] })],
    });
  }
}
