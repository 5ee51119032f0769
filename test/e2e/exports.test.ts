// Taking data out end to end, over HTTP against the local runtime: an operator asks to export two
// subjects' data, the officer (told by e-mail) approves, the operator downloads once through the
// e-mailed link while signed in; the link then answers 410.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, emailAbout, signIn } = deskClient(desk);
const run = randomUUID().slice(0, 8);
const subjects = [`subject-export-a-${run}`, `subject-export-b-${run}`];

describe("an export of several subjects' data", () => {
  it('is requested, approved by the officer, downloaded once by the requester, and then gone', async () => {
    const acquiredAt = new Date(Date.now() - 60_000).toISOString();
    for (const subjectId of subjects) {
      const registered = await call('POST', '/v1/system/personal-data', {
        as: 'business-systems',
        body: {
          subjectId,
          records: [
            {
              recordId: 'crm-name',
              category: 'name',
              value: `Name of ${subjectId}`,
              source: 'from-customer',
              purposes: ['service-provision'],
              acquiredAt,
            },
            {
              recordId: 'crm-email',
              category: 'email',
              value: `${subjectId}@example.jp`,
              source: 'from-customer',
              purposes: ['service-provision'],
              acquiredAt,
            },
          ],
        },
      });
      expect(registered.status, JSON.stringify(registered.json)).toBe(201);
    }

    const operator = await signIn('operator');
    const asked = await call('POST', '/v1/staff/exports', {
      token: operator,
      body: {
        subjectIds: subjects,
        categories: ['name', 'email'],
        purpose: 'service-provision',
        format: 'csv',
        note: 'Mailing-list check',
      },
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const exportId = asked.json.exportId as string;
    await emailAbout(exportId, /Export request/);

    // Operators never decide; an officer never decides their own (test/handlers/decide-export.test.ts).
    expect(
      (
        await call('POST', `/v1/staff/exports/${exportId}/approval`, {
          token: operator,
          body: { decision: 'approved', reason: 'Approving as an operator' },
        })
      ).status,
    ).toBe(403);
    const officer = await signIn('officer');
    const approved = await call('POST', `/v1/staff/exports/${exportId}/approval`, {
      token: officer,
      body: { decision: 'approved', reason: 'Mailing-list check is in scope' },
    });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);

    const mail = await emailAbout(exportId, /download/);
    expect(mail.destination.to).toEqual(['operator@desk.example.jp']);
    const path = new RegExp(`/v1/staff/exports/${exportId}/download/[A-Za-z0-9_-]+`).exec(mail.body.text!)![0];
    expect(mail.body.text).not.toContain(`Name of ${subjects[0]}`);

    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, { token: officer })).status).toBe(403);
    const file = await call('GET', path, { token: operator });
    expect(file.status, file.text).toBe(200);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    for (const subjectId of subjects) expect(file.text).toContain(`${subjectId},crm-name,name,Name of ${subjectId}`);

    const again = await call('GET', path, { token: operator });
    expect(again.status).toBe(410);
    expect(again.contentType).toBe('application/problem+json');
    const listed = await call('GET', `/v1/staff/exports?status=downloaded`, { token: officer });
    expect(listed.json.items.map((i: { exportId: string }) => i.exportId)).toContain(exportId);
  });
});
