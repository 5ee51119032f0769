// One DynamoDB transaction, all or nothing. A failed condition means someone changed an item since the
// use case read it: that becomes StaleWriteError, which the use case answers with 409.
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo } from './clients';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export async function transactOrStale(items: TransactItem[]): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const reasons =
      (error as Error).name === 'TransactionCanceledException'
        ? ((error as TransactionCanceledException).CancellationReasons ?? [])
        : [];
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new StaleWriteError();
    throw error;
  }
}
