// The desk console in a real Chromium against one local desk, started once for all its pages (a desk
// and its tables cost seconds to start): sign-in and the queue, a request from submission to the
// dossier, printing a paper disclosure, deciding, and a decision at the holders. The officer's pages
// are in desk-officer.test.ts, so the two run side by side. Each part makes its own requests,
// subjects and accounts; the queue's part runs first, while nothing has been decided.
import { beforeAll } from 'vitest';
import { buildPrivacyCenter } from '../../local/privacy-center';
import { useBrowser } from '../support/browser';
import { deskClient, useLocalDesk } from '../support/e2e';
import { describeTasksAtHolders } from './console/at-the-holders';
import { describeDecide } from './console/decide';
import { describePrint } from './console/print';
import { describeQueue } from './console/queue';
import { describeRequests } from './console/requests';
import { describeSignInAndQueue } from './console/sign-in-and-queue';

beforeAll(() => buildPrivacyCenter().then(() => undefined));
const desk = useLocalDesk();
const consoleDesk = { desk, client: deskClient(desk), newPage: useBrowser() };

describeSignInAndQueue(consoleDesk);
describeQueue(consoleDesk);
describeRequests(consoleDesk);
describePrint(consoleDesk);
describeDecide(consoleDesk);
describeTasksAtHolders(consoleDesk);
