// The cessation-of-use request type (APPI Art. 35(1),(2),(5),(6)) through decideRequest with doubles:
// the grounds and measures the Act allows, a flag per subject in the decision's commit, the measure
// the desk may take for what was asked, the refusal with an alternative measure, and the e-mails.
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../../../functions/domain/outbox';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../../../functions/domain/requests/ports';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import {
  cessationOfUse,
  measureAllowed,
} from '../../../../../functions/domain/requests/types/cessation-of-use/definition';
import {
  CESSATION_OF_USE_GROUND_LABELS,
  CESSATION_OF_USE_GROUNDS,
} from '../../../../../functions/domain/requests/types/cessation-of-use/schema';
import {
  CESSATION_OF_USE_MEASURES,
  CESSATION_OF_USE_REFUSAL_GROUNDS,
} from '../../../../../functions/domain/requests/types/cessation-of-use/words';
import { requestType } from '../../../../../functions/domain/requests/types/registry';
import { MapHoldingsReader, NOTHING_HELD, OPERATOR, problemOf, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';
import { decideDeps } from '../../decide-deps';

const NOW = '2026-11-12T05:30:00.000Z';
const ALTERNATIVE =
  'Your data is locked in the archive and excluded from every campaign and analysis until the archive is retired in March.';

function setup(overrides: Partial<DeskRequest> = {}, measure: 'cease-use' | 'erase' = 'cease-use') {
  const request = receivedRequest({
    type: 'cessation-of-use',
    details: { grounds: ['no-longer-needed'], measure },
    ...overrides,
  });
  const deps = decideDeps(request, NOW, {
    holdings: new MapHoldingsReader({
      'hanako.yamada@example.jp': { ...HANAKO_HOLDINGS, subjectIds: ['subj-hanako-1', 'subj-hanako-2'] },
    }),
  });
  return { deps, request };
}

const decide = (deps: ReturnType<typeof setup>['deps'], input: DecisionInput) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

const messagesOf = (writes: DeskWrite[]): OutboxMessage[] =>
  writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));
const flagsOf = (writes: DeskWrite[]) => writes.filter((w) => w.kind === 'cessation-of-use');

describe('cessation-of-use: law as data', () => {
  it('lets the person cite exactly the grounds of Art. 35(1) and (5), each labelled in both languages with its article', () => {
    expect(CESSATION_OF_USE_GROUNDS).toEqual([
      'used-beyond-purpose',
      'improper-use',
      'improper-acquisition',
      'special-care-data-without-consent',
      'no-longer-needed',
      'reportable-leak',
      'risk-to-rights-or-interests',
    ]);
    const articles = ['第18条', '第19条', '第20条第1項', '第20条第2項', '第35条第5項', '第26条第1項', '第35条第5項'];
    CESSATION_OF_USE_GROUNDS.forEach((ground, i) => {
      expect(CESSATION_OF_USE_GROUND_LABELS[ground].ja).toContain(articles[i]);
      expect(CESSATION_OF_USE_GROUND_LABELS[ground].ja).toMatch(/第35条第[15]項/);
      expect(CESSATION_OF_USE_GROUND_LABELS[ground].en).toMatch(/Art\. 35\([15]\)/);
    });
  });

  it('asks for one of two measures, and is refused only on the grounds of Art. 35(2),(6)', () => {
    expect(CESSATION_OF_USE_MEASURES).toEqual(['cease-use', 'erase']);
    expect(CESSATION_OF_USE_REFUSAL_GROUNDS).toEqual(['no-grounds-found', 'costly-or-difficult-alternative-taken']);
    expect(Object.keys(cessationOfUse.refusalGrounds)).toEqual([...CESSATION_OF_USE_REFUSAL_GROUNDS]);
    expect(cessationOfUse.refusalGrounds['costly-or-difficult-alternative-taken']!.ja).toContain('第35条第2項ただし書');
    expect(cessationOfUse.outcomes).toEqual(['fulfilled', 'refused']);
    expect(requestType('cessation-of-use')).toBe(cessationOfUse);
  });

  it('erasure covers a cessation, so where erasure was asked stopping the use may do (Art. 35(2)); never the other way', () => {
    expect(measureAllowed('erase', 'erase')).toBe(true);
    expect(measureAllowed('erase', 'cease-use')).toBe(true);
    expect(measureAllowed('cease-use', 'cease-use')).toBe(true);
    expect(measureAllowed('cease-use', 'erase')).toBe(false);
  });

  it('details: at least one known ground, a measure, an explanation up to 2,000 characters', () => {
    const parse = (details: unknown) => cessationOfUse.details.safeParse(details);
    expect(
      parse({ grounds: ['improper-use'], measure: 'erase', explanation: 'Marketing calls after I cancelled.' }).success,
    ).toBe(true);
    expect(parse({ grounds: [], measure: 'erase' }).success).toBe(false);
    expect(parse({ grounds: ['improper-use'] }).success).toBe(false);
    expect(parse({ grounds: ['improper-use'], measure: 'delete' }).success).toBe(false);
    const unknown = parse({ grounds: ['provided-without-consent'], measure: 'erase' });
    expect(unknown.error!.issues[0]!.path).toEqual(['grounds', 0]);
    expect(parse({ grounds: ['improper-use'], measure: 'erase', explanation: 'x'.repeat(2001) }).success).toBe(false);
    expect(parse({ grounds: ['improper-use'], measure: 'erase', other: 1 }).success).toBe(false);
  });
});

