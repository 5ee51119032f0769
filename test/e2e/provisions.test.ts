// Third-party provision end to end, over HTTP against the local runtime: the officer registers a
// recipient, business-systems (signed with SigV4) provides the demo customer's data on her consent,
// the record of provision shows in the staff view, and a person without consent is refused with 403.
import { describe, expect, it } from 'vitest';
import { DEMO_CONSENT_ID, DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, signIn } = deskClient(desk);

const recipient = {
  recipientId: 'e2e-ad-partner',
  name: 'Ad Partner K.K.',
  address: '3-3 Shibuya, Tokyo',
  representative: 'Jiro Suzuki, Representative Director',
  relationship: 'third-party',
  country: 'JP',
};

describe('providing personal data to a third party', () => {
  it('the officer registers the recipient (201) and auditors see it in the registry', async () => {
    const registered = await call('POST', '/v1/staff/recipients', { body: recipient, token: await signIn('officer') });
    expect(registered.status, registered.text).toBe(201);
    const listed = await call('GET', '/v1/staff/recipients', { token: await signIn('auditor') });
    expect(listed.json.items).toContainEqual(
      expect.objectContaining({ recipientId: 'e2e-ad-partner', countryStanding: 'domestic' }),
    );
  });

  it("permits a provision on the demo customer's consent (200) and keeps the record the staff view shows", async () => {
    const provided = await call('POST', '/v1/system/provisions', {
      body: {
        recipient: 'e2e-ad-partner',
        subjects: [DEMO_CUSTOMER.subjectId],
        items: ['advertising-identifier'],
        purpose: 'advertising',
        basis: 'consent',
      },
      as: 'business-systems',
    });
    expect(provided.status, provided.text).toBe(200);
    expect(provided.json.results).toEqual([
      expect.objectContaining({
        subjectId: DEMO_CUSTOMER.subjectId,
        consentId: DEMO_CONSENT_ID,
        recordId: expect.any(String),
      }),
    ]);
    const viewed = await call('GET', `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}?purpose=advertising`, {
      token: await signIn('officer'),
    });
    expect(viewed.json.provisionRecords).toContainEqual(
      expect.objectContaining({
        recordId: provided.json.results[0].recordId,
        recipientName: 'Ad Partner K.K.',
        basis: 'consent',
        items: ['advertising-identifier'],
      }),
    );
  });

  it('refuses the whole provision with 403 problem+json when one person has not consented', async () => {
    const refused = await call('POST', '/v1/system/provisions', {
      body: {
        recipient: 'e2e-ad-partner',
        subjects: [DEMO_CUSTOMER.subjectId, 'subject-without-consent'],
        items: ['name'],
        purpose: 'advertising',
        basis: 'consent',
      },
      as: 'business-systems',
    });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toBe('application/problem+json');
    expect(refused.json.errors).toEqual([
      { field: 'subjects.1', message: expect.stringContaining('subject-without-consent: no-consent') },
    ]);
  });
});
