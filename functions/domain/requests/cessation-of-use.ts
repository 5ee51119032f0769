// Cessation of use or erasure (APPI Art. 35(1),(2),(5),(6), policy §8(1)): the person asks the desk to
// stop using their retained personal data, or to erase it. Fulfilling it flags every subject the desk
// holds them under, in the decision's transaction: every use check honours the flag at once. A flag
// that says erase is carried out by the erase-on-request worker, which leaves an erasure certificate.
import * as z from 'zod';
import type { DeskWrite } from './ports';
import { DeskProblem } from '../kernel/problems';
import { alternativeMeasureRules, ART_35_5_GROUND_LABELS, ART_35_5_GROUNDS } from './cessation';
import { readHoldingsForRequest } from './held-for-request';
import { formatJapanTime, signature } from './notifications';
import type { Language } from './request';
import type { Label, RequestTypeDefinition } from './request-types';

/**
 * What the person may cite. APPI Art. 35(1): handled beyond the purposes of use (Art. 18), used
 * improperly (Art. 19), acquired improperly (Art. 20(1)), or special care-required data acquired
 * without consent (Art. 20(2)). Art. 35(5): no longer needed for our use, a leak reportable under
 * Art. 26(1), or another risk to their rights or legitimate interests.
 */
export const CESSATION_OF_USE_GROUNDS = [
  'used-beyond-purpose',
  'improper-use',
  'improper-acquisition',
  'special-care-data-without-consent',
  ...ART_35_5_GROUNDS,
] as const;
export type CessationOfUseGround = (typeof CESSATION_OF_USE_GROUNDS)[number];

/** APPI Art. 35(1),(5): the person may ask for the use to stop (利用停止) or for erasure (消去). */
export const CESSATION_OF_USE_MEASURES = ['cease-use', 'erase'] as const;
export type CessationOfUseMeasure = (typeof CESSATION_OF_USE_MEASURES)[number];

/**
 * APPI Art. 35(2),(6): the desk must comply to the extent needed to remedy the violation or prevent
 * the harm, unless that is very costly or otherwise difficult and an alternative measure protecting the
 * person's rights and interests is taken.
 */
export const CESSATION_OF_USE_REFUSAL_GROUNDS = [
  'no-grounds-found',
  'costly-or-difficult-alternative-taken',
] as const;
export type CessationOfUseRefusalGround = (typeof CESSATION_OF_USE_REFUSAL_GROUNDS)[number];

export const CESSATION_OF_USE_GROUND_LABELS: Record<CessationOfUseGround, Label> = {
  'used-beyond-purpose': {
    ja: '利用目的の達成に必要な範囲を超えて取り扱われている（第18条違反、第35条第1項）',
    en: 'Handled beyond what the purposes of use require (in violation of Art. 18; Art. 35(1))',
  },
  'improper-use': {
    ja: '違法又は不当な行為を助長し、又は誘発するおそれがある方法により利用されている（第19条違反、第35条第1項）',
    en: 'Used in a way that may encourage or induce an illegal or unjust act (in violation of Art. 19; Art. 35(1))',
  },
  'improper-acquisition': {
    ja: '偽りその他不正の手段により取得された（第20条第1項違反、第35条第1項）',
    en: 'Acquired by deceit or other improper means (in violation of Art. 20(1); Art. 35(1))',
  },
  'special-care-data-without-consent': {
    ja: '要配慮個人情報が本人の同意なく取得された（第20条第2項違反、第35条第1項）',
    en: 'Special care-required personal information acquired without your consent (in violation of Art. 20(2); Art. 35(1))',
  },
  ...ART_35_5_GROUND_LABELS,
};

const REFUSAL_GROUND_LABELS: Record<CessationOfUseRefusalGround, Label> = {
  'no-grounds-found': {
    ja: 'ご請求が第35条第1項又は第5項に定める要件に該当しないため（同条第2項・第6項）',
    en: 'The request does not meet the requirements of Art. 35(1) or (5) (Art. 35(2),(6))',
  },
  'costly-or-difficult-alternative-taken': {
    ja: '利用停止等に多額の費用を要する場合その他の利用停止等を行うことが困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置（下記に記載）をとったため（第35条第2項ただし書・第6項ただし書）',
    en: 'Stopping the use or erasing would be very costly or otherwise difficult, and we have taken the alternative measure stated below to protect your rights and interests (Art. 35(2),(6), proviso)',
  },
};

const alternativeMeasure = alternativeMeasureRules({ ja: '第35条第2項ただし書・第6項ただし書', en: 'Art. 35(2),(6), proviso' });

