import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePortFree, LocalStartError, requireJava } from '../../local/emulators';

describe('start-up checks a person can act on', () => {
  let taken: Server;
  let port: number;

  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    port = (taken.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('names the taken port and the variable that moves it', async () => {
    const failure = ensurePortFree(port, 'DynamoDB Local', 'DESK_DYNAMODB_PORT');
    await expect(failure).rejects.toBeInstanceOf(LocalStartError);
    await expect(failure).rejects.toThrow(
      `Port ${port} (DynamoDB Local) is taken: stop whatever uses it, or set DESK_DYNAMODB_PORT to another port.`,
    );
  });

  it('says how to install Java when it is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requireJava()).toThrow(
        /Java 17 or newer is needed for DynamoDB Local.*apt-get install openjdk-17-jre-headless/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
