// A disclosure decided through the real handlers states the incidents that involved the person's data
// (APPI Art. 26) and the notice they were sent, from the incident register on DynamoDB Local; a draft
// and anyone else's notice stay out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as decideHandler } from '../../functions/handlers/decide-request';
import { handler as getDisclosure } from '../../functions/handlers/get-disclosure';
import { dossierResponse } from '../../functions/http/contract';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { reportableIncident } from '../domain/incidents/doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, outboxAbout, putItem, requestBody, staffClaims, submitAndVerify } from '../support/requests';

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});
afterAll(() => dropTables(prefix));

const SENT_AT = '2026-12-02T03:00:00.000Z';

describe('the disclosed dossier and the incident register', () => {
  it('states each registered incident of the person with the notice they were sent, nothing of anyone else', async () => {
    const subjectId = DEMO_CUSTOMER.subjectId;
    const open = reportableIncident({ incidentId: 'INC-2026-12-01-DISC01' });
    const draft = reportableIncident({ incidentId: 'INC-2026-12-03-DISC02', state: 'draft' });
    for (const incident of [open, draft]) {
      await putItem('incidents', { ...incident, itemKey: 'incident' });
      await putItem('incidents', {
        incidentId: incident.incidentId,
        itemKey: `subject#${subjectId}`,
        subjectId,
        linkedAt: incident.createdAt,
        linkedBy: 'officer',
        ...(incident === open
          ? { notice: { state: 'sent', decidedAt: SENT_AT, decidedBy: 'officer', messageId: 'm-1', sentAt: SENT_AT } }
          : {}),
      });
    }
    await putItem('incidents', {
      incidentId: open.incidentId,
      itemKey: 'subject#subject-someone-else',
      subjectId: 'subject-someone-else',
      linkedAt: open.createdAt,
      linkedBy: 'officer',
      notice: { state: 'unreachable', decidedAt: SENT_AT, decidedBy: 'officer', alternativeMeasure: 'Not for Hanako.' },
    });

    const { requestId } = await submitAndVerify(
      requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language: 'ja' }),
    );
    const decided = await invoke(decideHandler, {
      method: 'POST',
      path: `/v1/staff/requests/${requestId}/decision`,
      resource: '/v1/staff/requests/{requestId}/decision',
      pathParameters: { requestId },
      body: { outcome: 'fulfilled' },
      claims: staffClaims('operator'),
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
    const token = /\/v1\/disclosures\/([A-Za-z0-9_-]+)/.exec(message.text)![1]!;

    const served = await invoke(getDisclosure, {
      method: 'GET',
      path: `/v1/disclosures/${token}`,
      resource: '/v1/disclosures/{token}',
      pathParameters: { token },
    });
    expect(served.status).toBe(200);
    expect(dossierResponse.safeParse(served.json).success).toBe(true);
    expect(served.json.incidents).toEqual([
      {
        incidentId: open.incidentId,
        kinds: ['leak'],
        kindLabels: ['漏えい'],
        awareAt: open.awareAt,
        notice: { state: 'sent', sentAt: SENT_AT },
      },
    ]);
    const text = JSON.stringify(served.json);
    expect(text).not.toContain('DISC02');
    expect(text).not.toContain('someone-else');
    expect(text).not.toContain('Not for Hanako');
  });
});
