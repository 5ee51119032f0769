// The cessation-of-provision request type (APPI Art. 35(3),(5)) through decideRequest with doubles:
// the grounds the Act allows, a flag per subject in the decision's commit, and the result e-mail.
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../../../functions/domain/outbox';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../../../functions/domain/requests/ports';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import { cessationOfProvision } from '../../../../../functions/domain/requests/types/cessation-of-provision/definition';
import {
  CESSATION_OF_PROVISION_GROUND_LABELS,
  CESSATION_OF_PROVISION_GROUNDS,
} from '../../../../../functions/domain/requests/types/cessation-of-provision/schema';
import { CESSATION_OF_PROVISION_REFUSAL_GROUNDS } from '../../../../../functions/domain/requests/types/cessation-of-provision/words';
import { requestType } from '../../../../../functions/domain/requests/types/registry';
import { MapHoldingsReader, NOTHING_HELD, OPERATOR, problemOf, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';
import { JP_THIRD_PARTY, MemoryRecipients } from '../../../provisions/doubles';
import { MapLifecycles } from '../../../purposes/doubles';
import { decideDeps } from '../../decide-deps';

const NOW = '2026-11-12T05:30:00.000Z';

const LIST_BROKER = { ...JP_THIRD_PARTY, recipientId: 'list-broker', name: 'List Broker K.K.' };
const MAIL_HOUSE = {
  ...JP_THIRD_PARTY,
  recipientId: 'mail-house',
  name: 'Mail House K.K.',
  relationship: 'outsourcing' as const,
};
const ALL = { recipients: { scope: 'all' } };

function setup(overrides: Partial<DeskRequest> = {}, lifecycles = new MapLifecycles()) {
  const request = receivedRequest({
    type: 'cessation-of-provision',
    details: { grounds: ['no-longer-needed'] },
    ...overrides,
  });
  const deps = decideDeps(request, NOW, {
    holdings: new MapHoldingsReader({
      'hanako.yamada@example.jp': { ...HANAKO_HOLDINGS, subjectIds: ['subj-hanako-1', 'subj-hanako-2'] },
    }),
    recipients: new MemoryRecipients([JP_THIRD_PARTY, LIST_BROKER, MAIL_HOUSE]),
    lifecycles,
  });
  return { deps, request };
}

const decide = (deps: ReturnType<typeof setup>['deps'], input: DecisionInput) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

const messagesOf = (writes: DeskWrite[]): OutboxMessage[] =>
  writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));

describe('cessation-of-provision: law as data', () => {
  it('lets the person cite exactly the grounds of Art. 35(3) and (5), each labelled in both languages', () => {
    expect(CESSATION_OF_PROVISION_GROUNDS).toEqual([
      'provided-without-consent',
      'provided-abroad-without-consent',
      'no-longer-needed',
      'reportable-leak',
      'risk-to-rights-or-interests',
    ]);
    for (const ground of CESSATION_OF_PROVISION_GROUNDS) {
      expect(CESSATION_OF_PROVISION_GROUND_LABELS[ground].ja).toMatch(/第(27|28|35)条/);
      expect(CESSATION_OF_PROVISION_GROUND_LABELS[ground].en).toMatch(/Art\. 35/);
    }
  });

  it('is refused only on the grounds of Art. 35(4),(6), and is fulfilled or refused', () => {
    expect(CESSATION_OF_PROVISION_REFUSAL_GROUNDS).toEqual([
      'no-grounds-found',
      'costly-or-difficult-alternative-taken',
    ]);
    expect(Object.keys(cessationOfProvision.refusalGrounds)).toEqual([...CESSATION_OF_PROVISION_REFUSAL_GROUNDS]);
    expect(cessationOfProvision.outcomes).toEqual(['fulfilled', 'refused']);
    expect(requestType('cessation-of-provision')).toBe(cessationOfProvision);
  });

  it('details: at least one known ground, and recipients up to 2,000 characters', () => {
    const parse = (details: unknown) => cessationOfProvision.details.safeParse(details);
    expect(parse({ grounds: ['provided-without-consent'], recipients: 'Example Payments K.K.' }).success).toBe(true);
    expect(parse({ grounds: [] }).success).toBe(false);
    expect(parse({}).success).toBe(false);
    const unknown = parse({ grounds: ['because'] });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.path).toEqual(['grounds', 0]);
    expect(parse({ grounds: ['no-longer-needed'], recipients: 'x'.repeat(2001) }).success).toBe(false);
    expect(parse({ grounds: ['no-longer-needed'], other: 1 }).success).toBe(false);
  });
});

