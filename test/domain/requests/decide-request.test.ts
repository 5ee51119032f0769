// POST /v1/staff/requests/{id}/decision as a use case: the decision, what fulfilling it writes and
// the e-mail to the requester commit together, and only while nobody else has decided.

import { describe, expect, it } from 'vitest';
import {
  CLOSED_REQUEST_RETENTION_SECONDS,
  DISCLOSURE_LINK_LIFETIME_SECONDS,
} from '../../../functions/domain/kernel/law';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../functions/domain/kernel/secrets';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { POLICY_PURPOSES, type PurposeVersion } from '../../../functions/domain/purposes/registry';
import { type DecisionInput, decideRequest } from '../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../functions/domain/requests/ports';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import type { StoredDisclosure } from '../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { requestType } from '../../../functions/domain/requests/types/registry';
import { DEMO_COMPANY } from '../../support/company';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  MapHoldingsReader,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
  SequenceSecrets,
} from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';
import { MemorySuppressions, TEST_MAC } from '../personal-data/personal-data-doubles';
import { MemoryRecipients } from '../provisions/doubles';
import { MapLifecycles } from '../purposes/doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const BASE_URL = 'https://desk.example.jp';
const GROUNDS = requestType('disclosure')!.refusalGrounds;
const AGENT_CHECKED = {
  authorityDocument: 'power-of-attorney',
  identityDocument: 'driving-licence',
  checkedBy: 'op-1',
  checkedAt: '2026-11-12T05:00:00.000Z',
};

function setup(request: DeskRequest = receivedRequest(), published: PurposeVersion[] = []) {
  const requests = new ArrayRequestReader([request]);
  const deps = {
    requests,
    holdings: new MapHoldingsReader({ 'hanako.yamada@example.jp': HANAKO_HOLDINGS }),
    purposes: { versions: async () => [...POLICY_PURPOSES, ...published] },
    accessLog: new RecordingAccessLog(),
    writer: new ApplyingWriter(requests),
    secrets: new SequenceSecrets(),
    lifecycles: new MapLifecycles(),
    recipients: new MemoryRecipients(),
    identifierMac: TEST_MAC,
    suppressions: new MemorySuppressions(),
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
  };
  return { deps, request };
}

const decide = (deps: ReturnType<typeof setup>['deps'], input: DecisionInput, requestId = 'req-1') =>
  decideRequest(deps, OPERATOR, requestId, input, BASE_URL);

function parts(writes: DeskWrite[]) {
  const requests = writes.flatMap((w) => (w.kind === 'request' ? [w] : []));
  const disclosures: StoredDisclosure[] = writes.flatMap((w) => (w.kind === 'disclosure' ? [w.disclosure] : []));
  const messages: OutboxMessage[] = writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));
  return { requests, disclosures, messages };
}

