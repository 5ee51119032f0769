// The console's incident pages in a real Chromium against one local desk of their own: the officer's
// walk from the register through a draft, its facts and reportability, the linked persons, the
// preliminary report printed and its submission, to the notices; an operator's draft the operator
// cannot take on. A file apart from the other console files, so they run side by side.
import { beforeAll } from 'vitest';
import { buildPrivacyCenter } from '../../local/privacy-center';
import { useBrowser } from '../support/browser';
import { deskClient, useLocalDesk } from '../support/e2e';
import { describeIncidents } from './console/incidents';

beforeAll(() => buildPrivacyCenter().then(() => undefined));
const desk = useLocalDesk();
const consoleDesk = { desk, client: deskClient(desk), newPage: useBrowser() };

describeIncidents(consoleDesk);
