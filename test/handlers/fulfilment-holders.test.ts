// The fan-out against DynamoDB Local and the real demo processor (local/demo-processor.ts): a decided
// erasure is sent by the stream worker, the processor's signed callback (received over HTTP, forwarded
// byte for byte) completes the task, and the held answer goes out saying what was done where. Then the
// attacks and faults: unsigned, wrongly signed, unknown domain, unknown task, another holder's task,
// replays; a holder that never finishes (polled, nothing lost); a holder down then up (backoff, then
// sent); two workers at once (one send); a withdrawal (the holder is asked to cancel).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, POLL_EVERY_MS } from '../../functions/domain/fulfilment/contact';
import type { FulfilmentTask } from '../../functions/domain/fulfilment/task';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { discoverEndpoint, type RunningDemoProcessor, startDemoProcessor } from '../../local/demo-processor';
import { signOpenDsr } from '../../local/opendsr-signing';
import { seedDemoStaff } from '../../local/seed';
import { holder } from '../domain/fulfilment/doubles';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import {
  type CallbackReceiver,
  type ScriptedHolder,
  startCallbackReceiver,
  startScriptedHolder,
} from '../support/opendsr';
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
  sweep: typeof import('../../functions/handlers/contact-holders').handler;
  callback: typeof import('../../functions/handlers/receive-opendsr-callback').handler;
  withdraw: typeof import('../../functions/handlers/withdraw-request').handler;
  contact: typeof import('../../functions/domain/fulfilment/contact').contactHolder;
  deps: typeof import('../../functions/adapters/fulfilment-contact').contactDeps;
};

let prefix: string;
let processor: RunningDemoProcessor;
let receiver: CallbackReceiver;
let other: ScriptedHolder;
let h: Handlers;
const people: { email: string }[] = [];

beforeAll(async () => {
  prefix = await freshTables();
  [receiver, other] = await Promise.all([startCallbackReceiver(), startScriptedHolder('other.test')]);
  // The desk's callback URL is the receiver's: callbacks arrive over HTTP and are forwarded as received.
  process.env.DESK_PUBLIC_BASE_URL = receiver.url.replace(/\/v1\/opendsr\/callbacks$/, '');
  process.env.DESK_ALLOW_PLAIN_HTTP_HOLDERS = 'true';
  process.env.DESK_OPENDSR_EXTENSION_DOMAIN = 'desk.test';
  for (let i = 0; i < 8; i++) people.push({ email: uniqueEmail('hanako') });
  processor = await startDemoProcessor({
    name: 'Mecara CRM',
    people: people.map(({ email }) => ({
      emails: [email],
      customerIds: [],
      records: [{ category: 'email', value: email, purposes: ['service-provision'] }],
    })),
    completionDelayMs: 300,
    callbackBackoffMs: 100,
    deskExtensionDomain: 'desk.test',
    log: () => {},
  });
  const endpoint = await discoverEndpoint(processor.baseUrl, processor.processorDomain);
  await Promise.all([
    seedDemoStaff('test-password'),
    putItem('holders', { ...holder({ endpoint, categories: ['email'] }), itemKey: 'holder' }),
    putItem('holders', {
      ...holder({ holderId: 'holder-other', name: 'Other Co', endpoint: other.endpoint, categories: ['phone'] }),
      itemKey: 'holder',
    }),
  ]);
  h = {
    send: (await import('../../functions/handlers/send-fulfilment-tasks')).handler,
    sweep: (await import('../../functions/handlers/contact-holders')).handler,
    callback: (await import('../../functions/handlers/receive-opendsr-callback')).handler,
    withdraw: (await import('../../functions/handlers/withdraw-request')).handler,
    contact: (await import('../../functions/domain/fulfilment/contact')).contactHolder,
    deps: (await import('../../functions/adapters/fulfilment-contact')).contactDeps,
  };
});

