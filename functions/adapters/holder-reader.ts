// Reads the holder registry: each holder is the item 'holder' under its id (tables.ts). A minimal
// reader for the fan-out; the registry's own repository writes and versions the holders.
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Holder, HolderReader } from '../domain/holders/holder';
import { dynamo, tableName } from './clients';

const HOLDER_ITEM = 'holder';

function toHolder(item: Record<string, unknown>): Holder {
  const { itemKey: _itemKey, ...holder } = item;
  return holder as unknown as Holder;
}

export const dynamoHolderReader: HolderReader = {
  async get(holderId) {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('holders'),
        Key: { holderId, itemKey: HOLDER_ITEM },
        ConsistentRead: true,
      }),
    );
    return Item ? toHolder(Item) : undefined;
  },

  async list() {
    const holders: Holder[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({
          TableName: tableName('holders'),
          FilterExpression: 'itemKey = :holder AND attribute_not_exists(retiredAt)',
          ExpressionAttributeValues: { ':holder': HOLDER_ITEM },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      holders.push(...(page.Items ?? []).map(toHolder));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return holders.sort((a, b) => a.holderId.localeCompare(b.holderId));
  },
};
