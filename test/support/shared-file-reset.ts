// In a worker shared by file after file (vitest.config.ts), what a file changed in the process is put
// back when it ends, as a process of its own would have dropped it: the environment variables, the
// clock, spies and stubbed variables or globals. Module state is not put back, so a file that mocks
// modules, patches SDK clients or loads a module after changing the environment still runs alone.
import { afterAll, beforeAll, vi } from 'vitest';

let before: Record<string, string | undefined> = {};

beforeAll(() => {
  before = { ...process.env };
});

// Registered first, so it runs after the file's own afterAll hooks (vitest runs them as a stack).
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  for (const [name, value] of Object.entries(before)) if (process.env[name] !== value) process.env[name] = value;
});
