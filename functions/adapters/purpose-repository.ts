// The purpose registry: the policy's own purposes are version 1 in code (purposes/registry.ts), so a
// fresh deployment needs no seeding; every version published since is an item of the purposes table.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { PurposeVersionReader } from '../domain/purposes/ports';
import { POLICY_PURPOSES, type PurposeVersion } from '../domain/purposes/registry';
import { dynamo, tableName } from './clients';

export async function storedPurposeVersions(): Promise<PurposeVersion[]> {
  const items: PurposeVersion[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName('purposes'), ConsistentRead: true, ExclusiveStartKey }));
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
