// The local runtime's tables against DynamoDB Local: data kept from an earlier run gets the streams
// added to the definitions since, so their workers run on it.
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/tables';
import { createTables, physicalTableName } from '../../local/tables';
import { dropTables } from '../support/requests';

const prefix = `t${randomUUID().slice(0, 6)}-`;
const client = new DynamoDBClient({});

afterAll(async () => {
  await dropTables(prefix);
  client.destroy();
});

describe('createTables', () => {
  it('enables the stream of a table created before its definition had one', async () => {
    const TableName = physicalTableName(prefix, 'subjects');
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'subjectId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'subjectId', KeyType: 'HASH' }],
      }),
    );
    await createTables(client, prefix);
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    expect(Table!.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: tableDefinition('subjects').stream,
    });
    expect(Table!.LatestStreamArn).toBeDefined();
  });
});
