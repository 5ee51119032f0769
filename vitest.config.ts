import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The emulators start once for the whole run (test/support/global-setup.ts); each test file
    // creates its own tables under a unique prefix, so files can run in parallel.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/emulator-env.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      AWS_REGION: 'ap-northeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    },
  },
});
