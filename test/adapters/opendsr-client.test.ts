// The OpenDSR client against a real processor (the local demo processor) and a scripted one: every
// answer's domain and signature checked before parsing, down and slow holders told apart from wrong
// answers, sizes capped, results only from the holder's own origin, plain HTTP only where allowed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenDsrClient } from '../../functions/adapters/opendsr-client';
import type { OpenDsrRequest } from '../../functions/domain/fulfilment/opendsr';
import { requestForTask } from '../../functions/domain/fulfilment/opendsr-codec';
import { HolderAnswerError, HolderUnavailableError } from '../../functions/domain/fulfilment/ports';
import type { HolderEndpoint } from '../../functions/domain/holders/holder';
import { discoverEndpoint, type RunningDemoProcessor, startDemoProcessor } from '../../local/demo-processor';
import { signOpenDsr } from '../../local/opendsr-signing';
import {
  type CallbackReceiver,
  type ScriptedHolder,
  startCallbackReceiver,
  startScriptedHolder,
} from '../support/opendsr';

const EMAIL = 'hanako.yamada@example.jp';
let processor: RunningDemoProcessor;
let endpoint: HolderEndpoint;
let receiver: CallbackReceiver;
let scripted: ScriptedHolder;
const client = new OpenDsrClient({ allowPlainHttp: true, timeoutMs: 2000 });

beforeAll(async () => {
  [processor, receiver, scripted] = await Promise.all([
    startDemoProcessor({
      name: 'Test CRM',
      completionDelayMs: 300,
      deskExtensionDomain: 'desk.test',
      people: [
        {
          emails: [EMAIL],
          customerIds: ['C-100234'],
          records: [
            { category: 'email', value: EMAIL, purposes: ['service-provision'] },
            { category: 'name', value: '山田 花子', purposes: ['service-provision'] },
          ],
        },
      ],
    }),
    startCallbackReceiver(),
    startScriptedHolder(),
  ]);
  endpoint = await discoverEndpoint(processor.baseUrl, processor.processorDomain);
});
afterAll(async () => {
  await Promise.all([processor?.stop(), receiver?.stop(), scripted?.stop()]);
});

const request = (instruction: 'disclosure' | 'erasure' = 'disclosure'): OpenDsrRequest => {
  const out = requestForTask({
    task: { taskId: randomUUID(), instruction, categories: ['email', 'name'] },
    holder: { endpoint, understandsDeskExtension: false },
    identities: { emails: [EMAIL], customerIds: [] },
    submittedAt: new Date().toISOString(),
    callbackUrl: receiver.url,
    extensionDomain: 'desk.test',
  });
  if (!out.sendable) throw new Error(out.reason);
  return out.request;
};

describe('talking to a real processor', () => {
  it('submits, follows the status to completion and fetches the results from the results URL', async () => {
    const r = request('disclosure');
    const receipt = await client.submit(endpoint, r);
    expect(receipt).toMatchObject({ controller_id: 'appi-desk', subject_request_id: r.subject_request_id });
    expect(receipt).not.toHaveProperty('encoded_request');
    expect((await client.status(endpoint, r.subject_request_id)).request_status).toBe('pending');
    await expect
      .poll(async () => (await client.status(endpoint, r.subject_request_id)).request_status)
      .toBe('completed');
    const status = await client.status(endpoint, r.subject_request_id);
    expect(status.results_count).toBe(2);
    const results = await client.results(endpoint, status.results_url!);
    expect(results.records.map((x) => x.category).sort()).toEqual(['email', 'name']);
  });

  it('submits the same request twice and gets the same receipt', async () => {
    const r = request();
    const first = await client.submit(endpoint, r);
    expect(await client.submit(endpoint, r)).toEqual(first);
  });

  it('cancels a pending request, and reports a refusal once it can no longer be cancelled', async () => {
    processor.faults.stall = true;
    try {
      const r = request('erasure');
      await client.submit(endpoint, r);
      expect(await client.cancel(endpoint, r.subject_request_id)).toMatchObject({
        subject_request_id: r.subject_request_id,
      });
      expect((await client.status(endpoint, r.subject_request_id)).request_status).toBe('cancelled');
      const again = await client.cancel(endpoint, r.subject_request_id).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(HolderAnswerError);
      expect((again as HolderAnswerError).status).toBe(409);
    } finally {
      processor.faults.stall = false;
    }
    expect(processor.people()).toHaveLength(1);
  });

  it('answers HolderUnavailableError while the processor is down, and works again once it is up', async () => {
    await processor.down();
    try {
      await expect(client.submit(endpoint, request())).rejects.toBeInstanceOf(HolderUnavailableError);
    } finally {
      await processor.up();
    }
    await expect(client.submit(endpoint, request())).resolves.toMatchObject({ controller_id: 'appi-desk' });
  });

  it('gives up on a processor that never answers within its timeout, as unavailable', async () => {
    processor.faults.hang = true;
    const quick = new OpenDsrClient({ allowPlainHttp: true, timeoutMs: 300 });
    try {
      await expect(quick.status(endpoint, randomUUID())).rejects.toBeInstanceOf(HolderUnavailableError);
    } finally {
      processor.faults.hang = false;
    }
  });

  it('refuses answers signed with another key, or from another processor domain', async () => {
    processor.faults.wrongKey = true;
    try {
      const error = await client.submit(endpoint, request()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HolderAnswerError);
      expect((error as Error).message).toMatch(/signature/);
      expect((error as Error).message).not.toContain(EMAIL);
    } finally {
      processor.faults.wrongKey = false;
    }
    const elsewhere = { ...endpoint, processorDomain: 'crm.example' };
    await expect(client.submit(elsewhere, request())).rejects.toThrow(/processor domain/);
  });

  it('refuses plain HTTP unless the deployment allows it, before sending anything', async () => {
    const strict = new OpenDsrClient({ allowPlainHttp: false });
    await expect(strict.submit(endpoint, request())).rejects.toThrow(/https/);
  });
});

