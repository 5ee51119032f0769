// The README's walk of a leak, over HTTP against the local runtime: an operator opens a draft for an
// attack on the web form, the officer takes it on and links the demo customer, the desk answers
// "reportable" because of the wrongful purpose (Rules Art. 7(iii)) with a 60-day final report, the
// officer prints the preliminary report, records its submission to the PPC, and notifies the person,
// whose e-mail arrives and whose dossier then lists the incident. Notifying again is refused.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, emailAbout, signIn } = deskClient(desk);

const HOUR_MS = 60 * 60 * 1000;

describe('a leak from the register to the PPC report and the person told', () => {
  it('is reportable because of the attack, reported, and the person notified once', async () => {
    const operator = await signIn('operator');
    const officer = await signIn('officer');
    const opened = await call('POST', '/v1/staff/incidents', {
      token: operator,
      body: {
        kinds: ['leak'],
        awareAt: new Date(Date.now() - 2 * HOUR_MS).toISOString(),
        awareHow: 'The web server’s monitoring showed a script added to the order form.',
        summary: 'An attacker added a script to the order form that sent what customers typed to another site.',
        categories: ['name', 'email'],
        persons: { estimated: 1 },
        factors: {
          specialCareRequired: false,
          financialLoss: false,
          wrongfulPurpose: true,
          individualNumbers: false,
          publiclyViewable: false,
          advancedEncryption: false,
        },
        cause: 'A stolen administrator password for the web server.',
        secondaryDamage: 'None known so far.',
        measuresTaken: 'The script was removed and the password changed.',
        publication: 'Not published.',
        recurrencePrevention: 'Multi-factor sign-in for the web server.',
        other: 'None.',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    const incidentId = opened.json.incidentId as string;
    expect(opened.json).toMatchObject({ state: 'draft', reportable: true, deadlines: { finalDays: 60 } });

    // An operator may open a draft but not take it on.
    const byOperator = await call('POST', `/v1/staff/incidents/${incidentId}/registration`, {
      token: operator,
      body: { version: 1 },
    });
    expect(byOperator.status).toBe(403);
    const taken = await call('POST', `/v1/staff/incidents/${incidentId}/registration`, {
      token: officer,
      body: { version: 1 },
    });
    expect(taken.status, taken.text).toBe(200);
    const linked = await call('POST', `/v1/staff/incidents/${incidentId}/subjects`, {
      token: officer,
      body: { version: 2, subjectIds: [DEMO_CUSTOMER.subjectId] },
    });
    expect(linked.status, linked.text).toBe(200);

    const report = await call('GET', `/v1/staff/incidents/${incidentId}/reports/preliminary`, { token: officer });
    expect(report.status, report.text).toBe(200);
    expect(report.json.items).toHaveLength(9);
    const submitted = await call('POST', `/v1/staff/incidents/${incidentId}/reports/preliminary/submission`, {
      token: officer,
      body: { fromVersion: report.json.version, submittedAt: new Date().toISOString(), receiptReference: 'PPC-0001' },
    });
    expect(submitted.status, submitted.text).toBe(201);

    const notified = await call('POST', `/v1/staff/incidents/${incidentId}/notices`, {
      token: officer,
      body: { version: submitted.json.version },
    });
    expect(notified.status, notified.text).toBe(200);
    expect(notified.json).toMatchObject({ sent: 1, unreachable: 0, remaining: 0 });
    const mail = await emailAbout(incidentId, /./);
    expect(mail.destination.to).toContain(DEMO_CUSTOMER.email);

    const again = await call('POST', `/v1/staff/incidents/${incidentId}/notices`, {
      token: officer,
      body: { version: notified.json.version },
    });
    expect(again.status, again.text).toBe(409);

    const dossier = await call('GET', `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}?purpose=service-provision`, {
      token: officer,
    });
    expect(dossier.status, dossier.text).toBe(200);
    expect(dossier.json.incidents).toEqual(expect.arrayContaining([expect.objectContaining({ incidentId })]));
  });
});
