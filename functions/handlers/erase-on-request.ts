// subjects stream consumer: a cessation-of-use request decided as "erase" flagged the subject; every
// record of the subject is erased and one certificate, holding no personal data, records it. The
// personal-data stream then certifies each deleted record, and with the last one removes this very
// lifecycle item (its REMOVE comes back here and asks for nothing).
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { eachRecord, newImage, oldImage } from '../adapters/dynamodb-stream';
import { personalDataErasure } from '../adapters/erasure-repository';
import { dynamoErasureEvidence } from '../adapters/evidence-repository';
import { logger } from '../adapters/logger';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { eraseOnRequest } from '../domain/erasure/erase-on-request';
import type { SubjectLifecycle } from '../domain/personal-data/expiry';

const deps = {
  records: personalDataErasure(),
  evidence: dynamoErasureEvidence,
  clock: systemClock,
  secrets: cryptoSecrets,
};

export const handler = (event: DynamoDBStreamEvent) =>
  eachRecord(
    event,
    async (record) => {
      const certificate = await eraseOnRequest(
        deps,
        oldImage<SubjectLifecycle>(record),
        newImage<SubjectLifecycle>(record),
      );
      if (certificate) {
        logger.info('Erasure on request certified', {
          evidenceId: certificate.evidenceId,
          count: certificate.count,
          remaining: certificate.verification.remaining,
        });
      }
    },
    (error) => logger.error('Erasure on request not completed', { errorName: error.name }),
  );
