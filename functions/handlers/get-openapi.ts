import { httpRoute } from '../http/route-handler';
import { openApiDocument } from '../openapi';
import { getOpenApi as route } from '../routes/notice';

const document = openApiDocument();

export const handler = httpRoute(route, async () => ({
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
