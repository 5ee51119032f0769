import { describe, expect, it } from 'vitest';
import { dynamo, ses } from '../../functions/adapters/clients';

describe('SDK clients', () => {
  it('SES is tried once per send: a retry after SES accepted would send the message twice; the outbox retries instead', async () => {
    expect(await ses().config.maxAttempts()).toBe(1);
  });

  it('DynamoDB keeps the SDK retries, bounded', async () => {
    expect(await dynamo().config.maxAttempts()).toBe(3);
  });
});
