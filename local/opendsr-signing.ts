// The processor's side of OpenDSR signatures (specification.md §4.2, §8.6): a base64 SHA-256
// signature of the exact body bytes sent. Only the local demo processor and the tests sign; the desk
// itself only verifies (functions/domain/fulfilment/opendsr-signature.ts).
import { sign } from 'node:crypto';

export function signOpenDsr(body: string | Uint8Array, privateKeyPem: string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return sign('sha256', bytes, privateKeyPem).toString('base64');
}
