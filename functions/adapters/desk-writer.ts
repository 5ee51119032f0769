// All-or-nothing writes: a state change and the notification that reports it commit in one
// DynamoDB transaction (DESIGN §3), each conditional on the state it was decided from.
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DeskWrite, DeskWriter } from '../domain/ports';
import { StaleWriteError } from '../domain/problems';
import { dynamo, tableName } from './clients';
import { disclosureItems } from './disclosure-repository';
import { PENDING } from './outbox-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

function toTransactItem(write: DeskWrite): TransactItem | TransactItem[] {
  switch (write.kind) {
    case 'request':
      return {
        Put: {
          TableName: tableName('requests'),
          Item: write.request,
          ...(write.expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(requestId)' }
            : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': write.expectedVersion } }),
        },
      };
    case 'outbox':
      return {
        Put: {
          TableName: tableName('outbox'),
          Item: { ...write.message, outboxState: PENDING, attempts: 0 },
          ConditionExpression: 'attribute_not_exists(messageId)',
        },
      };
    case 'disclosure':
      // One item per subject whose data the dossier copies, so erasing any of them finds the copy.
      return disclosureItems(write.disclosure).map((Item) => ({
        Put: {
          TableName: tableName('disclosures'),
          Item,
          ConditionExpression: 'attribute_not_exists(tokenHash)',
        },
      }));
    case 'cessation-of-provision':
      // An update creates the subject's item if absent; the first request's flag stands.
      return {
        Update: {
          TableName: tableName('subjects'),
          Key: { subjectId: write.subjectId },
          UpdateExpression: 'SET cessationOfProvision = if_not_exists(cessationOfProvision, :flag)',
          ExpressionAttributeValues: { ':flag': { requestId: write.requestId, at: write.at } },
        },
      };
    case 'cessation-of-use': {
      // The subjects stream hands a flag newly saying erase to the erase-on-request worker.
      const flag = { requestId: write.requestId, at: write.at, measure: write.measure };
      return {
        Update: {
          TableName: tableName('subjects'),
          Key: { subjectId: write.subjectId },
          UpdateExpression: write.measure === 'erase'
            ? 'SET cessationOfUse = :flag'
            : 'SET cessationOfUse = if_not_exists(cessationOfUse, :flag)',
          ExpressionAttributeValues: { ':flag': flag },
        },
      };
    }
  }
}

export const dynamoDeskWriter: DeskWriter = {
  async commit(writes: DeskWrite[]) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: writes.flatMap(toTransactItem) }));
    } catch (error) {
      const reasons = (error as Error).name === 'TransactionCanceledException'
        ? (error as TransactionCanceledException).CancellationReasons ?? []
        : [];
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new StaleWriteError();
      throw error;
    }
  },
};
