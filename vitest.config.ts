import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/sequencer';

/** What every group of test files shares. */
const common = {
  // Points each worker at the emulators the global setup started (once for the whole run).
  setupFiles: ['test/support/emulator-env.ts'],
  pool: 'forks',
  testTimeout: 30_000,
  // Pages, streams and mail settle in their own time on a loaded 2-core machine; a poll waits for the
  // condition, so a longer bound costs nothing when it holds early.
  expect: { poll: { timeout: 10_000 } },
  hookTimeout: 120_000,
  env: {
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  },
} satisfies TestProjectInlineConfiguration['test'];

const TEST_FILES = readdirSync(new URL('test', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.test.ts'))
  .map((path) => `test/${path.split('\\').join('/')}`)
  .sort();

/**
 * Files that need a process of their own: they mock or reload modules, stub an SDK client other than
 * those test/support/shared-file-reset.ts restores (Secrets Manager's secrets are kept once read, so
 * a stub of it would stay in the process), point the SDK clients (created once per process) elsewhere, load a module after changing the environment it
 * reads when loaded, or drive a browser. Every other file runs in a worker shared with other files,
 * which spares a process and the imports (the AWS SDK, zod, CDK, the whole desk) per file: most of the
 * suite's time on 2 cores. What such a file changes in the process (environment, clock, spies, stubs)
 * is put back when it ends (test/support/shared-file-reset.ts); an end-to-end file stops its local
 * desk and drops its tables itself (test/support/e2e.ts). Measured on 2 cores: the 12 end-to-end
 * files took 107 s of CPU each in a process of its own, 57 s in a shared worker.
 */
const NEEDS_A_PROCESS =
  /\bvi\.(mock|doMock|unmock|resetModules)\b|mockClient\((?!(SESClient|S3Client|DynamoDBClient|DynamoDBDocumentClient|CognitoIdentityProviderClient)\))|AWS_ENDPOINT_URL|useBrowser\(/;
/** Changes the environment, then loads modules: they may read it when loaded. */
const ENV_THEN_IMPORT =
  /(process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|Object\.assign\(process\.env|vi\.stubEnv)[\s\S]*await import\(/;

/**
 * Files that need DynamoDB Local to sweep a table by TTL. It sweeps only 7 TTL tables at a time, held
 * while they exist (see dropTables in test/support/requests.ts), so these get a DynamoDB Local of
 * their own (test/support/own-dynamodb.ts) and run beside the rest.
 */
const TTL_SWEEP = ['test/handlers/certify-erasure.test.ts'];

const rest = TEST_FILES.filter((file) => !TTL_SWEEP.includes(file));
const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
/** Files that drive Chromium: a process each too, connected to the one browser the project starts. */
const browser = rest.filter((file) => /\buseBrowser\(/.test(read(file)));
const isolated = rest.filter(
  (file) => !browser.includes(file) && (NEEDS_A_PROCESS.test(read(file)) || ENV_THEN_IMPORT.test(read(file))),
);
const shared = rest.filter((file) => !browser.includes(file) && !isolated.includes(file));

export default defineConfig({
  test: {
    // The emulators start once for the whole run (test/support/global-setup.ts) and the projects
    // below inherit what it provides; each test file creates its own tables under a unique prefix.
    // The shared, isolated and browser groups run side by side: a file that mocks a client does so in
    // its own process, and the browser files mostly wait on their desks and Chromium, so running them
    // beside the rest keeps both cores busy (measured on 2 cores: 492 s one group after the other,
    // 353 s side by side). The TTL sweep file has a DynamoDB Local of its own. At least two workers
    // even on 2 cores (vitest's default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The longest files first, across the groups (test/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include: shared,
          setupFiles: [...common.setupFiles, 'test/support/shared-file-reset.ts'],
          isolate: false,
          // Tells test/support/desk.ts and requests.ts that another file follows in the same worker.
          provide: { sharedWorker: true },
          sequence: { groupOrder: 0 },
        },
      },
      { test: { ...common, name: 'isolated', include: isolated, sequence: { groupOrder: 0 } } },
      // Beside the isolated files, as before; Chromium starts once, only when a browser file runs.
      {
        test: {
          ...common,
          name: 'browser',
          include: browser,
          globalSetup: ['test/support/chromium.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...common,
          name: 'ttl-sweep',
          include: TTL_SWEEP,
          globalSetup: ['test/support/own-dynamodb.ts'],
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
