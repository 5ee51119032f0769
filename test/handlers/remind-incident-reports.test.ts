// The officer's reminders of reports to the PPC against DynamoDB Local: the marker and the outbox
// message commit together, so two runs at once mail once; nothing for incidents that owe no report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import { handler as remind } from '../../functions/handlers/remind-incident-reports';
import { incidentAt } from '../domain/incidents/fixture';
import { freshTables } from '../support/desk';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const DAY = 86_400_000;

describe('remind-incident-reports', () => {
  it('e-mails the officer once per overdue report, however often and however concurrently it runs', async () => {
    const longAgo = new Date(Date.now() - 70 * DAY);
    const submitted = (kind: 'preliminary' | 'final') => ({
      kind,
      submittedAt: longAgo.toISOString(),
      receiptReference: `PPC-${kind}`,
      recordedBy: 'officer',
      recordedAt: longAgo.toISOString(),
      fromVersion: 1,
    });
    await dynamoIncidents.add(incidentAt('INC-OVERDUE', longAgo), []);
    await dynamoIncidents.add(incidentAt('INC-NOT-REPORTABLE', longAgo, {}), []);
    await dynamoIncidents.add(incidentAt('INC-CLOSED', longAgo, undefined, { state: 'closed' }), []);
    await dynamoIncidents.add(
      incidentAt('INC-SUBMITTED', longAgo, undefined, {
        reports: { preliminary: submitted('preliminary'), final: submitted('final') },
      }),
      [],
    );
    await dynamoIncidents.add(incidentAt('INC-NEW', new Date(Date.now() + DAY)), []);

    const runs = await Promise.all([remind(), remind()]);
    expect(runs.map((r) => r.reminded).reduce((a, b) => a + b)).toBe(2);
    expect(await remind()).toEqual({ owed: 2, reminded: 0 });

    const mails = (await scanAll('outbox')).filter((m) => String(m.topic).startsWith('incident-report-'));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail).toMatchObject({ to: ['officer@desk.example.jp'], topic: 'incident-report-overdue' });
      expect(mail.text).toContain('INC-OVERDUE');
      expect(mail.text).not.toContain('wrong recipient');
    }
    const markers = (await scanAll('incidents')).filter((i) => String(i.itemKey).startsWith('reminder#'));
    expect(
      markers.map((m) => [m.incidentId, String(m.itemKey).split('#')[1], String(m.itemKey).split('#')[3]]).sort(),
    ).toEqual([
      ['INC-OVERDUE', 'final', 'overdue'],
      ['INC-OVERDUE', 'preliminary', 'overdue'],
    ]);
    // The register still reads as it did: the markers are no incident.
    expect((await dynamoIncidents.list()).map((i) => i.incidentId).sort()).toHaveLength(5);
  });
});
