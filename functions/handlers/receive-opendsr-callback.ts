// POST /v1/opendsr/callbacks: a holder's processor reports a task's status. The signature is checked
// over the raw body against the certificate pinned for every holder registered under the domain the
// callback names, before the body is parsed (OpenDSR §8.8); anything else is 403 and changes nothing.
// A completed disclosure's results are fetched from the holder and merged into the dossier.
import { dynamoDisclosureReader } from '../adapters/disclosure-repository';
import { dynamoTaskReader, fulfilmentWriter } from '../adapters/fulfilment-task-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { OpenDsrClient } from '../adapters/opendsr-client';
import { callbackUrlOf } from '../adapters/opendsr-settings';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { receiveCallback } from '../domain/fulfilment/callback';
import { readOpenDsrHeaders, verifyOpenDsrSignature } from '../domain/fulfilment/opendsr-signature';
import { HttpProblem } from '../http/problem';
import { type HolderCaller, httpRoute, type RouteInput } from '../http/route-handler';
import { receiveOpendsrCallback as route } from '../routes/fulfilment';

const deps = {
  requests: dynamoRequestReader,
  tasks: dynamoTaskReader,
  writer: fulfilmentWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
};

/** One answer for unsigned, wrongly signed and unknown domains, so none can be told from another. */
const notVerified = () =>
  new HttpProblem(
    403,
    'signature-not-verified',
    'Signature not verified',
    'Sign the exact body with the key of the certificate your /discovery publishes, and name your domain in X-OpenDSR-Processor-Domain.',
  );

async function authenticateHolder(rawBody: string, headers: Record<string, string>): Promise<HolderCaller> {
  const { signature, processorDomain } = readOpenDsrHeaders(headers);
  if (!signature || !processorDomain) throw notVerified();
  const domain = processorDomain.trim().toLowerCase();
  const holders = (await dynamoHolders.list()).filter(
    (h) =>
      h.endpoint.processorDomain.toLowerCase() === domain &&
      verifyOpenDsrSignature(rawBody, signature, h.endpoint.certificatePem),
  );
  if (holders.length === 0) throw notVerified();
  return { processorDomain: domain, holderIds: holders.map((h) => h.holderId) };
}

export const handler = httpRoute(route, receive, { authenticateHolder });

async function receive({ body, actor, publicBaseUrl }: RouteInput<typeof route>) {
  // The client per call: the local desk allows its loopback demo holder only once it has started.
  const results = { holders: dynamoHolders, client: new OpenDsrClient(), disclosures: dynamoDisclosureReader };
  const result = await receiveCallback(
    { ...deps, results, callbackUrl: callbackUrlOf(publicBaseUrl) },
    actor.holderIds,
    body,
  );
  return { body: { subject_request_id: result.subjectRequestId, changed: result.changed } };
}
