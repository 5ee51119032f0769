// The desk's buckets. Like TABLES, this one list is read by the CDK and by the local runtime, and
// the function manifests name buckets from it.

/**
 * access-log-digests: the digests of the access log's chain heads, one object per few minutes, under Object Lock.
 * anonymised-datasets: the rows of each anonymised dataset (APPI Art. 43(1)), one object per dataset.
 * anonymisation-methods: how each dataset was processed, kept apart from its rows with its own key and
 * readers (Art. 43(2); Enforcement Rules Art. 35).
 */
export type BucketName = 'access-log-digests' | 'anonymised-datasets' | 'anonymisation-methods';

/**
 * What a function may do with a bucket: read objects; write adds objects and reads none; read-write
 * both (Object Lock keeps any from being replaced where the bucket has it).
 */
export type BucketAccess = 'read' | 'write' | 'read-write';

export const BUCKETS: readonly BucketName[] = ['access-log-digests', 'anonymised-datasets', 'anonymisation-methods'];

/** The environment variable that carries a bucket's physical name into a function. */
export function bucketEnvVar(name: BucketName): string {
  return `DESK_BUCKET_${name.toUpperCase().replace(/-/g, '_')}`;
}