describe('decideRequest: a disclosure fulfilled', () => {
  it('commits the decided request, the disclosure and the result e-mail in one commit', async () => {
    const { deps, request } = setup();
    const result = await decide(deps, { outcome: 'fulfilled' });
    expect(result).toEqual({ requestId: 'req-1', status: 'fulfilled', decidedAt: NOW });

    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual(['request', 'disclosure', 'outbox']);
    const {
      requests: [write],
    } = parts(commit);
    expect(write!.expectedVersion).toBe(request.version);
    expect(write!.request).toMatchObject({
      status: 'fulfilled',
      version: request.version + 1,
      decision: { outcome: 'fulfilled', grounds: [], decidedAt: NOW, decidedBy: OPERATOR.staffId },
      expiresAt: Date.parse(NOW) / 1000 + CLOSED_REQUEST_RETENTION_SECONDS,
    });
    expect(write!.request.decision).not.toHaveProperty('reason');
    expect(write!.request.history.at(-1)).toEqual({ at: NOW, event: 'fulfilled', by: OPERATOR.staffId });
    expect(write!.request.statusTokenHash).toBe(request.statusTokenHash);
  });

  it('stores a dossier listing every record with its source and purposes, keyed by the hash of the link token', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled' });
    const {
      disclosures: [stored],
    } = parts(deps.writer.commits[0]!);
    const token = deps.secrets.tokensIssued[0]!;
    expect(stored!.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.requestId).toBe('req-1');
    expect(stored!.createdAt).toBe(NOW);
    expect(stored!.expiresAt).toBe(Date.parse(NOW) / 1000 + DISCLOSURE_LINK_LIFETIME_SECONDS);

    const { dossier } = stored!;
    expect(dossier.subject).toEqual({ email: 'hanako.yamada@example.jp', name: '山田 花子' });
    expect(dossier.nothingHeld).toBe(false);
    expect(dossier.records!.map((r) => [r.category, r.value, r.source.kind])).toEqual([
      ['name', '山田 花子', 'from-customer'],
      ['email', 'hanako.yamada@example.jp', 'from-customer'],
      ['advertising-id', 'ad-5f2c', 'service-use'],
    ]);
    expect(dossier.records![2]!.source.detail).toBe('cookie on www.example.jp');
    expect(dossier.records![0]!.purposes.map((p) => p.id)).toEqual(['service-provision', 'billing']);
    expect(dossier.records![0]!.purposes[1]!.description).toBe('当社サービスの利用料金の請求及び決済のため');
    expect(dossier.consents!).toHaveLength(1);
    expect(dossier.provisionRecords!).toEqual([
      {
        direction: 'provided',
        counterparty: 'Example Payments K.K.',
        recipient: 'Example Payments K.K.',
        items: ['name', 'email'],
        basis: 'consent',
        date: '2025-05-01',
      },
    ]);
  });

  it('e-mails the requester a link to the dossier, in Japanese by default', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled' });
    const { messages } = parts(deps.writer.commits[0]!);
    expect(messages).toHaveLength(1);
    const token = deps.secrets.tokensIssued[0]!;
    expect(messages[0]).toMatchObject({
      to: ['hanako.yamada@example.jp'],
      topic: 'decision-fulfilled',
      createdAt: NOW,
    });
    expect(messages[0]!.text).toContain(`${BASE_URL}/v1/disclosures/${token}`);
    expect(messages[0]!.subject).toBe('保有個人データの開示のご用意ができました');
    // Valid 14 days: until 26 Nov 2026, 14:30 Tokyo time.
    expect(messages[0]!.text).toContain('2026年11月26日 14:30（日本時間）');
  });

  it('e-mails in English when the request is in English, and sends to the requester (an agent), not the subject', async () => {
    const { deps } = setup(
      receivedRequest({
        language: 'en',
        requester: { kind: 'agent', name: 'Taro Agent', email: 'agent@example.jp' },
        representativeVerification: AGENT_CHECKED,
      }),
    );
    await decide(deps, { outcome: 'fulfilled' });
    const {
      messages: [message],
      disclosures: [stored],
    } = parts(deps.writer.commits[0]!);
    expect(message!.to).toEqual(['agent@example.jp']);
    expect(message!.subject).toBe('Your personal data disclosure is ready');
    expect(message!.text).toContain(`${BASE_URL}/v1/disclosures/${deps.secrets.tokensIssued[0]}`);
    expect(message!.text).toContain('26 November 2026 at 14:30 (Japan time)');
    // The dossier is about the subject, described in English.
    expect(deps.holdings.asked).toEqual(['hanako.yamada@example.jp']);
    expect(stored!.dossier.records![0]!.purposes[1]!.description).toBe(
      'To bill and settle usage fees for our services',
    );
  });

  it('describes the purposes as the registry publishes them now, not as the policy first did', async () => {
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    const changed: PurposeVersion = {
      ...billing,
      version: 2,
      ja: '利用料金の請求・決済及び領収書の発行のため',
      en: 'To bill and settle fees and to issue receipts',
      publishedBy: 'officer',
      change: { kind: 'changed', note: 'Receipts belong to settling fees.' },
    };
    const { deps } = setup(receivedRequest(), [changed]);
    await decide(deps, { outcome: 'fulfilled' });
    const { dossier } = parts(deps.writer.commits[0]!).disclosures[0]!;
    expect(dossier.records![0]!.purposes[1]).toEqual({ id: 'billing', description: changed.ja });
    expect(dossier.purposesOfUse!).toContainEqual({ id: 'billing', description: changed.ja });
  });

  it('appends an access-log entry for reading the holdings: actor, role, subjects, fields and reason', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled' });
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-hanako-1'],
        fields: ['advertising-id', 'email', 'name', 'consents', 'provision-records'],
        reason: 'disclosure req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
  });

  it('also decides a request that is in progress', async () => {
    const { deps } = setup(receivedRequest({ status: 'in-progress' }));
    await expect(decide(deps, { outcome: 'fulfilled' })).resolves.toMatchObject({ status: 'fulfilled' });
  });
});

