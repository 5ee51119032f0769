// Notification of the purposes of use (APPI Art. 32(2), policy §8(2)): the person is told, by e-mail,
// for what purposes the desk uses their data and which categories of data serve each purpose. The
// e-mail is the answer; nothing is stored, and no record's value is ever in it.
import * as z from 'zod';
import type { Holdings } from '../holdings';
import { categoryById } from '../personal-data/categories';
import { describePurpose, registryOf, type PurposeRegistry } from '../purposes/registry';
import { categoriesOf, readHoldingsForRequest } from './held-for-request';
import { signature, type MessageText } from './notifications';
import type { DeskRequest, Language } from './request';
import type { Label, RequestTypeDefinition } from './request-types';

/**
 * Policy §8(2), APPI Art. 32(2) items (i)-(ii), the latter through Art. 21(4)(i)-(iii): the only
 * grounds on which the desk may decline to notify the purposes of use.
 */
export const PURPOSE_NOTIFICATION_REFUSAL_GROUNDS = [
  'purpose-already-clear',
  'harm-to-person-or-third-party',
  'harm-to-company-rights-or-interests',
  'cooperation-with-public-body',
] as const;
export type PurposeNotificationRefusalGround = (typeof PURPOSE_NOTIFICATION_REFUSAL_GROUNDS)[number];

const GROUND_LABELS: Record<PurposeNotificationRefusalGround, Label> = {
  // APPI Art. 32(2)(i) with Art. 32(1) and Art. 21(4)(iv).
  'purpose-already-clear': {
    ja: '取得の状況等からみて利用目的が明らかである場合（第32条第2項第1号）',
    en: 'The purpose of use is already clear to you, for instance from the circumstances in which the data was acquired (Art. 32(2)(i))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(i).
  'harm-to-person-or-third-party': {
    ja: '利用目的を通知することにより本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合（第32条第2項第2号、第21条第4項第1号）',
    en: 'Notifying the purpose could harm the life, body, property or other rights or interests of you or a third party (Art. 32(2)(ii), Art. 21(4)(i))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(ii).
  'harm-to-company-rights-or-interests': {
    ja: '利用目的を通知することにより当社の権利又は正当な利益を害するおそれがある場合（第32条第2項第2号、第21条第4項第2号）',
    en: 'Notifying the purpose could harm our rights or legitimate interests (Art. 32(2)(ii), Art. 21(4)(ii))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(iii).
  'cooperation-with-public-body': {
    ja: '国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要がある場合であって、利用目的を通知することにより当該事務の遂行に支障を及ぼすおそれがある場合（第32条第2項第2号、第21条第4項第3号）',
    en: 'We must cooperate with a national or local public body performing duties prescribed by law, and notifying the purpose could impede those duties (Art. 32(2)(ii), Art. 21(4)(iii))',
  },
};

/** For each purpose among the person's records: its current text and the categories of data it is used for. */
export function purposesApplying(holdings: Holdings, registry: PurposeRegistry, language: Language) {
  const categoriesByPurpose = new Map<string, Set<string>>();
  for (const record of holdings.records) {
    for (const purpose of record.purposes) {
      const categories = categoriesByPurpose.get(purpose) ?? new Set<string>();
      categories.add(record.category);
      categoriesByPurpose.set(purpose, categories);
    }
  }
  return [...categoriesByPurpose.keys()].sort().map((id) => ({
    id,
    description: describePurpose(registry, id, language),
    categories: [...categoriesByPurpose.get(id)!].sort().map((c) => categoryById(c)?.[language] ?? c),
  }));
}

export function purposeNotificationMessage(request: DeskRequest, holdings: Holdings, registry: PurposeRegistry): MessageText {
  const language = request.language;
  const purposes = purposesApplying(holdings, registry, language);
  const separator = language === 'ja' ? '、' : ', ';
  const list = purposes
    .map((p) => `- ${p.description}\n  ${language === 'ja' ? '対象となる情報' : 'Data used'}: ${p.categories.join(separator)}`)
    .join('\n');
  if (language === 'en') {
    return {
      subject: 'The purposes for which we use your personal data',
      text: purposes.length === 0
        ? `In answer to your request for notification of the purposes of use (${request.requestId}): we hold no personal data about you, so there is no purpose for which we use it.${signature('en')}`
        : `In answer to your request for notification of the purposes of use (${request.requestId}), we use the personal data we hold about you for these purposes:\n\n${list}\n\nIf you would like to see the data itself, you may request its disclosure.${signature('en')}`,
    };
  }
  return {
    subject: '保有個人データの利用目的のご通知',
    text: purposes.length === 0
      ? `利用目的の通知のご請求（受付番号 ${request.requestId}）についてご回答いたします。当社はお客様の保有個人データを保有しておりません。したがって、通知すべき利用目的はございません。${signature('ja')}`
      : `利用目的の通知のご請求（受付番号 ${request.requestId}）についてご回答いたします。当社は、お客様の保有個人データを次の目的のために利用しております。\n\n${list}\n\nデータの内容をご確認になりたい場合は、開示をご請求いただけます。${signature('ja')}`,
  };
}

export const purposeNotification: RequestTypeDefinition = {
  type: 'purpose-notification',
  label: { ja: '保有個人データの利用目的の通知', en: 'purpose-of-use notification' },
  details: z.strictObject({
    items: z.string().trim().min(1).max(2000).optional()
      .describe('Which of your data you ask about, if not all of it.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: GROUND_LABELS,

  async fulfil(context) {
    const held = await readHoldingsForRequest(context, categoriesOf);
    return { writes: [], message: purposeNotificationMessage(context.request, held, registryOf(await context.purposes.versions())) };
  },
};