afterAll(async () => {
  await Promise.all([processor?.stop(), receiver?.stop(), other?.stop()]);
  await dropTables(prefix);
});

let next = 0;
/** A person the desk and the processor both hold, asking for erasure; decided. */
async function decidedErasure() {
  const { email } = people[next++]!;
  const subjectId = `subject-${randomUUID()}`;
  const record = { subjectId, recordId: `rec-${randomUUID()}`, category: 'email', value: email };
  await putItem('personal-data', {
    ...record,
    lookupKey: lookupKeyOf(record),
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2026-01-01T00:00:00.000Z',
  });
  const body = {
    ...requestBody({ requesterEmail: email, name: 'Hanako Yamada', language: 'en' }),
    type: 'cessation-of-use',
    details: { grounds: ['no-longer-needed'], measure: 'erase' },
  };
  const { requestId, statusToken } = await submitAndVerify(body as ReturnType<typeof requestBody>);
  const decided = await decide(requestId, { outcome: 'fulfilled', details: { measure: 'erase' } });
  expect(decided.json).toMatchObject({ answer: 'awaiting-holders', tasks: 1 });
  const [task] = (await scanAll<FulfilmentTask>('fulfilment-tasks')).filter((t) => t.requestId === requestId);
  return { email, requestId, statusToken, task: task! };
}

const taskOf = (taskId: string) => getItem('fulfilment-tasks', { taskId }) as Promise<FulfilmentTask>;
const insertOf = (task: FulfilmentTask) => streamEvent(streamRecord('INSERT', { newImage: task }));
const decisionMail = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));
/** Makes a task due now, as time passing would. */
const makeDue = (taskId: string) =>
  setAttributes('fulfilment-tasks', { taskId }, { nextContactAt: new Date(Date.now() - 1000).toISOString() });

/** The processor's callback for a task that reports `status`, as it arrived at the receiver. */
const callbackFor = (taskId: string, status: string) =>
  waitFor(
    async () =>
      receiver.received.find((c) => {
        const body = JSON.parse(c.raw) as { subject_request_id: string; request_status: string };
        return body.subject_request_id === taskId && body.request_status === status;
      }),
    `${status} callback for ${taskId}`,
  );

