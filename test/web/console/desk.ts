// What the desk console's browser tests share: one local desk, a client for its API and pages of
// the run's Chromium, set up once by test/web/desk-console.test.ts.
import type { RunningDesk } from '../../../local/desk';
import type { useBrowser } from '../../support/browser';
import type { deskClient } from '../../support/e2e';

export interface ConsoleDesk {
  desk: () => RunningDesk;
  client: ReturnType<typeof deskClient>;
  newPage: ReturnType<typeof useBrowser>;
}
