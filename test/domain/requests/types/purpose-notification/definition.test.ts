// Notification of the purposes of use (APPI Art. 32(2), policy §8(2)) as a decision: the e-mail lists
// the purposes among the person's records, in the current text of the registry, with the categories
// each serves and never a value; a refusal must rest on one of the policy's four grounds.

import { describe, expect, it } from 'vitest';
import { POLICY_PURPOSES, type PurposeVersion } from '../../../../../functions/domain/purposes/registry';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import { purposeNotification } from '../../../../../functions/domain/requests/types/purpose-notification/definition';
import { PURPOSE_NOTIFICATION_REFUSAL_GROUNDS } from '../../../../../functions/domain/requests/types/purpose-notification/words';
import { requestType } from '../../../../../functions/domain/requests/types/registry';
import { DEMO_COMPANY } from '../../../../support/company';
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
} from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';
import { MemorySuppressions, TEST_MAC } from '../../../personal-data/personal-data-doubles';
import { MemoryRecipients } from '../../../provisions/doubles';
import { MapLifecycles } from '../../../purposes/doubles';

const NOW = '2026-11-12T05:30:00.000Z';

function setup(overrides: Partial<DeskRequest> = {}, published: PurposeVersion[] = []) {
  const requests = new ArrayRequestReader([receivedRequest({ type: 'purpose-notification', ...overrides })]);
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
  return deps;
}

type Deps = ReturnType<typeof setup>;
const decide = (deps: Deps, input: DecisionInput) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

function sent(deps: Deps) {
  const commit = deps.writer.commits[0]!;
  return {
    kinds: commit.map((w) => w.kind),
    message: commit.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []))[0]!,
  };
}

describe('purpose-notification: the type', () => {
  it('is registered, with fulfilled and refused as outcomes', () => {
    expect(requestType('purpose-notification')).toBe(purposeNotification);
    expect(purposeNotification.outcomes).toEqual(['fulfilled', 'refused']);
  });

  it('has exactly the policy’s four refusal grounds, each labelled in Japanese and English with its article', () => {
    expect(Object.keys(purposeNotification.refusalGrounds).sort()).toEqual([
      'cooperation-with-public-body',
      'harm-to-company-rights-or-interests',
      'harm-to-person-or-third-party',
      'purpose-already-clear',
    ]);
    expect(PURPOSE_NOTIFICATION_REFUSAL_GROUNDS).toHaveLength(4);
    for (const label of Object.values(purposeNotification.refusalGrounds)) {
      expect(label.ja).toMatch(/第32条第2項/);
      expect(label.en).toMatch(/Art\. 32\(2\)/);
    }
  });

  it('takes an optional description of the data asked about, up to 2000 characters, and nothing else', () => {
    expect(purposeNotification.details.safeParse({}).success).toBe(true);
    expect(purposeNotification.details.safeParse({ items: 'My address and telephone number' }).success).toBe(true);
    expect(purposeNotification.details.safeParse({ items: 'x'.repeat(2001) }).success).toBe(false);
    expect(purposeNotification.details.safeParse({ scope: 'everything' }).success).toBe(false);
  });
});

describe('purpose-notification: fulfilled', () => {
  it('commits the decided request and the e-mail only: no stored answer', async () => {
    const deps = setup();
    expect(await decide(deps, { outcome: 'fulfilled' })).toEqual({
      requestId: 'req-1',
      status: 'fulfilled',
      decidedAt: NOW,
    });
    expect(sent(deps).kinds).toEqual(['request', 'outbox']);
  });

  it('lists each purpose among the records, in Japanese by default, with the categories that serve it and no value', async () => {
    const deps = setup();
    await decide(deps, { outcome: 'fulfilled' });
    const { message } = sent(deps);
    expect(message).toMatchObject({
      to: ['hanako.yamada@example.jp'],
      topic: 'decision-fulfilled',
      subject: '保有個人データの利用目的のご通知',
    });
    expect(message.text).toContain('受付番号 req-1');
    expect(message.text).toContain('- 当社サービスの利用料金の請求及び決済のため\n  対象となる情報: 氏名');
    expect(message.text).toContain('- 当社サービスの提供及び本人確認のため\n  対象となる情報: メールアドレス、氏名');
    // A category the registry does not know is named by its id.
    expect(message.text).toContain('- 当社サービスの利用状況の調査・分析のため\n  対象となる情報: advertising-id');
    expect(message.text.match(/^- /gm)).toHaveLength(5);
    for (const record of HANAKO_HOLDINGS.records) expect(message.text).not.toContain(record.value);
  });

  it('writes in English for an English request, with the purposes’ current text in the registry', async () => {
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    const deps = setup({ language: 'en' }, [
      { ...billing, version: 2, en: 'To bill, settle fees and issue receipts', ja: '請求、決済及び領収書の発行のため' },
    ]);
    await decide(deps, { outcome: 'fulfilled' });
    const { message } = sent(deps);
    expect(message.subject).toBe('The purposes for which we use your personal data');
    expect(message.text).toContain('- To bill, settle fees and issue receipts\n  Data used: Name');
    expect(message.text).not.toContain(billing.en);
    expect(message.text).toContain(
      '- To provide our services and to confirm the identity of the customer\n  Data used: E-mail address, Name',
    );
    expect(message.text).not.toMatch(/[当社]/);
  });

  it('says plainly that nothing is held when nothing is', async () => {
    const ja = setup({ subject: { email: 'nobody@example.jp' } });
    await decide(ja, { outcome: 'fulfilled' });
    expect(sent(ja).message.text).toContain('当社はお客様の保有個人データを保有しておりません');
    const en = setup({ language: 'en', subject: { email: 'nobody@example.jp' } });
    await decide(en, { outcome: 'fulfilled' });
    expect(sent(en).message.text).toContain('we hold no personal data about you');
    expect(sent(en).message.text).not.toContain('- ');
  });

  it('access-logs the read of the holdings before answering, with the categories read', async () => {
    const deps = setup();
    await decide(deps, { outcome: 'fulfilled' });
    expect(deps.holdings.asked).toEqual(['hanako.yamada@example.jp']);
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['subj-hanako-1'],
        fields: ['advertising-id', 'email', 'name'],
        reason: 'purpose-notification req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
  });
});

describe('purpose-notification: refused', () => {
  it('accepts a refusal with one of its grounds and a reason, and explains both in the e-mail', async () => {
    const deps = setup();
    const result = await decide(deps, {
      outcome: 'refused',
      grounds: ['purpose-already-clear'],
      reason: 'The purposes were stated on the form you signed.',
    });
    expect(result.status).toBe('refused');
    const { kinds, message } = sent(deps);
    expect(kinds).toEqual(['request', 'outbox']);
    expect(message.subject).toBe('保有個人データの利用目的の通知のご請求へのご回答');
    expect(message.text).toContain(purposeNotification.refusalGrounds['purpose-already-clear']!.ja);
    expect(message.text).toContain('The purposes were stated on the form you signed.');
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('rejects a ground of another type, and a refusal without a reason, writing nothing', async () => {
    const deps = setup();
    const foreign = await problemOf(decide(deps, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'No.' }));
    expect(foreign.kind).toBe('unprocessable');
    expect(foreign.detail).toContain('violation-of-law');
    const bare = await problemOf(decide(deps, { outcome: 'refused', grounds: ['cooperation-with-public-body'] }));
    expect(bare.kind).toBe('unprocessable');
    expect(deps.writer.commits).toEqual([]);
  });
});
