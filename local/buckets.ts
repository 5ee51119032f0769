// Creates the desk's buckets in the local S3 emulator and hands their names to the handlers through
// the same environment variables the CDK sets.
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { BUCKETS, type BucketName, bucketEnvVar } from '../functions/adapters/buckets';

export function physicalBucketName(prefix: string, name: BucketName): string {
  return `${prefix}${name}`;
}

/** Creates every bucket that does not exist yet; returns the environment that names them. */
export async function createBuckets(client: S3Client, prefix: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of BUCKETS) {
    const Bucket = physicalBucketName(prefix, name);
    env[bucketEnvVar(name)] = Bucket;
    const exists = await client.send(new HeadBucketCommand({ Bucket })).then(
      () => true,
      () => false,
    );
    if (!exists) await client.send(new CreateBucketCommand({ Bucket }));
  }
  return env;
}