describe('cessation-of-provision: fulfilled', () => {
  it('commits a stop to every third party for every subject the person is held under with the decision and the e-mail, after logging the read', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled', details: ALL });
    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual([
      'request',
      'cessation-of-provision',
      'cessation-of-provision',
      'outbox',
    ]);
    const stop = { requestId: 'req-1', at: NOW };
    expect(commit.filter((w) => w.kind === 'cessation-of-provision')).toEqual([
      { kind: 'cessation-of-provision', subjectId: 'subj-hanako-1', cessation: { all: stop } },
      { kind: 'cessation-of-provision', subjectId: 'subj-hanako-2', cessation: { all: stop } },
    ]);
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-hanako-1', 'subj-hanako-2'],
        fields: ['identity'],
        reason: 'cessation-of-provision req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    const [message] = messagesOf(commit);
    expect(message).toMatchObject({
      to: ['hanako.yamada@example.jp'],
      topic: 'decision-fulfilled',
      subject: '保有個人データの第三者提供を停止しました',
    });
    expect(message!.text).toContain('req-1');
    expect(message!.text).toContain('2026年11月12日 14:30（日本時間）以降');
    expect(message!.text).toContain('法令に基づく場合');
  });

  it('names the registered recipients it stops, adds them to a stop standing from an earlier request, and e-mails their names', async () => {
    const earlier = { recipients: { 'partner-insurance': { requestId: 'req-0', at: '2026-10-01T00:00:00.000Z' } } };
    const { deps } = setup(
      { language: 'en' },
      new MapLifecycles({ 'subj-hanako-1': { subjectId: 'subj-hanako-1', cessationOfProvision: earlier } }),
    );
    await decide(deps, {
      outcome: 'fulfilled',
      details: { recipients: { scope: 'named', recipientIds: ['list-broker', 'partner-insurance'] } },
    });
    const stop = { requestId: 'req-1', at: NOW };
    expect(deps.writer.writes.filter((w) => w.kind === 'cessation-of-provision')).toEqual([
      {
        kind: 'cessation-of-provision',
        subjectId: 'subj-hanako-1',
        expected: earlier,
        cessation: {
          recipients: { 'partner-insurance': earlier.recipients['partner-insurance'], 'list-broker': stop },
        },
      },
      {
        kind: 'cessation-of-provision',
        subjectId: 'subj-hanako-2',
        cessation: { recipients: { 'list-broker': stop, 'partner-insurance': stop } },
      },
    ]);
    const text = messagesOf(deps.writer.writes)[0]!.text;
    expect(text).toContain('to List Broker K.K. and Partner Insurance K.K.');
    expect(text).toContain('where the law requires or allows it without your consent (APPI Art. 27(1))');
  });

  it('a recipient not in the registry, or not a third party, is 422 naming the field, and nothing is written', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, {
        outcome: 'fulfilled',
        details: { recipients: { scope: 'named', recipientIds: ['list-broker', 'Example Payments', 'mail-house'] } },
      }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable' });
    expect(problem.errors).toEqual([
      {
        field: 'body.details.recipients.recipientIds.1',
        message: expect.stringContaining('not in the recipient registry'),
      },
      { field: 'body.details.recipients.recipientIds.2', message: expect.stringContaining('Art. 27(5)') },
    ]);
    expect(deps.writer.commits).toEqual([]);
  });

  it('must say whom it stops (422 naming details.recipients), and names each recipient once', async () => {
    const { deps } = setup();
    const missing = await problemOf(decide(deps, { outcome: 'fulfilled' }));
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'body.details.recipients' })]);
    const empty = await problemOf(
      decide(deps, { outcome: 'fulfilled', details: { recipients: { scope: 'named', recipientIds: [] } } }),
    );
    expect(empty.errors).toEqual([expect.objectContaining({ field: 'body.details.recipients.recipientIds' })]);
    const twice = await problemOf(
      decide(deps, {
        outcome: 'fulfilled',
        details: { recipients: { scope: 'named', recipientIds: ['list-broker', 'list-broker'] } },
      }),
    );
    expect(twice.kind).toBe('unprocessable');
    expect(deps.writer.commits).toEqual([]);
  });

  it('tells an English requester from when provision stopped', async () => {
    const { deps } = setup({ language: 'en' });
    await decide(deps, { outcome: 'fulfilled', details: ALL });
    const [message] = messagesOf(deps.writer.writes);
    expect(message!.subject).toBe('We have stopped providing your personal data to third parties');
    expect(message!.text).toContain('from 12 November 2026 at 14:30 (Japan time) we no longer provide');
  });

  it('for someone the desk holds nothing about: no flag, and the e-mail says nothing is held or will be provided', async () => {
    const { deps } = setup({ subject: { email: 'nobody@example.jp' }, language: 'en' });
    deps.holdings = new MapHoldingsReader({ 'nobody@example.jp': NOTHING_HELD });
    await decide(deps, { outcome: 'fulfilled', details: ALL });
    expect(deps.writer.writes.map((w) => w.kind)).toEqual(['request', 'outbox']);
    expect(messagesOf(deps.writer.writes)[0]!.text).toContain(
      'we hold no personal data about you, so none will be provided',
    );
  });
});

