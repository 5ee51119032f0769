// The staff user pool as synthesised: MFA required, the pre-authentication
// and post-confirmation triggers attached with least-privilege grants, the account routes' Cognito
// actions scoped to this pool, and the token issuer every staff route checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableEnvVar } from '../../functions/adapters/tables';
import { PASSWORD_MAX_AGE_DAYS } from '../../functions/domain/staff-passwords';
import { ROUTES } from '../../functions/routes';
import type { DeskFunction } from '../../lib/functions';
import { allowsAny, asArray, flatten, type HeldStatement, heldStatements, referencedIds } from './iam';
import { type SynthesisedDesk, synthConfiguredDesk, synthDesk } from './synth';

type Json = Record<string, any>;
let desk: SynthesisedDesk;
let resources: Record<string, Json>;
let held: HeldStatement[];

beforeAll(() => {
  desk = synthConfiguredDesk();
  resources = desk.template.toJSON().Resources;
  held = heldStatements(desk);
}, 180_000);

const resource = (construct: Parameters<SynthesisedDesk['logicalId']>[0]) => resources[desk.logicalId(construct)]!;
const poolId = () => desk.logicalId(desk.stack.api.staff.userPool);
const trigger = (name: 'staff-pre-authentication' | 'staff-post-confirmation') => desk.stack.api.staff.triggers[name];
const roleId = (fn: DeskFunction) => desk.logicalId(fn.role);
/** Statements reaching a role from any policy attached to it. */
const statementsOfRole = (fn: DeskFunction) =>
  held
    .filter(
      (h) =>
        h.holder === `role:${roleId(fn)}` ||
        h.holder === Object.entries(desk.stack.api.functions).find(([, f]) => f === fn)?.[0],
    )
    .map((h) => h.statement);
/** Whether a statement allows any user-pool action. */
const cognitoAny = (s: { Effect: string; Action: string | string[] }) =>
  s.Effect === 'Allow' && asArray(s.Action).some((a) => a.startsWith('cognito-idp:') || a === '*');
const accountRoutes = ROUTES.filter((r) => r.userPool);

describe('staff user pool', () => {
  it('requires MFA (authenticator app) and a password of at least 14 characters', () => {
    const pool = resource(desk.stack.api.staff.userPool).Properties;
    expect(pool.MfaConfiguration).toBe('ON');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBe(14);
  });

  it('attaches the pre-authentication and post-confirmation triggers, each invokable by this pool only', () => {
    const pool = resource(desk.stack.api.staff.userPool).Properties;
    expect(pool.LambdaConfig).toEqual({
      PreAuthentication: { 'Fn::GetAtt': [desk.logicalId(trigger('staff-pre-authentication').fn), 'Arn'] },
      PostConfirmation: { 'Fn::GetAtt': [desk.logicalId(trigger('staff-post-confirmation').fn), 'Arn'] },
    });
    for (const name of ['staff-pre-authentication', 'staff-post-confirmation'] as const) {
      const permissions = Object.values(desk.template.findResources('AWS::Lambda::Permission')).filter((p) =>
        referencedIds(p.Properties.FunctionName).includes(desk.logicalId(trigger(name).fn)),
      );
      expect(permissions.map((p) => [p.Properties.Principal, p.Properties.SourceArn])).toEqual([
        ['cognito-idp.amazonaws.com', { 'Fn::GetAtt': [poolId(), 'Arn'] }],
      ]);
    }
  });

  it('the pre-authentication trigger reads the staff table, may reset passwords on this pool only, and knows the configured maximum age', () => {
    const fn = trigger('staff-pre-authentication');
    const variables = resource(fn.fn).Properties.Environment.Variables;
    expect(variables.DESK_PASSWORD_MAX_AGE_DAYS).toBe('60');
    expect(Object.keys(variables).filter((k) => k.startsWith('DESK_TABLE_'))).toEqual([tableEnvVar('staff')]);
    const statements = statementsOfRole(fn);
    const cognito = statements.filter((s) => cognitoAny(s));
    expect(cognito).toEqual([
      { Effect: 'Allow', Action: 'cognito-idp:AdminResetUserPassword', Resource: { 'Fn::GetAtt': [poolId(), 'Arn'] } },
    ]);
    const writes = statements.filter((s) =>
      allowsAny(s, ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
    expect(writes).toEqual([]);
  });

  it('the post-confirmation trigger only writes passwordChangedAt to the staff table: no Cognito action', () => {
    const fn = trigger('staff-post-confirmation');
    const statements = statementsOfRole(fn);
    expect(statements.filter((s) => cognitoAny(s))).toEqual([]);
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap((s) => referencedIds(s.Resource))).toEqual([
      desk.logicalId(desk.stack.data.tables.staff.table),
    ]);
  });

  it("without context the maximum age is the desk policy's 90 days", () => {
    const plain = synthDesk();
    const variables =
      plain.template.toJSON().Resources[plain.logicalId(plain.stack.api.staff.triggers['staff-pre-authentication'].fn)]
        .Properties.Environment.Variables;
    expect(variables.DESK_PASSWORD_MAX_AGE_DAYS).toBe(String(PASSWORD_MAX_AGE_DAYS));
  });

  it('a maximum age outside 1-365 days fails the synthesis', () => {
    expect(() => synthDesk({ passwordMaxAgeDays: 0 })).toThrow('DESK_PASSWORD_MAX_AGE_DAYS');
  });
});

describe('account routes and tokens', () => {
  it("the account routes may call exactly their manifest's Cognito actions, on this pool only, and are told its id", () => {
    expect(accountRoutes.map((r) => r.name).sort()).toEqual([
      'change-staff-role',
      'confirm-officer-grant',
      'create-staff-account',
      'disable-staff-account',
      'enable-staff-account',
    ]);
    for (const route of accountRoutes) {
      const fn = desk.stack.api.functions[route.name]!;
      const cognito = statementsOfRole(fn).filter((s) => cognitoAny(s));
      expect(
        cognito.map((s) => ({ ...s, Action: asArray(s.Action).sort() })),
        route.name,
      ).toEqual([
        { Effect: 'Allow', Action: [...route.userPool!].sort(), Resource: { 'Fn::GetAtt': [poolId(), 'Arn'] } },
      ]);
      expect(resource(fn.fn).Properties.Environment.Variables.DESK_STAFF_USER_POOL_ID).toEqual({ Ref: poolId() });
    }
  });

  it('no other function holds a Cognito action or the pool id', () => {
    const cognitoHolders = [...new Set(held.filter((h) => cognitoAny(h.statement)).map((h) => h.holder))].sort();
    expect(cognitoHolders).toEqual(
      [...accountRoutes.map((r) => r.name), `role:${roleId(trigger('staff-pre-authentication'))}`].sort(),
    );
    for (const [name, fn] of Object.entries(desk.stack.api.functions)) {
      if (accountRoutes.some((r) => r.name === name)) continue;
      expect(resource(fn.fn).Properties.Environment.Variables.DESK_STAFF_USER_POOL_ID, name).toBeUndefined();
    }
  });

  it("every staff route is told the pool's token issuer; other routes are not", () => {
    for (const route of ROUTES) {
      const issuer = resource(desk.stack.api.functions[route.name]!.fn).Properties.Environment.Variables
        .DESK_STAFF_TOKEN_ISSUER;
      if (route.auth.kind === 'staff') {
        expect(flatten(issuer), route.name).toBe(
          `https://cognito-idp.${desk.stack.region}.amazonaws.com/<${poolId()}>`,
        );
      } else {
        expect(issuer, route.name).toBeUndefined();
      }
    }
  });
});
