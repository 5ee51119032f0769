// A correction request end to end, over HTTP against the local runtime: the person asks for their
// name to be corrected and a telephone number deleted; the operator finds the records for the
// request, decides, and the registry and the e-mailed answer show the changes.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, emailAbout, signIn, submitAndVerify } = deskClient(desk);

describe('a correction request, from submission to the corrected registry', () => {
  it('corrects the name and deletes the telephone number in one decision, and e-mails what changed', async () => {
    const { requestId } = await submitAndVerify({
      type: 'correction',
      requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
      subject: { email: DEMO_CUSTOMER.email },
      language: 'en',
      details: {
        items: [
          {
            change: 'correct',
            category: 'name',
            description: 'The romanised name is wrong',
            content: '山田 花子 (Hanako Yamada-Sato)',
          },
          { change: 'delete', category: 'phone', description: 'That number is not mine' },
        ],
      },
    });

    const operator = await signIn('operator');
    const found = await call(
      'GET',
      `/v1/staff/subjects?email=${encodeURIComponent(DEMO_CUSTOMER.email)}&requestId=${requestId}`,
      { token: operator },
    );
    expect(found.status).toBe(200);
    const subjectId = found.json.items[0].subjectId as string;
    const view = async (reason = `requestId=${requestId}`) =>
      (await call('GET', `/v1/staff/subjects/${subjectId}?${reason}`, { token: operator })).json;
    const records = (await view()).records as { recordId: string; category: string; value: string }[];
    const name = records.find((r) => r.category === 'name')!;
    const phone = records.find((r) => r.category === 'phone')!;

    const decided = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: {
        outcome: 'fulfilled',
        details: {
          investigation:
            'Checked the passport copy seen at contract and the telephone directory entry: both records were wrong.',
          changes: [
            { action: 'correct', subjectId, recordId: name.recordId, value: '山田 花子 (Hanako Yamada-Sato)' },
            { action: 'delete', subjectId, recordId: phone.recordId },
          ],
        },
      },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);

    // A decided request no longer justifies reading the person's data; a purpose of use can.
    expect((await view()).title).toBe('Not an open request');
    const after = (await view('purpose=service-provision')).records as { recordId: string; value: string }[];
    expect(after.find((r) => r.recordId === name.recordId)!.value).toBe('山田 花子 (Hanako Yamada-Sato)');
    expect(after.map((r) => r.recordId)).not.toContain(phone.recordId);

    const mail = await emailAbout(requestId, /corrected/);
    expect(mail.subject).toBe('We have corrected your personal data');
    expect(mail.body.text).toContain('Name: corrected to read "山田 花子 (Hanako Yamada-Sato)"');
    expect(mail.body.text).toContain('Telephone number: deleted');
    expect(mail.body.text).toContain('passport copy');

    const again = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: { outcome: 'refused', grounds: ['content-found-true'], reason: 'x', details: { investigation: 'x' } },
    });
    expect(again.status).toBe(409);
  });
});
