// The privacy notice and every e-mail the desk can send speak to people: rendered with sample data in
// both languages, none names a route, an HTTP method or header, a media type or a JSON field (those are
// in the API reference), and none prints a paragraph or the desk's contact twice.

import { describe, expect, it } from 'vitest';
import { accountChangeMessage, temporaryPasswordMessage } from '../../functions/domain/accounts/messages';
import { consentReceipt } from '../../functions/domain/consents/receipts';
import { codeMessage } from '../../functions/domain/consents/self-service';
import {
  exportApprovedMessage,
  exportRefusedMessage,
  exportRequestedMessage,
} from '../../functions/domain/exports/notifications';
import type { ExportRequest } from '../../functions/domain/exports/rules';
import type { ConsentEvent } from '../../functions/domain/holdings';
import { alertAwareHow, alertIncidentSummary } from '../../functions/domain/incidents/from-alert-words';
import { accessAlertText } from '../../functions/domain/monitoring/access-analysis';
import { accessAlertRecord } from '../../functions/domain/monitoring/alerts';
import { undeliverableNotice } from '../../functions/domain/outbox-delivery';
import { privacyNotice } from '../../functions/domain/privacy-notice';
import type { Recipient } from '../../functions/domain/provisions/recipients';
import { purposeChangeMessage } from '../../functions/domain/purposes/notifications';
import { POLICY_PURPOSES, type PurposeVersion, registryOf } from '../../functions/domain/purposes/registry';
import { reminderText } from '../../functions/domain/requests/deadline-reminders';
import { type DecisionInput, decideRequest } from '../../functions/domain/requests/decide-request';
import {
  type MessageText,
  receivedMessage,
  refusalMessage,
  verificationCodeMessage,
  withdrawnMessage,
} from '../../functions/domain/requests/notifications';
import type { DeskRequest, Language } from '../../functions/domain/requests/request';
import { REPORTABLE_LEAK_ANSWER } from '../../functions/domain/requests/types/cessation-shared/words';
import { postedMessage } from '../../functions/domain/requests/types/disclosure/paper-disclosure';
import { requestType } from '../../functions/domain/requests/types/registry';
import { DEMO_COMPANY, DEMO_DESK } from '../support/company';
import { apiWordsIn, stringValues } from '../support/words-for-people';
import { OPERATOR, receivedRequest } from './doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from './provisions/doubles';
import { decideDeps } from './requests/decide-deps';

const NOW = '2026-11-12T05:30:00.000Z';
const LANGUAGES: Language[] = ['ja', 'en'];

const JOINT_USER: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'group-company',
  relationship: 'joint-use',
  jointUse: {
    items: ['name', 'email'],
    jointUsers: 'メカラ・グループ各社',
    purpose: 'グループ一体でのサポート',
    responsiblePerson: { name: 'メカラ合同会社', address: '東京都千代田区', representative: '代表社員' },
  },
};
const LIST_BROKER: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'list-broker',
  optOut: {
    notifiedOn: '2026-09-01',
    items: ['name', 'address'],
    acquisitionMethod: '登録フォーム',
    provisionMethod: '暗号化したファイルの送付',
    requestMethod: 'プライバシーセンターの請求フォーム',
    updateMethod: '毎月',
    startsOn: '2026-10-01',
  },
};
const billingV2: PurposeVersion = {
  ...POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!,
  version: 2,
  ja: '請求、決済及び領収書の発行のため',
  en: 'To bill, settle fees and issue receipts',
  effectiveFrom: '2026-12-01T16:00:00.000Z',
  publishedBy: 'staff-officer-1',
  change: { kind: 'changed', note: 'Receipts are part of settlement.' },
  rollout: { kind: 'notify', state: 'pending', processed: 0 },
};

/** Paragraphs (blocks between blank lines) that appear more than once, and the desk's e-mail more than once. */
function printedTwice(text: string): string[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const twice = blocks.filter((b, i) => blocks.indexOf(b) !== i);
  const contacts = text.split(DEMO_DESK.email).length - 1;
  return [...twice, ...(contacts > 1 ? [`the desk's address ${contacts} times`] : [])];
}

function expectForPeople(name: string, message: MessageText) {
  expect(apiWordsIn(`${message.subject}\n${message.text}`), name).toEqual([]);
  expect(printedTwice(message.text), name).toEqual([]);
}

/** The e-mail a decision sends, through the decision use case as the desk runs it. */
async function decisionMail(overrides: Partial<DeskRequest>, input: DecisionInput): Promise<MessageText> {
  const request = receivedRequest(overrides);
  const deps = decideDeps(request, NOW, {
    recipients: new MemoryRecipients([JP_THIRD_PARTY, { ...JP_THIRD_PARTY, recipientId: 'list-broker' }]),
  });
  await decideRequest(deps, OPERATOR, request.requestId, input, 'https://desk.example.jp');
  const [message] = deps.writer.writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []));
  return message!;
}

