import { dynamoDisclosureReader } from '../adapters/disclosure-repository';
import { systemClock } from '../adapters/system';
import { getDisclosure, negotiateDossierFormat } from '../domain/requests/types/disclosure/get-disclosure';
import { httpRoute } from '../http/route-handler';
import { getDisclosure as route } from '../routes/disclosures';

const deps = { disclosures: dynamoDisclosureReader, clock: systemClock };

/** The page may style itself and nothing else: the dossier is personal data. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export const handler = httpRoute(route, async ({ params, headers }) => {
  const format = negotiateDossierFormat(headers.accept);
  const { body, contentType } = await getDisclosure(deps, params.token, format);
  return {
    body,
    contentType,
    headers: {
      'content-security-policy': PAGE_POLICY,
      vary: 'Accept',
      ...(format === 'csv' ? { 'content-disposition': 'attachment; filename="personal-data-disclosure.csv"' } : {}),
    },
  };
});