describe('cessation-of-provision: refused', () => {
  it('costly or difficult: commits the refusal, e-mails the alternative measure under its own heading, and sets no flag', async () => {
    const { deps } = setup({ language: 'en' });
    const reason = 'Our partner cannot filter single customers until March.';
    const alternativeMeasure = 'We have withdrawn your data from the next monthly export instead.';
    await decide(deps, {
      outcome: 'refused',
      grounds: ['costly-or-difficult-alternative-taken'],
      reason,
      details: { alternativeMeasure },
    });
    const writes = deps.writer.writes;
    expect(writes.map((w) => w.kind)).toEqual(['request', 'outbox']);
    const text = messagesOf(writes)[0]!.text;
    expect(text).toContain(reason);
    expect(text).toContain('we have taken the alternative measure stated below');
    expect(text).toContain(
      `The alternative measure we have taken (APPI Art. 35(4),(6), proviso):\n${alternativeMeasure}`,
    );
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('without the alternative measure → 422 asking for it, nothing written', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['costly-or-difficult-alternative-taken'], reason: 'Too costly.' }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Decision incomplete' });
    expect(problem.detail).toContain('needs details.alternativeMeasure');
    expect(deps.writer.commits).toEqual([]);
  });

  it('an alternative measure with another ground → 422, nothing written', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, {
        outcome: 'refused',
        grounds: ['no-grounds-found'],
        reason: 'No grounds.',
        details: { alternativeMeasure: 'x' },
      }),
    );
    expect(problem.detail).toContain('belongs to the ground costly-or-difficult-alternative-taken');
    expect(deps.writer.commits).toEqual([]);
  });

  it('on a ground of another type → 422 listing the valid grounds', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Because.' }),
    );
    expect(problem.detail).toContain('no-grounds-found, costly-or-difficult-alternative-taken');
    expect(deps.writer.commits).toEqual([]);
  });
});
