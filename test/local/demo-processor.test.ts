// The local demo processor, on its own: what it publishes, what it refuses, what it does with each
// kind of request (erasure removes its copy, correction changes it, cessation drops the ceased
// purposes, access answers it), and its signed callbacks, retried while the controller is down.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskExtension, hashIdentity } from '../../functions/domain/fulfilment/opendsr-codec';
import { readOpenDsrHeaders, verifyOpenDsrSignature } from '../../functions/domain/fulfilment/opendsr-signature';
import {
  type DemoPerson,
  discoverEndpoint,
  type RunningDemoProcessor,
  startDemoProcessor,
} from '../../local/demo-processor';
import { type CallbackReceiver, startCallbackReceiver } from '../support/opendsr';

const DESK = 'desk.test';
const person = (n: number): DemoPerson => ({
  emails: [`person${n}@example.jp`],
  customerIds: [`C-${n}`],
  records: [
    { category: 'email', value: `person${n}@example.jp`, purposes: ['service-provision', 'advertising'] },
    { category: 'address', value: 'Tokyo', purposes: ['service-provision'] },
    { category: 'advertising-identifier', value: `ad-${n}`, purposes: ['advertising'] },
  ],
});
let processor: RunningDemoProcessor;
let receiver: CallbackReceiver;

beforeAll(async () => {
  [processor, receiver] = await Promise.all([
    startDemoProcessor({
      people: [1, 2, 3, 4, 5].map(person),
      completionDelayMs: 200,
      callbackBackoffMs: 100,
      deskExtensionDomain: DESK,
    }),
    startCallbackReceiver(),
  ]);
});
afterAll(async () => {
  await Promise.all([processor?.stop(), receiver?.stop()]);
});

