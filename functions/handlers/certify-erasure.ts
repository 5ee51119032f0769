// personal-data stream consumer: every removal of a record (by TTL when its purposes were achieved
// or a retired purpose ended it, or by an erasure on request) is verified, its subject's dossiers and
// lifecycle go with it, and it leaves an erasure certificate holding no personal data.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { eachRecord, oldImage, recordTime, removalCause, streamEventId } from '../adapters/dynamodb-stream';
import { dependentItems, personalDataErasure } from '../adapters/erasure-repository';
import { dynamoErasureEvidence } from '../adapters/evidence-repository';
import { logger } from '../adapters/logger';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { certifyRemoval } from '../domain/erasure/certify-removal';
import type { StoredPersonalDataRecord } from '../domain/holdings';

const records = personalDataErasure();
const deps = {
  removed: records,
  evidence: dynamoErasureEvidence,
  clock: systemClock,
  secrets: cryptoSecrets,
  cascade: { records, dependents: dependentItems },
};

export const handler = (event: DynamoDBStreamEvent) =>
  eachRecord(
    event,
    async (record) => {
      const cause = removalCause(record);
      const erased = cause ? oldImage<Partial<StoredPersonalDataRecord>>(record) : undefined;
      if (!cause || !erased?.subjectId || !erased.recordId) return;
      const { certificate, written } = await certifyRemoval(
        {
          streamEventId: streamEventId(record),
          subjectId: erased.subjectId,
          itemId: erased.recordId,
          category: erased.category ?? 'unknown',
          cause,
          markedReason: erased.erasureReason,
          removedAt: recordTime(record),
        },
        deps,
      );
      logger.info('Erasure certified', {
        evidenceId: certificate.evidenceId,
        reason: certificate.reason,
        remains: certificate.verification.remains,
        cascade: certificate.cascade,
        written,
      });
    },
    (error) => logger.error('Erasure certificate not recorded', { errorName: error.name }),
  );
