// The web build, two pages: the Privacy Center (index.html) and the desk console (desk/index.html).
// Static files with relative paths, no inline script or style, so the pages run under a
// Content-Security-Policy without 'unsafe-inline'.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, runnerImport } from 'vite';
import type { ZodType } from 'zod';

/** The contract's module that defines the body of POST /v1/requests, and the desk's one way to write JSON Schema. */
const REQUEST_DETAILS = fileURLToPath(new URL('../functions/http/contract/request-details.ts', import.meta.url));
const JSON_SCHEMA = fileURLToPath(new URL('../functions/http/json-schema.ts', import.meta.url));

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
      const options = { configFile: false, logLevel: 'warn' } as const;
      const [{ module: details }, { module: writer }] = await Promise.all([
        runnerImport<{ submitRequestBody: ZodType }>(REQUEST_DETAILS, options),
        runnerImport<{ jsonSchema: (schema: ZodType, io: 'input') => unknown }>(JSON_SCHEMA, options),
      ]);
      const schema = writer.jsonSchema(details.submitRequestBody, 'input');
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
