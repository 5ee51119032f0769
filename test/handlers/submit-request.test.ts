// POST /v1/requests against DynamoDB Local and the SES emulator: the request and its code e-mail are
// written together, the answer never tells whether the subject is a customer, and bad input is
// refused with a problem naming the field, leaving no trace in the tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import { codeSecret } from '../../functions/domain/requests/submit-request';
import { REQUEST_TYPES } from '../../functions/domain/requests/types/registry';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler } from '../../functions/handlers/submit-request';
import { DEMO_CUSTOMER, seedDemoCustomer } from '../../local/seed';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  scanAll,
  streamEvent,
  streamRecord,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoCustomer();
});

afterAll(() => dropTables(prefix));

const post = (body: unknown, headers?: Record<string, string>) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/requests',
    resource: '/v1/requests',
    body,
    ...(headers ? { headers } : {}),
  });

describe('submit-request', () => {
  it('records the request awaiting verification and answers 202 with the request id, the masked address and when a new code may be asked for', async () => {
    const body = requestBody({ language: 'en' });
    const result = await post(body);
    expect(result.status).toBe(202);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.json).toEqual({
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      status: 'awaiting-verification',
      codeSentTo: `${body.requester.email.slice(0, 2)}***@example.jp`,
      resendAvailableAt: expect.any(String),
    });

    const stored = await getItem('requests', { requestId: result.json.requestId });
    expect(stored).toMatchObject({
      status: 'awaiting-verification',
      type: 'disclosure',
      language: 'en',
      requester: body.requester,
      subject: body.subject,
      version: 1,
      verification: { attemptsLeft: 5, codeHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('writes the code e-mail to the outbox, and the SES emulator has it once the outbox is delivered', async () => {
    const body = requestBody({ language: 'en' });
    const { json } = await post(body);
    const [message, ...others] = await outboxAbout(json.requestId);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      to: [body.requester.email],
      topic: 'verification-code',
      outboxState: 'pending',
      attempts: 0,
    });
    const code = /(\d{6})/.exec(message!.subject)![1]!;
    // Only the hash of the code, bound to the request, is stored with the request.
    const stored = await getItem('requests', { requestId: json.requestId });
    expect(stored!.verification.codeHash).toBe(hashSecret(codeSecret(json.requestId, code)));
    expect(JSON.stringify(stored)).not.toContain(code);

    expect(await mailbox(body.requester.email)).toEqual([]);
    const delivery = await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })));
    expect(delivery.batchItemFailures).toEqual([]);

    const mails = await mailbox(body.requester.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Your confirmation code: ${code}`);
    expect(mails[0]!.body.text).toContain(json.requestId);
    expect(mails[0]!.from).toBe(process.env.DESK_SENDER_EMAIL);
    expect(await getItem('outbox', { messageId: message!.messageId })).toMatchObject({
      attempts: 1,
      sentAt: expect.any(String),
    });
  });

  it('answers a known customer and a stranger alike, and e-mails a code to both', async () => {
    const known = await post(requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name }));
    const stranger = await post(requestBody({ requesterEmail: uniqueEmail('stranger'), name: 'Nobody Known' }));
    expect(known.status).toBe(stranger.status);
    expect(Object.keys(known.json).sort()).toEqual(Object.keys(stranger.json).sort());
    // What differs is only what the caller sent or when: their own address, masked, and the time.
    const same = (json: Record<string, unknown>) => ({
      ...json,
      requestId: 'x',
      codeSentTo: 'x',
      resendAvailableAt: 'x',
    });
    expect(same(known.json)).toEqual(same(stranger.json));
    expect(known.headers).toEqual(stranger.headers);

    const [knownMessages, strangerMessages] = await Promise.all([
      outboxAbout(known.json.requestId),
      outboxAbout(stranger.json.requestId),
    ]);
    expect(knownMessages.map((m) => m.topic)).toEqual(['verification-code']);
    expect(strangerMessages.map((m) => m.topic)).toEqual(['verification-code']);
    // The e-mail's wording does not depend on what the desk holds either.
    const shape = (text: string, requestId: string) => text.replace(requestId, 'ID').replace(/\d{6}/, 'CODE');
    expect(shape(knownMessages[0]!.text, known.json.requestId)).toBe(
      shape(strangerMessages[0]!.text, stranger.json.requestId),
    );
  });

  it("a self request whose two addresses differ only in the case of their letters is accepted; the code goes to the subject's address", async () => {
    const subjectEmail = uniqueEmail('case');
    const result = await post(requestBody({ requesterEmail: subjectEmail.toUpperCase(), subjectEmail }));
    expect(result.status, JSON.stringify(result.json)).toBe(202);
    expect((await outboxAbout(result.json.requestId)).map((m) => m.to)).toEqual([[subjectEmail]]);
  });

  it("a representative's code goes to the representative's own address", async () => {
    const agent = uniqueEmail('agent');
    const result = await post(requestBody({ kind: 'agent', requesterEmail: agent, subjectEmail: DEMO_CUSTOMER.email }));
    expect(result.status).toBe(202);
    expect((await outboxAbout(result.json.requestId)).map((m) => m.to)).toEqual([[agent]]);
  });

  it('accepts JSON sent with a charset or a +json media type', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/vnd.desk+json']) {
      const result = await post(requestBody(), { 'Content-Type': contentType });
      expect(result.status, contentType).toBe(202);
    }
  });

  it('defaults the language to Japanese', async () => {
    const { json } = await post(requestBody());
    expect((await getItem('requests', { requestId: json.requestId }))!.language).toBe('ja');
    expect((await outboxAbout(json.requestId))[0]!.subject).toMatch(/^確認コード: \d{6}$/);
  });
});

describe('submit-request refuses bad input with a problem naming the field, and writes nothing', () => {
  let before: { requests: number; outbox: number };

  beforeAll(async () => {
    before = { requests: (await scanAll('requests')).length, outbox: (await scanAll('outbox')).length };
  });

  const valid = requestBody({ requesterEmail: 'bad-input@example.jp' });

  it('malformed JSON → 400', async () => {
    const result = await post('{"type": "disclosure", ');
    expectProblem(result, 400);
    expect(result.json.type).toBe('urn:appi-desk:problem:malformed-json');
    expect(result.json.detail).toMatch(/not valid JSON/);
  });

  it('wrong types → 400 naming each field', async () => {
    const result = await post({ ...valid, requester: { ...valid.requester, email: 42, name: ['a'] }, language: 7 });
    expectProblem(result, 400);
    const fields = result.json.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.language', 'body.requester.email', 'body.requester.name']);
    for (const field of fields) expect(result.json.detail).toContain(field);
  });

  it('an invalid e-mail address → 400 naming the field and saying what it must be', async () => {
    const result = await post({ ...valid, subject: { email: 'not-an-address' } });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      { field: 'body.subject.email', message: expect.stringMatching(/must be an e-mail address/) },
    ]);
  });

  it('unknown fields → 400 naming them, at the top and nested', async () => {
    const top = await post({ ...valid, admin: true });
    expectProblem(top, 400);
    expect(top.json.errors).toEqual([{ field: 'body', message: 'unknown field "admin": remove it' }]);
    const nested = await post({ ...valid, subject: { ...valid.subject, phone: '03-0000-0000' } });
    expectProblem(nested, 400);
    expect(nested.json.errors).toEqual([{ field: 'body.subject', message: 'unknown field "phone": remove it' }]);
  });

  it('missing required fields → 400 "is required"', async () => {
    const { requester: _requester, ...withoutRequester } = valid;
    const result = await post(withoutRequester);
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.requester', message: 'is required' }]);
  });

  it('missing body → 400', async () => {
    const result = await invoke(handler, {
      method: 'POST',
      path: '/v1/requests',
      headers: { 'Content-Type': 'application/json' },
    });
    expectProblem(result, 400);
    expect(result.json.type).toBe('urn:appi-desk:problem:body-missing');
  });

  it('wrong content type → 415', async () => {
    const result = await post(JSON.stringify(valid), { 'Content-Type': 'text/plain' });
    expectProblem(result, 415);
    expect(result.json.detail).toContain('text/plain');
    const form = await post('type=disclosure', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expectProblem(form, 415);
  });

  it('a body over 64 KiB → 413, even when it is otherwise valid', async () => {
    const result = await post({ ...valid, details: { scope: 'x'.repeat(65 * 1024) } });
    expectProblem(result, 413);
    expect(result.json.type).toBe('urn:appi-desk:problem:body-too-large');
  });

  it('an unknown request type → 400 naming body.type', async () => {
    const result = await post({ ...valid, type: 'teleportation' });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.type', message: expect.stringContaining('disclosure') }]);
  });

  it('a JSON body that is not an object → 400', async () => {
    for (const body of ['[]', '"disclosure"', 'null', '42']) {
      const result = await post(body);
      expectProblem(result, 400);
      expect(result.json.errors?.[0]?.field ?? '').toMatch(/^body/);
    }
  });

  it('a request "by the person themselves" from another address than the subject\'s → 422 naming body.requester.email, for every type', async () => {
    const details: Record<string, unknown> = {
      correction: { items: [{ change: 'correct', description: '住所が古い', content: '東京都千代田区1-1' }] },
      'cessation-of-use': { grounds: ['no-longer-needed'], measure: 'erase' },
      'cessation-of-provision': { grounds: ['no-longer-needed'] },
      complaint: { description: '広告メールが止まりません。' },
    };
    expect(
      REQUEST_TYPES.map((t) => t.type).filter(
        (t) => !(t in details) && !['disclosure', 'purpose-notification'].includes(t),
      ),
    ).toEqual([]);
    for (const { type } of REQUEST_TYPES) {
      const result = await post({
        type,
        requester: { kind: 'self', name: 'Hanako Yamada', email: 'bad-input@example.jp' },
        subject: { email: DEMO_CUSTOMER.email },
        ...(details[type] ? { details: details[type] } : {}),
      });
      expectProblem(result, 422);
      expect(result.json.errors, type).toEqual([
        { field: 'body.requester.email', message: expect.stringContaining('subject.email') },
      ]);
      // The same answer for an address the desk holds nothing for: it reveals nothing held.
      const unknown = await post({
        type,
        requester: { kind: 'self', name: 'Nobody', email: 'bad-input@example.jp' },
        subject: { email: uniqueEmail('nobody') },
        ...(details[type] ? { details: details[type] } : {}),
      });
      expect({ ...unknown.json, instance: undefined }, type).toEqual({ ...result.json, instance: undefined });
    }
  });

  it('nothing was written to the requests or outbox table by any of these', async () => {
    expect((await scanAll('requests')).length).toBe(before.requests);
    expect((await scanAll('outbox')).length).toBe(before.outbox);
    const all = JSON.stringify([...(await scanAll('requests')), ...(await scanAll('outbox'))]);
    expect(all).not.toContain('bad-input@example.jp');
  });

  it('refuses a name with a lone surrogate with a 400 naming the field, and writes nothing', async () => {
    const body = requestBody({ name: 'Taro \ud800' });
    const result = await post(body);
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      { field: 'body.requester.name', message: expect.stringContaining('well-formed') },
    ]);
    expect(
      (await scanAll<{ requester?: { email: string } }>('requests')).filter(
        (r) => r.requester?.email === body.requester.email,
      ),
    ).toEqual([]);
  });
});
