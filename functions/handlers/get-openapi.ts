import { openApiDocument } from '../http/openapi';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const document = openApiDocument();

export const handler = httpRoute(routeNamed('get-openapi'), async () => ({
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
