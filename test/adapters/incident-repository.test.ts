// The incident register's table against DynamoDB Local: versions kept, the current item written only
// on the version read, links and notices all or nothing, a person's incidents by the bySubject index.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents, dynamoRegisteredSubjects } from '../../functions/adapters/incident-repository';
import type { Incident, IncidentSubject } from '../../functions/domain/incidents/incident';
import { INCIDENT_LINKS_PER_CALL } from '../../functions/domain/incidents/limits';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import { outboxMessage } from '../../functions/domain/outbox';
import { freshTables } from '../support/desk';
import { incidentFixture } from '../support/incident-fixture';
import { dropTables, getItem, putItem, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const AT = '2026-12-07T01:00:00.000Z';

const incident = (overrides: Partial<Incident> = {}): Incident =>
  incidentFixture({
    state: 'draft',
    awareAt: AT,
    summary: 'An order confirmation went to the wrong address.',
    persons: { estimated: 2, linked: 0 },
    reportability: { reportable: false, underMyNumberAct: false, findings: [], assessedAt: AT },
    deadlines: { preliminaryDueAt: '2026-12-10T15:00:00.000Z', finalDueAt: '2027-01-06T15:00:00.000Z', finalDays: 30 },
    createdAt: AT,
    createdBy: 'operator-1',
    ...overrides,
  });

const link = (incidentId: string, subjectId: string): IncidentSubject => ({
  incidentId,
  subjectId,
  linkedAt: AT,
  linkedBy: 'officer-1',
});

const next = (i: Incident, overrides: Partial<Incident> = {}): Incident => ({
  ...i,
  version: i.version + 1,
  changedAt: AT,
  changedBy: 'officer-1',
  changeReason: 'more is known',
  ...overrides,
});

describe('incident-repository', () => {
  it('adds version 1 with its links once; the id taken answers false', async () => {
    const first = incident();
    expect(await dynamoIncidents.add(first, [link(first.incidentId, 's-1'), link(first.incidentId, 's-2')])).toBe(true);
    expect(await dynamoIncidents.get(first.incidentId)).toEqual(first);
    expect(await dynamoIncidents.versions(first.incidentId)).toEqual([first]);
    expect((await dynamoIncidents.subjects(first.incidentId)).map((s) => s.subjectId)).toEqual(['s-1', 's-2']);
    expect(await dynamoIncidents.add({ ...first, summary: 'another' }, [])).toBe(false);
    expect((await dynamoIncidents.get(first.incidentId))?.summary).toBe(first.summary);
  });

  it('replaces only on the version read, keeping every version; a stale write changes nothing', async () => {
    const first = incident();
    await dynamoIncidents.add(first, []);
    const second = next(first, { state: 'open' });
    await dynamoIncidents.replace(second, [link(first.incidentId, 's-3')]);
    await expect(dynamoIncidents.replace(next(first, { summary: 'lost race' }), [])).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(await dynamoIncidents.get(first.incidentId)).toEqual(second);
    expect(await dynamoIncidents.versions(first.incidentId)).toEqual([first, second]);
  });

  it('a link already there fails the whole write: no version, no other link', async () => {
    const first = incident();
    await dynamoIncidents.add(first, [link(first.incidentId, 's-1')]);
    await expect(
      dynamoIncidents.replace(next(first), [link(first.incidentId, 's-2'), link(first.incidentId, 's-1')]),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await dynamoIncidents.get(first.incidentId)).toEqual(first);
    expect((await dynamoIncidents.subjects(first.incidentId)).map((s) => s.subjectId)).toEqual(['s-1']);
  });

  it(`links up to ${INCIDENT_LINKS_PER_CALL} subjects in one transaction, and refuses more`, async () => {
    const first = incident();
    const many = Array.from({ length: INCIDENT_LINKS_PER_CALL }, (_, i) => link(first.incidentId, `many-${i}`));
    expect(await dynamoIncidents.add(first, many)).toBe(true);
    expect(await dynamoIncidents.subjects(first.incidentId)).toHaveLength(INCIDENT_LINKS_PER_CALL);
    const other = incident();
    await expect(
      dynamoIncidents.add(
        other,
        [...many, link(other.incidentId, 'one-more')].map((l) => ({ ...l, incidentId: other.incidentId })),
      ),
    ).rejects.toThrow(`At most ${INCIDENT_LINKS_PER_CALL}`);
    expect(await dynamoIncidents.get(other.incidentId)).toBeUndefined();
  });

  it("lists the current versions, newest awareness first, and a person's incidents by subject", async () => {
    const older = incident({ awareAt: '2026-11-01T00:00:00.000Z' });
    const newer = incident({ awareAt: '2026-12-01T00:00:00.000Z' });
    const person = `subject-${randomUUID()}`;
    await dynamoIncidents.add(older, [link(older.incidentId, person)]);
    await dynamoIncidents.add(newer, [link(newer.incidentId, person)]);
    await dynamoIncidents.replace(next(newer), []);
    const listed = await dynamoIncidents.list();
    const ours = listed.filter((i) => [older.incidentId, newer.incidentId].includes(i.incidentId));
    expect(ours.map((i) => [i.incidentId, i.version])).toEqual([
      [newer.incidentId, 2],
      [older.incidentId, 1],
    ]);
    expect(listed.every((i) => 'state' in i && !('itemKey' in i))).toBe(true);
    expect((await dynamoIncidents.incidentsOf(person)).map((s) => s.incidentId).sort()).toEqual(
      [older.incidentId, newer.incidentId].sort(),
    );
  });

  it('notifies with the next version and the outbox messages at once; a second notice fails the whole', async () => {
    const first = incident();
    await dynamoIncidents.add(first, [link(first.incidentId, 'n-1'), link(first.incidentId, 'n-2')]);
    const notice = (subjectId: string, messageId: string): IncidentSubject => ({
      ...link(first.incidentId, subjectId),
      notice: { state: 'pending', decidedAt: AT, decidedBy: 'officer-1', messageId, language: 'ja' },
    });
    const m1 = randomUUID();
    const second = next(first);
    await dynamoIncidents.notify(
      second,
      [notice('n-1', m1)],
      [outboxMessage(m1, 'n1@example.jp', { subject: 's', text: 't' }, new Date(AT), 'incident-notice')],
    );
    expect((await getItem('outbox', { messageId: m1 }))?.outboxState).toBe('pending');
    expect(
      (await dynamoIncidents.subjects(first.incidentId)).find((s) => s.subjectId === 'n-1')?.notice?.messageId,
    ).toBe(m1);

    const m2 = randomUUID();
    const m3 = randomUUID();
    await expect(
      dynamoIncidents.notify(
        next(second),
        [notice('n-2', m2), notice('n-1', m3)],
        [
          outboxMessage(m2, 'n2@example.jp', { subject: 's', text: 't' }, new Date(AT), 'incident-notice'),
          outboxMessage(m3, 'n1@example.jp', { subject: 's', text: 't' }, new Date(AT), 'incident-notice'),
        ],
      ),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getItem('outbox', { messageId: m2 })).toBeUndefined();
    expect((await dynamoIncidents.get(first.incidentId))?.version).toBe(2);
    expect(
      (await dynamoIncidents.subjects(first.incidentId)).find((s) => s.subjectId === 'n-2')?.notice,
    ).toBeUndefined();
  });

  it('a notice to a subject never linked fails the whole', async () => {
    const first = incident();
    await dynamoIncidents.add(first, []);
    await expect(
      dynamoIncidents.notify(
        next(first),
        [{ ...link(first.incidentId, 'stranger'), notice: { state: 'unreachable', decidedAt: AT, decidedBy: 'o' } }],
        [],
      ),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await scanAll('incidents').then((all) => all.filter((i) => i.incidentId === first.incidentId))).toHaveLength(
      2,
    );
  });

  it('finds which subjects the registry holds live records under, with their categories, reading no value', async () => {
    const live = `subject-${randomUUID()}`;
    const expired = `subject-${randomUUID()}`;
    const future = Math.floor(Date.parse(AT) / 1000) + 3600;
    await putItem('personal-data', {
      subjectId: live,
      recordId: 'r1',
      category: 'name',
      value: '山田',
      expiresAt: future,
    });
    await putItem('personal-data', {
      subjectId: expired,
      recordId: 'r1',
      category: 'name',
      value: '佐藤',
      expiresAt: 1,
    });
    expect(await dynamoRegisteredSubjects.registered([live, expired, 'nobody'], new Date(AT))).toEqual(
      new Map([[live, ['name']]]),
    );
  });
});
