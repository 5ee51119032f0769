// What deployed functions use in place of the SDK's default credential chain (the bundle aliases
// @aws-sdk/credential-provider-node to this module; tests and the local desk keep the full chain).
// Lambda hands every function its execution role's keys in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
// and AWS_SESSION_TOKEN ("Defined runtime environment variables", Lambda developer guide), so the
// chain's other sources (profile files, SSO, web identity, container and instance metadata) are code
// a function never runs: about 135 kB of every bundle, read and compiled on each cold start.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The one export the SDK clients import from @aws-sdk/credential-provider-node. */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
