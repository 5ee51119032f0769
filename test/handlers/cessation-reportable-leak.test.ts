// A cessation on the ground reportable-leak (APPI Art. 35(5)) grounded in an incident of the register,
// against DynamoDB Local: the decision and its preview name the incident; it must be in the register,
// reportable as the desk acts on it (the officer's override counts), cited by the person and linked to
// their data, or the answer is 422 naming details.incidentId and nothing is written. The decided
// request keeps the incident's id, the answer says a reportable incident involved the person's data,
// and the read of the register is on the incident's timeline.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { REPORTABLE_LEAK_ANSWER } from '../../functions/domain/requests/types/cessation-shared/words';
import { handler as preview } from '../../functions/handlers/preview-decision';
import { handler as view } from '../../functions/handlers/view-request';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { addIncident, incidentFixture, newIncidentId } from '../support/incident-fixture';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  scanAll,
  staffClaims,
  staffStep,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

/** A person the desk holds one record of, and their subject id. */
async function person() {
  const email = uniqueEmail('leaked');
  const subjectId = `subject-${randomUUID()}`;
  const record = { subjectId, recordId: `rec-${randomUUID()}`, category: 'email', value: email };
  await putItem('personal-data', {
    ...record,
    lookupKey: lookupKeyOf(record),
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2026-01-01T00:00:00.000Z',
  });
  await putItem('subjects', { subjectId, lastActivityAt: '2026-11-01T00:00:00.000Z' });
  return { email, subjectId };
}

async function request(
  email: string,
  type: 'cessation-of-use' | 'cessation-of-provision',
  grounds: string[],
  language: 'ja' | 'en' = 'en',
) {
  const details = type === 'cessation-of-use' ? { grounds, measure: 'cease-use' } : { grounds };
  const { requestId } = await submitAndVerify({
    ...requestBody({ requesterEmail: email, name: 'Hanako Yamada', language }),
    type,
    details,
  } as ReturnType<typeof requestBody>);
  return requestId;
}

const ceaseUse = (incidentId: string) => ({
  outcome: 'fulfilled',
  details: { measure: 'cease-use', incidentId },
});

const incidentEntries = async (incidentId: string) =>
  (await scanAll<{ incidentId?: string; subjects: string[]; action: string; fields: string[] }>('access-log')).filter(
    (e) => e.incidentId === incidentId,
  );

/** Nothing of the decision was written: the request still open, no answer queued, no flag on the subject. */
async function nothingWritten(requestId: string, subjectId: string) {
  expect((await getItem('requests', { requestId }))!.status).toBe('received');
  expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision'))).toEqual([]);
  expect((await getItem('subjects', { subjectId }))!.cessationOfUse).toBeUndefined();
}

const viewRequest = (requestId: string) =>
  invoke(view, {
    method: 'GET',
    path: `/v1/staff/requests/${requestId}`,
    resource: '/v1/staff/requests/{requestId}',
    pathParameters: { requestId },
    claims: staffClaims('operator'),
  });

