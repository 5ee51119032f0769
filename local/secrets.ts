// The desk's secrets on this machine. There is no Secrets Manager locally, so the key comes from this
// file, the same on every start: suppression entries written yesterday must still be found today
// (a new key would orphan them). Never used in AWS, where the CDK generates the secret.
import { LOCAL_IDENTIFIER_MAC_KEY } from '../functions/adapters/secrets';

const LOCAL_IDENTIFIER_MAC_KEY_VALUE = 'local-identifier-mac-key-not-a-secret-4f1c9e2a7b';

/** The environment that hands the local secrets to the handlers, unless already set. */
export function localSecretEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { [LOCAL_IDENTIFIER_MAC_KEY]: env[LOCAL_IDENTIFIER_MAC_KEY] ?? LOCAL_IDENTIFIER_MAC_KEY_VALUE };
}
