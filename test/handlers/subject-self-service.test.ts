// /v1/me against DynamoDB Local and the SES emulator: an e-mailed code gives a subject token; with it
// the person lists the consents held under their address and withdraws one, which the very next use
// check honours. Answers never reveal whether an address is known; nothing written on a refusal.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBJECT_TOKEN_LIFETIME_SECONDS } from '../../functions/domain/consents/rules';
import { PRIVACY_NOTICE_VERSION } from '../../functions/domain/privacy-notice';
import { handler as checkUse } from '../../functions/handlers/check-use';
import { handler as listMine } from '../../functions/handlers/list-my-consents';
import { handler as recordBySystem } from '../../functions/handlers/record-consent';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as startSession } from '../../functions/handlers/start-subject-session';
import { handler as verifySession } from '../../functions/handlers/verify-subject-session';
import { handler as withdrawMine } from '../../functions/handlers/withdraw-my-consent';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  otherCode,
  putItem,
  scanAll,
  streamEvent,
  streamRecord,
  systemPrincipal,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

async function customer(email = uniqueEmail('me')) {
  const subjectId = `subject-${randomUUID()}`;
  const base = { subjectId, source: 'from-customer', acquiredAt: '2026-01-01T00:00:00.000Z' };
  await putItem('personal-data', {
    ...base,
    recordId: `rec-${randomUUID()}`,
    category: 'email',
    value: email,
    purposes: ['service-provision'],
    lookupKey: `email#${email}`,
  });
  await putItem('personal-data', {
    ...base,
    recordId: `rec-${randomUUID()}`,
    category: 'phone',
    value: '03-1234-5678',
    purposes: ['advertising'],
    lookupKey: `subject#${subjectId}`,
  });
  return { subjectId, email };
}

async function consent(subjectId: string, fields: Record<string, unknown> = { purpose: 'advertising' }) {
  const result = await invoke(recordBySystem, {
    method: 'POST',
    path: '/v1/system/consents',
    principal: systemPrincipal(),
    body: { subjectId, action: 'given', noticeVersion: PRIVACY_NOTICE_VERSION, ...fields },
  });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.eventId as string;
}

const start = (email: string, language?: 'ja' | 'en') =>
  invoke(startSession, { method: 'POST', path: '/v1/me/sessions', body: { email, ...(language ? { language } : {}) } });

const verify = (sessionId: string, code: string) =>
  invoke(verifySession, {
    method: 'POST',
    path: `/v1/me/sessions/${sessionId}/verification`,
    resource: '/v1/me/sessions/{sessionId}/verification',
    pathParameters: { sessionId },
    body: { code },
  });

const list = (token: string) =>
  invoke(listMine, { method: 'GET', path: '/v1/me/consents', headers: { authorization: `Bearer ${token}` } });

const withdraw = (token: string, consentId: string) =>
  invoke(withdrawMine, {
    method: 'DELETE',
    path: `/v1/me/consents/${consentId}`,
    resource: '/v1/me/consents/{consentId}',
    pathParameters: { consentId },
    headers: { authorization: `Bearer ${token}` },
  });

/** The code as the e-mail in the outbox carries it. */
async function codeSentTo(email: string): Promise<string> {
  const messages = (await scanAll('outbox')).filter((m) => m.to.includes(email) && m.topic === 'consent-session-code');
  return /\n {4}(\d{6})\n/.exec(messages.at(-1)!.text)![1]!;
}

async function tokenFor(email: string): Promise<string> {
  const { json } = await start(email, 'en');
  const verified = await verify(json.sessionId, await codeSentTo(email));
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  return verified.json.subjectToken as string;
}

const useCheck = async (subjectId: string) =>
  (
    await invoke(checkUse, {
      method: 'POST',
      path: '/v1/system/use-checks',
      body: { subjectId, category: 'phone', purpose: 'advertising' },
      principal: systemPrincipal(),
    })
  ).json;