describe('answers that must not be trusted', () => {
  const id = randomUUID();
  const status = (over: object = {}) =>
    JSON.stringify({
      controller_id: 'appi-desk',
      expected_completion_time: '2026-12-02T00:00:00Z',
      subject_request_id: id,
      request_status: 'completed',
      ...over,
    });
  const ask = () => client.status(scripted.endpoint, id);

  it('takes 5xx and 429 as unavailable, 4xx as a refusal', async () => {
    for (const code of [500, 502, 503, 429]) {
      scripted.answer = () => ({ status: code, body: '{}' });
      await expect(ask()).rejects.toBeInstanceOf(HolderUnavailableError);
    }
    scripted.answer = () => ({ status: 400, body: '{"error":{"code":400}}' });
    await expect(ask()).rejects.toMatchObject({ name: 'HolderAnswerError', status: 400 });
    scripted.answer = () => ({ status: 302, body: '', headers: { location: 'https://elsewhere.example/' } });
    await expect(ask()).rejects.toBeInstanceOf(HolderAnswerError);
  });

  it('refuses unsigned, tampered, oversize, non-JSON, malformed and mismatched answers', async () => {
    scripted.answer = () => ({ status: 200, body: status() });
    await expect(ask()).resolves.toMatchObject({ request_status: 'completed' });
    scripted.answer = () => ({ status: 200, body: status(), signed: false });
    await expect(ask()).rejects.toThrow(/signature/);
    scripted.answer = () => ({ status: 200, body: status(), headers: { 'x-opendsr-signature': 'AAAA' } });
    await expect(ask()).rejects.toThrow(/signature/);
    scripted.answer = () => ({ status: 200, body: status({ padding: 'x'.repeat(70_000) }) });
    await expect(ask()).rejects.toThrow(/size limit/);
    scripted.answer = () => ({ status: 200, body: status(), headers: { 'content-type': 'text/html' } });
    await expect(ask()).rejects.toThrow(/non-JSON/);
    scripted.answer = () => ({ status: 200, body: '{"controller_id":' });
    await expect(ask()).rejects.toThrow(/not JSON/);
    scripted.answer = () => ({ status: 200, body: status({ request_status: 'finished' }) });
    await expect(ask()).rejects.toThrow(/malformed message \(request_status\)/);
    scripted.answer = () => ({ status: 200, body: status({ subject_request_id: randomUUID() }) });
    await expect(ask()).rejects.toThrow(/another request/);
    scripted.answer = () => ({ status: 200, body: status({ results_url: 'https://elsewhere.example/r/1' }) });
    await expect(ask()).rejects.toThrow(/outside its own origin/);
  });

  it('accepts the older X-OpenGDPR-* header names', async () => {
    const body = status();
    scripted.answer = () => ({
      status: 200,
      body,
      signed: false,
      headers: { 'x-opengdpr-signature': sign(body), 'x-opengdpr-processor-domain': 'localhost' },
    });
    // The scripted holder also sends X-OpenDSR-Processor-Domain; the signature is only under the old name.
    await expect(ask()).resolves.toMatchObject({ subject_request_id: id });
  });

  it('fetches results only from the holder’s own origin', async () => {
    const before = scripted.requests.length;
    await expect(client.results(scripted.endpoint, 'https://elsewhere.example/results/1')).rejects.toThrow(
      /own origin/,
    );
    expect(scripted.requests.length).toBe(before);
  });
});

const sign = (body: string) => signOpenDsr(body, scripted.privateKeyPem);
