// Creates the desk's tables in DynamoDB Local from the same definitions the CDK data construct
// uses, and hands their names to the handlers through the same environment variables.
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableDefinition, type TableName, tableEnvVar } from '../functions/adapters/tables';

export function physicalTableName(prefix: string, name: TableName): string {
  return `${prefix}${name}`;
}

function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...(table.globalIndexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const unique = new Map(keys.filter((k) => k !== undefined).map((k) => [k.name, k.type]));
  return [...unique].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

async function describe(client: DynamoDBClient, TableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException')
      return undefined;
    throw error;
  }
}

/** Creates every table that does not exist yet; returns the environment that names them. */
export async function createTables(client: DynamoDBClient, prefix: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  await Promise.all(
    TABLES.map(async (table) => {
      const TableName = physicalTableName(prefix, table.name);
      env[tableEnvVar(table.name)] = TableName;
      const existing = await describe(client, TableName);
      if (existing) {
        // Data kept from an earlier run: a stream added to the definition since is enabled, so its worker runs.
        if (table.stream && !existing.StreamSpecification?.StreamEnabled) {
          await client.send(
            new UpdateTableCommand({
              TableName,
              StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
            }),
          );
        }
        return;
      }
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions(table),
          KeySchema: [
            { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
            ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
          ],
          ...(table.globalIndexes?.length
            ? {
                GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
                  IndexName: index.indexName,
                  KeySchema: [
                    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                    ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
                  ],
                  Projection: { ProjectionType: 'ALL' as const },
                })),
              }
            : {}),
          ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
        }),
      );
      if (table.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName,
            TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute },
          }),
        );
      }
    }),
  );
  return env;
}
