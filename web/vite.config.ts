// The web build, two pages: the Privacy Center (index.html) and the desk console (desk/index.html).
// Static files with relative paths, no inline script or style, so the pages run under a
// Content-Security-Policy without 'unsafe-inline'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative, so the same build works under /privacy/ locally and at the root of CloudFront.
  base: './',
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
