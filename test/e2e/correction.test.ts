// A correction request end to end, over HTTP against the local runtime: the person asks for their
// name to be corrected and a telephone number deleted; the operator finds the records for the
// request, decides, and the registry and the e-mailed answer show the changes.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { mailbox, type SentEmail } from '../support/desk';
import { E2E_DEMO_PASSWORD, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();

async function call(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const response = await fetch(`${desk().url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function emailAbout(requestId: string, matching: RegExp): Promise<SentEmail> {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const found = (await mailbox()).filter((e) => e.body.text?.includes(requestId) && matching.test(`${e.subject}\n${e.body.text}`));
    if (found.length > 0) return found.at(-1)!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No e-mail about ${requestId} matching ${matching}`);
}

async function signIn(username: string) {
  const { status, json } = await call('POST', '/local/sign-in', { body: { username, password: E2E_DEMO_PASSWORD } });
  expect(status).toBe(200);
  return json.idToken as string;
}

describe('a correction request, from submission to the corrected registry', () => {
  it('corrects the name and deletes the telephone number in one decision, and e-mails what changed', async () => {
    const submitted = await call('POST', '/v1/requests', {
      body: {
        type: 'correction',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        language: 'en',
        details: {
          items: [
            { change: 'correct', category: 'name', description: 'The romanised name is wrong', content: '山田 花子 (Hanako Yamada-Sato)' },
            { change: 'delete', category: 'phone', description: 'That number is not mine' },
          ],
        },
      },
    });
    expect(submitted.status).toBe(202);
    const { requestId } = submitted.json;
    const code = /(\d{6})/.exec((await emailAbout(requestId, /\d{6}/)).subject)![1];
    expect((await call('POST', `/v1/requests/${requestId}/verification`, { body: { code } })).status).toBe(200);

    const operator = await signIn('operator');
    const found = await call('GET', `/v1/staff/subjects?email=${encodeURIComponent(DEMO_CUSTOMER.email)}&requestId=${requestId}`, { token: operator });
    expect(found.status).toBe(200);
    const subjectId = found.json.items[0].subjectId as string;
    const view = async () => (await call('GET', `/v1/staff/subjects/${subjectId}?requestId=${requestId}`, { token: operator })).json;
    const records = (await view()).records as { recordId: string; category: string; value: string }[];
    const name = records.find((r) => r.category === 'name')!;
    const phone = records.find((r) => r.category === 'phone')!;

    const decided = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: {
        outcome: 'fulfilled',
        details: {
          investigation: 'Checked the passport copy seen at contract and the telephone directory entry: both records were wrong.',
          changes: [
            { action: 'correct', subjectId, recordId: name.recordId, value: '山田 花子 (Hanako Yamada-Sato)' },
            { action: 'delete', subjectId, recordId: phone.recordId },
          ],
        },
      },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);

    const after = (await view()).records as { recordId: string; value: string }[];
    expect(after.find((r) => r.recordId === name.recordId)!.value).toBe('山田 花子 (Hanako Yamada-Sato)');
    expect(after.map((r) => r.recordId)).not.toContain(phone.recordId);

    const mail = await emailAbout(requestId, /corrected/);
    expect(mail.subject).toBe('We have corrected your personal data');
    expect(mail.body.text).toContain('Name: corrected to read "山田 花子 (Hanako Yamada-Sato)"');
    expect(mail.body.text).toContain('Telephone number: deleted');
    expect(mail.body.text).toContain('passport copy');

    const again = await call('POST', `/v1/staff/requests/${requestId}/decision`, { token: operator, body: { outcome: 'refused', grounds: ['content-found-true'], reason: 'x', details: { investigation: 'x' } } });
    expect(again.status).toBe(409);
  });
});
