// Granted no table: a provision of anonymously processed information is refused and nothing recorded.
import { refuseAnonymisedProvision } from '../domain/provisions/anonymised-provision';
import { httpRoute } from '../http/route-handler';
import { refuseAnonymisedProvision as route } from '../routes/provisions';

export const handler = httpRoute(route, async ({ body }) => refuseAnonymisedProvision(body));
