import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoDisclosureReader } from '../adapters/disclosure-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { DOSSIER_PAGE_POLICY } from '../domain/requests/types/disclosure/dossier-formats';
import { negotiateDossierFormat } from '../domain/requests/types/disclosure/get-disclosure';
import { getPaperDisclosure } from '../domain/requests/types/disclosure/paper-disclosure';
import { httpRoute } from '../http/route-handler';
import { getPaperDisclosure as route } from '../routes/disclosures';

const deps = {
  requests: dynamoRequestReader,
  disclosures: dynamoDisclosureReader,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, headers, actor }) => {
  const { body, contentType } = await getPaperDisclosure(
    deps,
    actor,
    params.requestId,
    negotiateDossierFormat(headers.accept),
  );
  return {
    body,
    contentType,
    headers: { 'content-security-policy': DOSSIER_PAGE_POLICY, 'referrer-policy': 'no-referrer', vary: 'Accept' },
  };
});
