// Who may touch the most sensitive tables, asked of every IAM policy in the template rather than of
// the policies we expect: a grant added anywhere (a new function, a construct's own grant, a policy
// attached from the other side) shows up here.
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../functions/adapters/tables';
import { ROUTES } from '../../functions/routes';
import { WORKERS, type WorkerDefinition } from '../../functions/workers';
import {
  allowsAny,
  asArray,
  awsManagedPolicyArns,
  flatten,
  type HeldStatement,
  heldStatements,
  isWildcardResource,
  referencedIds,
} from './iam';
import { type SynthesisedDesk, synthDesk } from './synth';

let desk: SynthesisedDesk;
let held: HeldStatement[];

beforeAll(() => {
  desk = synthDesk();
  held = heldStatements(desk);
}, 180_000);

const DELETES = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** Everything that reads, writes or decrypts items, for the wildcard check. */
const DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PartiQLSelect',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:GetRecords',
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:ReEncryptFrom',
  'kms:CreateGrant',
];

const tableIds = (name: TableName) => [desk.logicalId(desk.stack.data.tables[name].table)];
const keyIds = (name: TableName) => [desk.logicalId(desk.stack.data.tables[name].key)];

/** Holders of an Allow statement on any of the resources, optionally only for some actions. */
function holders(ids: string[], actions?: readonly string[]): string[] {
  const found = held.filter(
    ({ statement }) =>
      statement.Effect === 'Allow' &&
      referencedIds(statement.Resource).some((id) => ids.includes(id)) &&
      (!actions || allowsAny(statement, actions)),
  );
  return [...new Set(found.map((h) => h.holder))].sort();
}

const manifest = [...ROUTES, ...(WORKERS as readonly WorkerDefinition[])];

