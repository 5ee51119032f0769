// Anonymisation stream consumer: each newly requested run is made into a dataset, published or
// refused (functions/domain/anonymisation/run.ts). A failure (a dependency down) is redelivered; a
// finished run delivered again is skipped.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { s3DatasetRows, s3ProcessingMethods } from '../adapters/anonymisation-buckets';
import { dynamoAnonymisation, dynamoRegistryReader } from '../adapters/anonymisation-repository';
import { eachRecord, newImage } from '../adapters/dynamodb-stream';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { anonymise } from '../domain/anonymisation/anonymise';
import type { DatasetRun } from '../domain/anonymisation/ports';
import { makeDataset } from '../domain/anonymisation/run';

const deps = {
  store: dynamoAnonymisation,
  registry: dynamoRegistryReader,
  rows: s3DatasetRows,
  methods: s3ProcessingMethods,
  anonymise,
  clock: systemClock,
};

/** A run item (sk 'dataset#…') newly requested; definitions and pointers pass by. */
function requestedRun(image: (DatasetRun & { sk?: string }) | undefined): DatasetRun | undefined {
  return image?.sk?.startsWith('dataset#') && image.state === 'requested' ? image : undefined;
}

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  eachRecord(
    event,
    async (record) => {
      if (record.eventName !== 'INSERT') return;
      const run = requestedRun(newImage<DatasetRun & { sk?: string }>(record));
      if (!run) return;
      const outcome = await makeDataset(deps, run);
      logger.info('Anonymisation run finished', outcome);
    },
    (error, record) =>
      logger.error('Anonymisation run failed; it will be delivered again', {
        errorName: error.name,
        datasetId: newImage<DatasetRun>(record)?.datasetId,
      }),
  );
