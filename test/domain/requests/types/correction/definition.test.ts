// The correction request type (APPI Art. 34) through decideRequest with doubles: the items a person
// names, the refusal grounds of Art. 34(2), changes checked against what is held and committed with
// the decision, the write access-logged, and the result e-mail in both languages.
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../../../functions/domain/outbox';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../../../functions/domain/requests/ports';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import { correction } from '../../../../../functions/domain/requests/types/correction/definition';
import {
  CORRECTION_REFUSAL_GROUND_LABELS,
  CORRECTION_REFUSAL_GROUNDS,
  MAX_CORRECTION_CONTENT_CHARS,
  MAX_CORRECTION_ITEMS,
} from '../../../../../functions/domain/requests/types/correction/words';
import { requestType } from '../../../../../functions/domain/requests/types/registry';
import { OPERATOR, problemOf, receivedRequest } from '../../../doubles';
import { MapLifecycles } from '../../../purposes/doubles';
import { decideDeps } from '../../decide-deps';

const NOW = '2026-11-12T05:30:00.000Z';
const NOW_SECONDS = Date.parse(NOW) / 1000;
const DAY = 24 * 60 * 60;

function setup(overrides: Partial<DeskRequest> = {}) {
  const request = receivedRequest({
    type: 'correction',
    details: {
      items: [{ change: 'correct', category: 'name', description: 'My name is misspelt', content: '山田 華子' }],
    },
    ...overrides,
  });
  const deps = decideDeps(request, NOW, {
    lifecycles: new MapLifecycles({
      'subj-hanako-1': { subjectId: 'subj-hanako-1', lastActivityAt: '2026-11-01T00:00:00.000Z' },
    }),
  });
  return { deps, request };
}

const decide = (deps: ReturnType<typeof setup>['deps'], input: DecisionInput) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

const messagesOf = (writes: DeskWrite[]): OutboxMessage[] =>
  writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));

const INVESTIGATION =
  'Checked the sign-up form against the identity document seen at contract: the given name was keyed wrongly.';

describe('correction: law as data', () => {
  it('is refused only on the grounds of Art. 34(2), each labelled in both languages with its article', () => {
    expect(CORRECTION_REFUSAL_GROUNDS).toEqual([
      'content-found-true',
      'not-necessary-for-purposes',
      'special-procedure-under-other-law',
    ]);
    for (const ground of CORRECTION_REFUSAL_GROUNDS) {
      expect(CORRECTION_REFUSAL_GROUND_LABELS[ground].ja).toMatch(/第34条/);
      expect(CORRECTION_REFUSAL_GROUND_LABELS[ground].en).toMatch(/Art\. 34/);
    }
    expect(Object.keys(correction.refusalGrounds)).toEqual([...CORRECTION_REFUSAL_GROUNDS]);
    expect(correction.outcomes).toEqual(['fulfilled', 'partially-fulfilled', 'refused']);
    expect(requestType('correction')).toBe(correction);
  });

  it('details: 1 to 25 items, each naming the data and the change, with the content for a correction or an addition', () => {
    const parse = (details: unknown) => correction.details.safeParse(details);
    const item = { change: 'correct', category: 'address', description: 'Old address', content: '東京都千代田区1-1' };
    expect(
      parse({ items: [item, { change: 'delete', description: 'The phone number from the directory' }] }).success,
    ).toBe(true);
    expect(parse({}).success).toBe(false);
    expect(parse({ items: [] }).success).toBe(false);
    expect(parse({ items: Array.from({ length: 26 }, () => item) }).success).toBe(false);
    expect(MAX_CORRECTION_ITEMS).toBe(25);
    expect(parse({ items: [{ ...item, content: 'x'.repeat(MAX_CORRECTION_CONTENT_CHARS) }] }).success).toBe(true);
    expect(parse({ items: [{ ...item, content: 'x'.repeat(MAX_CORRECTION_CONTENT_CHARS + 1) }] }).success).toBe(false);
    const noContent = parse({ items: [{ change: 'add', description: 'My second phone' }] });
    expect(noContent.error!.issues[0]!.path).toEqual(['items', 0, 'content']);
    expect(parse({ items: [{ change: 'delete', description: 'x', content: 'y' }] }).success).toBe(false);
    expect(parse({ items: [{ change: 'replace', description: 'x', content: 'y' }] }).error!.issues[0]!.path).toEqual([
      'items',
      0,
      'change',
    ]);
    expect(parse({ items: [{ ...item, category: 'shoe-size' }] }).error!.issues[0]!.path).toEqual([
      'items',
      0,
      'category',
    ]);
    expect(parse({ items: [{ change: 'correct', content: 'x' }] }).error!.issues[0]!.path).toEqual([
      'items',
      0,
      'description',
    ]);
  });
});

