// Notification of the purposes of use (APPI Art. 32(2), policy §8(2)): the person is told, by e-mail,
// for what purposes the desk uses their data and which categories of data serve each purpose. The
// e-mail is the answer; nothing is stored, and no record's value is ever in it.
import type { DeskContact } from '../../../company';
import type { Holdings } from '../../../holdings';
import { categoryById } from '../../../personal-data/categories';
import { describePurpose, type PurposeRegistry, registryOf } from '../../../purposes/registry';
import { categoriesOf, readHoldingsForRequest } from '../../held-for-request';
import { type MessageText, signature } from '../../notifications';
import type { DeskRequest, Language } from '../../request';
import type { RequestTypeDefinition } from '../../request-type';
import { purposeNotificationSchema } from './schema';

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

export function purposeNotificationMessage(
  request: DeskRequest,
  holdings: Holdings,
  registry: PurposeRegistry,
  desk: DeskContact,
): MessageText {
  const language = request.language;
  const purposes = purposesApplying(holdings, registry, language);
  const separator = language === 'ja' ? '、' : ', ';
  const list = purposes
    .map(
      (p) =>
        `- ${p.description}\n  ${language === 'ja' ? '対象となる情報' : 'Data used'}: ${p.categories.join(separator)}`,
    )
    .join('\n');
  if (language === 'en') {
    return {
      subject: 'The purposes for which we use your personal data',
      text:
        purposes.length === 0
          ? `In answer to your request for notification of the purposes of use (${request.requestId}): we hold no personal data about you, so there is no purpose for which we use it.${signature('en', desk)}`
          : `In answer to your request for notification of the purposes of use (${request.requestId}), we use the personal data we hold about you for these purposes:\n\n${list}\n\nIf you would like to see the data itself, you may request its disclosure.${signature('en', desk)}`,
    };
  }
  return {
    subject: '保有個人データの利用目的のご通知',
    text:
      purposes.length === 0
        ? `利用目的の通知のご請求（受付番号 ${request.requestId}）についてご回答いたします。当社はお客様の保有個人データを保有しておりません。したがって、通知すべき利用目的はございません。${signature('ja', desk)}`
        : `利用目的の通知のご請求（受付番号 ${request.requestId}）についてご回答いたします。当社は、お客様の保有個人データを次の目的のために利用しております。\n\n${list}\n\nデータの内容をご確認になりたい場合は、開示をご請求いただけます。${signature('ja', desk)}`,
  };
}

export const purposeNotification: RequestTypeDefinition = {
  ...purposeNotificationSchema,
  writes: [],

  async fulfil(context) {
    const held = await readHoldingsForRequest(context, categoriesOf);
    return {
      writes: [],
      message: purposeNotificationMessage(
        context.request,
        held,
        registryOf(await context.purposes.versions()),
        context.desk,
      ),
    };
  },
};
