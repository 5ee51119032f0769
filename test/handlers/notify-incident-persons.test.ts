// The officer's notice to the persons of a reportable incident (APPI Art. 26(2)) against DynamoDB Local
// and the SES emulator: the e-mails go through the outbox in the transaction that records the notices
// and the incident's next version; a person without an address needs the alternative measure; nobody is
// told twice, not by a second call, not by two at once; bad input and a dependency down write nothing.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents, subjectKey } from '../../functions/adapters/incident-repository';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { lookupKeyOf } from '../../functions/domain/holdings';
import type { Incident } from '../../functions/domain/incidents/incident';
import { INCIDENT_NOTICES_PER_CALL } from '../../functions/domain/incidents/limits';
import { handler as notify } from '../../functions/handlers/notify-incident-persons';
import { handler as preview } from '../../functions/handlers/preview-incident-notice';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { seedDemoStaff } from '../../local/seed';
import { reportableIncident } from '../domain/incidents/doubles';
import { freshTables, invoke, mailbox, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putItem,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
} from '../support/requests';

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});
afterAll(() => dropTables(prefix));

const RESOURCE = '/v1/staff/incidents/{incidentId}/notices';
const call = (incidentId: string, body: unknown, claims = staffClaims('officer')) =>
  invoke(notify, {
    method: 'POST',
    path: RESOURCE.replace('{incidentId}', incidentId),
    resource: RESOURCE,
    pathParameters: { incidentId },
    body,
    claims,
  });

let serial = 0;
/** An open reportable incident with `reachable` subjects holding an address and `unreachable` without. */
async function seedIncident(reachable: number, unreachable = 0, overrides: Partial<Incident> = {}) {
  serial += 1;
  const incidentId = `INC-2026-12-01-N${String(serial).padStart(5, '0')}`;
  const incident = reportableIncident({ incidentId, ...overrides });
  await putItem('incidents', { ...incident, itemKey: 'incident' });
  await putItem('incidents', { ...incident, itemKey: `version#${String(incident.version).padStart(4, '0')}` });
  const subjects: Array<{ subjectId: string; email?: string }> = [];
  for (let i = 0; i < reachable + unreachable; i++) {
    const subjectId = `subject-${incidentId.slice(-6).toLowerCase()}-${i}`;
    const email = i < reachable ? uniqueEmail(`notice${i}`) : undefined;
    const record = email
      ? { subjectId, recordId: 'email-1', category: 'email', value: email }
      : { subjectId, recordId: 'name-1', category: 'name', value: '山田 太郎' };
    await putItem('personal-data', {
      ...record,
      source: 'from-customer',
      purposes: ['service-provision'],
      acquiredAt: '2026-01-05T00:00:00.000Z',
      lookupKey: lookupKeyOf(record),
    });
    await putItem('incidents', {
      incidentId,
      itemKey: subjectKey(subjectId),
      subjectId,
      linkedAt: incident.createdAt,
      linkedBy: incident.createdBy,
    });
    subjects.push({ subjectId, ...(email ? { email } : {}) });
  }
  return { incidentId, subjects };
}

const outboxOf = async (incidentId: string) => {
  const ids = new Set(
    (await dynamoIncidents.subjects(incidentId)).flatMap((s) => (s.notice?.messageId ? [s.notice.messageId] : [])),
  );
  return (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => ids.has(m.messageId));
};
const noticeLog = async (incidentId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason.startsWith(`incident ${incidentId}:`));
const measure = {
  kinds: ['publication'],
  description: 'Published on the company website on 2 December 2026, with the desk as contact point.',
};

