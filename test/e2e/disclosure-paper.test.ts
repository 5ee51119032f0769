// A disclosure on paper end to end, over HTTP against the local runtime `npm start` runs: the person
// asks for a paper copy, the operator decides, prints the stored dossier, records the posting, and
// the person is e-mailed at each step (SES emulator).
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, emailAbout, signIn, submitAndVerify } = deskClient(desk);
const ADDRESS = '〒100-0001 東京都千代田区千代田1-1 山田 花子';

describe('a disclosure on paper, from the request to the posted copy', () => {
  it('decides, prints, records the posting and tells the person', async () => {
    const { requestId } = await submitAndVerify({
      type: 'disclosure',
      requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
      subject: { email: DEMO_CUSTOMER.email },
      details: { method: 'paper', postalAddress: ADDRESS },
      language: 'ja',
    });

    const operator = await signIn('operator');
    const early = await call('POST', `/v1/staff/requests/${requestId}/posting`, { token: operator, body: {} });
    expect(early.status).toBe(409);
    expect(early.contentType).toContain('application/problem+json');

    expect(
      (
        await call('POST', `/v1/staff/requests/${requestId}/decision`, {
          token: operator,
          body: { outcome: 'fulfilled' },
        })
      ).status,
    ).toBe(200);
    const decidedMail = await emailAbout(requestId, /郵送いたします/);
    expect(decidedMail.body.text).toContain(ADDRESS);
    expect(decidedMail.body.text).not.toContain('/v1/disclosures/');

    const page = await call('GET', `/v1/staff/requests/${requestId}/disclosure`, {
      token: operator,
      accept: 'text/html',
    });
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.text).toContain('保有個人データの開示');
    expect(page.text).toContain('第三者提供記録（個人情報の保護に関する法律第33条第5項）');

    const posted = await call('POST', `/v1/staff/requests/${requestId}/posting`, {
      token: operator,
      body: { trackingNumber: 'JP-0000-1111' },
    });
    expect(posted.status).toBe(200);
    const postedMail = await emailAbout(requestId, /発送いたしました/);
    expect(postedMail.subject).toBe('保有個人データの開示書面を発送しました');
    expect(postedMail.body.text).toContain('お問い合わせ番号: JP-0000-1111');
    expect((await call('POST', `/v1/staff/requests/${requestId}/posting`, { token: operator, body: {} })).status).toBe(
      409,
    );

    const viewed = await call('GET', `/v1/staff/requests/${requestId}`, { token: operator });
    expect(viewed.json.delivery).toMatchObject({
      method: 'paper',
      postedOn: posted.json.postedOn,
      trackingNumber: 'JP-0000-1111',
    });
    expect(viewed.json.history.at(-1)).toMatchObject({ event: 'posted', by: 'operator' });
  });
});