const REASON = 'ご本人以外の方の権利を害するおそれがあるためです。';
const DECISIONS: [string, Partial<DeskRequest>, DecisionInput][] = [
  ['disclosure, electronic', { details: { format: 'csv' } }, { outcome: 'fulfilled' }],
  [
    'disclosure, in part',
    {},
    {
      outcome: 'partially-fulfilled',
      grounds: ['hindrance-to-business'],
      reason: REASON,
      details: { withheld: ['name'] },
    },
  ],
  [
    'disclosure, on paper',
    { details: { method: 'paper', postalAddress: '〒100-0001 東京都千代田区千代田1-1' } },
    { outcome: 'fulfilled' },
  ],
  ['disclosure, refused', {}, { outcome: 'refused', grounds: ['hindrance-to-business'], reason: REASON }],
  ['purpose notification', { type: 'purpose-notification' }, { outcome: 'fulfilled' }],
  [
    'purpose notification, refused',
    { type: 'purpose-notification' },
    { outcome: 'refused', grounds: ['purpose-already-clear'], reason: REASON },
  ],
  [
    'correction',
    {
      type: 'correction',
      details: { items: [{ change: 'correct', category: 'name', description: '誤字', content: '山田 華子' }] },
    },
    {
      outcome: 'partially-fulfilled',
      grounds: ['content-found-true'],
      reason: REASON,
      details: {
        investigation: '登録時の書類と照合しました。',
        changes: [
          { action: 'correct', subjectId: 'subj-hanako-1', recordId: 'rec-name', value: '山田 華子' },
          { action: 'delete', subjectId: 'subj-hanako-1', recordId: 'rec-cookie' },
        ],
      },
    },
  ],
  [
    'cessation of use, erased',
    { type: 'cessation-of-use', details: { grounds: ['no-longer-needed'], measure: 'erase' } },
    { outcome: 'fulfilled', details: { measure: 'erase' } },
  ],
  [
    'cessation of use, alternative',
    { type: 'cessation-of-use', details: { grounds: ['no-longer-needed'], measure: 'cease-use' } },
    {
      outcome: 'refused',
      grounds: ['costly-or-difficult-alternative-taken'],
      reason: REASON,
      details: { alternativeMeasure: '保管庫に移し、利用できないようにしました。' },
    },
  ],
  [
    'cessation of provision, named',
    { type: 'cessation-of-provision', details: { grounds: ['no-longer-needed'] } },
    { outcome: 'fulfilled', details: { recipients: { scope: 'named', recipientIds: ['partner-insurance'] } } },
  ],
  [
    'cessation of provision, all',
    { type: 'cessation-of-provision', details: { grounds: ['no-longer-needed'] } },
    { outcome: 'fulfilled', details: { recipients: { scope: 'all' } } },
  ],
  [
    'complaint',
    { type: 'complaint', details: { description: '対応が遅いです。' } },
    { outcome: 'fulfilled', details: { reply: 'ご不便をおかけしました。' } },
  ],
];

