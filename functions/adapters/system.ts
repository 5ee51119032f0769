// The real clock and the real source of randomness.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Clock, SecretSource } from '../domain/kernel/ports';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoSecrets: SecretSource = {
  id: () => randomUUID(),
  code: (digits) => String(randomInt(0, 10 ** digits)).padStart(digits, '0'),
  token: () => randomBytes(32).toString('base64url'),
};
