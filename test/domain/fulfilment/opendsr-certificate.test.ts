// The processor certificate a holder's discovery names is checked before it is pinned: valid today,
// issued to the holder's host, and (outside the local runtime) not self-signed.
import selfsigned from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { certificateFault } from '../../../functions/domain/fulfilment/opendsr-signature';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();

async function certificate(commonName: string, options: Record<string, unknown> = {}) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY),
    ...options,
  });
  return { pem: pems.cert, pems };
}

describe('certificateFault', () => {
  it('accepts a current certificate issued by an authority to the holder’s host', async () => {
    const authority = await certificate('Test Authority', { extensions: [{ name: 'basicConstraints', cA: true }] });
    const leaf = await certificate('opendsr.crm.example', {
      ca: { key: authority.pems.private, cert: authority.pems.cert },
    });
    expect(
      certificateFault(leaf.pem, { now, processorDomain: 'opendsr.crm.example', allowSelfSigned: false }),
    ).toBeUndefined();
    expect(
      certificateFault(leaf.pem, { now, processorDomain: 'opendsr.other.example', allowSelfSigned: false }),
    ).toMatch(/not issued to opendsr\.other\.example/);
  });

  it('refuses a self-signed one unless the runtime is local, and one expired or not yet valid', async () => {
    const own = await certificate('localhost');
    expect(certificateFault(own.pem, { now, processorDomain: '127.0.0.1', allowSelfSigned: true })).toBeUndefined();
    expect(certificateFault(own.pem, { now, processorDomain: '127.0.0.1', allowSelfSigned: false })).toMatch(
      /self-signed/,
    );
    const expired = await certificate('localhost', {
      notBeforeDate: new Date(now.getTime() - 30 * DAY),
      notAfterDate: new Date(now.getTime() - DAY),
    });
    expect(certificateFault(expired.pem, { now, processorDomain: 'localhost', allowSelfSigned: true })).toMatch(
      /expired/,
    );
    const early = await certificate('localhost', {
      notBeforeDate: new Date(now.getTime() + DAY),
      notAfterDate: new Date(now.getTime() + 30 * DAY),
    });
    expect(certificateFault(early.pem, { now, processorDomain: 'localhost', allowSelfSigned: true })).toMatch(
      /not valid yet/,
    );
  });
});
