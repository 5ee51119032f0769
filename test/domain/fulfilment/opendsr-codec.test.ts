// The OpenDSR codec: the request a task becomes at each kind of holder, identities hashed or raw as
// the holder's discovery says, the desk's extension only where it is understood, and the bounded
// schemas of what holders answer.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  callbackSchema,
  deskExtensionOf,
  discoveredCapabilities,
  discoverySchema,
  hashIdentity,
  identitiesFor,
  receiptSchema,
  requestForTask,
  requestSchema,
  resultsSchema,
  statusSchema,
  type TaskRequestInput,
} from '../../../functions/domain/fulfilment/opendsr-codec';
import type { HolderEndpoint } from '../../../functions/domain/holders/holder';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const endpoint: HolderEndpoint = {
  baseUrl: 'https://opendsr.crm.example/v2',
  processorDomain: 'opendsr.crm.example',
  apiVersion: '2.0',
  supportedRequestTypes: ['access', 'erasure'],
  supportedIdentities: [
    { identity_type: 'email', identity_format: 'sha256' },
    { identity_type: 'email', identity_format: 'raw' },
    { identity_type: 'controller_customer_id', identity_format: 'raw' },
  ],
  certificatePem: '-',
  certificateFingerprint: '-',
  discoveredAt: '2026-12-01T00:00:00.000Z',
};
const input = (over: Partial<TaskRequestInput> = {}): TaskRequestInput => ({
  task: { taskId: ID, instruction: 'erasure', categories: ['email', 'name'] },
  holder: { endpoint, understandsDeskExtension: true },
  identities: { emails: [' Hanako.Yamada@Example.JP '], customerIds: ['C-100234'] },
  submittedAt: '2026-12-01T01:00:00.000Z',
  callbackUrl: 'https://desk.example.jp/v1/opendsr/callbacks',
  extensionDomain: 'desk.example.jp',
  ...over,
});
const sent = (over: Partial<TaskRequestInput> = {}) => {
  const out = requestForTask(input(over));
  if (!out.sendable) throw new Error(out.reason);
  return out.request;
};

describe('a task as an OpenDSR request', () => {
  it('sends an erasure with hashed e-mail, raw customer id, the callback and the categories', () => {
    const request = sent();
    expect(request).toMatchObject({
      regulation: 'appi',
      subject_request_id: ID,
      subject_request_type: 'erasure',
      submitted_time: '2026-12-01T01:00:00.000Z',
      status_callback_urls: ['https://desk.example.jp/v1/opendsr/callbacks'],
      extensions: { 'desk.example.jp': { appi_request_type: 'erasure', categories: ['email', 'name'] } },
    });
    const sha = createHash('sha256').update('hanako.yamada@example.jp').digest('hex');
    expect(request.subject_identities).toEqual([
      { identity_type: 'email', identity_format: 'sha256', identity_value: sha },
      { identity_type: 'controller_customer_id', identity_format: 'raw', identity_value: 'C-100234' },
    ]);
    expect(requestSchema.parse(request)).toEqual(request);
  });

  it('maps disclosure to access, and correction and cessation to access with the instruction in the extension', () => {
    expect(sent({ task: { taskId: ID, instruction: 'disclosure', categories: ['email'] } })).toMatchObject({
      subject_request_type: 'access',
      extensions: { 'desk.example.jp': { appi_request_type: 'disclosure', categories: ['email'] } },
    });
    const correction = sent({
      task: { taskId: ID, instruction: 'correction', categories: ['address'] },
      corrections: [{ category: 'address', value: '東京都港区1-1' }],
    });
    expect(correction.subject_request_type).toBe('access');
    expect(deskExtensionOf(correction, 'desk.example.jp')).toEqual({
      appi_request_type: 'correction',
      categories: ['address'],
      corrections: [{ category: 'address', value: '東京都港区1-1' }],
    });
    const cessation = sent({
      task: { taskId: ID, instruction: 'cessation-of-use', categories: ['email'] },
      ceasedPurposes: ['advertising', 'advertising'],
    });
    expect(cessation.extensions?.['desk.example.jp']).toEqual({
      appi_request_type: 'cessation-of-use',
      categories: ['email'],
      ceased_purposes: ['advertising'],
    });
  });

  it('sends no extension to a holder that does not understand it, and no correction or cessation at all', () => {
    const holder = { endpoint, understandsDeskExtension: false };
    const erasure = sent({ holder });
    expect(erasure.extensions).toBeUndefined();
    expect(
      requestForTask(input({ holder, task: { taskId: ID, instruction: 'correction', categories: ['name'] } })),
    ).toEqual({
      sendable: false,
      reason: 'extension-not-understood',
    });
    expect(
      requestForTask(input({ holder, task: { taskId: ID, instruction: 'cessation-of-use', categories: ['name'] } })),
    ).toEqual({ sendable: false, reason: 'extension-not-understood' });
  });

  it('says why a task cannot be sent: unsupported type, no shared identity, missing instruction', () => {
    const erasureOnly = { ...endpoint, supportedRequestTypes: ['erasure' as const] };
    expect(
      requestForTask(
        input({
          holder: { endpoint: erasureOnly, understandsDeskExtension: true },
          task: { taskId: ID, instruction: 'disclosure', categories: ['email'] },
        }),
      ),
    ).toEqual({ sendable: false, reason: 'request-type-unsupported' });
    const phoneOnly = {
      ...endpoint,
      supportedIdentities: [{ identity_type: 'phone_number', identity_format: 'raw' as const }],
    };
    expect(requestForTask(input({ holder: { endpoint: phoneOnly, understandsDeskExtension: true } }))).toEqual({
      sendable: false,
      reason: 'no-shared-identity',
    });
    expect(requestForTask(input({ task: { taskId: ID, instruction: 'correction', categories: ['name'] } }))).toEqual({
      sendable: false,
      reason: 'instruction-incomplete',
    });
  });
});

