import { privacyNotice } from '../domain/privacy-notice';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const notice = privacyNotice();

export const handler = httpRoute(routeNamed('get-privacy-notice'), async () => ({
  body: notice,
  headers: { 'cache-control': 'public, max-age=300' },
}));
