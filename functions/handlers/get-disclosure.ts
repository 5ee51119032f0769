import { company } from '../adapters/company';
import { dynamoDisclosureReader } from '../adapters/disclosure-repository';
import { systemClock } from '../adapters/system';
import { DOSSIER_PAGE_POLICY } from '../domain/requests/types/disclosure/dossier-formats';
import { getDisclosure, negotiateDossierFormat } from '../domain/requests/types/disclosure/get-disclosure';
import { httpRoute } from '../http/route-handler';
import { getDisclosure as route } from '../routes/disclosures';

const deps = { disclosures: dynamoDisclosureReader, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ params, query, headers }) => {
  // A link cannot set Accept: the page's download links name the format instead.
  const format = query.format ?? negotiateDossierFormat(headers.accept);
  const { body, contentType, fileName } = await getDisclosure(deps, params.token, format);
  const download = fileName && (query.format !== undefined || format === 'csv');
  return {
    body,
    contentType,
    headers: {
      'content-security-policy': DOSSIER_PAGE_POLICY,
      // The link's token is in the address: no page it leads to may learn it.
      'referrer-policy': 'no-referrer',
      vary: 'Accept',
      ...(download ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
    },
  };
});