describe('a cessation grounded in a reportable incident', () => {
  it('the decision form is offered the reportable incidents linked to the person, and only when they cite the ground', async () => {
    const { email, subjectId } = await person();
    const reportable = await addIncident(incidentFixture({ awareAt: '2026-11-30T16:00:00.000Z' }), [subjectId]);
    const notReportable = await addIncident(
      incidentFixture({
        reportability: {
          reportable: false,
          underMyNumberAct: false,
          findings: [],
          assessedAt: new Date().toISOString(),
        },
      }),
      [subjectId],
    );
    await addIncident(incidentFixture(), [`subject-${randomUUID()}`]);
    const citing = await request(email, 'cessation-of-use', ['reportable-leak']);
    const shown = await viewRequest(citing);
    expect(shown.status, JSON.stringify(shown.json)).toBe(200);
    const offered = shown.json.decisionOptions.details.fulfilled.properties.incidentId;
    expect(offered.oneOf).toEqual([{ const: reportable.incidentId, title: `${reportable.incidentId} (2026-12-01)` }]);
    // Each incident read to offer it is on its timeline, naming the person's linked subject.
    for (const id of [reportable.incidentId, notReportable.incidentId])
      expect(await incidentEntries(id)).toEqual([expect.objectContaining({ action: 'read', subjects: [subjectId] })]);

    const notCiting = await request(email, 'cessation-of-use', ['no-longer-needed']);
    const plain = await viewRequest(notCiting);
    expect(plain.json.decisionOptions.details.fulfilled.properties).not.toHaveProperty('incidentId');
  });

  it('the preview and the decision name it; the request keeps it; the answer says so; the read is on its timeline', async () => {
    const { email, subjectId } = await person();
    const incident = await addIncident(incidentFixture(), [subjectId]);
    const requestId = await request(email, 'cessation-of-use', ['reportable-leak']);

    const previewed = await staffStep(preview, requestId, 'decision-preview', ceaseUse(incident.incidentId));
    expect(previewed.status, JSON.stringify(previewed.json)).toBe(200);
    expect(previewed.json.message.text).toContain(REPORTABLE_LEAK_ANSWER.en);
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received' });
    expect(await incidentEntries(incident.incidentId)).toEqual([
      expect.objectContaining({ action: 'read', subjects: [subjectId], fields: ['reportability', 'subjects'] }),
    ]);

    const decided = await decide(requestId, ceaseUse(incident.incidentId));
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    const stored = await getItem('requests', { requestId });
    expect(stored!.decision.details).toEqual({ measure: 'cease-use', incidentId: incident.incidentId });
    const [answer] = (await outboxAbout(requestId)).filter(
      (m: StoredOutboxMessage) => m.topic === 'decision-fulfilled',
    );
    expect(answer!.text.startsWith(REPORTABLE_LEAK_ANSWER.en)).toBe(true);
    expect(answer!.text).not.toContain(incident.incidentId);
    expect(await incidentEntries(incident.incidentId)).toHaveLength(2);
  });

  it("the officer's override to reportable grounds it; the answer is in the person's language", async () => {
    const { email, subjectId } = await person();
    const incident = await addIncident(
      incidentFixture({
        reportability: {
          reportable: false,
          underMyNumberAct: false,
          findings: [],
          assessedAt: new Date().toISOString(),
          override: {
            reportable: true,
            reason: 'Card data may be involved.',
            by: 'officer',
            at: new Date().toISOString(),
          },
        },
      }),
      [subjectId],
    );
    const requestId = await request(email, 'cessation-of-provision', ['no-longer-needed', 'reportable-leak'], 'ja');
    const decided = await decide(requestId, {
      outcome: 'fulfilled',
      details: { recipients: { scope: 'all' }, incidentId: incident.incidentId },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    const [answer] = (await outboxAbout(requestId)).filter(
      (m: StoredOutboxMessage) => m.topic === 'decision-fulfilled',
    );
    expect(answer!.text).toContain(REPORTABLE_LEAK_ANSWER.ja);
    expect((await getItem('requests', { requestId }))!.decision.details.incidentId).toBe(incident.incidentId);
  });

  it('422 naming details.incidentId, nothing written: not in the register, not reportable, not linked, not cited', async () => {
    const { email, subjectId } = await person();
    const notReportable = await addIncident(
      incidentFixture({
        reportability: {
          reportable: false,
          underMyNumberAct: false,
          findings: [],
          assessedAt: new Date().toISOString(),
        },
      }),
      [subjectId],
    );
    const unlinked = await addIncident(incidentFixture(), [`subject-${randomUUID()}`]);
    const citing = await request(email, 'cessation-of-use', ['reportable-leak']);
    for (const [incidentId, slugOrTitle] of [
      [newIncidentId(), 'No such incident'],
      [notReportable.incidentId, 'Incident not reportable'],
      [unlinked.incidentId, 'Person not linked to the incident'],
    ] as const) {
      for (const step of [
        () => decide(citing, ceaseUse(incidentId)),
        () => staffStep(preview, citing, 'decision-preview', ceaseUse(incidentId)),
      ]) {
        const refused = await step();
        expectProblem(refused, 422);
        expect(refused.json.title).toBe(slugOrTitle);
        expect(refused.json.errors).toEqual([expect.objectContaining({ field: 'body.details.incidentId' })]);
      }
    }
    await nothingWritten(citing, subjectId);

    const linked = await addIncident(incidentFixture(), [subjectId]);
    const notCiting = await request(email, 'cessation-of-use', ['no-longer-needed']);
    const uncited = await decide(notCiting, ceaseUse(linked.incidentId));
    expectProblem(uncited, 422);
    expect(uncited.json.errors).toEqual([expect.objectContaining({ field: 'body.details.incidentId' })]);
    const malformed = await decide(citing, ceaseUse('INC-7'));
    expectProblem(malformed, 422);
    expect(malformed.json.errors).toEqual([expect.objectContaining({ field: 'body.details.incidentId' })]);
    await nothingWritten(notCiting, subjectId);
    await nothingWritten(citing, subjectId);
    expect(await incidentEntries(linked.incidentId)).toEqual([]);
  });

  it('two decisions at once: one stands, the other is 409', async () => {
    const { email, subjectId } = await person();
    const incident = await addIncident(incidentFixture(), [subjectId]);
    const requestId = await request(email, 'cessation-of-use', ['reportable-leak']);
    const results = await Promise.all([
      decide(requestId, ceaseUse(incident.incidentId)),
      decide(requestId, ceaseUse(incident.incidentId)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      (await outboxAbout(requestId)).filter((m: StoredOutboxMessage) => m.topic === 'decision-fulfilled'),
    ).toHaveLength(1);
  });
});
