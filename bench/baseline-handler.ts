// The baseline: a handler that only loads and uses the AWS SDK clients every desk function carries,
// bundled as any function would bundle them (with the SDK's default credential chain).
// Its cold start is the floor the desk's own functions are measured against.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableEnvVar } from '../functions/adapters/tables';

const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
// Created, never called: the desk's functions carry the SES client whether they send or not.
export const ses = new SESClient({});

export const handler = async () => {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: process.env[tableEnvVar('staff')],
      Key: { staffId: 'operator' },
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ found: Item !== undefined }) };
};