describe('POST /v1/staff/incidents/{incidentId}/notices', () => {
  it('is the officer’s alone', async () => {
    const { incidentId } = await seedIncident(1);
    for (const role of ['operator', 'auditor'])
      expectProblem(await call(incidentId, { version: 2 }, staffClaims(role)), 403);
    expect(await outboxOf(incidentId)).toEqual([]);
  });

  it('e-mails the reachable persons, records the alternative measure for the others, in one write, logged once', async () => {
    const { incidentId, subjects } = await seedIncident(2, 1);

    const refused = await call(incidentId, { version: 2 });
    expectProblem(refused, 422);
    expect(refused.json.errors).toEqual([expect.objectContaining({ field: 'alternativeMeasure' })]);
    expect((await dynamoIncidents.subjects(incidentId)).every((s) => !s.notice)).toBe(true);
    expect((await dynamoIncidents.get(incidentId))!.version).toBe(2);

    const result = await call(incidentId, { version: 2, alternativeMeasure: measure });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({ incidentId, version: 3, sent: 2, unreachable: 1, remaining: 0 });
    const links = await dynamoIncidents.subjects(incidentId);
    expect(links.map((l) => l.notice?.state).sort()).toEqual(['sent', 'sent', 'unreachable']);
    expect(links.find((l) => l.subjectId === subjects[2]!.subjectId)!.notice).toMatchObject({
      alternativeMeasure: measure.description,
      alternativeMeasureKinds: ['publication'],
    });
    const current = (await dynamoIncidents.get(incidentId))!;
    expect(current).toMatchObject({ version: 3, notices: { sent: 2, unreachable: 1 }, changedBy: 'officer' });
    expect((await dynamoIncidents.versions(incidentId)).map((v) => v.version)).toEqual([2, 3]);

    const messages = await outboxOf(incidentId);
    expect(messages.map((m) => m.to[0]).sort()).toEqual([subjects[0]!.email, subjects[1]!.email].sort());
    expect(messages.every((m) => m.outboxState === 'pending')).toBe(true);
    const log = await noticeLog(incidentId);
    // The refused call read the addresses too: each call is logged once, with the persons it concerned.
    expect(log).toHaveLength(2);
    expect(log.every((e) => e.action === 'write' && e.role === 'officer')).toBe(true);
    expect([...log[1]!.subjects].sort()).toEqual(subjects.map((s) => s.subjectId).sort());

    // The outbox sends it: the person receives the Rules' items, and nothing of the other person.
    for (const message of messages)
      expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual(
        [],
      );
    const [mail] = await mailbox(subjects[0]!.email);
    expect(mail!.subject).toBe('個人データの漏えい等に関するお知らせ / Notice about your personal data');
    expect(mail!.body.text).toContain('1. 概要');
    expect(mail!.body.text).toContain('4. 二次被害又はそのおそれの有無及びその内容');
    expect(mail!.body.text).toContain(incidentId);
    expect(mail!.body.text).not.toContain(subjects[1]!.email!);
    expect(mail!.body.text).not.toContain('subject-');
  });

  it('skips persons already told: a second call finds nobody left (409), and writes nothing', async () => {
    const { incidentId } = await seedIncident(2);
    expect((await call(incidentId, { version: 2 })).json).toMatchObject({ sent: 2, remaining: 0 });
    const again = await call(incidentId, { version: 3 });
    expectProblem(again, 409);
    expect(again.json.title).toBe('Nobody left to notify');
    const stale = await call(incidentId, { version: 2 });
    expectProblem(stale, 409);
    expect(await outboxOf(incidentId)).toHaveLength(2);
    expect((await dynamoIncidents.get(incidentId))!.version).toBe(3);
  });

  it('two decisions at once: one wins, the other 409, nobody told twice', async () => {
    const { incidentId } = await seedIncident(3);
    bothReadBeforeEitherWrites(dynamoIncidents, 'get');
    const results = await Promise.all([call(incidentId, { version: 2 }), call(incidentId, { version: 2 })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const messages = await outboxOf(incidentId);
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((m) => m.to[0])).size).toBe(3);
    expect((await dynamoIncidents.get(incidentId))!.version).toBe(3);
  });

  it(`tells a large incident ${INCIDENT_NOTICES_PER_CALL} persons a call, each call one real transaction, saying how many remain`, async () => {
    const { incidentId, subjects } = await seedIncident(INCIDENT_NOTICES_PER_CALL + 5);
    const first = await call(incidentId, { version: 2 });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toMatchObject({ sent: INCIDENT_NOTICES_PER_CALL, remaining: 5, version: 3 });
    const second = await call(incidentId, { version: 3 });
    expect(second.json).toMatchObject({ sent: 5, remaining: 0, version: 4 });
    const messages = await outboxOf(incidentId);
    expect(messages).toHaveLength(subjects.length);
    expect(new Set(messages.map((m) => m.to[0]))).toEqual(new Set(subjects.map((s) => s.email)));
    expect((await dynamoIncidents.get(incidentId))!.notices).toEqual({ sent: subjects.length, unreachable: 0 });
  });

  it('refuses an incident that is not reportable (422 naming reportability), writing nothing', async () => {
    const own = reportableIncident().reportability;
    const { incidentId } = await seedIncident(1, 0, { reportability: { ...own, reportable: false } });
    const result = await call(incidentId, { version: 2 });
    expectProblem(result, 422);
    expect(result.json.errors).toEqual([expect.objectContaining({ field: 'reportability' })]);
    expect(await outboxOf(incidentId)).toEqual([]);
    expect(await noticeLog(incidentId)).toEqual([]);
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    const { incidentId } = await seedIncident(1);
    const noVersion = await call(incidentId, {});
    expectProblem(noVersion, 400);
    expect(JSON.stringify(noVersion.json.errors)).toContain('version');
    const badKind = await call(incidentId, {
      version: 2,
      alternativeMeasure: { kinds: ['silence'], description: measure.description },
    });
    expectProblem(badKind, 400);
    expect(JSON.stringify(badKind.json.errors)).toContain('alternativeMeasure.kinds');
    const short = await call(incidentId, {
      version: 2,
      alternativeMeasure: { kinds: ['publication'], description: 'web' },
    });
    expectProblem(short, 400);
    expect(JSON.stringify(short.json.errors)).toContain('alternativeMeasure.description');
    expectProblem(await call('not-an-incident', { version: 2 }), 400);
    expectProblem(await call('INC-2026-12-01-NOSUCH', { version: 2 }), 404);
    expect((await dynamoIncidents.get(incidentId))!.version).toBe(2);
    expect(await noticeLog(incidentId)).toEqual([]);
  });

  it('DynamoDB down at the write: 503 with Retry-After, nothing written; decided again later, everyone told once', async () => {
    const { incidentId } = await seedIncident(2);
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable', $fault: 'server' }));
      const result = await call(incidentId, { version: 2 });
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(await outboxOf(incidentId)).toEqual([]);
    expect((await dynamoIncidents.subjects(incidentId)).every((s) => !s.notice)).toBe(true);
    expect((await call(incidentId, { version: 2 })).json).toMatchObject({ sent: 2 });
  });

  it('mail down: the notice stands as sent (queued), the message stays pending for the outbox’s retries', async () => {
    const { incidentId, subjects } = await seedIncident(1);
    expect((await call(incidentId, { version: 2 })).status).toBe(200);
    const [message] = await outboxOf(incidentId);
    const ses = mockClient(SESClient);
    try {
      ses.on(SendEmailCommand).rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable' }));
      expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).batchItemFailures).toEqual(
        [],
      );
    } finally {
      ses.restore();
    }
    expect(await getItem('outbox', { messageId: message!.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 1,
    });
    expect((await dynamoIncidents.subjects(incidentId))[0]!.notice).toMatchObject({ state: 'sent' });
    expect(await mailbox(subjects[0]!.email)).toEqual([]);
  });
});

describe('GET /v1/staff/incidents/{incidentId}/notice-preview', () => {
  const PREVIEW = '/v1/staff/incidents/{incidentId}/notice-preview';
  const look = (incidentId: string, claims = staffClaims('officer')) =>
    invoke(preview, {
      method: 'GET',
      path: PREVIEW.replace('{incidentId}', incidentId),
      resource: PREVIEW,
      pathParameters: { incidentId },
      claims,
    });

  it('shows the officer the e-mail the persons would receive, reading no address; others are refused', async () => {
    const { incidentId, subjects } = await seedIncident(2);
    const result = await look(incidentId);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({ incidentId, version: 2, reportable: true, waiting: 2, calls: 1, missing: [] });
    expect(result.json.text).toContain('1. 概要');
    expect(JSON.stringify(result.json)).not.toContain('@example.jp');
    const log = await noticeLog(incidentId);
    expect(log).toEqual([expect.objectContaining({ action: 'read', subjects: [] })]);
    for (const role of ['operator', 'auditor']) expectProblem(await look(incidentId, staffClaims(role)), 403);
    expectProblem(await look('INC-2026-12-01-NOSUCH'), 404);
    expect(subjects).toHaveLength(2);
  });
});
