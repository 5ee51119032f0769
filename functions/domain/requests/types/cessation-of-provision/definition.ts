// Cessation of provision to third parties (APPI Art. 35(3),(5), policy §8(1)): the person asks the
// desk to stop providing their data to third parties. The decision names whom it stops: every third
// party, or the registered recipients the request names (the person's own words are free text). It is
// recorded on every subject the desk holds them under, and every provision check on consent or opt-out
// honours it; provision under an Art. 27(1) exception does not stop (permit-provision.ts).

import type { DeskContact } from '../../../company';
import {
  cessationOf,
  type RecipientScope,
  registeredThirdParties,
  withStop,
} from '../../../provisions/provision-cessation';
import { readHoldingsForRequest } from '../../held-for-request';
import { formatJapanTime, signature } from '../../notifications';
import type { DeskWrite } from '../../ports';
import type { Language } from '../../request';
import type { RequestTypeDefinition } from '../../request-type';
import { incidentGround, withIncidentGround } from '../cessation-shared/incident-ground';
import { alternativeMeasureRules } from '../cessation-shared/rules';
import { cessationOfProvisionSchema } from './schema';
import { CESSATION_OF_PROVISION_PROVISO } from './words';

const alternativeMeasure = alternativeMeasureRules(CESSATION_OF_PROVISION_PROVISO);

export const cessationOfProvision: RequestTypeDefinition = {
  ...cessationOfProvisionSchema,
  writes: ['cessation-of-provision'],
  checkDecision: alternativeMeasure.checkDecision,
  refusalNote: alternativeMeasure.refusalNote,

  async fulfil(context) {
    const { request, decision, now } = context;
    const scope = (decision.details as { recipients: RecipientScope }).recipients;
    // Checked before the holdings are read, so a wrong id reads and writes nothing.
    const named = await registeredThirdParties(context.recipients, scope, 'body.details.recipients');
    const { subjectIds } = await readHoldingsForRequest(context, () => ['identity']);
    const ground = await incidentGround(context, subjectIds);
    const stop = { requestId: request.requestId, at: now.toISOString() };
    // Added to what stands: a stop from an earlier request keeps that request, and the write holds
    // only if nothing changed the subject's cessation meanwhile.
    const writes: DeskWrite[] = await Promise.all(
      [...new Set(subjectIds)].map(async (subjectId) => {
        const stored = (await context.lifecycles.get(subjectId))?.cessationOfProvision;
        return {
          kind: 'cessation-of-provision' as const,
          subjectId,
          cessation: withStop(cessationOf(stored), scope, stop),
          ...(stored ? { expected: stored } : {}),
        };
      }),
    );
    return {
      writes,
      message: withIncidentGround(
        resultMessage(
          request.language,
          request.requestId,
          formatJapanTime(stop.at, request.language),
          named.map((r) => r.name),
          writes.length > 0,
          context.desk,
        ),
        ground,
        request.language,
      ),
    };
  },
};

/** The result e-mail: from when, to whom provision stopped, and that provision the law requires or allows goes on (APPI Art. 27(1)). */
function resultMessage(
  language: Language,
  requestId: string,
  from: string,
  names: string[],
  held: boolean,
  desk: DeskContact,
) {
  if (language === 'en') {
    const to =
      names.length === 0
        ? 'third parties'
        : names.length === 1
          ? names[0]!
          : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
    return {
      subject: 'We have stopped providing your personal data to third parties',
      text: held
        ? `As you requested (${requestId}), from ${from} we no longer provide any of the personal data we hold about you to ${to}, except where the law requires or allows it without your consent (APPI Art. 27(1)), such as a statutory report to the tax office.${signature('en', desk)}`
        : `We looked into your request (${requestId}): we hold no personal data about you, so none will be provided to third parties.${signature('en', desk)}`,
    };
  }
  const to = names.length === 0 ? '第三者' : names.map((n) => `「${n}」`).join('、');
  return {
    subject: '保有個人データの第三者提供を停止しました',
    text: held
      ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは、法令に基づく場合その他個人情報の保護に関する法律第27条第1項各号に該当する場合（税務署への法定調書の提出など）を除き、${to}に提供いたしません。${signature('ja', desk)}`
      : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、第三者に提供されることはありません。${signature('ja', desk)}`,
  };
}