describe('self-service sessions', () => {
  it('202 with the same answer for a known and an unknown address; the code is e-mailed, stored only hashed', async () => {
    const { email } = await customer();
    const unknown = uniqueEmail('stranger');
    const known = await start(email);
    const stranger = await start(unknown);
    expect(known.status).toBe(202);
    expect(stranger.status).toBe(202);
    expect(Object.keys(known.json)).toEqual(['sessionId']);
    expect(Object.keys(stranger.json)).toEqual(Object.keys(known.json));
    const code = await codeSentTo(email);
    const stored = await getItem('sessions', { sessionKey: `code#${known.json.sessionId}` });
    expect(stored).toMatchObject({ email, attemptsLeft: 5, codeHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(stored)).not.toContain(code);

    const message = (await scanAll('outbox')).find((m) => m.to.includes(email) && m.topic === 'consent-session-code')!;
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
      [],
    );
    expect((await mailbox(email)).map((m) => m.subject)).toContain('同意の確認・撤回のための確認コード');
  });

  it('400 for a malformed address', async () => {
    expectProblem(await start('not-an-address'), 400);
  });

  it('a wrong code counts down; five lock the session; a right code gives a 15-minute token once', async () => {
    const { email } = await customer();
    const { json } = await start(email);
    const code = await codeSentTo(email);
    const wrong = await verify(json.sessionId, otherCode(code));
    expectProblem(wrong, 422);
    expect(wrong.json.detail).toContain('4 tries left');
    const right = await verify(json.sessionId, code);
    expect(right.status).toBe(200);
    expect(Date.parse(right.json.expiresAt) - Date.now()).toBeGreaterThan((SUBJECT_TOKEN_LIFETIME_SECONDS - 30) * 1000);
    expect(Date.parse(right.json.expiresAt) - Date.now()).toBeLessThanOrEqual(SUBJECT_TOKEN_LIFETIME_SECONDS * 1000);
    expectProblem(await verify(json.sessionId, code), 404);

    const again = await start(email);
    const next = await codeSentTo(email);
    for (let i = 0; i < 4; i += 1) expectProblem(await verify(again.json.sessionId, otherCode(next)), 422);
    expectProblem(await verify(again.json.sessionId, otherCode(next)), 423);
    expectProblem(await verify(again.json.sessionId, next), 423);
  });

  it('404 for an unknown session', async () => {
    expectProblem(await verify('no-such-session', '123456'), 404);
  });
});

