// The suppressions table: the entries an erasure, a cessation of use or a correction left, read by
// registration under each identifier MAC (domain/personal-data/suppression.ts). Written only by the
// decision's transaction (desk-writer.ts).
import type { SuppressionReader } from '../domain/personal-data/ports';
import type { Suppression } from '../domain/personal-data/suppression';
import { notExpired, queryAll, tableName } from './clients';

export const dynamoSuppressions: SuppressionReader = {
  async suppressionsOf(identifierMacs, now) {
    const live = notExpired(now);
    const found = await Promise.all(
      [...new Set(identifierMacs)].map((mac) =>
        queryAll<Suppression>({
          TableName: tableName('suppressions'),
          KeyConditionExpression: 'identifierMac = :mac',
          FilterExpression: live.FilterExpression,
          ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':mac': mac },
          ConsistentRead: true,
        }),
      ),
    );
    return found.flat();
  },
};
