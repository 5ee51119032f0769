// The local desk for an end-to-end test file: started once before its tests on the run's emulators,
// under tables of its own, and stopped with its tables dropped afterwards (DynamoDB Local sweeps TTL
// on a handful of tables at a time; leave the slots to other files).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { SystemName } from '../../functions/domain/systems';
import { type RunningDesk, startDesk } from '../../local/desk';
import { freePort } from '../../local/emulators';
import { signAsSystem } from '../../local/system-signing';
import { mailbox, type SentEmail } from './desk';
import { dropTables } from './requests';

export const E2E_DEMO_PASSWORD = 'e2e-password';

/** Registers the hooks; the returned function gives the running desk inside tests. */
export function useLocalDesk(options: { demoPopulation?: boolean } = {}): () => RunningDesk {
  let desk: RunningDesk | undefined;
  const tablePrefix = `e2e${randomUUID().slice(0, 6)}-`;
  beforeAll(async () => {
    desk = await startDesk({
      port: await freePort(),
      dynamoEndpoint: inject('dynamoEndpoint'),
      sesEndpoint: inject('sesEndpoint'),
      s3Endpoint: inject('s3Endpoint'),
      dynamoPort: 0,
      sesPort: 0,
      s3Port: 0,
      tablePrefix,
      demoPassword: E2E_DEMO_PASSWORD,
      senderEmail: 'privacy-desk@example.jp',
      officerEmail: 'officer@desk.example.jp',
      // Mecara CRM carries a request out in half a second, not the demo's five: tests wait for it.
      demoProcessorDelayMs: 500,
      // Only a file that anonymises asks for the synthetic population.
      demoPopulation: options.demoPopulation ?? false,
    });
  });
  afterAll(async () => {
    await desk?.stop();
    await dropTables(tablePrefix);
  });
  return () => {
    if (!desk) throw new Error('The local desk is not running: call useLocalDesk() at the top of the file.');
    return desk;
  };
}

export interface DeskResponse {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body when it is JSON (problem+json included). */
  json: any;
}

/** HTTP to the running local desk, as a customer, a signed-in staff member or a signed system. */
export function deskClient(desk: () => RunningDesk) {
  async function call(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; as?: SystemName; accept?: string } = {},
  ): Promise<DeskResponse> {
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    let headers: Record<string, string> = {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
    };
    if (options.as)
      headers = await signAsSystem(options.as, {
        method,
        url: `${desk().url}${path}`,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
    const response = await fetch(`${desk().url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      text,
      json: contentType.includes('json') && text ? JSON.parse(text) : undefined,
    };
  }

  async function signIn(username: string): Promise<string> {
    const { status, json } = await call('POST', '/local/sign-in', { body: { username, password: E2E_DEMO_PASSWORD } });
    expect(status).toBe(200);
    return json.idToken as string;
  }

  /** Waits for the stream consumer to deliver an e-mail about this request. */
  async function emailAbout(requestId: string, matching: RegExp): Promise<SentEmail> {
    for (let waited = 0; waited < 20_000; waited += 200) {
      const found = (await mailbox()).filter(
        (e) => e.body.text?.includes(requestId) && matching.test(`${e.subject}\n${e.body.text}`),
      );
      if (found.length > 0) return found.at(-1)!;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`No e-mail about ${requestId} matching ${matching}`);
  }

  /** Submits a request, reads the code from the mailbox and confirms it. */
  async function submitAndVerify(body: unknown) {
    const submitted = await call('POST', '/v1/requests', { body });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(202);
    const requestId = submitted.json.requestId as string;
    const codeMail = await emailAbout(requestId, /\d{6}/);
    const code = /(\d{6})/.exec(codeMail.subject)![1];
    const verified = await call('POST', `/v1/requests/${requestId}/verification`, { body: { code } });
    expect(verified.status).toBe(200);
    return { requestId, statusToken: verified.json.statusToken as string, codeMail };
  }

  return { call, signIn, emailAbout, submitAndVerify };
}
