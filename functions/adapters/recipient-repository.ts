// The recipient registry: one item per recipient, written once (a changed recipient is registered
// under a new id, so a record of provision always names the recipient as it stood).
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RecipientRegistry } from '../domain/provisions/ports';
import type { Recipient } from '../domain/provisions/recipients';
import { dynamo, tableName } from './clients';

export const dynamoRecipients: RecipientRegistry = {
  async add(recipient) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('recipients'),
          Item: recipient,
          ConditionExpression: 'attribute_not_exists(recipientId)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      return false;
    }
  },

  async get(recipientId) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('recipients'), Key: { recipientId }, ConsistentRead: true }),
    );
    return Item as Recipient | undefined;
  },

  async list() {
    const items: Recipient[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({ TableName: tableName('recipients'), ExclusiveStartKey, ConsistentRead: true }),
      );
      items.push(...((page.Items ?? []) as Recipient[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort((a, b) => a.recipientId.localeCompare(b.recipientId));
  },
};
