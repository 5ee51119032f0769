// Cessation of use or erasure (APPI Art. 35(1),(2),(5),(6), policy §8(1)): the person asks the desk to
// stop using their retained personal data, or to erase it. Fulfilling it flags every subject the desk
// holds them under, in the decision's transaction: every use check honours the flag at once. A flag
// that says erase is carried out by the erase-on-request worker, which leaves an erasure certificate.
// The same transaction leaves suppression entries, so no later registration brings the data back for
// what was stopped (personal-data/suppression.ts).

import type { DeskContact } from '../../../company';
import { identitiesOf } from '../../../fulfilment/fan-out';
import { DeskProblem } from '../../../kernel/problems';
import { cessationSuppressions } from '../../../personal-data/suppression';
import { categoriesOf, readHoldingsForRequest } from '../../held-for-request';
import { formatJapanTime, signature } from '../../notifications';
import type { DeskWrite } from '../../ports';
import type { Language } from '../../request';
import type { RequestTypeDefinition } from '../../request-type';
import { incidentGround, withIncidentGround } from '../cessation-shared/incident-ground';
import { alternativeMeasureRules } from '../cessation-shared/rules';
import { cessationOfUseSchema } from './schema';
import { CESSATION_OF_USE_PROVISO, type CessationOfUseMeasure } from './words';

const alternativeMeasure = alternativeMeasureRules(CESSATION_OF_USE_PROVISO);

/**
 * What the desk may do for what was asked. Erasure is asked: stopping the use is enough when it
 * remedies the matter (Art. 35(2), "to the extent necessary"). Cessation is asked: the data stays, since
 * erasing it would also take what the person may still want disclosed or corrected.
 */
export function measureAllowed(asked: CessationOfUseMeasure, taken: CessationOfUseMeasure): boolean {
  return asked === taken || (asked === 'erase' && taken === 'cease-use');
}

function resultMessage(
  language: Language,
  requestId: string,
  from: string,
  asked: CessationOfUseMeasure,
  taken: CessationOfUseMeasure,
  held: boolean,
  desk: DeskContact,
) {
  if (language === 'en') {
    const narrowed =
      asked !== taken
        ? ' Stopping the use is enough to remedy the matter you raised, so we have not erased the data (APPI Art. 35(2)).'
        : '';
    return taken === 'erase'
      ? {
          subject: 'We have erased your personal data',
          text: held
            ? `As you requested (${requestId}), from ${from} we no longer use any of the personal data we hold about you, and we erase all of it. We keep only a record that the erasure took place (an erasure certificate), which holds none of your personal data.${signature('en', desk)}`
            : `We looked into your request (${requestId}): we hold no personal data about you, so there is nothing to erase.${signature('en', desk)}`,
        }
      : {
          subject: 'We have stopped using your personal data',
          text: held
            ? `As you requested (${requestId}), from ${from} we no longer use any of the personal data we hold about you, for any purpose.${narrowed}${signature('en', desk)}`
            : `We looked into your request (${requestId}): we hold no personal data about you, so none will be used.${signature('en', desk)}`,
        };
  }
  const narrowed =
    asked !== taken
      ? 'ご指摘の事由を是正するには利用停止で足りるため、消去は行っておりません（個人情報の保護に関する法律第35条第2項）。'
      : '';
  return taken === 'erase'
    ? {
        subject: '保有個人データを消去しました',
        text: held
          ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは一切利用せず、すべて消去いたします。消去を行った記録（消去証明。お客様の個人データは含みません）のみを保存いたします。${signature('ja', desk)}`
          : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、消去の対象となるデータはありません。${signature('ja', desk)}`,
      }
    : {
        subject: '保有個人データの利用を停止しました',
        text: held
          ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは、いずれの目的にも利用いたしません。${narrowed}${signature('ja', desk)}`
          : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、利用されることはありません。${signature('ja', desk)}`,
      };
}

export const cessationOfUse: RequestTypeDefinition = {
  ...cessationOfUseSchema,
  writes: ['cessation-of-use', 'suppression', 'fulfilment-task'],
  checkDecision: alternativeMeasure.checkDecision,
  refusalNote: alternativeMeasure.refusalNote,

  async fulfil(context) {
    const { request, decision, now } = context;
    const asked = (request.details as { measure: CessationOfUseMeasure }).measure;
    const taken = (decision.details as { measure: CessationOfUseMeasure }).measure;
    if (!measureAllowed(asked, taken)) {
      throw new DeskProblem(
        'unprocessable',
        'Measure not asked for',
        `The person asked to ${asked === 'erase' ? 'erase' : 'stop using'} their data; decide with details.measure "${asked}"${asked === 'erase' ? ', or "cease-use" where stopping the use remedies the matter (APPI Art. 35(2))' : ''}.`,
      );
    }
    const held = await readHoldingsForRequest(context, () => ['identity']);
    const ground = await incidentGround(context, held.subjectIds);
    const at = now.toISOString();
    const flags: DeskWrite[] = [...new Set(held.subjectIds)].map((subjectId) => ({
      kind: 'cessation-of-use',
      subjectId,
      requestId: request.requestId,
      at,
      measure: taken,
    }));
    const suppressions =
      flags.length > 0 ? await cessationSuppressions(context.identifierMac, held, request.requestId, at, taken) : [];
    const writes: DeskWrite[] = [
      ...flags,
      ...suppressions.map((suppression): DeskWrite => ({ kind: 'suppression', suppression })),
    ];
    const from = formatJapanTime(at, request.language);
    // Every holder of the person's data stops or erases too: erasure, or cessation of every purpose.
    const purposes = [...new Set(held.records.flatMap((r) => r.purposes))].sort();
    return {
      writes,
      message: withIncidentGround(
        resultMessage(request.language, request.requestId, from, asked, taken, flags.length > 0, context.desk),
        ground,
        request.language,
      ),
      reach: [
        {
          instruction: taken === 'erase' ? 'erasure' : 'cessation-of-use',
          subjectIds: held.subjectIds,
          categories: categoriesOf(held),
          ...(taken === 'cease-use' ? { purposes } : {}),
          identities: identitiesOf(held),
        },
      ],
    };
  },
};
