// The consent ledger end to end, over HTTP against the local runtime: a web-button consent recorded by
// a system with its receipt e-mailed, then withdrawn by the person through /v1/me with an e-mailed
// code, and the very next use check denied.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mailbox, type SentEmail } from '../support/desk';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const subjectId = `subject-e2e-${randomUUID().slice(0, 8)}`;
const email = `${subjectId}@example.jp`;

const { call } = deskClient(desk);

async function mailTo(matching: RegExp): Promise<SentEmail> {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const found = (await mailbox(email)).filter((e) => matching.test(`${e.subject}\n${e.body.text}`));
    if (found.length > 0) return found.at(-1)!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No e-mail to the subject matching ${matching}`);
}

const useCheck = () =>
  call('POST', '/v1/system/use-checks', {
    body: { subjectId, category: 'phone', purpose: 'advertising' },
    as: 'business-systems',
  });

describe('consents over HTTP', () => {
  let consentId: string;

  it('a system records a web-button consent; the receipt arrives and the use is allowed', async () => {
    const acquiredAt = new Date(Date.now() - 60_000).toISOString();
    const registered = await call('POST', '/v1/system/personal-data', {
      as: 'business-systems',
      body: {
        subjectId,
        records: [
          {
            recordId: 'crm-email',
            category: 'email',
            value: email,
            source: 'from-customer',
            purposes: ['service-provision'],
            acquiredAt,
          },
          {
            recordId: 'crm-phone',
            category: 'phone',
            value: '03-0000-0000',
            source: 'from-customer',
            purposes: ['advertising'],
            acquiredAt,
          },
        ],
      },
    });
    expect(registered.status, registered.text).toBe(201);
    const notice = await call('GET', '/v1/privacy-notice');
    const given = await call('POST', '/v1/system/consents', {
      as: 'business-systems',
      body: { subjectId, action: 'given', purpose: 'advertising', noticeVersion: notice.json.version, language: 'en' },
    });
    expect(given.status, given.text).toBe(201);
    expect(given.json.receipt).toBe('e-mailed');
    consentId = given.json.eventId;
    expect((await mailTo(/Your consent receipt/)).body.text).toContain(consentId);
    expect((await useCheck()).json).toMatchObject({ allowed: true });
  });

  it('the person withdraws it through /v1/me; the next use check is denied', async () => {
    const session = await call('POST', '/v1/me/sessions', { body: { email, language: 'en' } });
    expect(session.status, session.text).toBe(202);
    const code = /\n {4}(\d{6})\n/.exec((await mailTo(/Your code to see and withdraw your consents/)).body.text!)![1];
    const verified = await call('POST', `/v1/me/sessions/${session.json.sessionId}/verification`, { body: { code } });
    expect(verified.status, verified.text).toBe(200);
    const token = verified.json.subjectToken as string;

    const listed = await call('GET', '/v1/me/consents', { token });
    expect(listed.json.items).toEqual([
      expect.objectContaining({ consentId, status: 'in-force', covers: { purpose: 'advertising' } }),
    ]);
    const withdrawn = await call('DELETE', `/v1/me/consents/${consentId}`, { token });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect((await useCheck()).json).toMatchObject({ allowed: false, reason: 'consent-withdrawn' });
    expect((await mailTo(/Receipt for the withdrawal of your consent/)).body.text).toContain(consentId);
    expect((await call('GET', '/v1/me/consents')).status).toBe(404);
  });
});
