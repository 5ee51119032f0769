// For tests of the OpenDSR side: a controller's callback receiver that records what processors POST
// (raw body and headers, so signatures can be checked over the exact bytes), and a scripted holder
// that answers whatever a test needs, signed with a key of its own.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { HolderEndpoint } from '../../functions/domain/holders/holder';
import { signOpenDsr } from '../../local/opendsr-signing';

export interface ReceivedCallback {
  headers: IncomingHttpHeaders;
  raw: string;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  /** Answer with this status (e.g. 503 to make the processor retry). */
  answerWith: number;
  stop(): Promise<void>;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const receiver = { url: '', received, answerWith: 204, stop: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (receiver.answerWith < 300)
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.answerWith).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://localhost:${(server.address() as AddressInfo).port}/v1/opendsr/callbacks`;
  receiver.stop = () => close(server);
  return receiver;
}

export interface ScriptedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Sign the body (default) with the holder's key. */
  signed?: boolean;
}

export interface ScriptedHolder {
  endpoint: HolderEndpoint;
  privateKeyPem: string;
  /** The next answers, by request; the last one repeats. */
  answer: (method: string, path: string) => ScriptedAnswer;
  requests: { method: string; path: string }[];
  stop(): Promise<void>;
}

export async function startScriptedHolder(domain = 'localhost'): Promise<ScriptedHolder> {
  const pems = await generate([{ name: 'commonName', value: domain }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: domain }] }],
  });
  const holder: ScriptedHolder = {
    endpoint: undefined as unknown as HolderEndpoint,
    privateKeyPem: pems.private,
    answer: () => ({ status: 404, body: '{}' }),
    requests: [],
    stop: async () => {},
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      holder.requests.push({ method: req.method ?? '', path: req.url ?? '' });
      const a = holder.answer(req.method ?? '', req.url ?? '');
      res.writeHead(a.status, {
        'content-type': 'application/json',
        'x-opendsr-processor-domain': domain,
        ...(a.signed === false ? {} : { 'x-opendsr-signature': signOpenDsr(a.body, pems.private) }),
        ...a.headers,
      });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  holder.endpoint = {
    baseUrl: `http://localhost:${port}/opendsr/v2`,
    processorDomain: domain,
    apiVersion: '2.0',
    supportedRequestTypes: ['access', 'erasure'],
    supportedIdentities: [{ identity_type: 'email', identity_format: 'sha256' }],
    certificatePem: pems.cert,
    certificateFingerprint: '-',
    discoveredAt: new Date().toISOString(),
  };
  holder.stop = () => close(server);
  return holder;
}
