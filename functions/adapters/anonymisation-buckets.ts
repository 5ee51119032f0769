// The rows of each anonymised dataset and, in a bucket of its own with its own key, its processing
// method (APPI Art. 43(2); Enforcement Rules Art. 35): one JSON object per dataset in each.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { ProcessingMethod } from '../domain/anonymisation/dataset';
import type { DatasetRowsStore, ProcessingMethodStore, StoredRows } from '../domain/anonymisation/ports';
import { bucketName, s3 } from './audit-bucket';
import type { BucketName } from './buckets';

const objectKey = (datasetId: string) => `${datasetId}.json`;

async function getJson<T>(bucket: BucketName, datasetId: string): Promise<T | undefined> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(bucket), Key: objectKey(datasetId) }));
    return JSON.parse(await object.Body!.transformToString('utf-8')) as T;
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function putJson(bucket: BucketName, datasetId: string, value: unknown): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(bucket),
      Key: objectKey(datasetId),
      Body: JSON.stringify(value),
      ContentType: 'application/json',
    }),
  );
}

export const s3DatasetRows: DatasetRowsStore = {
  put: (rows) => putJson('anonymised-datasets', rows.datasetId, rows),
  get: (datasetId) => getJson<StoredRows>('anonymised-datasets', datasetId),
};

export const s3ProcessingMethods: ProcessingMethodStore = {
  put: (datasetId, method) => putJson('anonymisation-methods', datasetId, { datasetId, method }),
  get: async (datasetId) => (await getJson<{ method: ProcessingMethod }>('anonymisation-methods', datasetId))?.method,
};
