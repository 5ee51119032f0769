// The access log as synthesised: appenders denied update and delete, whoever they
// are; the digest bucket under Object Lock in compliance mode for the access-log retention; the
// digest schedule; and exactly two functions with exactly their grants on the bucket.
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketEnvVar } from '../../functions/adapters/buckets';
import { ROUTES } from '../../functions/routes';
import { WORKERS, type WorkerDefinition } from '../../functions/workers';
import { actionCovers, allowsAny, asArray, type HeldStatement, heldStatements, referencedIds } from './iam';
import { type SynthesisedDesk, synthConfiguredDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let held: HeldStatement[];
let resources: Record<string, Json>;

beforeAll(() => {
  desk = synthDesk();
  held = heldStatements(desk);
  resources = desk.template.toJSON().Resources;
}, 180_000);

const digests = () => desk.stack.audit.buckets['access-log-digests'];
const bucketId = () => desk.logicalId(digests().bucket);
const keyId = () => desk.logicalId(digests().key);
const everyFunction = () => ({ ...desk.stack.api.functions, ...desk.stack.workers.functions });

function statementsOn(ids: string[], effect: 'Allow' | 'Deny' = 'Allow'): HeldStatement[] {
  return held.filter(
    ({ statement }) => statement.Effect === effect && referencedIds(statement.Resource).some((id) => ids.includes(id)),
  );
}

function actionsOf(holder: string, ids: string[]): string[] {
  return [
    ...new Set(
      statementsOn(ids)
        .filter((h) => h.holder === holder)
        .flatMap((h) => asArray(h.statement.Action)),
    ),
  ].sort();
}

describe('access-log table: append only', () => {
  it('every holder of PutItem on the access log is denied UpdateItem, DeleteItem and BatchWriteItem on it', () => {
    const table = desk.logicalId(desk.stack.data.tables['access-log'].table);
    const putters = [
      ...new Set(
        statementsOn([table])
          .filter((h) => allowsAny(h.statement, ['dynamodb:PutItem']))
          .map((h) => h.holder),
      ),
    ];
    expect(putters.length).toBeGreaterThan(0);
    for (const holder of putters) {
      const denied = statementsOn([table], 'Deny')
        .filter((h) => h.holder === holder)
        .flatMap((h) => asArray(h.statement.Action));
      expect(denied.sort(), holder).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
    }
  });

  it('no one may update or delete an entry', () => {
    const table = desk.logicalId(desk.stack.data.tables['access-log'].table);
    const changers = statementsOn([table]).filter((h) =>
      allowsAny(h.statement, ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
    );
    expect(changers.map((h) => h.holder)).toEqual([]);
  });

  it('the listing and the verification read it and write nothing', () => {
    for (const name of ['list-access-log', 'verify-access-log']) {
      expect(ROUTES.find((r) => r.name === name)!.tables['access-log']).toBe('read');
    }
  });
});

describe('access-log digests bucket', () => {
  it('locks every digest in compliance mode for the access-log retention (five years), versioned, private, on its own key', () => {
    const bucket = resources[bucketId()]!;
    expect(bucket.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1825 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything(), LogFilePrefix: 'access-log-digest-bucket/' },
    });
    const encryption =
      bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(encryption).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId(), 'Arn'] } });
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(resources[keyId()]!.Properties.EnableKeyRotation).toBe(true);
  });

  it('refuses every request not made over TLS', () => {
    const policy = Object.values(resources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && referencedIds(r.Properties.Bucket).includes(bucketId()),
    )!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('only the digest writer and the verifier hold any grant on the bucket or its key', () => {
    expect([...new Set(statementsOn([bucketId(), keyId()]).map((h) => h.holder))].sort()).toEqual([
      'verify-access-log',
      'write-access-log-digest',
    ]);
  });

  it('the writer lists, reads and adds digests with their retention; the verifier lists and reads', () => {
    expect(actionsOf('write-access-log-digest', [bucketId()])).toEqual([
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      's3:PutObjectRetention',
    ]);
    expect(actionsOf('verify-access-log', [bucketId()])).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(actionsOf('write-access-log-digest', [keyId()])).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOf('verify-access-log', [keyId()])).toEqual(['kms:Decrypt']);
    for (const { statement } of statementsOn([keyId()])) {
      expect(statement.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.ap-northeast-1.amazonaws.com' } });
    }
  });

  it('no one may delete a digest, bypass its lock or hold it under legal hold', () => {
    const risky = [
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:BypassGovernanceRetention',
      's3:PutObjectLegalHold',
      's3:PutBucketObjectLockConfiguration',
    ];
    const found = statementsOn([bucketId()]).filter((h) =>
      asArray(h.statement.Action).some((a) => risky.some((r) => actionCovers(a, r))),
    );
    expect(found.map((h) => h.holder)).toEqual([]);
  });

  it("tells exactly the two functions the bucket's name", () => {
    for (const [name, fn] of Object.entries(everyFunction())) {
      const variables: Json = resources[desk.logicalId(fn.fn)]!.Properties.Environment.Variables;
      const expected = ['verify-access-log', 'write-access-log-digest'].includes(name)
        ? { Ref: bucketId() }
        : undefined;
      expect(variables[bucketEnvVar('access-log-digests')], name).toEqual(expected);
    }
  });
});

