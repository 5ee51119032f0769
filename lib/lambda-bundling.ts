// How every Lambda function is bundled, as esbuild options. The benchmark bundles with exactly these,
// and the CDK functions import them, so what is measured is what is deployed.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** ESM output has no `require`; some CommonJS dependencies still call it (CDK's usual banner). */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * Lambda's credentials are always in the environment, so the SDK's default chain is replaced by the
 * environment provider alone (functions/adapters/lambda-credentials.ts says why).
 */
export const CREDENTIAL_CHAIN_ALIAS = {
  '@aws-sdk/credential-provider-node': fileURLToPath(
    new URL('../functions/adapters/lambda-credentials.ts', import.meta.url),
  ),
} as const;

export const LAMBDA_BUNDLING = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  banner: { js: CREATE_REQUIRE_BANNER },
  minify: true,
  sourcemap: true,
  // ES-module builds first: the SDK's CommonJS builds cannot be tree-shaken (and drag in a browser UA parser).
  mainFields: ['module', 'main'],
  // The AWS SDK is bundled too: a pinned version, and tree-shaken instead of loaded whole from the runtime.
  external: [],
  alias: CREDENTIAL_CHAIN_ALIAS,
} as const satisfies BuildOptions;
