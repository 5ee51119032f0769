// personal-data stream consumer: every removal of a record, by TTL when its purposes were achieved
// or by a deletion, leaves an erasure certificate that holds no personal data.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { oldImage, recordTime, removalCause } from '../adapters/dynamodb-stream';
import { recordErasureCertificate } from '../adapters/evidence-repository';
import { erasureCertificate, type ErasedRecord } from '../domain/erasure';
import { logger } from '../adapters/logger';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const cause = removalCause(record);
    const erased = cause ? oldImage<ErasedRecord>(record) : undefined;
    if (!cause || !erased) continue;
    try {
      const certificate = erasureCertificate(erased, cause, recordTime(record));
      await recordErasureCertificate(certificate);
      logger.info('Erasure certified', { evidenceId: certificate.evidenceId, reason: certificate.reason });
    } catch (error) {
      logger.error('Erasure certificate not recorded', { errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
};
