// The desk's secrets. Like TABLES and BUCKETS, this one list is read by the CDK and by the local
// runtime, and the function manifests name secrets from it.

/** identifier-mac-key: the key of the identifier MACs suppression entries are kept under (personal-data/suppression.ts). */
export type SecretName = 'identifier-mac-key';

export const SECRETS: readonly SecretName[] = ['identifier-mac-key'];

/** The environment variable that carries a secret's ARN into a function (set by the CDK). */
export function secretEnvVar(name: SecretName): string {
  return `DESK_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The environment variable that carries the key itself, set only by the local runtime and the tests
 * (there is no Secrets Manager locally); a function with the secret's ARN never reads it.
 */
export const LOCAL_IDENTIFIER_MAC_KEY = 'DESK_LOCAL_IDENTIFIER_MAC_KEY';
