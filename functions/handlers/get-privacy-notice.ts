import { deskSettings } from '../adapters/desk-settings';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { privacyNotice } from '../domain/privacy-notice';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const settings = deskSettings();

export const handler = httpRoute(routeNamed('get-privacy-notice'), async () => ({
  body: privacyNotice(await dynamoPurposeVersions.versions(), settings),
  headers: { 'cache-control': 'public, max-age=300' },
}));
