// npm start's failure path: one line saying what to fix, and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, it } from 'vitest';

it('exits non-zero with one line when the gateway port is taken', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  const port = (taken.address() as { port: number }).port;
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
      env: { ...process.env, DESK_PORT: String(port) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('appi-desk:'));
    expect(lines).toEqual([
      `appi-desk: Port ${port} (the desk gateway) is taken: stop whatever uses it, or set DESK_PORT to another port.`,
    ]);
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});
