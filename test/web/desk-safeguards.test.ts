// The console's organisational safeguards pages (policy §6(2)) in a real Chromium against one local
// desk of their own: internal rules and manuals, training, and audits of the security measures; and
// anonymously processed information (policy §3), the officer's too. A file apart from the other
// console files, so they run side by side.
import { beforeAll } from 'vitest';
import { buildPrivacyCenter } from '../../local/privacy-center';
import { useBrowser } from '../support/browser';
import { deskClient, useLocalDesk } from '../support/e2e';
import { describeAnonymisation } from './console/anonymisation';
import { describeAudits } from './console/audits';
import { describeInternalRules } from './console/internal-rules';
import { describeTraining } from './console/training';

beforeAll(() => buildPrivacyCenter().then(() => undefined));
const desk = useLocalDesk({ demoPopulation: true });
const consoleDesk = { desk, client: deskClient(desk), newPage: useBrowser() };

describeAudits(consoleDesk);
describeInternalRules(consoleDesk);
describeTraining(consoleDesk);
describeAnonymisation(consoleDesk);