describe('the privacy notice', () => {
  const notice = privacyNotice([...POLICY_PURPOSES, billingV2], undefined, [JOINT_USER, LIST_BROKER]);

  it('says nothing in the API’s words in either language (the API reference is linked in words)', () => {
    expect(stringValues(notice).flatMap(apiWordsIn)).toEqual([]);
    expect(notice.apiReference.href).toBe('/docs/api');
  });

  it('gives every text a person reads in Japanese and in English', () => {
    const labels: { ja: string; en: string }[] = [
      notice.business,
      notice.desk.name,
      notice.desk.address,
      notice.desk.hoursText,
      notice.thirdPartyProvision.policy,
      notice.consents,
      ...notice.consents.steps,
      notice.apiReference,
    ];
    for (const label of labels) {
      expect(label.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(label.en).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('every e-mail the desk can send', () => {
  for (const language of LANGUAGES) {
    const request = receivedRequest({ language });
    const label = requestType('disclosure')!.label;

    it(`about a request, in ${language}: the code, the receipt, a refusal, a withdrawal, the posting`, () => {
      expectForPeople('code', verificationCodeMessage(request, '123456', label, 30, DEMO_DESK));
      expectForPeople(
        'received',
        receivedMessage(request, label, DEMO_DESK, 'https://privacy.example.jp/#/status/req-1/tok?lang=ja'),
      );
      expectForPeople('received, no link', receivedMessage(request, label, DEMO_DESK));
      expectForPeople(
        'refused',
        refusalMessage(request, label, [{ ja: '根拠', en: 'Ground' }], REASON, DEMO_DESK, { ja: '補足', en: 'Note' }),
      );
      expectForPeople('withdrawn', withdrawnMessage(request, label, NOW, DEMO_DESK));
      expectForPeople(
        'posted',
        postedMessage(
          'req-1',
          language,
          {
            method: 'paper',
            dossierTokenHash: 'f'.repeat(64),
            postedOn: '2026-11-13',
            trackingNumber: '1234-5678',
          },
          DEMO_DESK,
        ),
      );
    });

    for (const [name, overrides, input] of DECISIONS) {
      it(`the answer to a decision, in ${language}: ${name}`, async () => {
        expectForPeople(name, await decisionMail({ ...overrides, language }, input));
      });
    }

    it(`about consents, in ${language}: the code, and a receipt for each kind of consent and a withdrawal`, () => {
      expectForPeople('consent code', codeMessage('123456', language, 30, DEMO_DESK));
      const registry = registryOf(POLICY_PURPOSES);
      const given: ConsentEvent = {
        subjectId: 'subj-1',
        eventId: 'evt-1',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: '2026-11-26',
        method: 'web-button',
        at: NOW,
      };
      const events: ConsentEvent[] = [
        given,
        { ...given, purpose: undefined, recipient: 'partner-insurance' },
        {
          ...given,
          purpose: undefined,
          recipient: 'overseas',
          foreignInformation: { country: 'US', protectionSystem: '州法による', recipientMeasures: '契約による' },
        },
        { ...given, purpose: undefined, linkage: 'access-information' },
        { ...given, eventId: 'evt-2', action: 'withdrawn', withdraws: 'evt-1' },
      ];
      for (const event of events) {
        const { subject, text } = consentReceipt(
          'm',
          'a@example.jp',
          event,
          registry,
          language,
          new Date(NOW),
          DEMO_DESK,
          'Partner',
        );
        expectForPeople(`receipt ${event.action}`, { subject, text });
      }
    });
  }

  it('to the people a purpose change reaches, in Japanese and English in one message', () => {
    const previous = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    expectForPeople(
      'purpose change',
      purposeChangeMessage(billingV2, previous, 'subj-1', ['a@example.jp'], new Date(NOW), DEMO_DESK),
    );
  });

  it('to staff, in Japanese and English in one message: exports, accounts, alerts, reminders, undeliverable mail', () => {
    const exportRequest: ExportRequest = {
      exportId: 'exp-1',
      status: 'requested',
      version: 1,
      requestedBy: 'staff-operator-1',
      requestedByRole: 'operator',
      requestedAt: NOW,
      subjectIds: ['subj-1', 'subj-2'],
      categories: ['name', 'email'],
      reason: 'request req-1',
      format: 'csv',
      note: '監査のため',
      expiresAt: 0,
    };
    const decided = {
      ...exportRequest,
      decision: { outcome: 'approved' as const, by: 'staff-officer-1', at: NOW, reason: '確認しました' },
      linkExpiresAt: NOW,
    };
    const now = new Date(NOW);
    const base = 'https://api.desk.example.jp';
    expectForPeople(
      'export requested',
      exportRequestedMessage(exportRequest, 'officer@example.jp', base, now, DEMO_DESK),
    );
    expectForPeople('export approved', exportApprovedMessage(decided, 'op@example.jp', 'tok', base, now, DEMO_DESK));
    expectForPeople('export refused', exportRefusedMessage(decided, 'op@example.jp', now, DEMO_DESK));
    const change = { staffId: 'staff-2', by: 'staff-officer-1', at: NOW, what: { ja: '無効化', en: 'disabled' } };
    expectForPeople('account change', accountChangeMessage('m', ['officer@example.jp'], change, now, DEMO_DESK));
    const account = {
      staffId: 'staff-2',
      displayName: '佐藤 次郎',
      email: 's@example.jp',
      role: 'operator' as const,
      status: 'active' as const,
      passwordChangedAt: NOW,
    };
    expectForPeople('temporary password', temporaryPasswordMessage('m', account, 'Temp-1234-abcd', now, DEMO_DESK));
    const findings = [
      {
        kind: 'many-subjects' as const,
        actor: 'staff-2',
        roles: ['operator'],
        hour: NOW,
        subjects: 40,
        subjectIds: [],
      },
      {
        kind: 'outside-desk-hours' as const,
        actor: 'staff-2',
        roles: ['operator'],
        hour: NOW,
        reads: [{ at: NOW, subjects: ['subj-1'] }],
      },
    ];
    expectForPeople(
      'access alert',
      accessAlertText(findings, now, new Date(Date.parse(NOW) + 3600_000), 30, DEMO_COMPANY),
    );
    const alert = accessAlertRecord(findings, { from: now, to: new Date(Date.parse(NOW) + 3600_000) }, 30, 'm-1', now);
    expectForPeople('incident from an alert', { subject: alertAwareHow(alert), text: alertIncidentSummary(alert) });
    expectForPeople('reportable leak answer', { subject: REPORTABLE_LEAK_ANSWER.en, text: REPORTABLE_LEAK_ANSWER.ja });
    const open = [{ requestId: 'req-1', type: 'disclosure', status: 'received' as const, dueAt: NOW }];
    expectForPeople('due soon', reminderText('due-soon', open, DEMO_DESK));
    expectForPeople('overdue', reminderText('overdue', open, DEMO_DESK));
    const lost = {
      messageId: 'm-1',
      to: ['a@example.jp'],
      subject: 's',
      text: 't',
      createdAt: NOW,
      topic: 'request-decided',
      requestId: 'req-1',
      attempts: 5,
    };
    expectForPeople('undeliverable', undeliverableNotice(lost, 'officer@example.jp', 'Throttling', 5, now)!);
  });
});
