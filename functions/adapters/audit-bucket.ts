// The access-log digests in their Object Lock bucket: one JSON object per schedule interval, named by
// the interval's start so keys sort by time, written once in compliance mode, so no one, not even the account root, can alter or remove it before retention ends.
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AccessLogDigest, AccessLogDigestStore } from '../domain/access-log/ports';
import { type BucketName, bucketEnvVar } from './buckets';
import { sdkClientLimits } from './clients';

const DIGEST_PREFIX = 'access-log-digests/';

let client: S3Client | undefined;

/**
 * Locally the SDK reaches s3rver through AWS_ENDPOINT_URL_S3; s3rver answers by path, not by host,
 * and knows one key pair only (DESK_S3_EMULATOR is set by the local runtime and the tests).
 */
export function s3(): S3Client {
  client ??= new S3Client(
    process.env.DESK_S3_EMULATOR
      ? {
          ...sdkClientLimits(),
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : { ...sdkClientLimits() },
  );
  return client;
}

/** The physical name of a bucket, as the deployment handed it to this function. */
export function bucketName(name: BucketName): string {
  const value = process.env[bucketEnvVar(name)];
  if (!value) throw new Error(`${bucketEnvVar(name)} is not set: this function was not granted the ${name} bucket`);
  return value;
}

export const digestKey = (slot: string) => `${DIGEST_PREFIX}${slot}.json`;
const SLOT_KEY = /^access-log-digests\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\.json$/;

async function storedSlots(since?: string): Promise<string[]> {
  const slots: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3().send(
      new ListObjectsV2Command({
        Bucket: bucketName('access-log-digests'),
        Prefix: DIGEST_PREFIX,
        // Keys sort by time: `prefix + since` sorts just before the key of that very slot.
        ...(since && !ContinuationToken ? { StartAfter: `${DIGEST_PREFIX}${since}` } : {}),
        ContinuationToken,
      }),
    );
    for (const { Key } of page.Contents ?? []) {
      const slot = SLOT_KEY.exec(Key ?? '')?.[1];
      if (slot) slots.push(slot);
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return slots.sort();
}

export const s3DigestStore: AccessLogDigestStore = {
  slots: storedSlots,
  async get(slot: string) {
    try {
      const object = await s3().send(
        new GetObjectCommand({ Bucket: bucketName('access-log-digests'), Key: digestKey(slot) }),
      );
      const text = await object.Body!.transformToString('utf-8');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  },
  async put(digest: AccessLogDigest, retainUntil: Date) {
    try {
      await s3().send(
        new PutObjectCommand({
          Bucket: bucketName('access-log-digests'),
          Key: digestKey(digest.slot),
          Body: JSON.stringify(digest),
          ContentType: 'application/json',
          // Only if absent: two runs in the same interval cannot both write (S3 conditional writes).
          IfNoneMatch: '*',
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: retainUntil,
        }),
      );
      return 'written';
    } catch (error) {
      if (
        (error as Error).name === 'PreconditionFailed' ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412
      )
        return 'exists';
      throw error;
    }
  },
};
