// OpenDSR signatures: verified over the raw bytes with the pinned certificate's key, RSA and ECDSA,
// under all three header names; a wrong key, a changed byte or garbage anywhere answers false and
// never throws. A replayed body still verifies: refusing replays is the callback route's concern.
import { generateKeyPairSync, sign } from 'node:crypto';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateFacts,
  certificateFault,
  readOpenDsrHeaders,
  verifyOpenDsrSignature,
} from '../../../functions/domain/fulfilment/opendsr-signature';
import { signOpenDsr } from '../../../local/opendsr-signing';

const body = '{"subject_request_id":"0f8fad5b-d9cb-469f-a165-70867728950e","request_status":"completed"}';
let rsa: { cert: string; private: string };
let ec: { cert: string; private: string };

beforeAll(async () => {
  const san = { name: 'subjectAltName' as const, altNames: [{ type: 2 as const, value: 'crm.example' }] };
  const attrs = [{ name: 'commonName', value: 'crm.example' }];
  rsa = await generate(attrs, { keySize: 2048, algorithm: 'sha256', extensions: [san] });
  ec = await generate(attrs, { keyType: 'ec', curve: 'P-256', algorithm: 'sha256', extensions: [san] });
});

describe('verifying a signature', () => {
  it('accepts RSA and ECDSA (DER and r||s) signatures of the exact bytes', () => {
    expect(verifyOpenDsrSignature(body, signOpenDsr(body, rsa.private), rsa.cert)).toBe(true);
    expect(verifyOpenDsrSignature(Buffer.from(body), signOpenDsr(body, ec.private), ec.cert)).toBe(true);
    const p1363 = sign('sha256', Buffer.from(body), { key: ec.private, dsaEncoding: 'ieee-p1363' }).toString('base64');
    expect(verifyOpenDsrSignature(body, p1363, ec.cert)).toBe(true);
    // Folded over lines, as the specification prints it.
    const folded = signOpenDsr(body, rsa.private).replace(/(.{76})/g, '$1\n');
    expect(verifyOpenDsrSignature(body, folded, rsa.cert)).toBe(true);
  });

  it('refuses a wrong key, a changed byte, re-serialised JSON and another certificate', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    expect(verifyOpenDsrSignature(body, signOpenDsr(body, other), rsa.cert)).toBe(false);
    const signature = signOpenDsr(body, rsa.private);
    expect(verifyOpenDsrSignature(body.replace('completed', 'cancelled'), signature, rsa.cert)).toBe(false);
    expect(verifyOpenDsrSignature(`${body} `, signature, rsa.cert)).toBe(false);
    expect(verifyOpenDsrSignature(JSON.stringify(JSON.parse(body), null, 1), signature, rsa.cert)).toBe(false);
    expect(verifyOpenDsrSignature(body, signature, ec.cert)).toBe(false);
  });

  it('accepts the same body again (a replay is for the receiver to refuse)', () => {
    const signature = signOpenDsr(body, rsa.private);
    expect(verifyOpenDsrSignature(body, signature, rsa.cert)).toBe(true);
    expect(verifyOpenDsrSignature(body, signature, rsa.cert)).toBe(true);
  });

  it('answers false, never throws, on garbage signatures and certificates', () => {
    const good = signOpenDsr(body, rsa.private);
    for (const signature of [
      undefined,
      '',
      '!!!',
      'abc',
      'AAAA',
      `${good}x`,
      good.slice(1),
      '====',
      'a'.repeat(10_000),
    ]) {
      expect(verifyOpenDsrSignature(body, signature, rsa.cert)).toBe(false);
    }
    for (const cert of ['', 'not a pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', rsa.private]) {
      expect(verifyOpenDsrSignature(body, good, cert)).toBe(false);
    }
    expect(verifyOpenDsrSignature(new Uint8Array([0xff, 0xfe, 0x00]), good, rsa.cert)).toBe(false);
  });
});

describe('reading the headers', () => {
  it('finds X-OpenDSR-*, X-OpenCompliance-* and X-OpenGDPR-* in any case, from fetch Headers and plain objects', () => {
    expect(readOpenDsrHeaders({ 'X-OpenDSR-Signature': 's1', 'x-opendsr-processor-domain': 'crm.example' })).toEqual({
      signature: 's1',
      processorDomain: 'crm.example',
    });
    expect(readOpenDsrHeaders({ 'x-opengdpr-signature': 's2', 'X-OPENGDPR-PROCESSOR-DOMAIN': 'crm.example' })).toEqual({
      signature: 's2',
      processorDomain: 'crm.example',
    });
    expect(
      readOpenDsrHeaders(new Headers({ 'X-OpenCompliance-Signature': 's3', 'X-OpenCompliance-Processor-Domain': 'd' })),
    ).toEqual({
      signature: 's3',
      processorDomain: 'd',
    });
    expect(readOpenDsrHeaders({ 'X-OpenDSR-Signature': ['s4', 's5'] })).toEqual({ signature: 's4' });
  });
  it('prefers the v2 name and ignores empty or missing values', () => {
    expect(readOpenDsrHeaders({ 'x-opengdpr-signature': 'old', 'x-opendsr-signature': 'new' }).signature).toBe('new');
    expect(readOpenDsrHeaders({ 'x-opendsr-signature': '  ', 'x-opendsr-processor-domain': null })).toEqual({});
    expect(readOpenDsrHeaders({})).toEqual({});
  });
});

describe('judging a certificate', () => {
  it('accepts a current certificate for the domain, and names what is wrong otherwise', () => {
    const now = new Date(Date.now() + 5000);
    expect(certificateFault(rsa.cert, { now, processorDomain: 'crm.example', allowSelfSigned: true })).toBeUndefined();
    expect(certificateFault(ec.cert, { now, processorDomain: 'crm.example', allowSelfSigned: true })).toBeUndefined();
    expect(certificateFault(rsa.cert, { now, processorDomain: 'crm.example', allowSelfSigned: false })).toBe(
      'is self-signed',
    );
    expect(certificateFault(rsa.cert, { now, processorDomain: 'other.example', allowSelfSigned: true })).toBe(
      'is not issued to other.example',
    );
    expect(
      certificateFault(rsa.cert, {
        now: new Date(now.getTime() + 400 * 86_400_000),
        processorDomain: 'crm.example',
        allowSelfSigned: true,
      }),
    ).toBe('has expired');
    expect(certificateFault('garbage', { now, processorDomain: 'crm.example', allowSelfSigned: true })).toBe(
      'is not a PEM X.509 certificate',
    );
    expect(certificateFacts(rsa.cert)?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificateFacts('garbage')).toBeUndefined();
  });
});
