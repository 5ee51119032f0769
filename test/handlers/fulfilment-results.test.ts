// A disclosure reaching the holders, against DynamoDB Local and the real demo processor: a decided
// disclosure of a person the processor holds data for is sent, the processor completes it, and its
// records end up in the person's dossier under its registered name, by its signed callback or by a
// poll; the link then serves them as JSON and as a page. When the results cannot be fetched, the task
// completes all the same and the dossier names the processor as not available. The results are never
// logged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FulfilmentTask } from '../../functions/domain/fulfilment/task';
import { lookupKeyOf } from '../../functions/domain/holdings';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierResponse } from '../../functions/http/contract';
import { discoverEndpoint, type RunningDemoProcessor, startDemoProcessor } from '../../local/demo-processor';
import { seedDemoStaff } from '../../local/seed';
import { holder } from '../domain/fulfilment/doubles';
import { apiEvent, freshTables, invoke, lambdaContext, uniqueEmail } from '../support/desk';
import { type CallbackReceiver, startCallbackReceiver } from '../support/opendsr';
import {
  decide,
  dropTables,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  scanAll,
  setAttributes,
  streamEvent,
  streamRecord,
  submitAndVerify,
  waitFor,
} from '../support/requests';

type Handlers = {
  send: typeof import('../../functions/handlers/send-fulfilment-tasks').handler;
  callback: typeof import('../../functions/handlers/receive-opendsr-callback').handler;
  disclosure: typeof import('../../functions/handlers/get-disclosure').handler;
  contact: typeof import('../../functions/domain/fulfilment/contact').contactHolder;
  deps: typeof import('../../functions/adapters/fulfilment-contact').contactDeps;
};

let prefix: string;
let processor: RunningDemoProcessor;
let receiver: CallbackReceiver;
let h: Handlers;
const people: { email: string; phone: string }[] = [];

beforeAll(async () => {
  prefix = await freshTables();
  receiver = await startCallbackReceiver();
  process.env.DESK_PUBLIC_BASE_URL = receiver.url.replace(/\/v1\/opendsr\/callbacks$/, '');
  process.env.DESK_ALLOW_PLAIN_HTTP_HOLDERS = 'true';
  process.env.DESK_OPENDSR_EXTENSION_DOMAIN = 'desk.test';
  for (let i = 0; i < 3; i++) people.push({ email: uniqueEmail('results'), phone: `090-0000-10${i}${i}` });
  processor = await startDemoProcessor({
    name: 'Mecara CRM',
    people: people.map(({ email, phone }) => ({
      emails: [email],
      customerIds: [],
      records: [
        { category: 'email', value: `crm-${email}`, purposes: ['service-provision'] },
        { category: 'phone', value: `crm-${phone}`, purposes: ['service-provision'] },
        // Not a category the holder is registered for: the desk does not ask for it.
        { category: 'address', value: 'crm-unasked-address', purposes: ['service-provision'] },
      ],
    })),
    completionDelayMs: 200,
    callbackBackoffMs: 100,
    deskExtensionDomain: 'desk.test',
    log: () => {},
  });
  const endpoint = await discoverEndpoint(processor.baseUrl, processor.processorDomain);
  await Promise.all([
    seedDemoStaff('test-password'),
    putItem('holders', { ...holder({ endpoint, categories: ['email', 'phone'] }), itemKey: 'holder' }),
  ]);
  h = {
    send: (await import('../../functions/handlers/send-fulfilment-tasks')).handler,
    callback: (await import('../../functions/handlers/receive-opendsr-callback')).handler,
    disclosure: (await import('../../functions/handlers/get-disclosure')).handler,
    contact: (await import('../../functions/domain/fulfilment/contact')).contactHolder,
    deps: (await import('../../functions/adapters/fulfilment-contact')).contactDeps,
  };
});

afterAll(async () => {
  await Promise.all([processor?.stop(), receiver?.stop()]);
  await dropTables(prefix);
});

let next = 0;
/** A person the desk and the processor both hold, asking for disclosure; decided, the task sent. */
async function sentDisclosure() {
  const person = people[next++]!;
  const subjectId = `subject-${randomUUID()}`;
  for (const [category, value] of [
    ['email', person.email],
    ['phone', person.phone],
  ] as const) {
    const record = { subjectId, recordId: `rec-${randomUUID()}`, category, value };
    await putItem('personal-data', {
      ...record,
      lookupKey: lookupKeyOf(record),
      source: 'from-customer',
      purposes: ['service-provision'],
      acquiredAt: '2026-01-01T00:00:00.000Z',
    });
  }
  const { requestId } = await submitAndVerify(
    requestBody({ requesterEmail: person.email, name: 'Hanako Yamada', language: 'en' }),
  );
  const decided = await decide(requestId, { outcome: 'fulfilled' });
  expect(decided.json).toMatchObject({ answer: 'awaiting-holders', tasks: 1 });
  const [task] = (await scanAll<FulfilmentTask>('fulfilment-tasks')).filter((t) => t.requestId === requestId);
  expect(task).toMatchObject({ instruction: 'disclosure', categories: ['email', 'phone'] });
  expect(await h.send(streamEvent(streamRecord('INSERT', { newImage: task! })))).toEqual({ batchItemFailures: [] });
  return { ...person, requestId, task: task! };
}

const copyOf = async (requestId: string) =>
  (await scanAll<StoredDisclosure & { subjectId: string }>('disclosures')).filter((d) => d.requestId === requestId);

