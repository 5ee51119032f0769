// The local SigV4 check against requests signed elsewhere: curl's --aws-sigv4 (captured), and the
// helper the tests and docs/user-guide.md use; and the payload hash a client may declare.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ReceivedRequest, signAsSystem, verifySystemSignature } from '../../local/system-signing';

// Sent by `curl --aws-sigv4 "aws:amz:ap-northeast-1:execute-api" --user AKIALOCALBUSINESSSYS:… URL`
// (curl 7.88.1); the signature was checked with an independent SigV4 implementation.
const fromCurl: ReceivedRequest = {
  method: 'GET',
  target: '/v1/system/my-number/subject-demo-hanako',
  headers: {
    host: 'localhost:3999',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIALOCALBUSINESSSYS/20261125/ap-northeast-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=2792dadd89fedd08970bed43897b3a1a530ad08e9ff1805b41bf0c1e0bc4d808',
    'x-amz-date': '20261125T205936Z',
    'user-agent': 'curl/7.88.1',
    accept: '*/*',
  },
  body: null,
};
const curlSentAt = new Date('2026-11-25T20:59:40Z');

describe('verifying SigV4 signatures of the local systems', () => {
  it("accepts curl's signature, and refuses it once the host or the path differ", async () => {
    const verified = await verifySystemSignature(fromCurl, ['business-systems'], curlSentAt);
    expect(verified).toMatchObject({
      caller: { system: 'business-systems', principal: 'arn:aws:iam::000000000000:user/local-business-systems' },
    });
    for (const changed of [
      { ...fromCurl, headers: { ...fromCurl.headers, host: 'localhost:4000' } },
      { ...fromCurl, target: `${fromCurl.target}?purpose=billing` },
    ]) {
      expect(await verifySystemSignature(changed, ['business-systems'], curlSentAt)).toMatchObject({
        refusal: { responseType: 'INVALID_SIGNATURE' },
      });
    }
  });

  it("refuses a signature whose region or service is not the local desk's", async () => {
    const otherRegion = {
      ...fromCurl,
      headers: {
        ...fromCurl.headers,
        authorization: fromCurl.headers.authorization!.replace('ap-northeast-1', 'us-east-1'),
      },
    };
    const refused = await verifySystemSignature(otherRegion, ['business-systems'], curlSentAt);
    expect(refused).toMatchObject({
      refusal: { responseType: 'INVALID_SIGNATURE', detail: expect.stringContaining('ap-northeast-1/execute-api') },
    });
  });

  it('checks a declared X-Amz-Content-Sha256 against the body that arrived', async () => {
    const body = '{"subjectId":"subject-a","category":"email","purpose":"billing"}';
    const declared = createHash('sha256').update(body).digest('hex');
    const url = 'http://localhost:3999/v1/system/use-checks';
    const headers = await signAsSystem('business-systems', {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-amz-content-sha256': declared },
      body,
    });
    const received = (text: string): ReceivedRequest => ({
      method: 'POST',
      target: '/v1/system/use-checks',
      headers: { ...headers, host: 'localhost:3999' },
      body: Buffer.from(text),
    });
    expect(await verifySystemSignature(received(body), ['business-systems'])).toHaveProperty('caller');
    const tampered = await verifySystemSignature(received(body.replace('billing', 'advertising')), [
      'business-systems',
    ]);
    expect(tampered).toMatchObject({
      refusal: { detail: expect.stringContaining('X-Amz-Content-Sha256 does not match the body') },
    });
  });
});