describe('my-number: only the functions of the statutory affairs', () => {
  const MY_NUMBER_FUNCTIONS = [
    'certify-my-number-erasure',
    'decide-request',
    'get-my-number',
    'register-my-number',
    'view-my-number',
  ];

  it('the disclosure (decide-request) may query the documents for their keys and details only, never the number', () => {
    const ids = [...tableIds('my-number'), ...keyIds('my-number')];
    const onTable = held.filter(
      ({ holder, statement }) =>
        holder === 'decide-request' &&
        statement.Effect === 'Allow' &&
        referencedIds(statement.Resource).some((id) => ids.includes(id)),
    );
    const dynamo = onTable.filter(({ statement }) =>
      allowsAny(
        statement,
        DATA_ACTIONS.filter((a) => a.startsWith('dynamodb:')),
      ),
    );
    expect(dynamo.map(({ statement }) => asArray(statement.Action))).toEqual([['dynamodb:Query']]);
    expect(JSON.stringify(dynamo[0]!.statement.Resource)).not.toContain('/index/');
    expect(dynamo[0]!.statement.Condition).toEqual({
      'ForAllValues:StringEquals': {
        'dynamodb:Attributes': [
          'subjectId',
          'documentId',
          'affair',
          'document',
          'documentDate',
          'taxYear',
          'expiresAt',
        ],
      },
      StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
    });
    // The key only to decrypt what it reads, only through DynamoDB.
    const kms = onTable.filter(({ statement }) =>
      allowsAny(statement, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']),
    );
    expect(kms.map(({ statement }) => asArray(statement.Action))).toEqual([['kms:Decrypt']]);
  });

  it('no one else holds any grant on the table, its stream or its key', () => {
    expect(holders([...tableIds('my-number'), ...keyIds('my-number')])).toEqual(MY_NUMBER_FUNCTIONS);
  });

  it('the manifest asks for the table in exactly those functions', () => {
    expect(
      manifest
        .filter((e) => 'my-number' in e.tables)
        .map((e) => e.name)
        .sort(),
    ).toEqual(MY_NUMBER_FUNCTIONS);
  });

  it('its key policy names no one but the account, which delegates to the IAM policies checked above', () => {
    const policy = desk.template.toJSON().Resources[keyIds('my-number')[0]!].Properties.KeyPolicy;
    for (const statement of asArray(policy.Statement as Record<string, any>[])) {
      expect(flatten(statement.Principal.AWS)).toBe('arn:aws:iam::<AWS::AccountId>:root');
    }
  });

  it('no policy reads, writes or decrypts on a wildcard resource, which would reach it too', () => {
    const wide = held.filter(
      ({ statement }) => asArray(statement.Resource).some(isWildcardResource) && allowsAny(statement, DATA_ACTIONS),
    );
    expect(wide.map((h) => `${h.holder}: ${JSON.stringify(h.statement.Action)}`)).toEqual([]);
  });

  it("the only AWS managed policy attached anywhere, whose statements the template does not show, is the API Gateway logging role's", () => {
    expect(awsManagedPolicyArns(desk)).toEqual([
      'arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    ]);
  });
});

describe('deleting: only the erasure path', () => {
  it('only certify-erasure may delete from disclosures and from subjects (the cascade)', () => {
    expect(holders(tableIds('disclosures'), DELETES)).toEqual(['certify-erasure']);
    expect(holders(tableIds('subjects'), DELETES)).toEqual(['certify-erasure']);
  });

  it.each(TABLES.map((t) => t.name))('no function may delete from %s unless its manifest entry says erase', (table) => {
    const erasers = manifest
      .filter((e) => e.tables[table] === 'erase')
      .map((e) => e.name)
      .sort();
    expect(holders(tableIds(table), DELETES)).toEqual(erasers);
  });
});

describe('exports: only the download reads personal data', () => {
  const EXPORT_FUNCTIONS = ['decide-export', 'download-export', 'list-exports', 'request-export', 'view-export'];

  it('only the export functions hold a grant on the exports table or its key', () => {
    expect(holders([...tableIds('exports'), ...keyIds('exports')])).toEqual(EXPORT_FUNCTIONS);
  });

  it('of them, only download-export may read personal data, and only read it; request-export only looks up subjects; none touches my-number', () => {
    const personalData = [...tableIds('personal-data'), ...keyIds('personal-data')];
    const holding = holders(personalData);
    expect(EXPORT_FUNCTIONS.filter((name) => holding.includes(name))).toEqual(['download-export', 'request-export']);
    const lookups = held.filter(
      ({ holder, statement }) =>
        holder === 'request-export' &&
        statement.Effect === 'Allow' &&
        allowsAny(statement, DATA_ACTIONS) &&
        referencedIds(statement.Resource).some((id) => tableIds('personal-data').includes(id)),
    );
    expect(lookups.map(({ statement }) => asArray(statement.Action))).toEqual([['dynamodb:Query']]);
    expect(JSON.stringify(lookups[0]!.statement.Resource)).toContain('/index/byLookupKey');
    expect(lookups[0]!.statement.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['subjectId', 'recordId', 'lookupKey', 'expiresAt'] },
      StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
    });
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', ...DELETES];
    expect(holders(tableIds('personal-data'), writes)).not.toContain('download-export');
    const myNumber = holders([...tableIds('my-number'), ...keyIds('my-number')]);
    expect(EXPORT_FUNCTIONS.filter((name) => myNumber.includes(name))).toEqual([]);
  });
});

describe('the identifier MAC key: only the registration routes and the decision', () => {
  const MAC_KEY_FUNCTIONS = [
    'decide-request',
    'preview-decision',
    'register-personal-data',
    'register-personal-data-batch',
    'register-personal-data-by-staff',
  ];
  const secret = () => desk.stack.data.secrets['identifier-mac-key'];

  it('no one else may read the secret or decrypt with its key', () => {
    expect(holders([desk.logicalId(secret().secret), desk.logicalId(secret().key)])).toEqual(MAC_KEY_FUNCTIONS);
  });

  it('the manifest names the secret in exactly those functions', () => {
    expect(
      ROUTES.filter((r) => r.secrets?.includes('identifier-mac-key'))
        .map((r) => r.name)
        .sort(),
    ).toEqual(MAC_KEY_FUNCTIONS);
  });

  it('only the decision writes suppression entries; registration only reads them', () => {
    expect(holders(tableIds('suppressions'), ['dynamodb:PutItem', 'dynamodb:UpdateItem'])).toEqual(['decide-request']);
    expect(holders(tableIds('suppressions'))).toEqual(MAC_KEY_FUNCTIONS);
  });

  it('is generated by Secrets Manager, encrypted with its own key, and has no rotation schedule', () => {
    const resources = desk.template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
    const generated = resources[desk.logicalId(secret().secret)]!;
    expect(generated.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(flatten(generated.Properties.KmsKeyId)).toContain(desk.logicalId(secret().key));
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::SecretsManager::RotationSchedule')).toEqual([]);
  });
});