describe('cessation-of-use: fulfilled', () => {
  it('cease-use: commits a flag per subject with the decision and the e-mail, after logging the read', async () => {
    const { deps } = setup();
    await decide(deps, { outcome: 'fulfilled', details: { measure: 'cease-use' } });
    expect(deps.writer.commits).toHaveLength(1);
    const commit = deps.writer.commits[0]!;
    expect(commit.map((w) => w.kind)).toEqual([
      'request',
      'cessation-of-use',
      'cessation-of-use',
      ...commit.filter((w) => w.kind === 'suppression').map(() => 'suppression'),
      'outbox',
    ]);
    expect(commit.filter((w) => w.kind === 'suppression').length).toBeGreaterThan(0);
    expect(flagsOf(commit)).toEqual([
      { kind: 'cessation-of-use', subjectId: 'subj-hanako-1', requestId: 'req-1', at: NOW, measure: 'cease-use' },
      { kind: 'cessation-of-use', subjectId: 'subj-hanako-2', requestId: 'req-1', at: NOW, measure: 'cease-use' },
    ]);
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-hanako-1', 'subj-hanako-2'],
        fields: ['identity'],
        reason: 'cessation-of-use req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    const [request] = commit.flatMap((w) => (w.kind === 'request' ? [w.request] : []));
    expect(request!.decision).toMatchObject({ outcome: 'fulfilled', details: { measure: 'cease-use' } });
    const [message] = messagesOf(commit);
    expect(message).toMatchObject({ topic: 'decision-fulfilled', subject: '保有個人データの利用を停止しました' });
    expect(message!.text).toContain('2026年11月12日 14:30（日本時間）以降');
    expect(message!.text).toContain('いずれの目的にも利用いたしません');
  });

  it('erase: flags with measure erase and tells, in English, that the data is erased and only a certificate kept', async () => {
    const { deps } = setup({ language: 'en' }, 'erase');
    await decide(deps, { outcome: 'fulfilled', details: { measure: 'erase' } });
    expect(flagsOf(deps.writer.writes).map((w) => (w as { measure: string }).measure)).toEqual(['erase', 'erase']);
    const [message] = messagesOf(deps.writer.writes);
    expect(message!.subject).toBe('We have erased your personal data');
    expect(message!.text).toContain(
      'from 12 November 2026 at 14:30 (Japan time) we no longer use any of the personal data we hold about you, and we erase all of it',
    );
    expect(message!.text).toContain('an erasure certificate), which holds none of your personal data');
  });

  it('erase in Japanese: says a record of the erasure without personal data is kept', async () => {
    const { deps } = setup({}, 'erase');
    await decide(deps, { outcome: 'fulfilled', details: { measure: 'erase' } });
    const [message] = messagesOf(deps.writer.writes);
    expect(message!.subject).toBe('保有個人データを消去しました');
    expect(message!.text).toContain('消去を行った記録（消去証明。お客様の個人データは含みません）のみを保存');
  });

  it('erasure asked, use stopped: allowed, and the e-mail says why nothing was erased', async () => {
    const { deps } = setup({ language: 'en' }, 'erase');
    await decide(deps, { outcome: 'fulfilled', details: { measure: 'cease-use' } });
    expect(flagsOf(deps.writer.writes).every((w) => (w as { measure: string }).measure === 'cease-use')).toBe(true);
    expect(messagesOf(deps.writer.writes)[0]!.text).toContain(
      'Stopping the use is enough to remedy the matter you raised, so we have not erased the data (APPI Art. 35(2))',
    );
  });

  it('cessation asked, erasure decided → 422 before anything is read or written', async () => {
    const { deps } = setup();
    const problem = await problemOf(decide(deps, { outcome: 'fulfilled', details: { measure: 'erase' } }));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('decide with details.measure "cease-use"');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('without the measure taken → 422 naming details.measure', async () => {
    const { deps } = setup();
    const problem = await problemOf(decide(deps, { outcome: 'fulfilled' }));
    expect(problem.detail).toContain('details.measure');
    expect(deps.writer.commits).toEqual([]);
  });

  it('for someone the desk holds nothing about: no flag, and the e-mail says nothing is held', async () => {
    const { deps } = setup({ subject: { email: 'nobody@example.jp' }, language: 'en' }, 'erase');
    deps.holdings = new MapHoldingsReader({ 'nobody@example.jp': NOTHING_HELD });
    await decide(deps, { outcome: 'fulfilled', details: { measure: 'erase' } });
    expect(deps.writer.writes.map((w) => w.kind)).toEqual(['request', 'outbox']);
    expect(messagesOf(deps.writer.writes)[0]!.text).toContain(
      'we hold no personal data about you, so there is nothing to erase',
    );
  });
});

describe('cessation-of-use: refused', () => {
  it('costly or difficult: the e-mail states the alternative measure, in English and in Japanese; no flag', async () => {
    for (const language of ['en', 'ja'] as const) {
      const { deps } = setup({ language });
      const reason = 'The archive cannot be edited record by record.';
      await decide(deps, {
        outcome: 'refused',
        grounds: ['costly-or-difficult-alternative-taken'],
        reason,
        details: { alternativeMeasure: ALTERNATIVE },
      });
      expect(deps.writer.writes.map((w) => w.kind)).toEqual(['request', 'outbox']);
      const text = messagesOf(deps.writer.writes)[0]!.text;
      expect(text).toContain(reason);
      expect(text).toContain(ALTERNATIVE);
      expect(text).toContain(
        language === 'en'
          ? 'The alternative measure we have taken (APPI Art. 35(2),(6), proviso):'
          : '代わりにとった措置（同法第35条第2項ただし書・第6項ただし書）:',
      );
      expect(deps.accessLog.entries).toEqual([]);
    }
  });

  it('costly or difficult without the alternative measure → 422, nothing written', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, { outcome: 'refused', grounds: ['costly-or-difficult-alternative-taken'], reason: 'Too costly.' }),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('details.alternativeMeasure');
    expect(deps.writer.commits).toEqual([]);
  });

  it('an alternative measure without its ground → 422', async () => {
    const { deps } = setup();
    const problem = await problemOf(
      decide(deps, {
        outcome: 'refused',
        grounds: ['no-grounds-found'],
        reason: 'Used as notified.',
        details: { alternativeMeasure: ALTERNATIVE },
      }),
    );
    expect(problem.detail).toContain('belongs to the ground costly-or-difficult-alternative-taken');
    expect(deps.writer.commits).toEqual([]);
  });

  it('no grounds found: the generic refusal, nothing more', async () => {
    const { deps } = setup({ language: 'en' });
    await decide(deps, {
      outcome: 'refused',
      grounds: ['no-grounds-found'],
      reason: 'Your data is used only for the purposes notified.',
    });
    const text = messagesOf(deps.writer.writes)[0]!.text;
    expect(text).toContain('does not meet the requirements of Art. 35(1) or (5)');
    expect(text).not.toContain('alternative measure we have taken');
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
