// A disclosure decided through the real handlers lists the My Number documents held for the person,
// from the my-number table on DynamoDB Local, with their retention; the number itself is in no
// electronic form of the dossier (JSON, CSV, page), nor in the stored copy, nor in the access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoMyNumberDocuments } from '../../functions/adapters/my-number-repository';
import { systemClock } from '../../functions/adapters/system';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { MY_NUMBER_DOCUMENTS_FIELD } from '../../functions/domain/my-number/ports';
import { handler as decideHandler } from '../../functions/handlers/decide-request';
import { handler as getDisclosure } from '../../functions/handlers/get-disclosure';
import { dossierResponse } from '../../functions/http/contract';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { apiEvent, freshTables, invoke, lambdaContext } from '../support/desk';
import { dropTables, outboxAbout, requestBody, scanAll, staffClaims, submitAndVerify } from '../support/requests';
import { NUMBER, OTHER_NUMBER, registered, registration } from './my-number-fixtures';

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});
afterAll(() => dropTables(prefix));

const year = new Date().getUTCFullYear();

async function decidedDisclosure(language: 'ja' | 'en') {
  const { requestId } = await submitAndVerify(
    requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
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
  return { requestId, token };
}

const served = (token: string, headers: Record<string, string>, query?: Record<string, string>) =>
  getDisclosure(
    apiEvent({
      method: 'GET',
      path: `/v1/disclosures/${token}`,
      resource: '/v1/disclosures/{token}',
      pathParameters: { token },
      headers,
      ...(query ? { query } : {}),
    }),
    lambdaContext,
  );

describe('the My Number documents in a disclosure (My Number Act Art. 20)', () => {
  it('lists each document with its affair, its year or day and its last day, never the number, in every format', async () => {
    const subjectId = DEMO_CUSTOMER.subjectId;
    // The demo customer's declaration for this year (local/seed.ts, number NUMBER), and an insurance notification.
    await registered(
      registration(subjectId, {
        affair: 'social-insurance',
        document: 'health-insurance-qualification',
        documentDate: `${year}-04-01`,
        number: OTHER_NUMBER,
      }),
    );
    const { requestId, token } = await decidedDisclosure('en');

    const json = await invoke(getDisclosure, {
      method: 'GET',
      path: `/v1/disclosures/${token}`,
      resource: '/v1/disclosures/{token}',
      pathParameters: { token },
    });
    expect(json.status).toBe(200);
    expect(dossierResponse.safeParse(json.json).success).toBe(true);
    expect(json.json.myNumberDocuments).toEqual([
      {
        document: 'dependant-deduction-declaration',
        name: "Employee's declaration for dependant deductions",
        affair: 'tax',
        affairLabel: 'Tax affairs',
        taxYear: year,
        // Seven years from the day after 10 January following the tax year: to 10 January.
        keptUntil: `${year + 8}-01-10`,
      },
      {
        document: 'health-insurance-qualification',
        name: 'Notification of health and pension insurance qualification',
        affair: 'social-insurance',
        affairLabel: 'Social insurance affairs',
        completedOn: `${year}-04-01`,
        // Two years counted from the day after completion (Civil Code Art. 140, 143).
        keptUntil: `${year + 2}-04-01`,
      },
    ]);
    expect(json.json.myNumberNote).toContain('only in writing by post');

    const csv = await served(token, { Accept: 'text/csv' });
    const page = await served(token, { Accept: 'text/html' });
    expect(csv.statusCode).toBe(200);
    expect(page.statusCode).toBe(200);
    expect(csv.body).toContain("Employee's declaration for dependant deductions");
    expect(page.body).toContain('Documents bearing your Individual Number (My Number)');
    expect(page.body).toContain('only in writing by post');
    for (const text of [JSON.stringify(json.json), csv.body, page.body]) {
      expect(text).not.toContain(NUMBER);
      expect(text).not.toContain(OTHER_NUMBER);
    }
    // Nor in the stored copy, nor in the log of the read.
    const stored = JSON.stringify(await scanAll('disclosures'));
    expect(stored).toContain('dependant-deduction-declaration');
    expect(stored).not.toContain(NUMBER);
    const entries = (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
      (e) => e.reason === `disclosure ${requestId}` && e.fields.includes(MY_NUMBER_DOCUMENTS_FIELD),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subjects).toContain(subjectId);
    expect(JSON.stringify(await scanAll('access-log'))).not.toContain(NUMBER);
  });

  it('the reader of documents never fetches the number, even for a caller that asks for the whole item', async () => {
    const held = await dynamoMyNumberDocuments.heldDocumentsOf(DEMO_CUSTOMER.subjectId, systemClock.now());
    expect(held.length).toBeGreaterThan(0);
    for (const document of held) {
      expect(Object.keys(document).sort()).not.toContain('number');
      expect(document).not.toHaveProperty('registeredBy');
    }
  });

  it('a Japanese dossier names the documents in Japanese', async () => {
    const { token } = await decidedDisclosure('ja');
    const json = await invoke(getDisclosure, {
      method: 'GET',
      path: `/v1/disclosures/${token}`,
      resource: '/v1/disclosures/{token}',
      pathParameters: { token },
    });
    expect(json.json.myNumberDocuments[0]).toMatchObject({
      name: '給与所得者の扶養控除等申告書',
      affairLabel: '税務に関する事務',
    });
    expect(json.json.myNumberNote).toContain('書面の郵送によってのみ開示します');
  });
});
