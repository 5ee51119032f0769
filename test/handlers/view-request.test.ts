// GET /v1/staff/requests/{requestId} against DynamoDB Local: reading a request's personal data is
// access-logged first, in a hash chain; roles and status come from the staff table on every call.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import { type ChainedAccessLogEntry, GENESIS_HASH, hashAccessLogEntry } from '../../functions/domain/access-log/entry';
import { emailLookupKey } from '../../functions/domain/holdings';
import { purposeNotification } from '../../functions/domain/requests/types/purpose-notification/definition';
import { REQUEST_TYPES } from '../../functions/domain/requests/types/registry';
import { handler } from '../../functions/handlers/view-request';
import { staffRequestResponse } from '../../functions/http/contract';
import { DEMO_CUSTOMER, DEMO_RECIPIENTS, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { receivedRequest } from '../domain/doubles';
import { sentTask } from '../domain/fulfilment/tracking-doubles';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  dropTables,
  expectProblem,
  putItem,
  putStaff,
  requestBody,
  scanAll,
  setAttributes,
  staffClaims,
  submit,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  await seedDemoCustomer();
});

afterAll(() => dropTables(prefix));

const view = (requestId: string, claims?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/requests/${requestId}`,
    resource: '/v1/staff/requests/{requestId}',
    pathParameters: { requestId },
    ...(claims ? { claims } : {}),
  });

const logEntriesAbout = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason.includes(requestId));

describe('view-request: whether the answers go to an address the desk holds for the customer', () => {
  const flagOf = async (body: ReturnType<typeof requestBody>) => {
    const { requestId } = await submitAndVerify(body);
    const result = await view(requestId, staffClaims('operator'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    return result.json.answerAddressHeldForCustomer;
  };

  it('a customer asking for themselves from the address the desk holds: held, whatever the case of the letters', async () => {
    expect(await flagOf(requestBody({ requesterEmail: DEMO_CUSTOMER.email }))).toBe(true);
    expect(
      await flagOf(
        requestBody({ requesterEmail: DEMO_CUSTOMER.email.toUpperCase(), subjectEmail: DEMO_CUSTOMER.email }),
      ),
    ).toBe(true);
  });

  it('a person the desk holds nothing for: not held', async () => {
    expect(await flagOf(requestBody())).toBe(false);
  });

  it('a representative answered at their own address: not held; at another address the desk holds for the customer: held', async () => {
    expect(
      await flagOf(
        requestBody({ kind: 'agent', requesterEmail: uniqueEmail('agent'), subjectEmail: DEMO_CUSTOMER.email }),
      ),
    ).toBe(false);
    const second = uniqueEmail('hanako-second');
    await putItem('personal-data', {
      subjectId: DEMO_CUSTOMER.subjectId,
      recordId: `email-${second}`,
      category: 'email',
      value: second,
      lookupKey: emailLookupKey(second),
      source: 'from-customer',
      acquiredAt: new Date().toISOString(),
    });
    expect(
      await flagOf(
        requestBody({ kind: 'legal-representative', requesterEmail: second, subjectEmail: DEMO_CUSTOMER.email }),
      ),
    ).toBe(true);
    // An address held for someone else is not held for this customer.
    expect(
      await flagOf(requestBody({ kind: 'agent', requesterEmail: second, subjectEmail: uniqueEmail('other') })),
    ).toBe(false);
  });
});

describe('view-request', () => {
  it('an operator sees requester, subject and history, but no secrets or storage fields', async () => {
    const body = requestBody({ language: 'en', kind: 'agent', subjectEmail: 'subject@example.jp' });
    const { requestId } = await submitAndVerify(body);
    const result = await view(requestId, staffClaims('operator'));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      requestId,
      type: 'disclosure',
      status: 'received',
      requester: body.requester,
      subject: body.subject,
      language: 'en',
      history: [{ event: 'submitted' }, { event: 'received' }],
    });
    for (const hidden of ['verification', 'statusTokenHash', 'expiresAt', 'version'])
      expect(result.json).not.toHaveProperty(hidden);
  });

  it('writes an access-log entry naming actor, role and reason, chained by hash', async () => {
    const { requestId } = await submitAndVerify();
    expect((await view(requestId, staffClaims('officer'))).status).toBe(200);
    const [entry, ...more] = await logEntriesAbout(requestId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'officer',
      role: 'officer',
      action: 'read',
      subjects: [`request:${requestId}`],
      fields: [
        'requester',
        'subject',
        'details',
        'notes',
        'representativeVerification',
        'delivery',
        'answerAddressHeldForCustomer',
      ],
      reason: `disclosure ${requestId}`,
      sourceIp: '203.0.113.10',
      chainId: expect.stringMatching(/^chain-\d+$/),
      seq: expect.any(Number),
      previousHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(entry!.at)).toBeGreaterThan(Date.now() - 60_000);
    const { hash, ...body } = entry as ChainedAccessLogEntry;
    expect(hashAccessLogEntry(body)).toBe(hash);
    // Each read adds one entry; each entry carries its predecessor's hash.
    expect((await view(requestId, staffClaims('operator'))).status).toBe(200);
    expect(await logEntriesAbout(requestId)).toHaveLength(2);
    const chains = new Map<string, ChainedAccessLogEntry[]>();
    for (const e of await scanAll<ChainedAccessLogEntry>('access-log'))
      chains.set(e.chainId, [...(chains.get(e.chainId) ?? []), e]);
    for (const chain of chains.values()) {
      chain.sort((a, b) => a.seq - b.seq);
      chain.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        expect(e.previousHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
      });
    }
  });

  it('the access-log entry is kept for years', async () => {
    const { requestId } = await submitAndVerify();
    await view(requestId, staffClaims('operator'));
    const [entry] = (await logEntriesAbout(requestId)) as Array<ChainedAccessLogEntry & { expiresAt: number }>;
    expect(entry!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 4 * 365 * 24 * 3600);
  });

  it('an auditor is refused with 403 and nothing is logged', async () => {
    const { requestId } = await submitAndVerify();
    const result = await view(requestId, staffClaims('auditor'));
    expectProblem(result, 403);
    expect(result.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('a staff member disabled in the table → 403 on the next call, claims unchanged, nothing logged', async () => {
    await putStaff('view-disabled', 'operator');
    const claims = staffClaims('view-disabled', 'operator');
    const { requestId } = await submitAndVerify();
    expect((await view(requestId, claims)).status).toBe(200);
    await setAttributes('staff', { staffId: 'view-disabled' }, { status: 'disabled' });
    expectProblem(await view(requestId, claims), 403);
    expect(await logEntriesAbout(requestId)).toHaveLength(1);
  });

  it('no claims → 401', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await view(requestId), 401);
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('when the access log cannot be written, nothing personal is shown: 500 without the request', async () => {
    const { requestId } = await submitAndVerify(requestBody({ requesterEmail: 'logged-first@example.jp' }));
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
      const result = await view(requestId, staffClaims('operator'));
      expectProblem(result, 500);
      expect(JSON.stringify(result.json)).not.toContain('logged-first@example.jp');
    } finally {
      mock.restore();
    }
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('when every chain the access log tries is taken by concurrent writers: 503 with Retry-After, nothing personal shown', async () => {
    const { requestId } = await submitAndVerify(requestBody({ requesterEmail: 'busy-log@example.jp' }));
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(
          Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
        );
      const result = await view(requestId, staffClaims('operator'));
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBe('1');
      expect(JSON.stringify(result.json)).not.toContain('busy-log@example.jp');
    } finally {
      mock.restore();
    }
    expect(await logEntriesAbout(requestId)).toEqual([]);
  });

  it('an unknown id or a request not yet verified → 404, nothing logged', async () => {
    const unverified = await submit();
    for (const requestId of [randomUUID(), unverified]) {
      expectProblem(await view(requestId, staffClaims('operator')), 404);
      expect(await logEntriesAbout(requestId)).toEqual([]);
    }
  });
});

describe('view-request: decision options', () => {
  const GROUNDS: Record<string, string[]> = {
    disclosure: ['harm-to-person-or-third-party', 'hindrance-to-business', 'violation-of-law'],
    'purpose-notification': [
      'purpose-already-clear',
      'harm-to-person-or-third-party',
      'harm-to-company-rights-or-interests',
      'cooperation-with-public-body',
    ],
    correction: ['content-found-true', 'not-necessary-for-purposes', 'special-procedure-under-other-law'],
    'cessation-of-use': ['no-grounds-found', 'costly-or-difficult-alternative-taken'],
    'cessation-of-provision': ['no-grounds-found', 'costly-or-difficult-alternative-taken'],
    complaint: [],
  };

  it('covers every registered type', () => {
    expect(Object.keys(GROUNDS).sort()).toEqual(REQUEST_TYPES.map((t) => t.type).sort());
  });

  it.each(Object.entries(GROUNDS))(
    "an open %s request offers exactly its type's grounds, outcomes and details schemas",
    async (type, grounds) => {
      const requestId = randomUUID();
      await putItem('requests', receivedRequest({ requestId, type, status: 'in-progress', assignee: 'operator' }));
      const result = await view(requestId, staffClaims('operator'));
      expect(result.status).toBe(200);
      expect(() => staffRequestResponse.strict().parse(result.json)).not.toThrow();
      const definition = REQUEST_TYPES.find((t) => t.type === type)!;
      const options = result.json.decisionOptions;
      expect(options.outcomes).toEqual(definition.outcomes);
      expect(options.refusalGrounds.map((g: { ground: string }) => g.ground)).toEqual(grounds);
      for (const g of options.refusalGrounds) expect(g.label).toEqual(definition.refusalGrounds[g.ground]);
      expect(Object.keys(options.details).sort()).toEqual(Object.keys(definition.decisionDetails ?? {}).sort());
      for (const schema of Object.values(options.details))
        expect(schema).toMatchObject({ type: 'object', properties: expect.any(Object) });
    },
  );

  it("a correction's fulfilled details schema names the changes as rows of objects", async () => {
    const requestId = randomUUID();
    await putItem('requests', receivedRequest({ requestId, type: 'correction' }));
    const { json } = await view(requestId, staffClaims('operator'));
    expect(json.decisionOptions.details.fulfilled).toMatchObject({
      required: ['investigation', 'changes'],
      properties: {
        changes: {
          type: 'array',
          items: { oneOf: expect.arrayContaining([expect.objectContaining({ type: 'object' })]) },
        },
      },
    });
  });

  it('a cessation of provision offers the registered third parties by name as the recipients to name', async () => {
    const requestId = randomUUID();
    await putItem(
      'requests',
      receivedRequest({ requestId, type: 'cessation-of-provision', details: { grounds: ['no-longer-needed'] } }),
    );
    const { status, json } = await view(requestId, staffClaims('operator'));
    expect(status).toBe(200);
    const named = json.decisionOptions.details.fulfilled.properties.recipients.oneOf.find(
      (o: { properties: { scope: { const: string } } }) => o.properties.scope.const === 'named',
    );
    expect(named.properties.recipientIds.items.oneOf).toEqual(
      expect.arrayContaining(DEMO_RECIPIENTS.map((r) => ({ const: r.recipientId, title: `${r.name} (${r.country})` }))),
    );
  });

  it.each(['fulfilled', 'refused', 'withdrawn'] as const)('a %s request offers no decision', async (status) => {
    const requestId = randomUUID();
    await putItem('requests', receivedRequest({ requestId, status, closedAt: '2026-11-10T01:00:00.000Z' }));
    const result = await view(requestId, staffClaims('operator'));
    expect(result.status).toBe(200);
    expect(result.json).not.toHaveProperty('decisionOptions');
  });
});

describe('a decided request', () => {
  it('names its grounds in the words of the Act, in Japanese and English', async () => {
    const requestId = randomUUID();
    await putItem(
      'requests',
      receivedRequest({
        requestId,
        type: 'purpose-notification',
        status: 'refused',
        closedAt: '2026-11-10T01:00:00.000Z',
        decision: {
          outcome: 'refused',
          grounds: ['purpose-already-clear'],
          reason: 'Stated in the notice.',
          decidedAt: '2026-11-10T01:00:00.000Z',
          decidedBy: 'staff-op-1',
        },
      }),
    );
    const { json } = await view(requestId, staffClaims('operator'));
    expect(json.decision.groundLabels).toEqual([
      { id: 'purpose-already-clear', ...purposeNotification.refusalGrounds['purpose-already-clear'] },
    ]);
  });
});

describe('a decided request that reaches holders', () => {
  it("lists each task with the holder's registered name, state and last contact, and no personal data sent", async () => {
    const requestId = randomUUID();
    const holderId = `holder-${randomUUID()}`;
    await putItem('holders', { holderId, itemKey: 'holder', name: 'Mecara CRM', version: 1 });
    await putItem(
      'requests',
      receivedRequest({
        requestId,
        type: 'cessation-of-use',
        status: 'fulfilled',
        closedAt: '2026-11-10T01:00:00.000Z',
        ...({ answer: { state: 'awaiting-holders' } } as object),
      }),
    );
    const task = sentTask({ taskId: randomUUID(), requestId, holderId, taskState: 'needs-person' });
    await putItem('fulfilment-tasks', {
      ...task,
      identities: [{ type: 'email', value: 'secret-address@example.jp' }],
    });
    await putItem('fulfilment-tasks', sentTask({ taskId: randomUUID(), requestId, holderId, expiresAt: 1 }));
    const { status, json } = await view(requestId, staffClaims('operator'));
    expect(status).toBe(200);
    expect(staffRequestResponse.safeParse(json).success).toBe(true);
    expect(json.fulfilment).toEqual({
      answer: 'awaiting-holders',
      tasks: [
        {
          taskId: task.taskId,
          holderId,
          holderName: 'Mecara CRM',
          instruction: 'erasure',
          categories: ['contact'],
          state: 'needs-person',
          lastContact: task.contacts[0],
        },
      ],
    });
    expect(JSON.stringify(json)).not.toContain('secret-address');
  });

  it('a decided request without tasks shows no fulfilment section', async () => {
    const requestId = randomUUID();
    await putItem(
      'requests',
      receivedRequest({ requestId, status: 'fulfilled', closedAt: '2026-11-10T01:00:00.000Z' }),
    );
    const { json } = await view(requestId, staffClaims('officer'));
    expect(json).not.toHaveProperty('fulfilment');
  });
});
