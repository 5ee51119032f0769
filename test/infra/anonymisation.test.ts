// Anonymously processed information as synthesised: the rows and the processing method each in a
// private, versioned, TLS-only bucket on a key of its own (APPI Art. 43(2); Enforcement Rules Art. 35);
// only the worker writes either, the rows route reads the rows alone and no registry table, the method
// route the method alone; the worker alone reads the registry and writes the publications; the privacy
// notice reads the publications and nothing of the definitions or runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { type BucketName, bucketEnvVar } from '../../functions/adapters/buckets';
import type { TableName } from '../../functions/adapters/tables';
import { allowsAny, asArray, type HeldStatement, heldStatements, referencedIds } from './iam';
import { type SynthesisedDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let held: HeldStatement[];
let resources: Record<string, Json>;

beforeAll(() => {
  desk = synthDesk();
  held = heldStatements(desk);
  resources = desk.template.toJSON().Resources;
}, 180_000);

const bucketIds = (name: BucketName) => {
  const { bucket, key } = desk.stack.audit.buckets[name];
  return { bucket: desk.logicalId(bucket), key: desk.logicalId(key) };
};
const tableId = (name: TableName) => desk.logicalId(desk.stack.data.tables[name].table);
const everyFunction = () => ({ ...desk.stack.api.functions, ...desk.stack.workers.functions });

function holders(ids: string[], actions?: readonly string[]): string[] {
  const found = held.filter(
    ({ statement }) =>
      statement.Effect === 'Allow' &&
      referencedIds(statement.Resource).some((id) => ids.includes(id)) &&
      (!actions || allowsAny(statement, actions)),
  );
  return [...new Set(found.map((h) => h.holder))].sort();
}

function actionsOf(holder: string, ids: string[]): string[] {
  return [
    ...new Set(
      held
        .filter(
          (h) =>
            h.holder === holder &&
            h.statement.Effect === 'Allow' &&
            referencedIds(h.statement.Resource).some((id) => ids.includes(id)),
        )
        .flatMap((h) => asArray(h.statement.Action)),
    ),
  ].sort();
}

const BUCKETS = [
  ['anonymised-datasets', 'read-anonymised-rows', 'anonymised-datasets-bucket/'],
  ['anonymisation-methods', 'read-anonymisation-method', 'anonymisation-methods-bucket/'],
] as const;

describe.each(BUCKETS)('the %s bucket', (name, reader, logPrefix) => {
  it('is private, versioned, TLS only, logged, kept, on a key of its own', () => {
    const { bucket, key } = bucketIds(name);
    const resource = resources[bucket]!;
    expect(resource.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything(), LogFilePrefix: logPrefix },
    });
    expect(
      resource.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
    ).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] } });
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resources[key]!.Properties.EnableKeyRotation).toBe(true);
    const others = (['access-log-digests', 'anonymised-datasets', 'anonymisation-methods'] as const).filter(
      (b) => b !== name,
    );
    for (const other of others) expect(bucketIds(other).key).not.toBe(key);
    const policy = Object.values(resources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && referencedIds(r.Properties.Bucket).includes(bucket),
    )!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it(`only the worker writes it, only ${reader} reads it; no one deletes from it`, () => {
    const { bucket, key } = bucketIds(name);
    expect(holders([bucket, key])).toEqual([reader, 'anonymise-dataset'].sort());
    expect(actionsOf('anonymise-dataset', [bucket])).toEqual(['s3:PutObject']);
    expect(actionsOf('anonymise-dataset', [key])).toEqual(['kms:GenerateDataKey']);
    expect(actionsOf(reader, [bucket])).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(actionsOf(reader, [key])).toEqual(['kms:Decrypt']);
    expect(holders([bucket], ['s3:DeleteObject', 's3:DeleteObjectVersion'])).toEqual([]);
  });

  it("tells only those two functions the bucket's name", () => {
    for (const [fnName, fn] of Object.entries(everyFunction())) {
      const variables: Json = resources[desk.logicalId(fn.fn)]!.Properties.Environment.Variables;
      const told = variables[bucketEnvVar(name)] !== undefined;
      expect(told, fnName).toBe([reader, 'anonymise-dataset'].includes(fnName));
    }
  });
});

describe('no join with the registry (APPI Art. 43(5))', () => {
  const REGISTRY: TableName[] = [
    'personal-data',
    'subjects',
    'consents',
    'my-number',
    'provision-records',
    'requests',
    'disclosures',
  ];

  it('the routes that read a dataset hold no grant on any registry table', () => {
    for (const route of ['view-anonymised-dataset', 'read-anonymised-rows', 'read-anonymisation-method']) {
      expect(actionsOf(route, REGISTRY.map(tableId)), route).toEqual([]);
    }
  });

  it('of every function, only the worker both reads the registry and writes a dataset or a publication', () => {
    expect(holders([tableId('anonymised-publications')], ['dynamodb:PutItem'])).toEqual(['anonymise-dataset']);
    expect(actionsOf('anonymise-dataset', [tableId('personal-data')])).not.toContain('dynamodb:PutItem');
    expect(actionsOf('anonymise-dataset', [tableId('subjects')])).not.toContain('dynamodb:PutItem');
  });
});

describe('the privacy notice', () => {
  it('reads the publications, and nothing of the definitions and runs', () => {
    expect(actionsOf('get-privacy-notice', [tableId('anonymised-publications')])).toContain('dynamodb:Scan');
    expect(actionsOf('get-privacy-notice', [tableId('anonymisation')])).toEqual([]);
  });
});

describe('the worker', () => {
  it('has the memory and time for 100,000 records, one run per invocation', () => {
    const fn = resources[desk.logicalId(desk.stack.workers.functions['anonymise-dataset']!.fn)]!;
    expect(fn.Properties).toMatchObject({ MemorySize: 3008, Timeout: 900 });
    const mapping = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::Lambda::EventSourceMapping' &&
        referencedIds(r.Properties.FunctionName).includes(
          desk.logicalId(desk.stack.workers.functions['anonymise-dataset']!.fn),
        ),
    )!;
    expect(mapping.Properties.BatchSize).toBe(1);
  });
});

describe('the provision guard for anonymised datasets', () => {
  it('holds no table at all: it refuses and records nothing', () => {
    const fn = desk.stack.api.functions['refuse-anonymised-provision']!;
    const variables: Json = resources[desk.logicalId(fn.fn)]!.Properties.Environment.Variables;
    expect(Object.keys(variables).filter((v) => v.startsWith('DESK_TABLE_') || v.startsWith('DESK_BUCKET_'))).toEqual(
      [],
    );
  });
});