const measure = z.enum(CESSATION_OF_USE_MEASURES);

/**
 * What the desk may do for what was asked. Erasure is asked: stopping the use is enough when it
 * remedies the matter (Art. 35(2), "to the extent necessary"). Cessation is asked: the data stays, since
 * erasing it would also take what the person may still want disclosed or corrected.
 */
export function measureAllowed(asked: CessationOfUseMeasure, taken: CessationOfUseMeasure): boolean {
  return asked === taken || (asked === 'erase' && taken === 'cease-use');
}


function resultMessage(language: Language, requestId: string, from: string, asked: CessationOfUseMeasure, taken: CessationOfUseMeasure, held: boolean) {
  if (language === 'en') {
    const narrowed = asked !== taken
      ? ' Stopping the use is enough to remedy the matter you raised, so we have not erased the data (APPI Art. 35(2)).'
      : '';
    return taken === 'erase'
      ? {
          subject: 'We have erased your personal data',
          text: held
            ? `As you requested (${requestId}), from ${from} we no longer use any of the personal data we hold about you, and we erase all of it. We keep only a record that the erasure took place (an erasure certificate), which holds none of your personal data.${signature('en')}`
            : `We looked into your request (${requestId}): we hold no personal data about you, so there is nothing to erase.${signature('en')}`,
        }
      : {
          subject: 'We have stopped using your personal data',
          text: held
            ? `As you requested (${requestId}), from ${from} we no longer use any of the personal data we hold about you, for any purpose.${narrowed}${signature('en')}`
            : `We looked into your request (${requestId}): we hold no personal data about you, so none will be used.${signature('en')}`,
        };
  }
  const narrowed = asked !== taken
    ? 'ご指摘の事由を是正するには利用停止で足りるため、消去は行っておりません（個人情報の保護に関する法律第35条第2項）。'
    : '';
  return taken === 'erase'
    ? {
        subject: '保有個人データを消去しました',
        text: held
          ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは一切利用せず、すべて消去いたします。消去を行った記録（消去証明。お客様の個人データは含みません）のみを保存いたします。${signature('ja')}`
          : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、消去の対象となるデータはありません。${signature('ja')}`,
      }
    : {
        subject: '保有個人データの利用を停止しました',
        text: held
          ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは、いずれの目的にも利用いたしません。${narrowed}${signature('ja')}`
          : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、利用されることはありません。${signature('ja')}`,
      };
}

export const cessationOfUse: RequestTypeDefinition = {
  type: 'cessation-of-use',
  label: { ja: '保有個人データの利用停止等', en: 'cessation of use or erasure' },
  details: z.strictObject({
    grounds: z.array(z.enum(CESSATION_OF_USE_GROUNDS)).min(1)
      .describe('Why the use must stop (APPI Art. 35(1),(5)); at least one.'),
    measure: measure.describe('What you ask for: cease-use (stop using the data) or erase (APPI Art. 35(1),(5)).'),
    explanation: z.string().trim().min(1).max(2000).optional()
      .describe('Anything that helps us look into it.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: REFUSAL_GROUND_LABELS,
  decisionDetails: {
    fulfilled: z.strictObject({
      measure: measure.describe('What the desk did: the measure asked for, or cease-use where that remedies an asked erasure (APPI Art. 35(2)).'),
    }),
    refused: alternativeMeasure.refused,
  },
  checkDecision: alternativeMeasure.checkDecision,
  refusalNote: alternativeMeasure.refusalNote,

  async fulfil(context) {
    const { request, decision, now } = context;
    const asked = (request.details as { measure: CessationOfUseMeasure }).measure;
    const taken = (decision.details as { measure: CessationOfUseMeasure }).measure;
    if (!measureAllowed(asked, taken)) {
      throw new DeskProblem('unprocessable', 'Measure not asked for', `The person asked to ${asked === 'erase' ? 'erase' : 'stop using'} their data; decide with details.measure "${asked}"${asked === 'erase' ? ', or "cease-use" where stopping the use remedies the matter (APPI Art. 35(2))' : ''}.`);
    }
    const { subjectIds } = await readHoldingsForRequest(context, () => ['identity']);
    const at = now.toISOString();
    const writes: DeskWrite[] = [...new Set(subjectIds)].map((subjectId) => ({
      kind: 'cessation-of-use', subjectId, requestId: request.requestId, at, measure: taken,
    }));
    const from = formatJapanTime(at, request.language);
    return { writes, message: resultMessage(request.language, request.requestId, from, asked, taken, writes.length > 0) };
  },
};
