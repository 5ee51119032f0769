// What a route is: its path, who may call it, what its function may touch, and the zod schemas of
// its input and answer. Below both the contract (the schemas) and the manifest (the routes), so each
// handler can import its own route definition without either.
import type { z } from 'zod';
import type { BucketAccess, BucketName } from '../adapters/buckets';
import type { SecretName } from '../adapters/secrets';
import type { TableName } from '../adapters/tables';
import type { StaffRole } from '../domain/staff';
import type { SystemName } from '../domain/systems';

export type RouteAuth =
  | { kind: 'public' }
  /** The requester, with the status token issued at verification. */
  | { kind: 'status-token' }
  /** The person, with the subject token issued for an e-mailed code (self-service of consents). */
  | { kind: 'subject-token' }
  /** The holder of an e-mailed link; the token is in the path. */
  | { kind: 'link' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** A company system, signing with IAM (SigV4); only principals granted the named system's policy may call. */
  | { kind: 'system'; systems: readonly SystemName[] }
  /**
   * A holder of personal data (OpenDSR processor) calling back: no API Gateway authoriser; the handler
   * verifies the X-OpenDSR-Signature over the raw body against the holder's pinned certificate before
   * anything is parsed (OpenDSR §8.8).
   */
  | { kind: 'holder-signature' };

/**
 * What a function may do with a table: read; write (put/update); read-write; append (conditional put
 * only); erase (read and delete, for the erasure path and its cascade); lookup (query the table's
 * indexes for key and expiry attributes only: which subjects an address is known by, never a value);
 * details (query the table for its keys and the attributes its definition lists as detailAttributes
 * only: what a disclosure states of a held item, never its secret value).
 */
export type TableAccess = 'read' | 'write' | 'read-write' | 'append' | 'erase' | 'lookup' | 'details';

export interface RouteDefinition {
  /** The handler's file name in functions/handlers, and the function's name. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  auth: RouteAuth;
  tables: Partial<Record<TableName, TableAccess>>;
  buckets?: Partial<Record<BucketName, BucketAccess>>;
  /** Secrets the function reads (functions/adapters/secrets.ts); CDK grants each and hands in its ARN. */
  secrets?: readonly SecretName[];
  request: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  response: { status: number; schema: z.ZodType; description: string };
  /** Staff user-pool actions (cognito-idp:*) the function may call; CDK grants them on the pool only. */
  userPool?: readonly string[];
  /** The Privacy Center's pages call it from the browser: CORS answers the pages' origin on it. */
  browser?: 'privacy-center';
  /** It e-mails links to the desk's public address, so the deployment hands it that address when one is set. */
  publicLinks?: true;
  /** It calls holders' OpenDSR endpoints on the internet (discovery at registration, a completed disclosure's results). */
  reachesHolders?: true;
}

/** Every staff route reads the staff table: the caller's account must be active and their role current. */
export const STAFF_CHECK = { staff: 'read' } as const;