describe('decideRequest: a disclosure refused', () => {
  const input: DecisionInput = {
    outcome: 'refused',
    grounds: ['hindrance-to-business', 'violation-of-law'],
    reason: '調査中の案件に関わる記録のため、現時点では開示できません。',
  };

  it("commits the refusal and one e-mail listing the grounds' labels and the reason, in Japanese", async () => {
    const { deps } = setup();
    const result = await decide(deps, input);
    expect(result.status).toBe('refused');
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual(['request', 'outbox']);
    const {
      requests: [write],
      messages: [message],
    } = parts(commit);
    expect(write!.request.decision).toEqual({
      outcome: 'refused',
      grounds: input.grounds,
      reason: input.reason,
      decidedAt: NOW,
      decidedBy: OPERATOR.staffId,
    });
    expect(message!.topic).toBe('decision-refused');
    expect(message!.text).toContain(GROUNDS['hindrance-to-business']!.ja);
    expect(message!.text).toContain(GROUNDS['violation-of-law']!.ja);
    expect(message!.text).not.toContain(GROUNDS['harm-to-person-or-third-party']!.ja);
    expect(message!.text).toContain(input.reason);
    expect(message!.text).toContain('第36条');
  });

  it('writes the refusal in English for an English request', async () => {
    const { deps } = setup(receivedRequest({ language: 'en' }));
    await decide(deps, { ...input, reason: 'The records concern an ongoing investigation.' });
    const {
      messages: [message],
    } = parts(deps.writer.commits[0]!);
    expect(message!.subject).toBe('Our answer to your disclosure request');
    expect(message!.text).toContain(GROUNDS['hindrance-to-business']!.en);
    expect(message!.text).toContain(GROUNDS['violation-of-law']!.en);
    expect(message!.text).toContain('The records concern an ongoing investigation.');
    expect(message!.text).toContain('Art. 36');
  });

  it('reads no personal data for a refusal: no holdings read, no access-log entry, no disclosure', async () => {
    const { deps } = setup();
    await decide(deps, input);
    expect(deps.holdings.asked).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
    expect(parts(deps.writer.commits[0]!).disclosures).toEqual([]);
  });
});

