// The identifier MAC: HMAC-SHA256 (RFC 2104) under a key that lives only in Secrets Manager (read once
// per container) or, locally, in the environment. The key never reaches a table, so the suppressions
// table holds MACs nobody can recompute from a guessed address.
import { createHmac } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { IdentifierMac } from '../domain/kernel/ports';
import { sdkClientLimits } from './clients';
import { LOCAL_IDENTIFIER_MAC_KEY, secretEnvVar } from './secrets';

let key: Promise<Buffer> | undefined;

async function readKey(): Promise<Buffer> {
  const arn = process.env[secretEnvVar('identifier-mac-key')];
  if (arn) {
    const client = new SecretsManagerClient({ ...sdkClientLimits() });
    const answer = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!answer.SecretString) throw new Error('The identifier MAC secret has no value');
    return Buffer.from(answer.SecretString, 'utf8');
  }
  const local = process.env[LOCAL_IDENTIFIER_MAC_KEY];
  if (local) return Buffer.from(local, 'utf8');
  throw new Error(
    `${secretEnvVar('identifier-mac-key')} is not set: this function was not granted the identifier MAC key`,
  );
}

function macKey(): Promise<Buffer> {
  // A failed read (Secrets Manager down) is not kept: the next call tries again.
  key ??= readKey().catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  return key;
}

export const secretIdentifierMac: IdentifierMac = {
  async mac(identifier) {
    return createHmac('sha256', await macKey())
      .update(identifier, 'utf8')
      .digest('base64url');
  },
};
