// Fulfilment-task stream consumer: a new task to send, or a cancellation a withdrawal now owes, is
// carried to the holder at once. A holder that is down leaves the task for contact-holders to retry;
// only a failure to record the contact is retried here.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { newImage, oldImage } from '../adapters/dynamodb-stream';
import { contactDeps } from '../adapters/fulfilment-contact';
import { logger } from '../adapters/logger';
import { contactHolder } from '../domain/fulfilment/contact';
import type { FulfilmentTask } from '../domain/fulfilment/task';

/** Whether this change made the desk owe the holder a contact now. */
function owesContact(eventName: string | undefined, next?: FulfilmentTask, previous?: FulfilmentTask): boolean {
  if (eventName === 'INSERT') return next?.taskState === 'to-send';
  if (eventName === 'MODIFY') return next?.taskState === 'cancel-pending' && previous?.taskState !== 'cancel-pending';
  return false;
}

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const due = event.Records.filter((r) =>
    owesContact(r.eventName, newImage<FulfilmentTask>(r), oldImage<FulfilmentTask>(r)),
  );
  if (due.length === 0) return { batchItemFailures };
  const deps = contactDeps();
  for (const record of due) {
    const taskId = newImage<FulfilmentTask>(record)!.taskId;
    try {
      const outcome = await contactHolder(deps, taskId);
      logger.info('Holder contacted', { taskId, outcome });
    } catch (error) {
      logger.error('Holder contact not recorded', { taskId, errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
};
