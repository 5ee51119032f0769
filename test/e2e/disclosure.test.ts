// The disclosure slice end to end, over HTTP against the local runtime (the same gateway, stream
// poller and handlers `npm start` runs), reading the e-mails from the SES emulator.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();

const { call, emailAbout, signIn, submitAndVerify: confirm } = deskClient(desk);

function submitAndVerify(language: 'ja' | 'en') {
  return confirm({
    type: 'disclosure',
    requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
    subject: { email: DEMO_CUSTOMER.email },
    language,
  });
}

describe('a disclosure request, from submission to the downloaded dossier', () => {
  it('fulfils a verified request and serves the dossier through the e-mailed link', async () => {
    const { requestId, statusToken, codeMail } = await submitAndVerify('ja');
    expect(codeMail.destination.to).toEqual([DEMO_CUSTOMER.email]);
    expect(codeMail.subject).toMatch(/確認コード/);

    const status = await call('GET', `/v1/requests/${requestId}`, { token: statusToken });
    expect(status.json).toMatchObject({ requestId, type: 'disclosure', status: 'received' });
    expect(Date.parse(status.json.dueAt)).toBeGreaterThan(Date.parse(status.json.receivedAt));

    const operator = await signIn('operator');
    const queue = await call('GET', '/v1/staff/requests', { token: operator });
    expect(queue.json.items.map((i: { requestId: string }) => i.requestId)).toContain(requestId);

    const decided = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: { outcome: 'fulfilled' },
    });
    expect(decided.status).toBe(200);

    const linkMail = await emailAbout(requestId, /\/v1\/disclosures\//);
    const link = /(http\S+\/v1\/disclosures\/\S+)/.exec(linkMail.body.text!)![1]!;
    const dossier = (await fetch(link).then((r) => r.json())) as Record<string, any>;
    expect(dossier.subject.email).toBe(DEMO_CUSTOMER.email);
    expect(dossier.records.length).toBeGreaterThanOrEqual(5);
    expect(
      new Set(dossier.records.map((r: { source: { kind: string } }) => r.source.kind)).size,
    ).toBeGreaterThanOrEqual(4);
    expect(dossier.purposesOfUse.length).toBeGreaterThan(0);
    expect(dossier.consents.length).toBeGreaterThan(0);
    expect(dossier.provisionRecords.length).toBeGreaterThan(0);
    const page = await fetch(link, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('保有個人データの開示');
    const csv = await fetch(link, { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('信用情報');
    // A link cannot set Accept: the page's download links name the format.
    const file = await fetch(`${link}?format=csv`, { headers: { accept: 'text/html' } });
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="personal-data-disclosure-${requestId}.csv"`,
    );

    const after = await call('GET', `/v1/requests/${requestId}`, { token: statusToken });
    expect(after.json).toMatchObject({ status: 'fulfilled', decision: { outcome: 'fulfilled' } });
    const again = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: { outcome: 'fulfilled' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses with grounds and e-mails the reason in English', async () => {
    const { requestId } = await submitAndVerify('en');
    const operator = await signIn('operator');
    const refused = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: {
        outcome: 'refused',
        grounds: ['violation-of-law'],
        reason: 'A court order forbids disclosing these records.',
      },
    });
    expect(refused.status).toBe(200);
    const mail = await emailAbout(requestId, /court order/);
    expect(mail.subject).toMatch(/answer/i);
    expect(mail.body.text).toMatch(/Art\. 33\(2\)\(iii\)/);
  });

  it('answers bad input and unknown ids with problem+json, never a 500', async () => {
    const malformed = await call('POST', '/v1/requests', { body: '{"type": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    const unknown = await call('GET', `/v1/requests/${randomUUID()}`, { token: 'not-a-token' });
    expect(unknown.status).toBe(404);
    const noRoute = await call('GET', '/v1/nothing-here');
    expect(noRoute.status).toBe(404);
    expect(noRoute.contentType).toContain('application/problem+json');
  });

  it('refuses staff routes without a valid token and for roles the route does not name', async () => {
    expect((await call('GET', '/v1/staff/requests')).status).toBe(401);
    const auditor = await signIn('auditor');
    const { requestId } = await submitAndVerify('en');
    const attempt = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: auditor,
      body: { outcome: 'fulfilled' },
    });
    expect(attempt.status).toBe(403);
  });

  it('publishes the privacy notice and the OpenAPI document', async () => {
    const notice = await call('GET', '/v1/privacy-notice');
    expect(notice.json.purposesOfUse).toHaveLength(8);
    const openapi = await call('GET', '/v1/openapi.json');
    expect(openapi.json.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.json.paths)).toContain('/v1/requests/{requestId}/verification');
  });
});
