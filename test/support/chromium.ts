// One Chromium for every browser test file of the run: started once here, each file connects to it
// and opens contexts of its own (cookies and storage are a context's, so nothing passes between
// files or tests), instead of launching and closing a browser per file.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test/support/browser.ts connects to the run's Chromium. */
    chromiumEndpoint: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default async function setup(project: TestProject) {
  // Root in a container has no user namespace for Chromium's sandbox.
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
