// The Privacy Center in a real Chromium against one local desk, started once for all its pages (a
// desk and its tables cost seconds to start): a disclosure request in Japanese, a refused purpose
// notification in English, consents and a multi-item correction, and the firewall's refusals as the
// pages meet them. Each part makes its own requests and subjects under addresses of its own.
import { beforeAll } from 'vitest';
import { buildPrivacyCenter } from '../../local/privacy-center';
import { useBrowser } from '../support/browser';
import { deskClient, useLocalDesk } from '../support/e2e';
import { describeConsents } from './privacy-center/consents';
import { describeDossier } from './privacy-center/dossier';
import { describeEnglish } from './privacy-center/english';
import { describeFirewall } from './privacy-center/firewall';
import { describeHolders } from './privacy-center/holders';
import { describeJourneys } from './privacy-center/journeys';
import { describeNotice } from './privacy-center/notice';
import { describeRequest } from './privacy-center/request';

beforeAll(() => buildPrivacyCenter().then(() => undefined));
const desk = useLocalDesk();
const privacyCenterDesk = { desk, client: deskClient(desk), newPage: useBrowser() };

describeRequest(privacyCenterDesk);
describeEnglish(privacyCenterDesk);
describeConsents(privacyCenterDesk);
describeFirewall(privacyCenterDesk);
describeNotice(privacyCenterDesk);
describeJourneys(privacyCenterDesk);
describeDossier(privacyCenterDesk);
describeHolders(privacyCenterDesk);
