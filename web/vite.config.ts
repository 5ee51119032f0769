// The web build, two pages: the Privacy Center (index.html) and the desk console (desk/index.html).
// Static files with relative paths, no inline script or style, so the pages run under a
// Content-Security-Policy without 'unsafe-inline'.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, runnerImport } from 'vite';
import * as z from 'zod';

/** The contract's module that defines the body of POST /v1/requests. */
const REQUEST_DETAILS = fileURLToPath(new URL('../functions/http/contract/request-details.ts', import.meta.url));

/**
 * The JSON Schema of the body of POST /v1/requests, as the OpenAPI document gives it (functions/openapi.ts),
 * as the module "virtual:submit-request-schema": the Privacy Center builds its request form from it.
 * Made here, at build time, so the page bundles neither zod nor the contract and needs no fetch to show
 * the form. The contract is loaded through Vite (the server's TypeScript, imports without extensions),
 * not imported by this file, which Vite loads on its own.
 */
function submitRequestSchema(): Plugin {
  const id = 'virtual:submit-request-schema';
  return {
    name: 'appi-desk-submit-request-schema',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(REQUEST_DETAILS);
      const { module } = await runnerImport<{ submitRequestBody: z.ZodType }>(REQUEST_DETAILS, {
        configFile: false,
        logLevel: 'warn',
      });
      const schema = z.toJSONSchema(module.submitRequestBody, {
        io: 'input',
        unrepresentable: 'any',
        target: 'draft-2020-12',
      });
      return `export default ${JSON.stringify(schema)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative, so the same build works under /privacy/ locally and at the root of CloudFront.
  base: './',
  plugins: [submitRequestSchema()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite inlines small assets as data: URLs; keep every asset a file the CSP's 'self' covers.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        'privacy-center': fileURLToPath(new URL('index.html', import.meta.url)),
        desk: fileURLToPath(new URL('desk/index.html', import.meta.url)),
      },
    },
  },
  logLevel: 'warn',
});