describe('digest schedule', () => {
  it('runs write-access-log-digest every 5 minutes unless accessLogDigestMinutes says otherwise', () => {
    const worker = (WORKERS as readonly WorkerDefinition[]).find((w) => w.name === 'write-access-log-digest')!;
    expect(worker.source).toMatchObject({
      kind: 'schedule',
      everyMinutes: 5,
      setting: { name: 'DESK_ACCESS_LOG_DIGEST_MINUTES' },
    });
    expect(digestRules(desk)).toEqual(['rate(5 minutes)']);
    const fn = desk.stack.workers.functions['write-access-log-digest']!.fn;
    expect(resources[desk.logicalId(fn)]!.Properties.DeadLetterConfig.TargetArn).toBeDefined();
    expect(
      resources[desk.logicalId(fn)]!.Properties.Environment.Variables.DESK_ACCESS_LOG_DIGEST_MINUTES,
    ).toBeUndefined();
  });

  it("accessLogDigestMinutes sets the rule and the worker's DESK_ACCESS_LOG_DIGEST_MINUTES; a bad value fails the synthesis", () => {
    const configured = synthConfiguredDesk();
    expect(digestRules(configured)).toEqual(['rate(15 minutes)']);
    const fn = configured.stack.workers.functions['write-access-log-digest']!.fn;
    expect(
      configured.template.toJSON().Resources[configured.logicalId(fn)].Properties.Environment.Variables
        .DESK_ACCESS_LOG_DIGEST_MINUTES,
    ).toBe('15');
    expect(() => synthDesk({ accessLogDigestMinutes: 90 })).toThrow(
      /DESK_ACCESS_LOG_DIGEST_MINUTES must be a whole number of minutes from 1 to 60/,
    );
  }, 180_000);
});

/** The schedule expressions of the rules that target the digest writer. */
function digestRules(synthesised: SynthesisedDesk): string[] {
  const all: Record<string, Json> = synthesised.template.toJSON().Resources;
  const fn = synthesised.stack.workers.functions['write-access-log-digest']!.fn;
  return Object.values(all)
    .filter(
      (r) =>
        r.Type === 'AWS::Events::Rule' &&
        r.Properties.Targets.some((t: Json) => referencedIds(t.Arn).includes(synthesised.logicalId(fn))),
    )
    .map((r) => r.Properties.ScheduleExpression as string);
}

describe('access-log retention from context', () => {
  it("accessLogRetentionDays sets every function's DESK_ACCESS_LOG_RETENTION_DAYS and the bucket's lock", () => {
    const configured = synthConfiguredDesk();
    const all: Record<string, Json> = configured.template.toJSON().Resources;
    const bucket = all[configured.logicalId(configured.stack.audit.buckets['access-log-digests'].bucket)]!;
    expect(bucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'COMPLIANCE', Days: 3650 });
    // The staff pool's triggers read the staff table only; every route and worker gets the setting.
    const triggers = new Set(Object.values(configured.stack.api.staff.triggers).map((t) => configured.logicalId(t.fn)));
    const functions = Object.entries(all)
      .filter(
        ([id, r]) =>
          r.Type === 'AWS::Lambda::Function' && r.Properties.Description?.startsWith('appi-desk ') && !triggers.has(id),
      )
      .map(([, r]) => r);
    expect(functions).toHaveLength(ROUTES.length + WORKERS.length);
    for (const fn of functions) expect(fn.Properties.Environment.Variables.DESK_ACCESS_LOG_RETENTION_DAYS).toBe('3650');
  }, 180_000);

  it('unset, the functions keep five years (no variable) and a bad value fails the synthesis', () => {
    for (const fn of Object.values(everyFunction())) {
      expect(
        resources[desk.logicalId(fn.fn)]!.Properties.Environment.Variables.DESK_ACCESS_LOG_RETENTION_DAYS,
      ).toBeUndefined();
    }
    expect(() => synthDesk({ accessLogRetentionDays: 'forever' })).toThrow(
      /DESK_ACCESS_LOG_RETENTION_DAYS must be a whole number of days/,
    );
  }, 180_000);
});