describe('decideRequest: decisions it will not take', () => {
  const cases: Array<[string, DecisionInput]> = [
    ['a refusal without grounds', { outcome: 'refused', reason: 'Because.' }],
    ['a refusal with empty grounds', { outcome: 'refused', grounds: [], reason: 'Because.' }],
    ['a refusal without a reason', { outcome: 'refused', grounds: ['violation-of-law'] }],
    ['a refusal with an empty reason', { outcome: 'refused', grounds: ['violation-of-law'], reason: '' }],
    ['an unknown ground', { outcome: 'refused', grounds: ['too-busy'], reason: 'We are busy.' }],
    ['grounds on a fulfilment', { outcome: 'fulfilled', grounds: ['violation-of-law'] }],
    [
      'partially-fulfilled without the withheld categories',
      { outcome: 'partially-fulfilled', grounds: ['violation-of-law'], reason: 'Part of it.' },
    ],
    [
      'partially-fulfilled withholding nothing',
      {
        outcome: 'partially-fulfilled',
        grounds: ['violation-of-law'],
        reason: 'Part of it.',
        details: { withheld: [] },
      },
    ],
    [
      'partially-fulfilled without grounds',
      { outcome: 'partially-fulfilled', reason: 'Part of it.', details: { withheld: ['email'] } },
    ],
  ];

  it.each(cases)('answers unprocessable to %s, and writes and reads nothing', async (_name, input) => {
    const { deps } = setup();
    const problem = await problemOf(decide(deps, input));
    expect(problem.kind).toBe('unprocessable');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
    expect(deps.holdings.asked).toEqual([]);
  });

  it('names the unknown ground and the valid ones', async () => {
    const { deps } = setup();
    const problem = await problemOf(decide(deps, { outcome: 'refused', grounds: ['too-busy'], reason: 'x' }));
    expect(problem.detail).toContain('too-busy');
    for (const ground of ['harm-to-person-or-third-party', 'hindrance-to-business', 'violation-of-law']) {
      expect(problem.detail).toContain(ground);
    }
  });

  it('answers conflict for a request already decided, and writes nothing', async () => {
    const { deps } = setup(
      receivedRequest({
        status: 'fulfilled',
        decision: { outcome: 'fulfilled', grounds: [], decidedAt: '2026-11-11T00:00:00.000Z', decidedBy: 'staff-2' },
      }),
    );
    const problem = await problemOf(decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'x' }));
    expect(problem.kind).toBe('conflict');
    expect(deps.writer.commits).toEqual([]);
  });

  it('decides once: the second decision on the same request is a conflict', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled' });
    const problem = await problemOf(decide(deps, { outcome: 'fulfilled' }));
    expect(problem.kind).toBe('conflict');
    expect(deps.writer.commits).toHaveLength(1);
  });

  it('answers not-found for an unknown id and for a request still awaiting verification', async () => {
    const { deps } = setup(receivedRequest({ status: 'awaiting-verification' }));
    expect((await problemOf(decide(deps, { outcome: 'fulfilled' }, 'no-such-request'))).kind).toBe('not-found');
    expect((await problemOf(decide(deps, { outcome: 'fulfilled' }))).kind).toBe('not-found');
  });

  it('turns a StaleWriteError (someone decided meanwhile) into a conflict', async () => {
    const { deps } = setup();
    deps.writer.failWith = new StaleWriteError();
    const problem = await problemOf(decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'x' }));
    expect(problem.kind).toBe('conflict');
  });

  it('lets only one of two concurrent decisions win', async () => {
    const { deps } = setup();
    const results = await Promise.allSettled([
      decide(deps, { outcome: 'fulfilled' }),
      decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'x' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      kind: 'conflict',
    });
    expect(deps.writer.commits).toHaveLength(1);
  });
});

describe('decideRequest: who asked, and when the request closes', () => {
  it("refuses to decide a representative's request until their authority and identity are recorded, and writes nothing", async () => {
    for (const kind of ['agent', 'legal-representative'] as const) {
      const { deps } = setup(receivedRequest({ requester: { kind, name: 'Taro Agent', email: 'agent@example.jp' } }));
      const problem = await problemOf(decide(deps, { outcome: 'fulfilled' }));
      expect(problem).toMatchObject({ kind: 'conflict', title: 'Representative not verified' });
      expect(problem.detail).toContain('/representative-verification');
      expect(deps.writer.commits).toEqual([]);
      expect(deps.accessLog.entries).toEqual([]);
    }
  });

  it('closes the request when it is decided: closedAt is the decision time', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Another law forbids it.' });
    const { request } = parts(deps.writer.commits[0]!).requests[0]!;
    expect(request.closedAt).toBe(NOW);
    expect(request.decision!.decidedAt).toBe(NOW);
  });

  it('refuses details for a type and outcome that take none', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'r', details: { extra: 1 } }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'No details expected' });
    expect(deps.writer.commits).toEqual([]);
  });
});