describe('my consents', () => {
  it('lists the consents of every subject under the address with their state; an unknown address holds none', async () => {
    const email = uniqueEmail('twice');
    const first = await customer(email);
    const second = await customer(email);
    const advertising = await consent(first.subjectId);
    const linkage = await consent(second.subjectId, { linkage: 'access-information' });
    await invoke(recordBySystem, {
      method: 'POST',
      path: '/v1/system/consents',
      principal: systemPrincipal(),
      body: { subjectId: second.subjectId, action: 'withdrawn', withdraws: linkage },
    });

    const result = await list(await tokenFor(email));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.json.items).toHaveLength(2);
    expect(result.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          consentId: advertising,
          covers: { purpose: 'advertising' },
          status: 'in-force',
          noticeVersion: PRIVACY_NOTICE_VERSION,
          method: 'web-button',
        }),
        expect.objectContaining({
          consentId: linkage,
          covers: { linkage: 'access-information' },
          status: 'withdrawn',
          withdrawnAt: expect.any(String),
        }),
      ]),
    );
    expect(JSON.stringify(result.json)).not.toContain(first.subjectId);

    const stranger = await list(await tokenFor(uniqueEmail('stranger')));
    expect(stranger.json.items).toEqual([]);
  });

  it('404 without a token, with a wrong one, and once the token has expired', async () => {
    const { email } = await customer();
    const token = await tokenFor(email);
    expectProblem(await invoke(listMine, { method: 'GET', path: '/v1/me/consents' }), 404);
    expectProblem(await list(`${token}x`), 404);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (SUBJECT_TOKEN_LIFETIME_SECONDS + 1) * 1000 });
    try {
      expectProblem(await list(token), 404);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a withdrawal through /v1/me blocks the very next use check and is e-mailed as a receipt', async () => {
    const { subjectId, email } = await customer();
    const consentId = await consent(subjectId);
    expect(await useCheck(subjectId)).toMatchObject({ allowed: true });
    const token = await tokenFor(email);

    const result = await withdraw(token, consentId);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      action: 'withdrawn',
      withdraws: consentId,
      method: 'web-button',
      collectedBy: 'data-subject',
      receipt: 'e-mailed',
    });
    expect(await useCheck(subjectId)).toMatchObject({ allowed: false, reason: 'consent-withdrawn' });
    expect((await list(token)).json.items).toEqual([expect.objectContaining({ consentId, status: 'withdrawn' })]);

    const receipt = (await scanAll('outbox')).find(
      (m) => m.to.includes(email) && m.topic === 'consent-receipt' && m.text.includes(result.json.eventId),
    )!;
    expect(receipt.subject).toBe('Receipt for the withdrawal of your consent');

    const twice = await withdraw(token, consentId);
    expectProblem(twice, 422);
    expect(twice.json.detail).toContain('was withdrawn on');
  });

  it("names a consent's recipient from the registry, and the withdrawal's receipt names it too", async () => {
    const { subjectId, email } = await customer();
    const recipientId = `partner-${randomUUID().slice(0, 8)}`;
    await putItem('recipients', {
      recipientId,
      name: 'Partner Analytics Inc.',
      address: '1 Market St, San Francisco, CA',
      representative: 'Jane Doe, CEO',
      relationship: 'third-party',
      country: 'US',
      recordKeeping: 'per-provision',
      registeredBy: 'staff-officer',
      registeredAt: '2026-01-01T00:00:00.000Z',
    });
    const info = {
      country: 'US',
      protectionSystem: 'Sectoral laws and state laws such as the CCPA',
      recipientMeasures: 'Contractual safeguards',
    };
    const consentId = await consent(subjectId, { recipient: recipientId, foreignInformation: info });
    const token = await tokenFor(email);

    const listed = await list(token);
    expect(listed.status, JSON.stringify(listed.json)).toBe(200);
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        consentId,
        covers: { recipient: recipientId },
        foreignInformation: info,
        recipient: { recipientId, name: 'Partner Analytics Inc.', country: 'US', countryStanding: 'foreign' },
      }),
    ]);
    expect(JSON.stringify(listed.json)).not.toContain('Jane Doe');

    const result = await withdraw(token, consentId);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const receipt = (await scanAll('outbox')).find(
      (m) => m.to.includes(email) && m.topic === 'consent-receipt' && m.text.includes(result.json.eventId),
    )!;
    expect(receipt.text).toContain(
      'Covers: provision of your personal data to the third party "Partner Analytics Inc."',
    );
  });

  it('404 for a consent held under another address; nothing written', async () => {
    const mine = await customer();
    const theirs = await customer();
    const theirConsent = await consent(theirs.subjectId);
    const before = (await scanAll('consents')).length;
    const result = await withdraw(await tokenFor(mine.email), theirConsent);
    expectProblem(result, 404);
    expect((await scanAll('consents')).length).toBe(before);
    expect(await useCheck(theirs.subjectId)).toMatchObject({ allowed: true });
  });
});

describe("a stranger cannot get a subject token for someone else's data", () => {
  it("a session asked for another person's address e-mails its code only to that address", async () => {
    const { email } = await customer();
    const { json } = await start(email.toUpperCase(), 'en');
    const messages = (await scanAll('outbox')).filter(
      (m) => m.topic === 'consent-session-code' && m.to.some((to: string) => to.toLowerCase() === email),
    );
    expect(messages.map((m) => m.to)).toEqual([[email]]);
    // Guessing is bounded: five wrong codes lock the session, and the right code no longer helps.
    const code = await codeSentTo(email);
    for (let i = 0; i < 5; i++) expect((await verify(json.sessionId, otherCode(code))).status).not.toBe(200);
    expect((await verify(json.sessionId, code)).status).not.toBe(200);
  });

  it("a token proven on one's own address shows none of another person's consents and cannot withdraw them", async () => {
    const victim = await customer();
    const consentId = await consent(victim.subjectId);
    const strangerToken = await tokenFor(uniqueEmail('stranger'));
    expect((await list(strangerToken)).json.items).toEqual([]);
    expect((await withdraw(strangerToken, consentId)).status).toBe(404);
    expect(
      (await list(await tokenFor(victim.email))).json.items.map((c: { consentId: string; status: string }) => [
        c.consentId,
        c.status,
      ]),
    ).toEqual([[consentId, 'in-force']]);
  });

  it('the address is judged as lookups judge it: the holder proving it in capitals sees their own consents', async () => {
    const holder = await customer();
    const consentId = await consent(holder.subjectId);
    const { json } = await start(holder.email.toUpperCase(), 'en');
    const verified = await verify(json.sessionId, await codeSentTo(holder.email));
    expect(verified.status).toBe(200);
    expect((await list(verified.json.subjectToken)).json.items.map((c: { consentId: string }) => c.consentId)).toEqual([
      consentId,
    ]);
  });
});
