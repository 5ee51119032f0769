// A disclosure on paper end to end, over HTTP against the local runtime `npm start` runs: the person
// asks for a paper copy, the operator decides, prints the stored dossier, records the posting, and
// the person is e-mailed at each step (SES emulator).
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { mailbox, type SentEmail } from '../support/desk';
import { E2E_DEMO_PASSWORD, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const ADDRESS = '〒100-0001 東京都千代田区千代田1-1 山田 花子';

async function call(method: string, path: string, options: { body?: unknown; token?: string; accept?: string } = {}) {
  const response = await fetch(`${desk().url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, text, json: contentType.includes('json') && text ? JSON.parse(text) : undefined };
}

async function emailAbout(requestId: string, matching: RegExp): Promise<SentEmail> {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const found = (await mailbox()).filter((e) => e.body.text?.includes(requestId) && matching.test(`${e.subject}\n${e.body.text}`));
    if (found.length > 0) return found.at(-1)!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No e-mail about ${requestId} matching ${matching}`);
}

describe('a disclosure on paper, from the request to the posted copy', () => {
  it('decides, prints, records the posting and tells the person', async () => {
    const submitted = await call('POST', '/v1/requests', {
      body: {
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        details: { method: 'paper', postalAddress: ADDRESS },
        language: 'ja',
      },
    });
    expect(submitted.status).toBe(202);
    const { requestId } = submitted.json;
    const code = /(\d{6})/.exec((await emailAbout(requestId, /\d{6}/)).subject)![1];
    expect((await call('POST', `/v1/requests/${requestId}/verification`, { body: { code } })).status).toBe(200);

    const signIn = await call('POST', '/local/sign-in', { body: { username: 'operator', password: E2E_DEMO_PASSWORD } });
    const operator = signIn.json.idToken as string;
    const early = await call('POST', `/v1/staff/requests/${requestId}/posting`, { token: operator, body: {} });
    expect(early.status).toBe(409);
    expect(early.contentType).toContain('application/problem+json');

    expect((await call('POST', `/v1/staff/requests/${requestId}/decision`, { token: operator, body: { outcome: 'fulfilled' } })).status).toBe(200);
    const decidedMail = await emailAbout(requestId, /郵送いたします/);
    expect(decidedMail.body.text).toContain(ADDRESS);
    expect(decidedMail.body.text).not.toContain('/v1/disclosures/');

    const page = await call('GET', `/v1/staff/requests/${requestId}/disclosure`, { token: operator, accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.text).toContain('保有個人データの開示');
    expect(page.text).toContain('第三者提供記録（個人情報の保護に関する法律第33条第5項）');

    const posted = await call('POST', `/v1/staff/requests/${requestId}/posting`, { token: operator, body: { trackingNumber: 'JP-0000-1111' } });
    expect(posted.status).toBe(200);
    const postedMail = await emailAbout(requestId, /発送いたしました/);
    expect(postedMail.subject).toBe('保有個人データの開示書面を発送しました');
    expect(postedMail.body.text).toContain('お問い合わせ番号: JP-0000-1111');
    expect((await call('POST', `/v1/staff/requests/${requestId}/posting`, { token: operator, body: {} })).status).toBe(409);

    const viewed = await call('GET', `/v1/staff/requests/${requestId}`, { token: operator });
    expect(viewed.json.delivery).toMatchObject({ method: 'paper', postedOn: posted.json.postedOn, trackingNumber: 'JP-0000-1111' });
    expect(viewed.json.history.at(-1)).toMatchObject({ event: 'posted', by: 'operator' });
  });
});
