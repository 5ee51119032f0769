// The officer's and auditor's pages of the desk console in a real Chromium against one local desk of
// their own: the subject view, accounts, the access log, the report and the holder registry. A file
// apart from desk-console.test.ts, so the two run side by side. Each part makes its own requests,
// subjects and accounts.
import { beforeAll } from 'vitest';
import { buildPrivacyCenter } from '../../local/privacy-center';
import { useBrowser } from '../support/browser';
import { deskClient, useLocalDesk } from '../support/e2e';
import { describeHolders } from './console/holders';
import { describeOfficer } from './console/officer';
import { describeOfficerPages } from './console/officer-pages';

beforeAll(() => buildPrivacyCenter().then(() => undefined));
const desk = useLocalDesk();
const consoleDesk = { desk, client: deskClient(desk), newPage: useBrowser() };

describeOfficer(consoleDesk);
describeOfficerPages(consoleDesk);
describeHolders(consoleDesk);
