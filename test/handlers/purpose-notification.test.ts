// A purpose-notification request (APPI Art. 32(2), policy §8(2)) end to end against DynamoDB Local and
// the SES emulator: submitted, confirmed by its code, decided by an operator; the answer e-mail lists
// the purposes of the person's live records with their categories, never a value, and the read is
// access-logged. The privacy notice lists the type as accepted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler as decideHandler } from '../../functions/handlers/decide-request';
import { handler as getPrivacyNotice } from '../../functions/handlers/get-privacy-notice';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import {
  codeOf,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  submit,
  verify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A customer like the demo one, under a fresh address: identifiers, contact data, an advertising identifier, and one record past its purposes. */
async function seedCustomer(email: string) {
  const subjectId = `subject-${randomUUID()}`;
  const record = (recordId: string, category: string, value: string, purposes: string[], expiresAt?: number) => {
    const held = {
      subjectId,
      recordId,
      category,
      value,
      source: 'from-customer',
      purposes,
      acquiredAt: '2025-04-01T00:00:00.000Z',
    };
    return putItem('personal-data', { ...held, lookupKey: lookupKeyOf(held), ...(expiresAt ? { expiresAt } : {}) });
  };
  const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
  await Promise.all([
    record('rec-email', 'email', email, ['service-provision', 'important-notices'], nowSeconds() + 86_400 * 90),
    record(
      'rec-name',
      'name',
      '山田 花子 (Hanako Yamada)',
      ['service-provision', 'billing'],
      nowSeconds() + 86_400 * 90,
    ),
    record('rec-address', 'address', '東京都千代田区神田錦町1-2-3', ['billing']),
    record(
      'rec-ad-id',
      'advertising-identifier',
      'ad-id 6f1c2e9a',
      ['advertising', 'usage-analysis'],
      nowSeconds() + 86_400 * 30,
    ),
    // Past its purposes: to the desk it is gone, whether or not TTL has swept it yet.
    record(
      'rec-referral',
      'referral',
      'Referred by an existing customer',
      ['registration-screening'],
      nowSeconds() - 60,
    ),
    putItem('purposes', {
      ...billing,
      version: 2,
      ja: '請求、決済及び領収書の発行のため',
      en: 'To bill, settle fees and issue receipts',
      publishedBy: 'officer',
      change: { kind: 'changed', note: 'Receipts are part of settling the fees.' },
    }),
  ]);
  return subjectId;
}

async function submitAndVerifyNotification(email: string, language: 'ja' | 'en', details?: object) {
  const requestId = await submit({
    ...requestBody({ requesterEmail: email, language }),
    type: 'purpose-notification',
    ...(details ? { details } : {}),
  });
  const verified = await verify(requestId, await codeOf(requestId));
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  return requestId;
}

const decide = (requestId: string, body: unknown) =>
  invoke(decideHandler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/decision`,
    resource: '/v1/staff/requests/{requestId}/decision',
    pathParameters: { requestId },
    body,
    claims: staffClaims('operator'),
  });

/** Delivers the request's result e-mail through the send-outbox worker and returns it from the SES emulator. */
async function deliveredAnswer(requestId: string, to: string) {
  const [message, ...more] = (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));
  expect(more).toEqual([]);
  expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).batchItemFailures).toEqual([]);
  const mail = (await mailbox(to)).find((m) => m.subject === message!.subject);
  expect(mail, 'the answer in the SES emulator').toBeDefined();
  return mail!;
}

describe('purpose-notification through the handlers', () => {
  it('answers by e-mail with the purposes of the live records, their current text and categories, and logs the read', async () => {
    const email = uniqueEmail('purposes');
    const subjectId = await seedCustomer(email);
    const requestId = await submitAndVerifyNotification(email, 'en', {
      items: 'My address and advertising identifier',
    });
    expect(await getItem('requests', { requestId })).toMatchObject({
      type: 'purpose-notification',
      details: { items: 'My address and advertising identifier' },
    });

    const result = await decide(requestId, { outcome: 'fulfilled' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({ requestId, status: 'fulfilled', decidedAt: expect.any(String) });
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'fulfilled', version: 3 });
    expect((await scanAll('disclosures')).filter((d) => d.requestId === requestId)).toEqual([]);

    const mail = await deliveredAnswer(requestId, email);
    expect(mail.subject).toBe('The purposes for which we use your personal data');
    const text = mail.body.text!;
    expect(text).toContain(requestId);
    expect(text).toContain('- To bill, settle fees and issue receipts\n  Data used: Address, Name');
    expect(text).toContain(
      '- To provide our services and to confirm the identity of the customer\n  Data used: E-mail address, Name',
    );
    expect(text).toContain(
      "- To distribute advertisements regarding our or third parties' products and services\n  Data used: Advertising identifier",
    );
    expect(text.match(/^- /gm)).toHaveLength(5);
    expect(text).not.toContain('To screen registrations');
    for (const value of ['山田', '神田錦町', 'ad-id 6f1c2e9a', 'Referred by']) expect(text).not.toContain(value);

    const entries = (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
      (e) => e.reason === `purpose-notification ${requestId}`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'operator',
      role: 'operator',
      action: 'read',
      subjects: [subjectId],
      fields: ['address', 'advertising-identifier', 'email', 'name'],
    });
  });

  it('tells a person of whom nothing is held so, in Japanese by default', async () => {
    const email = uniqueEmail('unknown');
    const requestId = await submitAndVerifyNotification(email, 'ja');
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const mail = await deliveredAnswer(requestId, email);
    expect(mail.subject).toBe('保有個人データの利用目的のご通知');
    expect(mail.body.text).toContain('当社はお客様の保有個人データを保有しておりません');
  });

  it('refuses on one of its grounds with a reason, and rejects a ground of another type with nothing written', async () => {
    const email = uniqueEmail('refused');
    const requestId = await submitAndVerifyNotification(email, 'en');
    const foreign = await decide(requestId, {
      outcome: 'refused',
      grounds: ['hindrance-to-business'],
      reason: 'Too much work.',
    });
    expectProblem(foreign, 422);
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received', version: 2 });
    expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toEqual([]);

    const reason = 'The purposes were printed on the application form you signed.';
    const refused = await decide(requestId, { outcome: 'refused', grounds: ['purpose-already-clear'], reason });
    expect(refused.status, JSON.stringify(refused.json)).toBe(200);
    const mail = await deliveredAnswer(requestId, email);
    expect(mail.subject).toBe('Our answer to your purpose-of-use notification request');
    expect(mail.body.text).toContain('Art. 32(2)(i)');
    expect(mail.body.text).toContain(reason);
  });

  it('is listed as accepted in the privacy notice', async () => {
    const notice = await invoke(getPrivacyNotice, {
      method: 'GET',
      path: '/v1/privacy-notice',
      resource: '/v1/privacy-notice',
    });
    expect(notice.status).toBe(200);
    expect(notice.json.requests.accepted).toContain('purpose-notification');
    expect(notice.json.requests.fees).toContainEqual({ type: 'purpose-notification', fee: 'none' });
  });
});
