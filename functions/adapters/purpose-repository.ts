// The purpose registry: the policy's own purposes are version 1 in code (purposes/registry.ts), so a
// fresh deployment needs no seeding; every version published since is an item of the purposes table.
import { PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '../domain/kernel/problems';
import type { PurposePublisher, PurposeVersionReader, RolloutStore } from '../domain/purposes/ports';
import { POLICY_PURPOSES, type PurposeVersion } from '../domain/purposes/registry';
import { dynamo, tableName } from './clients';

const conditionFailed = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

export async function storedPurposeVersions(): Promise<PurposeVersion[]> {
  const items: PurposeVersion[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: tableName('purposes'), ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...((page.Items ?? []) as PurposeVersion[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export const dynamoPurposeVersions: PurposeVersionReader = {
  async versions() {
    return [...POLICY_PURPOSES, ...(await storedPurposeVersions())];
  },
};

/** Publishing is a put of the next version on condition that it does not exist: of two publishers, one wins. */
export const dynamoPurposePublisher: PurposePublisher = {
  async publish(version) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('purposes'),
          Item: version,
          ConditionExpression: 'attribute_not_exists(purposeId)',
        }),
      );
    } catch (error) {
      if (conditionFailed(error)) throw new StaleWriteError();
      throw error;
    }
  },
};

export const dynamoRolloutStore: RolloutStore = {
  async save(version, job, processedBefore) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('purposes'),
          Key: { purposeId: version.purposeId, version: version.version },
          UpdateExpression: 'SET rollout = :job',
          ConditionExpression: 'rollout.#state = :pending AND rollout.#processed = :before',
          ExpressionAttributeNames: { '#state': 'state', '#processed': 'processed' },
          ExpressionAttributeValues: { ':job': job, ':pending': 'pending', ':before': processedBefore },
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  },
};
