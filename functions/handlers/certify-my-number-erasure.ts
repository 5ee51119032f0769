// my-number stream consumer: the stream carries keys only, so this function never sees an Individual
// Number. Each removal (TTL at the end of the document's retention, or a deletion) is verified by its
// key and leaves an erasure certificate of category my-number.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { eachRecord, keysOf, recordTime, removalCause, streamEventId } from '../adapters/dynamodb-stream';
import { myNumberErasure } from '../adapters/erasure-repository';
import { dynamoErasureEvidence } from '../adapters/evidence-repository';
import { logger } from '../adapters/logger';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { MY_NUMBER_CATEGORY } from '../domain/erasure/certificate';
import { certifyRemoval } from '../domain/erasure/certify-removal';

const deps = { removed: myNumberErasure, evidence: dynamoErasureEvidence, clock: systemClock, secrets: cryptoSecrets };

export const handler = (event: DynamoDBStreamEvent) =>
  eachRecord(
    event,
    async (record) => {
      const cause = removalCause(record);
      const keys = cause ? keysOf<{ subjectId?: string; documentId?: string }>(record) : undefined;
      if (!cause || !keys?.subjectId || !keys.documentId) return;
      const { certificate, written } = await certifyRemoval(
        {
          streamEventId: streamEventId(record),
          subjectId: keys.subjectId,
          itemId: keys.documentId,
          category: MY_NUMBER_CATEGORY,
          cause,
          removedAt: recordTime(record),
        },
        deps,
      );
      logger.info('Erasure certified', {
        evidenceId: certificate.evidenceId,
        reason: certificate.reason,
        remains: certificate.verification.remains,
        written,
      });
    },
    (error) => logger.error('Erasure certificate not recorded', { errorName: error.name }),
  );
