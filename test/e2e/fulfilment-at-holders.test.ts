// The README's walk of a decided erasure, over HTTP against the local runtime: the demo customer asks
// for erasure, an operator decides it, the decision's task goes to the company's CRM (the demo
// processor "Mecara CRM") over OpenDSR, the CRM erases its copy and says so in a signed callback, the
// answer goes out naming the CRM, and the next sync of her address for any purpose is refused.
import { describe, expect, it } from 'vitest';
import { DEMO_CRM_HOLDER_ID, DEMO_CRM_NAME, DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';
import { waitFor } from '../support/requests';

const desk = useLocalDesk();
const { call, emailAbout, signIn, submitAndVerify } = deskClient(desk);
const { email, subjectId } = DEMO_CUSTOMER;

const crmHoldsHer = () =>
  desk()
    .demoProcessor.people()
    .some((p) => p.emails.includes(email));

interface TaskView {
  holderId: string;
  holderName: string;
  instruction: string;
  state: string;
}

describe('a decided erasure at the holders', () => {
  it('reaches the CRM, closes with its signed callback, answers the person and refuses a resync', async () => {
    expect(crmHoldsHer()).toBe(true);
    const { requestId } = await submitAndVerify({
      type: 'cessation-of-use',
      requester: { kind: 'self', name: DEMO_CUSTOMER.name, email },
      subject: { email },
      details: { grounds: ['no-longer-needed'], measure: 'erase', explanation: 'I no longer use the service.' },
      language: 'en',
    });
    const operator = await signIn('operator');
    const decided = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: operator,
      body: { outcome: 'fulfilled', details: { measure: 'erase' } },
    });
    expect(decided.status, decided.text).toBe(200);

    // The task was written with the decision; the answer waits for it.
    const view = async () => {
      const viewed = await call('GET', `/v1/staff/requests/${requestId}`, { token: operator });
      expect(viewed.status, viewed.text).toBe(200);
      return viewed.json.fulfilment as { tasks: TaskView[]; answer?: string };
    };
    const first = await view();
    expect(first.tasks).toEqual([
      expect.objectContaining({ holderId: DEMO_CRM_HOLDER_ID, holderName: DEMO_CRM_NAME, instruction: 'erasure' }),
    ]);

    await waitFor(async () => (crmHoldsHer() ? undefined : true), 'Mecara CRM erasing its copy');
    const settled = await waitFor(async () => {
      const now = await view();
      return now.tasks.every((t) => t.state === 'completed') && now.answer === 'sent' ? now : undefined;
    }, 'the task completed by the CRM’s callback and the answer sent');
    expect(settled.tasks[0]!.state).toBe('completed');

    const answer = await emailAbout(requestId, /erased your personal data/);
    expect(answer.body.text).toContain(DEMO_CRM_NAME);
    expect(answer.body.text).not.toContain(desk().demoProcessor.baseUrl);

    // The next sync from a source system cannot bring her back, under her subject id or a new one.
    for (const target of [subjectId, 'subject-resync-hanako']) {
      const resync = await call('POST', '/v1/system/personal-data', {
        as: 'business-systems',
        body: {
          subjectId: target,
          records: [
            {
              category: 'email',
              value: email,
              source: 'from-customer',
              purposes: ['service-provision'],
              acquiredAt: new Date(Date.now() - 60_000).toISOString(),
            },
          ],
        },
      });
      expect(resync.status, resync.text).toBe(409);
      expect(resync.json).toMatchObject({ requestId });
    }
  });
});