const postCallback = (raw: string, headers: Record<string, string>) =>
  invoke(h.callback, {
    method: 'POST',
    path: '/v1/opendsr/callbacks',
    resource: '/v1/opendsr/callbacks',
    body: raw,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
const forward = (c: { raw: string; headers: Record<string, unknown> }) =>
  postCallback(c.raw, {
    'X-OpenDSR-Signature': String(c.headers['x-opendsr-signature']),
    'X-OpenDSR-Processor-Domain': String(c.headers['x-opendsr-processor-domain']),
  });

describe('a decided erasure reaches the demo processor and closes', () => {
  it('sent by the stream worker; the signed callback completes the task and releases the answer with what was done where', async () => {
    const { email, requestId, task } = await decidedErasure();
    expect(task.taskState).toBe('to-send');
    expect(await h.send(insertOf(task))).toEqual({ batchItemFailures: [] });
    const sent = await taskOf(task.taskId);
    expect(sent).toMatchObject({ taskState: 'sent', holderStatus: 'pending', attempts: 0 });
    expect(sent.identities).toBeUndefined();
    expect(sent.contacts.map((c) => [c.kind, c.outcome])).toEqual([['send', 'pending']]);
    expect(await decisionMail(requestId)).toEqual([]);

    const completed = await callbackFor(task.taskId, 'completed');
    const answered = await forward(completed);
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(answered.json).toEqual({ subject_request_id: task.taskId, changed: true });
    expect(await taskOf(task.taskId)).toMatchObject({ taskState: 'completed', holderStatus: 'completed' });
    expect(processor.people().some((p) => p.emails.includes(email))).toBe(false);
    const [mail] = await decisionMail(requestId);
    expect(mail!.text).toContain('What was done in our other systems and by our contractors');
    expect(mail!.text).toContain('- Mecara CRM (E-mail address): erased the data');
    expect(mail!.text).not.toContain(processor.baseUrl);
    expect(await getItem('requests', { requestId })).toMatchObject({ answer: { state: 'released' } });

    // Replayed: answered 200, nothing changes, nothing is sent again.
    const replay = await forward(completed);
    expect(replay.json).toEqual({ subject_request_id: task.taskId, changed: false });
    const pending = receiver.received.find((c) => c.raw.includes(task.taskId) && c.raw.includes('"pending"'));
    if (pending) expect((await forward(pending)).json.changed).toBe(false);
    expect(await decisionMail(requestId)).toHaveLength(1);
  });
});

describe('callbacks that must change nothing', () => {
  it('unsigned, wrongly signed, tampered, unknown domain → 403 problem; unknown task or another holder’s task → 404 alike', async () => {
    const { task } = await decidedErasure();
    await h.send(insertOf(task));
    const completed = await callbackFor(task.taskId, 'completed');
    const domain = String(completed.headers['x-opendsr-processor-domain']);
    const signature = String(completed.headers['x-opendsr-signature']);
    const refused = [
      await postCallback(completed.raw, { 'X-OpenDSR-Processor-Domain': domain }),
      await postCallback(completed.raw.replace('completed', 'cancelled'), {
        'X-OpenDSR-Signature': signature,
        'X-OpenDSR-Processor-Domain': domain,
      }),
      await postCallback(completed.raw, {
        'X-OpenDSR-Signature': signOpenDsr(completed.raw, other.privateKeyPem),
        'X-OpenDSR-Processor-Domain': domain,
      }),
      await postCallback(completed.raw, {
        'X-OpenDSR-Signature': signature,
        'X-OpenDSR-Processor-Domain': 'unknown.example',
      }),
      // Garbage that is not even JSON is refused for its signature, never parsed.
      await postCallback('{not json', { 'X-OpenDSR-Signature': 'AAAA', 'X-OpenDSR-Processor-Domain': domain }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json.title).toBe('Signature not verified');
    }
    // Signed by the other registered holder: a valid signature, but not the holder this task went to.
    const foreign = completed.raw;
    const theirs = await postCallback(foreign, {
      'X-OpenDSR-Signature': signOpenDsr(foreign, other.privateKeyPem),
      'X-OpenDSR-Processor-Domain': 'other.test',
    });
    const unknownBody = foreign.replace(task.taskId, randomUUID());
    const unknown = await postCallback(unknownBody, {
      'X-OpenDSR-Signature': signOpenDsr(unknownBody, other.privateKeyPem),
      'X-OpenDSR-Processor-Domain': 'other.test',
    });
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    expect(theirs.json.detail).toBe(unknown.json.detail);
    // Signed, but not addressed to this desk's callback URL.
    const elsewhere = JSON.stringify({ ...JSON.parse(foreign), status_callback_url: 'https://evil.example/cb' });
    const misdirected = await postCallback(elsewhere, {
      'X-OpenDSR-Signature': signOpenDsr(elsewhere, other.privateKeyPem),
      'X-OpenDSR-Processor-Domain': 'other.test',
    });
    expect(misdirected.status).toBe(403);
    // Signed, malformed: 400 naming the field.
    const malformed = JSON.stringify({ ...JSON.parse(foreign), request_status: 'done' });
    const bad = await postCallback(malformed, {
      'X-OpenDSR-Signature': signOpenDsr(malformed, other.privateKeyPem),
      'X-OpenDSR-Processor-Domain': 'other.test',
    });
    expect(bad.status).toBe(400);
    expect(await taskOf(task.taskId)).toMatchObject({ taskState: 'sent' });
    // Oversize: 413 before anything else.
    const huge = await postCallback('x'.repeat(70 * 1024), { 'X-OpenDSR-Processor-Domain': domain });
    expect(huge.status).toBe(413);
  });
});

describe('faults', () => {
  it('a holder that never finishes is polled; the task stays sent and nothing is lost', async () => {
    processor.faults.stall = true;
    try {
      const { task } = await decidedErasure();
      await h.send(insertOf(task));
      await makeDue(task.taskId);
      expect(await h.contact(h.deps(), task.taskId)).toBe('polled');
      const polled = await taskOf(task.taskId);
      expect(polled.taskState).toBe('sent');
      expect(polled.contacts.map((c) => c.kind)).toEqual(['send', 'poll']);
      expect(Date.parse(polled.nextContactAt) - Date.now()).toBeGreaterThan(POLL_EVERY_MS - 60_000);
    } finally {
      processor.faults.stall = false;
    }
  });

  it('a holder down then up: retried with a doubling backoff, never dropped, then sent and completed', async () => {
    const { requestId, task } = await decidedErasure();
    await processor.down();
    try {
      await h.send(insertOf(task));
      const first = await taskOf(task.taskId);
      expect(first).toMatchObject({ taskState: 'to-send', attempts: 1 });
      const wait1 = Date.parse(first.nextContactAt) - Date.now();
      expect(wait1).toBeGreaterThan(FIRST_RETRY_MS - 5000);
      expect(wait1).toBeLessThanOrEqual(FIRST_RETRY_MS);
      await makeDue(task.taskId);
      expect(await h.contact(h.deps(), task.taskId)).toBe('retry');
      const second = await taskOf(task.taskId);
      expect(second.attempts).toBe(2);
      expect(Date.parse(second.nextContactAt) - Date.now()).toBeGreaterThan(2 * FIRST_RETRY_MS - 5000);
    } finally {
      await processor.up();
    }
    await makeDue(task.taskId);
    await h.sweep();
    expect(await taskOf(task.taskId)).toMatchObject({ taskState: 'sent', attempts: 0 });
    await forward(await callbackFor(task.taskId, 'completed'));
    expect(await taskOf(task.taskId)).toMatchObject({ taskState: 'completed' });
    expect(await decisionMail(requestId)).toHaveLength(1);
  });

  it('the stream worker and the schedule at once: the holder is sent the task once', async () => {
    const { task } = await decidedErasure();
    const outcomes = await Promise.all([h.send(insertOf(task)), h.sweep(), h.contact(h.deps(), task.taskId)]);
    expect(outcomes[0]).toEqual({ batchItemFailures: [] });
    const stored = await taskOf(task.taskId);
    expect(stored.taskState).toBe('sent');
    expect(stored.contacts.filter((c) => c.kind === 'send')).toHaveLength(1);
  });

  it('withdrawn after the holder accepted: the holder is asked to cancel (DELETE) and the task is cancelled', async () => {
    processor.faults.stall = true;
    try {
      const { requestId, statusToken, task } = await decidedErasure();
      await h.send(insertOf(task));
      const withdrawn = await invoke(h.withdraw, {
        method: 'POST',
        path: `/v1/requests/${requestId}/withdrawal`,
        resource: '/v1/requests/{requestId}/withdrawal',
        pathParameters: { requestId },
        headers: { Authorization: `Bearer ${statusToken}` },
      });
      expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
      const pending = await taskOf(task.taskId);
      expect(pending.taskState).toBe('cancel-pending');
      const sent = await taskOf(task.taskId);
      await h.send(
        streamEvent(streamRecord('MODIFY', { newImage: pending, oldImage: { ...sent, taskState: 'sent' } })),
      );
      expect(await taskOf(task.taskId)).toMatchObject({ taskState: 'cancelled' });
      expect(processor.request(task.taskId)?.status).toBe('cancelled');
      expect(await decisionMail(requestId)).toEqual([]);
    } finally {
      processor.faults.stall = false;
    }
  });
});
