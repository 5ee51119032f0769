// One DynamoDB transaction, all or nothing. A failed condition means someone changed an item since the
// use case read it: that becomes StaleWriteError, which the use case answers with 409.
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../domain/outbox';
import { StaleWriteError } from '../domain/problems';
import { dynamo, tableName } from './clients';
import { PENDING } from './outbox-repository';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export async function transactOrStale(items: TransactItem[]): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const reasons = (error as Error).name === 'TransactionCanceledException'
      ? (error as TransactionCanceledException).CancellationReasons ?? []
      : [];
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new StaleWriteError();
    throw error;
  }
}

/** An e-mail joining a transaction: pending for the outbox stream, never replacing a message with its id. */
export function outboxPut(message: OutboxMessage): TransactItem {
  return {
    Put: {
      TableName: tableName('outbox'),
      Item: { ...message, outboxState: PENDING, attempts: 0 },
      ConditionExpression: 'attribute_not_exists(messageId)',
    },
  };
}