describe('correction: fulfilled', () => {
  it('commits the correction, an addition and a deletion with the decision, after logging the read and the write', async () => {
    const { deps } = setup();
    await decide(deps, {
      outcome: 'fulfilled',
      details: {
        investigation: INVESTIGATION,
        changes: [
          { action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-name', value: '山田 華子' },
          {
            action: 'add',
            subjectId: 'subj-hanako-1',
            category: 'phone',
            value: '090-1234-5678',
            purposes: ['information-and-inquiries'],
          },
          { action: 'delete', subjectId: 'subj-hanako-1', recordId: 'rec-cookie' },
        ],
      },
    });
    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual([
      'request',
      'personal-data-correction',
      'personal-data-addition',
      'personal-data-deletion',
      'suppression',
      'outbox',
    ]);
    expect(commit[1]).toEqual({
      kind: 'personal-data-correction',
      subjectId: 'subj-hanako-1',
      recordId: 'rec-name',
      value: '山田 華子',
      lookupKey: 'subject#subj-hanako-1',
      requestId: 'req-1',
      at: NOW,
    });
    expect(commit[2]).toEqual({
      kind: 'personal-data-addition',
      record: {
        subjectId: 'subj-hanako-1',
        recordId: 'rec-20261112T053000000Z-id-1',
        category: 'phone',
        value: '090-1234-5678',
        source: 'from-customer',
        sourceDetail: 'Correction request req-1',
        purposes: ['information-and-inquiries'],
        acquiredAt: NOW,
        registeredBy: `staff:${OPERATOR.staffId}`,
        lookupKey: 'subject#subj-hanako-1',
        // information-and-inquiries: 3 years (of 365 days) after the later of acquisition and last activity.
        expiresAt: NOW_SECONDS + 3 * 365 * DAY,
      },
    });
    expect(commit[3]).toEqual({
      kind: 'personal-data-deletion',
      subjectId: 'subj-hanako-1',
      recordId: 'rec-cookie',
      at: NOW,
    });
    const decided = commit[0]!.kind === 'request' ? commit[0]!.request : undefined;
    expect(decided!.decision).toMatchObject({ outcome: 'fulfilled', details: { investigation: INVESTIGATION } });

    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-hanako-1'],
        fields: ['advertising-id', 'email', 'name'],
        reason: 'correction req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'write',
        subjects: ['subj-hanako-1'],
        fields: ['advertising-id', 'name', 'phone'],
        reason: 'correction req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    const [message] = messagesOf(commit);
    expect(message).toMatchObject({ topic: 'decision-fulfilled', subject: '保有個人データの内容の訂正等を行いました' });
    expect(message!.text).toContain('氏名: 訂正（訂正後の内容: 山田 華子）');
    expect(message!.text).toContain('電話番号: 追加（追加した内容: 090-1234-5678）');
    expect(message!.text).toContain(`調査の内容と結果:\n${INVESTIGATION}`);
    expect(message!.text).toContain('第34条第3項');
  });

  it("correcting the e-mail address moves the record's lookup key, so the person is found by the new address", async () => {
    const { deps } = setup({ language: 'en' });
    await decide(deps, {
      outcome: 'fulfilled',
      details: {
        investigation: INVESTIGATION,
        changes: [
          { action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-email', value: 'Hanako.New@example.jp' },
        ],
      },
    });
    expect(deps.writer.writes.find((w) => w.kind === 'personal-data-correction')).toMatchObject({
      lookupKey: 'email#hanako.new@example.jp',
    });
    const [message] = messagesOf(deps.writer.writes);
    expect(message!.subject).toBe('We have corrected your personal data');
    expect(message!.text).toContain('E-mail address: corrected to read "Hanako.New@example.jp"');
    expect(message!.text).toContain(`What we checked and found:\n${INVESTIGATION}`);
  });

  it('partially fulfilled: the e-mail lists what changed and explains the grounds and reason for the rest', async () => {
    const { deps } = setup({ language: 'en' });
    const reason = 'Your address is recorded as it appears on your residence record.';
    await decide(deps, {
      outcome: 'partially-fulfilled',
      grounds: ['content-found-true'],
      reason,
      details: {
        investigation: INVESTIGATION,
        changes: [{ action: 'delete', subjectId: 'subj-hanako-1', recordId: 'rec-name' }],
      },
    });
    const [message] = messagesOf(deps.writer.writes);
    expect(message!.subject).toBe('Our answer to your correction, addition or deletion request');
    expect(message!.text).toContain('- Name: deleted');
    expect(message!.text).toContain(CORRECTION_REFUSAL_GROUND_LABELS['content-found-true'].en);
    expect(message!.text).toContain(reason);
  });
});

describe('correction: bad decisions, nothing written', () => {
  const fulfil = (changes: unknown[]) => ({
    outcome: 'fulfilled' as const,
    details: { investigation: INVESTIGATION, changes },
  });

  it('a change naming a record not held for this person → 422 naming the change, no write and no write logged', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(
        deps,
        fulfil([
          { action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-name', value: '山田 華子' },
          { action: 'delete', subjectId: 'subj-someone-else', recordId: 'rec-1' },
          { action: 'add', subjectId: 'subj-someone-else', category: 'phone', value: '1', purposes: ['billing'] },
        ]),
      ),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain(
      'details.changes[1]: record rec-1 of subject subj-someone-else is not held about this person',
    );
    expect(problem.detail).toContain('details.changes[2].subjectId');
    expect(problem.detail).not.toContain('changes[0]');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries.map((e) => e.action)).toEqual(['read']);
  });

  it('an addition with a retired or unknown purpose, or of special care-required information → 422 naming the field', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(
        deps,
        fulfil([
          { action: 'add', subjectId: 'subj-hanako-1', category: 'phone', value: '1', purposes: ['fortune-telling'] },
          {
            action: 'add',
            subjectId: 'subj-hanako-1',
            category: 'medical-history',
            value: 'x',
            purposes: ['service-provision'],
          },
        ]),
      ),
    );
    expect(problem.detail).toContain(
      'details.changes[0].purposes: "fortune-telling" is not a registered purpose of use',
    );
    expect(problem.detail).toContain('details.changes[1].category');
    expect(deps.writer.commits).toEqual([]);
  });

  it('an e-mail record corrected to something that is not an address → 422', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(
        deps,
        fulfil([{ action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-email', value: 'not an address' }]),
      ),
    );
    expect(problem.detail).toContain('details.changes[0].value');
  });

  it('the same record changed twice, no changes, or a refusal without the investigation → 422', async () => {
    const { deps } = setup();
    const twice = await problemOf(
      decide(
        deps,
        fulfil([
          { action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-name', value: 'a' },
          { action: 'delete', subjectId: 'subj-hanako-1', recordId: 'rec-name' },
        ]),
      ),
    );
    expect(twice.detail).toContain('details.changes[1] changes record rec-name again');
    expect((await problemOf(decide(deps, fulfil([])))).detail).toContain('details.changes');
    const refused = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['content-found-true'], reason: 'It is right.' }),
    );
    expect(refused.detail).toContain('details.investigation');
    const wrongGround = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['no-grounds-found'], reason: 'x', details: { investigation: 'x' } }),
    );
    expect(wrongGround.title).toBe('Unknown grounds');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('a refusal records the investigation and changes nothing', async () => {
    const { deps } = setup();
    await decide(deps, {
      outcome: 'refused',
      grounds: ['content-found-true'],
      reason: '住民票の記載と一致しています。',
      details: { investigation: INVESTIGATION },
    });
    expect(deps.writer.writes.map((w) => w.kind)).toEqual(['request', 'outbox']);
    expect(messagesOf(deps.writer.writes)[0]!.text).toContain(
      CORRECTION_REFUSAL_GROUND_LABELS['content-found-true'].ja,
    );
  });
});
