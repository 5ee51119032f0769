// A holder's OpenDSR discovery (OpenDSR §6: GET {base}/discovery) and the certificate it names as
// processor_certificate, fetched and checked when the officer registers the holder or changes its
// endpoint. The certificate is pinned in the registry: callbacks and answers are verified against it.
import { X509Certificate } from 'node:crypto';
import { discoveredCapabilities, discoverySchema } from '../domain/fulfilment/opendsr-codec';
import { certificateFault } from '../domain/fulfilment/opendsr-signature';
import { HolderAnswerError, HolderUnavailableError } from '../domain/fulfilment/ports';
import type { HolderEndpoint } from '../domain/holders/holder';
import type { HolderDiscovery } from '../domain/holders/ports';

/** A holder that has not answered discovery within this long is taken as unreachable for now. */
export const DISCOVERY_TIMEOUT_MS = 5_000;
/** Discovery and a certificate are small; anything larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const answer = (message: string) => new HolderAnswerError(message);

async function fetchText(url: string, what: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: what === 'discovery' ? 'application/json' : 'application/x-pem-file, text/plain, */*' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // A redirect is refused, not followed: the holder's URLs are the ones the officer registered.
    if ((error as Error).cause && String((error as Error).cause).includes('redirect'))
      throw answer(`the holder's ${what} redirected elsewhere; register the URL it really answers on`);
    throw new HolderUnavailableError(`the holder's ${what} at ${url} did not answer (${(error as Error).name})`);
  }
  if (response.status >= 500 || response.status === 429)
    throw new HolderUnavailableError(`the holder's ${what} answered HTTP ${response.status}`);
  if (response.status >= 300 && response.status < 400)
    throw answer(`the holder's ${what} redirected elsewhere; register the URL it really answers on`);
  if (!response.ok) throw answer(`the holder's ${what} at ${url} answered HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) throw answer(`the holder's ${what} is larger than ${MAX_BODY_BYTES} bytes`);
  return new TextDecoder().decode(body);
}

export function openDsrDiscovery(options: { allowPlainHttp: boolean; timeoutMs?: number }): HolderDiscovery {
  const timeoutMs = options.timeoutMs ?? DISCOVERY_TIMEOUT_MS;
  return {
    async discover(baseUrl, now) {
      const base = new URL(baseUrl);
      const root = base.href.replace(/\/+$/, '');
      const text = await fetchText(`${root}/discovery`, 'discovery', timeoutMs);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw answer("the holder's discovery is not JSON (OpenDSR §6.3)");
      }
      const parsed = discoverySchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw answer(
          `the holder's discovery is not OpenDSR: ${issue.path.join('.') || 'body'}: ${issue.message} (OpenDSR §6.3)`,
        );
      }
      const discovery = parsed.data;
      const { supportedRequestTypes, supportedIdentities } = discoveredCapabilities(discovery);
      if (supportedRequestTypes.length === 0)
        throw answer('the holder supports none of the OpenDSR request types access, portability and erasure');
      let certificateUrl: URL;
      try {
        certificateUrl = new URL(discovery.processor_certificate, `${root}/`);
      } catch {
        throw answer('processor_certificate is not a URL');
      }
      // OpenDSR §6.3: the certificate's domain must match the one discovery was fetched from.
      if (certificateUrl.hostname !== base.hostname)
        throw answer(
          `processor_certificate is on ${certificateUrl.hostname}, not on the holder's host ${base.hostname}`,
        );
      if (certificateUrl.protocol !== 'https:' && !(options.allowPlainHttp && certificateUrl.protocol === 'http:'))
        throw answer('processor_certificate must be an https:// URL');
      const pem = await fetchText(certificateUrl.href, 'certificate', timeoutMs);
      let certificate: X509Certificate;
      try {
        certificate = new X509Certificate(pem);
      } catch {
        throw answer('processor_certificate is not an X.509 certificate in PEM');
      }
      const fault = certificateFault(pem, {
        now,
        processorDomain: base.hostname,
        allowSelfSigned: options.allowPlainHttp,
      });
      if (fault) throw answer(`the certificate ${fault}`);
      return {
        baseUrl: root,
        processorDomain: base.hostname,
        apiVersion: discovery.api_version,
        supportedRequestTypes,
        supportedIdentities,
        certificatePem: certificate.toString(),
        certificateFingerprint: certificate.fingerprint256,
        discoveredAt: now.toISOString(),
      } satisfies HolderEndpoint;
    },
  };
}
