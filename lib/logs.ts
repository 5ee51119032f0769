import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface DeskLogging {
  key: kms.IKey;
  removalPolicy: RemovalPolicy;
}

/** One key for every log group of the stack: logs can carry personal data, so they are encrypted at rest. */
export function createLogsKey(scope: Construct, removalPolicy: RemovalPolicy): kms.Key {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, 'LogsKey', {
    description: 'Encrypts the CloudWatch log groups of the privacy desk',
    enableKeyRotation: true,
    removalPolicy,
  });
  // CloudWatch Logs may use the key only for log groups of this account and region.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
  return key;
}

/** A KMS-encrypted log group with a retention period, as every log group of the desk must be. */
export function encryptedLogGroup(
  scope: Construct,
  id: string,
  logging: DeskLogging,
  retention: logs.RetentionDays,
  logGroupName?: string,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    encryptionKey: logging.key,
    retention,
    removalPolicy: logging.removalPolicy,
    ...(logGroupName ? { logGroupName } : {}),
  });
}
