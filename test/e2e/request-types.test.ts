// The request types besides disclosure, over HTTP against the local runtime: an agent's complaint
// (representative verified, assigned, noted, replied to), a purpose notification refused in English,
// and a cessation of provision that the next look at the subject shows.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, emailAbout, signIn, submitAndVerify } = deskClient(desk);

const AGENT = { kind: 'agent', name: 'Jiro Dairi', email: 'jiro.dairi@example.jp' };
const SELF = { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email };

const staffPost = (token: string, requestId: string, step: string, body: unknown) =>
  call('POST', `/v1/staff/requests/${requestId}/${step}`, { token, body });

describe('request types over HTTP', () => {
  it("an agent's complaint: verified representative, assigned, noted, closed with the reply e-mailed in Japanese", async () => {
    const { requestId } = await submitAndVerify({
      type: 'complaint',
      requester: AGENT,
      subject: { email: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name },
      details: { about: 'handling-of-personal-data', description: '母に不要な広告メールが届き続けています。' },
    });
    const operator = await signIn('operator');
    const officer = await signIn('officer');

    const early = await staffPost(operator, requestId, 'decision', { outcome: 'fulfilled', details: { reply: '…' } });
    expect(early.status).toBe(409);
    expect(early.contentType).toBe('application/problem+json');

    expect(
      (
        await staffPost(operator, requestId, 'representative-verification', {
          authorityDocument: 'power-of-attorney',
          identityDocument: 'driving-licence',
        })
      ).status,
    ).toBe(201);
    expect((await staffPost(officer, requestId, 'assignment', { assignee: 'operator' })).status).toBe(200);
    expect((await staffPost(operator, requestId, 'notes', { text: '広告配信リストを確認した。' })).status).toBe(201);
    const decided = await staffPost(operator, requestId, 'decision', {
      outcome: 'fulfilled',
      details: { reply: '広告メールの配信を停止しました。' },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);

    const reply = await emailAbout(requestId, /苦情のお申出へのご回答/);
    expect(reply.destination.to).toEqual([AGENT.email]);
    expect(reply.body.text).toContain('広告メールの配信を停止しました。');

    const view = await call('GET', `/v1/staff/requests/${requestId}`, { token: operator });
    expect(view.json.history.map((h: { event: string }) => h.event)).toEqual([
      'submitted',
      'received',
      'representative-verified',
      'assigned',
      'note-added',
      'fulfilled',
    ]);
    expect(view.json).toMatchObject({
      closedAt: decided.json.decidedAt,
      representativeVerification: { checkedBy: 'operator' },
    });
  });

  it('a purpose notification refused in English: grounds and reason in the e-mail', async () => {
    const { requestId } = await submitAndVerify({
      type: 'purpose-notification',
      requester: SELF,
      subject: { email: DEMO_CUSTOMER.email },
      language: 'en',
    });
    const operator = await signIn('operator');
    const refused = await staffPost(operator, requestId, 'decision', {
      outcome: 'refused',
      grounds: ['purpose-already-clear'],
      reason: 'The purposes were stated on the form you signed on 1 April.',
    });
    expect(refused.status).toBe(200);
    const mail = await emailAbout(requestId, /Our answer to your purpose-of-use notification request/);
    expect(mail.body.text).toContain('The purpose of use is already clear to you');
    expect(mail.body.text).toContain('signed on 1 April');
  });

  it('a cessation of provision fulfilled: the subject view shows the flag', async () => {
    const { requestId } = await submitAndVerify({
      type: 'cessation-of-provision',
      requester: SELF,
      subject: { email: DEMO_CUSTOMER.email },
      details: { grounds: ['no-longer-needed'] },
    });
    const operator = await signIn('operator');
    expect(
      (
        await staffPost(operator, requestId, 'decision', {
          outcome: 'fulfilled',
          details: { recipients: { scope: 'all' } },
        })
      ).status,
    ).toBe(200);
    await emailAbout(requestId, /第三者提供を停止しました/);
    const subject = await call('GET', '/v1/staff/subjects/subject-demo-hanako?purpose=service-provision', {
      token: operator,
    });
    expect(subject.status).toBe(200);
    expect(subject.json.lifecycle.cessationOfProvision).toEqual({ all: { requestId, at: expect.any(String) } });
  });
});