describe('identities as the holder accepts them', () => {
  it('hashes where sha256 is listed, sends raw only where raw alone is, and leaves out the rest', () => {
    const known = { emails: ['A@Example.jp', 'a@example.jp'], customerIds: ['C-1'] };
    expect(identitiesFor([{ identity_type: 'email', identity_format: 'raw' }], known)).toEqual([
      { identity_type: 'email', identity_format: 'raw', identity_value: 'a@example.jp' },
    ]);
    expect(identitiesFor([{ identity_type: 'controller_customer_id', identity_format: 'sha256' }], known)).toEqual([
      {
        identity_type: 'controller_customer_id',
        identity_format: 'sha256',
        identity_value: hashIdentity('controller_customer_id', 'C-1'),
      },
    ]);
    expect(identitiesFor([{ identity_type: 'email', identity_format: 'md5' }], known)).toEqual([]);
    expect(hashIdentity('email', ' A@Example.JP')).toBe(createHash('sha256').update('a@example.jp').digest('hex'));
    expect(hashIdentity('email', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('what holders answer, bounded', () => {
  const status = {
    controller_id: 'appi-desk',
    expected_completion_time: '2026-12-02T00:00:00Z',
    subject_request_id: ID,
    request_status: 'completed',
    results_url: 'https://opendsr.crm.example/v2/results/1',
    results_count: 2,
  };
  it('parses status, callback and receipt, and drops encoded_request', () => {
    expect(statusSchema.parse(status)).toEqual(status);
    expect(callbackSchema.parse({ ...status, status_callback_url: 'https://desk.example.jp/cb' }).request_status).toBe(
      'completed',
    );
    const receipt = receiptSchema.parse({
      controller_id: 'appi-desk',
      expected_completion_time: '2026-12-02T00:00:00+09:00',
      received_time: '2026-12-01T00:00:00Z',
      subject_request_id: ID,
      encoded_request: 'eyJzdWJqZWN0IjoiaGFuYWtvIn0=',
    });
    expect(receipt).not.toHaveProperty('encoded_request');
  });
  it('refuses unknown statuses, uppercase or non-v4 ids, bad times, huge fields and huge result lists', () => {
    expect(statusSchema.safeParse({ ...status, request_status: 'done' }).success).toBe(false);
    expect(statusSchema.safeParse({ ...status, subject_request_id: ID.toUpperCase() }).success).toBe(false);
    expect(
      statusSchema.safeParse({ ...status, subject_request_id: '0f8fad5b-d9cb-169f-a165-70867728950e' }).success,
    ).toBe(false);
    expect(statusSchema.safeParse({ ...status, expected_completion_time: 'tomorrow' }).success).toBe(false);
    expect(statusSchema.safeParse({ ...status, controller_id: 'x'.repeat(300) }).success).toBe(false);
    expect(statusSchema.safeParse({ ...status, results_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(statusSchema.safeParse({ ...status, results_count: -1 }).success).toBe(false);
    const record = { category: 'email', value: 'v' };
    expect(resultsSchema.safeParse({ subject_request_id: ID, records: Array(2001).fill(record) }).success).toBe(false);
    expect(
      resultsSchema.safeParse({ subject_request_id: ID, records: [{ category: 'email', value: 'v'.repeat(4001) }] })
        .success,
    ).toBe(false);
    expect(requestSchema.safeParse({ ...sent(), subject_request_type: 'opt-out' }).success).toBe(false);
    expect(requestSchema.safeParse({ ...sent(), subject_identities: [] }).success).toBe(false);
  });
  it('reads a discovery answer and keeps the request types the desk knows', () => {
    const discovery = discoverySchema.parse({
      api_version: '2.0',
      supported_identities: [{ identity_type: 'email', identity_format: 'sha256' }],
      supported_subject_request_types: ['erasure', 'opt-out', 'erasure'],
      processor_certificate: 'https://opendsr.crm.example/cert.pem',
    });
    expect(discoveredCapabilities(discovery)).toEqual({
      supportedRequestTypes: ['erasure'],
      supportedIdentities: [{ identity_type: 'email', identity_format: 'sha256' }],
    });
    expect(discoverySchema.safeParse({ ...discovery, supported_identities: [] }).success).toBe(false);
  });
  it('tells a malformed desk extension from an absent one', () => {
    const request = {
      ...sent(),
      extensions: { 'desk.example.jp': { appi_request_type: 'correction', categories: ['x'] } },
    };
    expect(deskExtensionOf(request, 'desk.example.jp')).toBe('malformed');
    expect(deskExtensionOf(request, 'other.example')).toBeUndefined();
  });
});
