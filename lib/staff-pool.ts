import { Aws, Duration, Fn, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { STAFF_ROLES } from '../functions/domain/staff';
import { PASSWORD_MIN_LENGTH, passwordMaxAgeDays } from '../functions/domain/staff-passwords';
import type { DeskTables } from './data';
import { DeskFunction, type DeskFunctionProps, functionLogGroup } from './functions';
import type { DeskLogging } from './logs';

/** Cognito's rule for a prefix domain, and the words it reserves. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_PREFIX = /aws|amazon|cognito/;

/**
 * The prefix of the staff sign-in domain (<prefix>.auth.<region>.amazoncognito.com), which must be
 * unique among all AWS accounts in the region: CDK context staffSignInDomainPrefix, or else the stack
 * name with the first group of the stack's id (a UUID CloudFormation draws at creation), so two
 * companies deploying the same stage never ask for the same prefix.
 */
export function staffSignInDomainPrefix(stack: Stack, context: unknown): string {
  if (context !== undefined) {
    const prefix = String(context);
    if (!DOMAIN_PREFIX.test(prefix) || RESERVED_IN_PREFIX.test(prefix)) {
      throw new Error(
        `staffSignInDomainPrefix "${prefix}" must be 1-63 lower-case letters, digits and inner dashes, without "aws", "amazon" or "cognito"`,
      );
    }
    return prefix;
  }
  const name = stack.stackName.toLowerCase();
  // 8 characters of the stack id and a dash follow the name.
  if (!DOMAIN_PREFIX.test(`${name}-00000000`) || RESERVED_IN_PREFIX.test(name)) {
    throw new Error(
      `Stack name ${stack.stackName} cannot start a Cognito domain prefix: set the context staffSignInDomainPrefix`,
    );
  }
  return `${name}-${Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))))}`;
}

export interface StaffPoolProps {
  prod: boolean;
  removalPolicy: RemovalPolicy;
  tables: DeskTables;
  logging: DeskLogging;
}

/**
 * Desk staff sign-in (docs/security.md): administrator-created accounts only, MFA with an authenticator
 * app, threat protection enforced, and one group per role; the console signs in through Cognito
 * managed login on the pool's prefix domain. Handlers also check the staff table, and
 * so does the pre-authentication trigger, which also refuses a password past its maximum age
 * (policy §6(1); CDK context passwordMaxAgeDays, default 90 days).
 */
export class StaffPool extends Construct {
  readonly userPool: cognito.UserPool;
  /** Cognito managed login (classic hosted UI), where the desk console signs staff in. */
  readonly signInDomain: cognito.UserPoolDomain;
  /**
   * https://<prefix>.auth.<region>.amazoncognito.com, spelled from the prefix rather than from the
   * domain resource, so the console's Content-Security-Policy (on the distribution) need not wait for the pool.
   */
  readonly signInOrigin: string;
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

    const prefix = staffSignInDomainPrefix(Stack.of(this), this.node.tryGetContext('staffSignInDomainPrefix'));
    this.signInDomain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: prefix },
      managedLoginVersion: cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    this.signInOrigin = `https://${prefix}.auth.${Stack.of(this).region}.amazoncognito.com`;

    // Cognito waits at most 5 seconds for a trigger.
    const logGroup = functionLogGroup(this, 'TriggerLogGroup', props.logging);
    const trigger = (
      name: keyof StaffPool['triggers'],
      tables: DeskFunctionProps['tables'],
      environment: Record<string, string> = {},
    ) =>
      new DeskFunction(this, name, {
        name,
        tables,
        deskTables: props.tables,
        logGroup,
        timeout: Duration.seconds(5),
        environment,
      });
    this.triggers = {
      'staff-pre-authentication': trigger(
        'staff-pre-authentication',
        { staff: 'read' },
        { DESK_PASSWORD_MAX_AGE_DAYS: String(maxAgeDays) },
      ),
      'staff-post-confirmation': trigger('staff-post-confirmation', { staff: 'write' }),
    };
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_AUTHENTICATION,
      this.triggers['staff-pre-authentication'].fn,
    );
    this.userPool.addTrigger(cognito.UserPoolOperation.POST_CONFIRMATION, this.triggers['staff-post-confirmation'].fn);

    // Resetting a stale password needs the pool's ARN, and the pool names the trigger: a statement in
    // the trigger role's own policy would make the function wait for the pool and the pool for the
    // function. A managed policy of its own, attached to the role from outside, breaks the cycle.
    new iam.ManagedPolicy(this, 'PasswordResetPolicy', {
      description: "Lets the staff pool's pre-authentication trigger reset a password past its maximum age",
      roles: [this.triggers['staff-pre-authentication'].role],
      statements: [
        new iam.PolicyStatement({
          actions: ['cognito-idp:AdminResetUserPassword'],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    });
  }

  /**
   * The desk console's app client, made once the console has an address: managed login with the
   * authorization code and PKCE from the browser (no secret), back to the console only.
   */
  addDeskClient(consoleUrl: string): cognito.UserPoolClient {
    return this.userPool.addClient('DeskClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
