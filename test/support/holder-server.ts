// A small OpenDSR holder for tests: a real HTTP server on the loopback serving /v2/discovery and the
// certificate it names, whose answers a test can spoil (down, not JSON, an expired certificate …).
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';

export type HolderMode = 'ok' | 'down' | 'not-json' | 'not-opendsr' | 'other-host-certificate' | 'no-certificate';

export interface TestHolder {
  baseUrl: string;
  /** The certificate served now; replace it to rotate. */
  certificate: { cert: string; fingerprint: string };
  mode: HolderMode;
  close(): Promise<void>;
}

/** A certificate for 127.0.0.1 (selfsigned adds the loopback address to a "localhost" certificate). */
export async function loopbackCertificate(options: { notBeforeDate?: Date; notAfterDate?: Date } = {}) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...options,
  });
  return { cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256, private: pems.private };
}

export async function startTestHolder(): Promise<TestHolder> {
  const holder = { certificate: await loopbackCertificate(), mode: 'ok' as HolderMode } as unknown as TestHolder;
  const server: Server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (holder.mode === 'down') {
      response.writeHead(503, { 'retry-after': '5' }).end();
      return;
    }
    if (request.url === '/v2/discovery') {
      if (holder.mode === 'not-json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
        return;
      }
      const certificateUrl =
        holder.mode === 'other-host-certificate'
          ? 'http://certs.example.com/opendsr.pem'
          : `${base}/v2/certificate.pem`;
      const discovery = {
        api_version: '2.0',
        supported_identities: [
          { identity_type: 'email', identity_format: 'raw' },
          { identity_type: 'email', identity_format: 'sha256' },
        ],
        supported_subject_request_types: holder.mode === 'not-opendsr' ? ['delete-everything'] : ['access', 'erasure'],
        processor_certificate: certificateUrl,
      };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery));
      return;
    }
    if (request.url === '/v2/certificate.pem' && holder.mode !== 'no-certificate') {
      response.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(holder.certificate.cert);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  holder.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  holder.close = () => new Promise((resolve) => server.close(() => resolve()));
  return holder;
}
