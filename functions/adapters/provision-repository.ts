// Records of provision (APPI Art. 29) and receipt (Art. 30), and the evidence of provisions no record was due for: written
// in one transaction, so a provision is recorded for every subject or for none. A bulk or contract
// record is rolled forward only if it is as it was read.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProvisionRecord } from '../domain/holdings';
import type { ProvisionLedger, ProvisionWrite } from '../domain/provisions/ports';
import { dynamo, notExpired, queryAll, tableName } from './clients';
import { transactOrStale } from './transactions';

function transactItem(write: ProvisionWrite) {
  if (write.kind === 'evidence') {
    return {
      Put: {
        TableName: tableName('evidence'),
        Item: write.evidence,
        ConditionExpression: 'attribute_not_exists(evidenceId)',
      },
    };
  }
  return {
    Put: {
      TableName: tableName('provision-records'),
      Item: write.record,
      ...(write.previousLastAt === undefined
        ? { ConditionExpression: 'attribute_not_exists(recordId)' }
        : {
            ConditionExpression: '#last = :previous',
            ExpressionAttributeNames: {
              '#last': write.record.direction === 'provided' ? 'lastProvidedAt' : 'lastReceivedAt',
            },
            ExpressionAttributeValues: { ':previous': write.previousLastAt },
          }),
    },
  };
}

export const dynamoProvisionLedger: ProvisionLedger = {
  liveRecordsOf(subjectId, now) {
    const live = notExpired(now);
    return queryAll<ProvisionRecord>({
      TableName: tableName('provision-records'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
      ConsistentRead: true,
    });
  },

  liveRecordsWith(counterpartyId, { from, to }, now) {
    const live = notExpired(now);
    return queryAll<ProvisionRecord>({
      TableName: tableName('provision-records'),
      IndexName: 'byCounterparty',
      KeyConditionExpression: 'counterpartyId = :counterparty AND #date BETWEEN :from AND :to',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeNames: { '#date': 'date' },
      ExpressionAttributeValues: {
        ...live.ExpressionAttributeValues,
        ':counterparty': counterpartyId,
        ':from': from ?? '0000-01-01',
        ':to': to ?? '9999-12-31',
      },
    });
  },

  async storedRecord<R>(subjectId: string, recordId: string) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('provision-records'), Key: { subjectId, recordId }, ConsistentRead: true }),
    );
    return Item as R | undefined;
  },

  async commit(writes) {
    await transactOrStale(writes.map(transactItem));
  },
};
