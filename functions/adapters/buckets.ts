// The desk's buckets. Like TABLES, this one list is read by the CDK and by the local runtime, and
// the function manifests name buckets from it.

/** access-log-digests: the digests of the access log's chain heads, one object per few minutes, under Object Lock. */
export type BucketName = 'access-log-digests';

/** What a function may do with a bucket: read objects; read-write also adds objects (Object Lock keeps any from being replaced). */
export type BucketAccess = 'read' | 'read-write';

export const BUCKETS: readonly BucketName[] = ['access-log-digests'];

/** The environment variable that carries a bucket's physical name into a function. */
export function bucketEnvVar(name: BucketName): string {
  return `DESK_BUCKET_${name.toUpperCase().replace(/-/g, '_')}`;
}