const post = (body: unknown, contentType = 'application/json') =>
  fetch(`${processor.baseUrl}/requests`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const requestFor = (
  type: 'access' | 'erasure',
  identity: { identity_type: string; identity_format: 'raw' | 'sha256'; identity_value: string },
  extension?: DeskExtension,
) => ({
  regulation: 'appi',
  subject_request_id: randomUUID(),
  subject_request_type: type,
  submitted_time: new Date().toISOString(),
  subject_identities: [identity],
  status_callback_urls: [receiver.url],
  ...(extension ? { extensions: { [DESK]: extension } } : {}),
});
const held = (n: number) => processor.people().find((p) => p.emails.includes(`person${n}@example.jp`));
const statusOf = async (id: string) =>
  (await (await fetch(`${processor.baseUrl}/requests/${id}`)).json()).request_status;

describe('what the demo processor publishes', () => {
  it('answers discovery, signed, with a certificate for its domain', async () => {
    const response = await fetch(`${processor.baseUrl}/discovery`);
    const raw = await response.text();
    expect(verifyOpenDsrSignature(raw, readOpenDsrHeaders(response.headers).signature, processor.certificatePem)).toBe(
      true,
    );
    const endpoint = await discoverEndpoint(processor.baseUrl, 'localhost');
    expect(endpoint).toMatchObject({
      apiVersion: '2.0',
      supportedRequestTypes: ['access', 'erasure'],
      certificatePem: processor.certificatePem,
    });
    expect(endpoint.supportedIdentities).toContainEqual({ identity_type: 'email', identity_format: 'sha256' });
    expect(endpoint.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe('what it refuses', () => {
  it('answers 400 with an OpenDSR error object for bad requests, and takes nothing', async () => {
    const good = requestFor('erasure', {
      identity_type: 'email',
      identity_format: 'raw',
      identity_value: 'person1@example.jp',
    });
    for (const bad of [
      '{"subject_request_id":',
      { ...good, subject_request_id: undefined },
      { ...good, subject_request_type: 'portability' },
      { ...good, subject_request_type: 'opt-out' },
      { ...good, regulation: 'gdpr' },
      { ...good, subject_identities: [] },
      { ...good, extensions: { [DESK]: { appi_request_type: 'correction', categories: ['email'] } } },
    ]) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 400, message: expect.any(String) });
    }
    expect((await post(good, 'text/plain')).status).toBe(415);
    expect((await post({ ...good, pad: 'x'.repeat(70_000) })).status).toBe(413);
    expect((await fetch(`${processor.baseUrl}/requests/${randomUUID()}`)).status).toBe(404);
    expect(held(1)?.records).toHaveLength(3);
  });

  it('is idempotent for a repeated request, and refuses another request under the same id', async () => {
    const r = requestFor('access', {
      identity_type: 'email',
      identity_format: 'raw',
      identity_value: 'nobody@example.jp',
    });
    const first = await post(r);
    expect(first.status).toBe(201);
    const again = await post(r);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect((await post({ ...r, subject_request_type: 'erasure' })).status).toBe(409);
  });
});

describe('what it does', () => {
  it('erases its copy for a hashed e-mail and sends signed callbacks: pending, in_progress, completed', async () => {
    const r = requestFor('erasure', {
      identity_type: 'email',
      identity_format: 'sha256',
      identity_value: hashIdentity('email', 'Person1@Example.jp'),
    });
    const response = await post(r);
    expect(response.status).toBe(201);
    const receipt = await response.json();
    expect(Buffer.from(receipt.encoded_request, 'base64').toString()).toContain(r.subject_request_id);
    await expect.poll(() => statusOf(r.subject_request_id)).toBe('completed');
    expect(held(1)).toBeUndefined();
    await expect.poll(() => receiver.received.filter((c) => c.raw.includes(r.subject_request_id)).length).toBe(3);
    const mine = receiver.received.filter((c) => c.raw.includes(r.subject_request_id));
    expect(mine.map((c) => JSON.parse(c.raw).request_status)).toEqual(['pending', 'in_progress', 'completed']);
    for (const c of mine) {
      const { signature, processorDomain } = readOpenDsrHeaders(c.headers);
      expect(processorDomain).toBe('localhost');
      expect(verifyOpenDsrSignature(c.raw, signature, processor.certificatePem)).toBe(true);
      expect(JSON.parse(c.raw).status_callback_url).toBe(receiver.url);
    }
  });

  it('erases only the categories the desk extension names', async () => {
    const r = requestFor(
      'erasure',
      { identity_type: 'controller_customer_id', identity_format: 'raw', identity_value: 'C-2' },
      { appi_request_type: 'erasure', categories: ['advertising-identifier'] },
    );
    await post(r);
    await expect.poll(() => statusOf(r.subject_request_id)).toBe('completed');
    expect(held(2)?.records.map((x) => x.category)).toEqual(['email', 'address']);
  });

  it('corrects, and ceases a purpose (dropping the record that had only it), by the extension', async () => {
    const correction = requestFor(
      'access',
      { identity_type: 'email', identity_format: 'raw', identity_value: 'person3@example.jp' },
      {
        appi_request_type: 'correction',
        categories: ['address'],
        corrections: [{ category: 'address', value: 'Osaka' }],
      },
    );
    const cessation = requestFor(
      'access',
      { identity_type: 'email', identity_format: 'raw', identity_value: 'person4@example.jp' },
      {
        appi_request_type: 'cessation-of-use',
        categories: ['email', 'advertising-identifier'],
        ceased_purposes: ['advertising'],
      },
    );
    await Promise.all([post(correction), post(cessation)]);
    await expect.poll(() => statusOf(cessation.subject_request_id)).toBe('completed');
    await expect.poll(() => statusOf(correction.subject_request_id)).toBe('completed');
    expect(held(3)?.records.find((x) => x.category === 'address')?.value).toBe('Osaka');
    expect(held(4)?.records).toEqual([
      { category: 'email', value: 'person4@example.jp', purposes: ['service-provision'] },
      { category: 'address', value: 'Tokyo', purposes: ['service-provision'] },
    ]);
    const status = await (await fetch(`${processor.baseUrl}/requests/${correction.subject_request_id}`)).json();
    expect(status.results_url).toBeUndefined();
  });

  it('answers an access with its records at a signed results URL on itself', async () => {
    const r = requestFor('access', {
      identity_type: 'email',
      identity_format: 'raw',
      identity_value: 'person5@example.jp',
    });
    await post(r);
    await expect.poll(() => statusOf(r.subject_request_id)).toBe('completed');
    const status = await (await fetch(`${processor.baseUrl}/requests/${r.subject_request_id}`)).json();
    expect(status).toMatchObject({ results_count: 3, results_url: expect.stringContaining(processor.baseUrl) });
    const response = await fetch(status.results_url);
    const raw = await response.text();
    expect(verifyOpenDsrSignature(raw, readOpenDsrHeaders(response.headers).signature, processor.certificatePem)).toBe(
      true,
    );
    expect(JSON.parse(raw).records).toHaveLength(3);
    expect(held(5)?.records).toHaveLength(3);
  });

  it('keeps a request pending while stalled, cancels it then, and refuses to cancel a completed one', async () => {
    processor.faults.stall = true;
    const r = requestFor('erasure', {
      identity_type: 'email',
      identity_format: 'raw',
      identity_value: 'person5@example.jp',
    });
    try {
      await post(r);
      await new Promise((done) => setTimeout(done, 500));
      expect(await statusOf(r.subject_request_id)).toBe('pending');
      expect((await fetch(`${processor.baseUrl}/requests/${r.subject_request_id}`, { method: 'DELETE' })).status).toBe(
        202,
      );
    } finally {
      processor.faults.stall = false;
    }
    expect(await statusOf(r.subject_request_id)).toBe('cancelled');
    expect((await fetch(`${processor.baseUrl}/requests/${r.subject_request_id}`, { method: 'DELETE' })).status).toBe(
      409,
    );
    expect(held(5)?.records).toHaveLength(3);
  });

  it('retries callbacks while the controller answers 503, and signs with a wrong key when told to', async () => {
    receiver.answerWith = 503;
    processor.faults.wrongKey = true;
    const r = requestFor('access', {
      identity_type: 'email',
      identity_format: 'raw',
      identity_value: 'nobody@example.jp',
    });
    try {
      await post(r);
      await new Promise((done) => setTimeout(done, 150));
    } finally {
      receiver.answerWith = 204;
    }
    await expect.poll(() => receiver.received.filter((c) => c.raw.includes(r.subject_request_id)).length).toBe(3);
    processor.faults.wrongKey = false;
    const first = receiver.received.find((c) => c.raw.includes(r.subject_request_id))!;
    expect(
      verifyOpenDsrSignature(first.raw, readOpenDsrHeaders(first.headers).signature, processor.certificatePem),
    ).toBe(false);
    expect(processor.request(r.subject_request_id)?.callbacks.every((c) => c.delivered)).toBe(true);
  });
});