/** The processor's callback reporting completion, as it arrived at the receiver. */
const completedCallback = (taskId: string) =>
  waitFor(
    async () =>
      receiver.received.find((c) => {
        const body = JSON.parse(c.raw) as { subject_request_id: string; request_status: string };
        return body.subject_request_id === taskId && body.request_status === 'completed';
      }),
    `completed callback for ${taskId}`,
  );
const forward = (c: { raw: string; headers: Record<string, unknown> }) =>
  invoke(h.callback, {
    method: 'POST',
    path: '/v1/opendsr/callbacks',
    resource: '/v1/opendsr/callbacks',
    body: c.raw,
    headers: {
      'Content-Type': 'application/json',
      'X-OpenDSR-Signature': String(c.headers['x-opendsr-signature']),
      'X-OpenDSR-Processor-Domain': String(c.headers['x-opendsr-processor-domain']),
    },
  });

/** Everything written to stdout and stderr while `run` runs (the structured logs). */
async function logsOf<T>(run: () => Promise<T>): Promise<{ result: T; logs: string }> {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    return { result: await run(), logs: chunks.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The link token of the released answer. */
async function linkOf(requestId: string) {
  const mail = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled');
  expect(mail, 'the released answer').toBeDefined();
  expect(mail!.text).toContain('- Mecara CRM (E-mail address, Telephone number)');
  return /\/v1\/disclosures\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
}

const linkEvent = (token: string, accept?: string) => ({
  method: 'GET',
  path: `/v1/disclosures/${token}`,
  resource: '/v1/disclosures/{token}',
  pathParameters: { token },
  ...(accept ? { headers: { Accept: accept } } : {}),
});

describe("a decided disclosure ends with the processor's records in the dossier", () => {
  it('by the signed callback: the part names Mecara CRM, holds what it was asked for, and the link serves it', async () => {
    const { email, phone, requestId, task } = await sentDisclosure();
    const completed = await completedCallback(task.taskId);
    const { result: answered, logs } = await logsOf(() => forward(completed));
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(answered.json).toEqual({ subject_request_id: task.taskId, changed: true });
    expect(logs).not.toContain(`crm-${email}`);
    expect(await getItem('fulfilment-tasks', { taskId: task.taskId })).toMatchObject({ taskState: 'completed' });

    const copies = await copyOf(requestId);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.dossier.holderResults).toEqual([
        {
          holder: 'Mecara CRM',
          available: true,
          records: [
            {
              category: 'email',
              categoryLabel: 'E-mail address',
              value: `crm-${email}`,
              linkedAccessInformation: false,
              specialCare: false,
            },
            {
              category: 'phone',
              categoryLabel: 'Telephone number',
              value: `crm-${phone}`,
              linkedAccessInformation: false,
              specialCare: false,
            },
          ],
          receivedAt: expect.any(String),
        },
      ]);
    }

    const token = await linkOf(requestId);
    const json = await invoke(h.disclosure, linkEvent(token));
    expect(json.status).toBe(200);
    expect(dossierResponse.safeParse(json.json).success).toBe(true);
    expect(json.json.holderResults[0]).toMatchObject({ holder: 'Mecara CRM', heading: 'Data held by Mecara CRM' });
    expect(JSON.stringify(json.json)).not.toContain('crm-unasked-address');
    expect(JSON.stringify(json.json)).not.toContain(processor.baseUrl);
    const page = await h.disclosure(apiEvent(linkEvent(token, 'text/html')), lambdaContext);
    expect(page.body).toContain('Data held by Mecara CRM</h2>');
    expect(page.body).toContain(`<span translate="no">crm-${phone}</span>`);

    // Replayed: nothing changes, the part is not added twice.
    expect((await forward(completed)).json.changed).toBe(false);
    expect((await copyOf(requestId))[0]!.dossier.holderResults).toHaveLength(1);
  });

  it('by a poll of a processor whose callback never reached the desk', async () => {
    const { email, requestId, task } = await sentDisclosure();
    await completedCallback(task.taskId);
    await setAttributes(
      'fulfilment-tasks',
      { taskId: task.taskId },
      { nextContactAt: new Date(Date.now() - 1000).toISOString() },
    );
    expect(await h.contact(h.deps(), task.taskId)).toBe('completed');
    const [copy] = await copyOf(requestId);
    expect(copy!.dossier.holderResults).toMatchObject([
      { holder: 'Mecara CRM', available: true, records: [{ value: `crm-${email}` }, { category: 'phone' }] },
    ]);
    await linkOf(requestId);
  });
});

describe('the processor cannot serve its results', () => {
  it('down when the desk fetches them: the task completes, the answer goes out, the dossier says Mecara CRM is not available', async () => {
    const { email, requestId, task } = await sentDisclosure();
    const completed = await completedCallback(task.taskId);
    await processor.down();
    try {
      const answered = await forward(completed);
      expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    } finally {
      await processor.up();
    }
    expect(await getItem('fulfilment-tasks', { taskId: task.taskId })).toMatchObject({ taskState: 'completed' });
    const [copy] = await copyOf(requestId);
    expect(copy!.dossier.holderResults).toEqual([
      { holder: 'Mecara CRM', available: false, records: [], receivedAt: expect.any(String) },
    ]);
    const token = await linkOf(requestId);
    const page = await h.disclosure(apiEvent(linkEvent(token, 'text/html')), lambdaContext);
    expect(page.body).toContain(
      'The data held by Mecara CRM could not be obtained and is not part of this disclosure.',
    );
    expect(page.body).not.toContain(`crm-${email}`);
  });
});
