// Cessation of provision to third parties (APPI Art. 35(3),(5), policy §8(1)): the person asks the
// desk to stop providing their data to third parties. The decision names whom it stops: every third
// party, or the registered recipients the request names (the person's own words are free text). It is
// recorded on every subject the desk holds them under, and every provision check on consent or opt-out
// honours it; provision under an Art. 27(1) exception does not stop (permit-provision.ts).
import * as z from 'zod';
import type { DeskWrite } from './ports';
import { cessationOf, recipientScope, registeredThirdParties, withStop, type RecipientScope } from '../provisions/provision-cessation';
import { alternativeMeasureRules, ART_35_5_GROUND_LABELS, ART_35_5_GROUNDS } from './cessation';
import { readHoldingsForRequest } from './held-for-request';
import { formatJapanTime, signature } from './notifications';
import type { Language } from './request';
import type { Label, RequestTypeDefinition } from './request-types';

/**
 * What the person may cite. APPI Art. 35(3): provided to a third party in violation of Art. 27(1)
 * (without consent) or Art. 28 (to a third party abroad without consent). Art. 35(5): no longer
 * needed for our use, a leak reportable under Art. 26(1), or another risk to their rights or
 * legitimate interests.
 */
export const CESSATION_OF_PROVISION_GROUNDS = [
  'provided-without-consent',
  'provided-abroad-without-consent',
  ...ART_35_5_GROUNDS,
] as const;
export type CessationOfProvisionGround = (typeof CESSATION_OF_PROVISION_GROUNDS)[number];

/**
 * APPI Art. 35(4),(6): provision must stop when the request is well founded, unless stopping is very
 * costly or otherwise difficult and an alternative measure protecting the person's rights is taken.
 */
export const CESSATION_OF_PROVISION_REFUSAL_GROUNDS = [
  'no-grounds-found',
  'costly-or-difficult-alternative-taken',
] as const;
export type CessationOfProvisionRefusalGround = (typeof CESSATION_OF_PROVISION_REFUSAL_GROUNDS)[number];

export const CESSATION_OF_PROVISION_GROUND_LABELS: Record<CessationOfProvisionGround, Label> = {
  'provided-without-consent': {
    ja: '本人の同意なく第三者に提供されている（第27条第1項違反、第35条第3項）',
    en: 'Provided to a third party without your consent (in violation of Art. 27(1); Art. 35(3))',
  },
  'provided-abroad-without-consent': {
    ja: '本人の同意なく外国にある第三者に提供されている（第28条違反、第35条第3項）',
    en: 'Provided to a third party in a foreign country without your consent (in violation of Art. 28; Art. 35(3))',
  },
  ...ART_35_5_GROUND_LABELS,
};

const REFUSAL_GROUND_LABELS: Record<CessationOfProvisionRefusalGround, Label> = {
  'no-grounds-found': {
    ja: 'ご請求が第35条第3項又は第5項に定める要件に該当しないため（同条第4項・第6項）',
    en: 'The request does not meet the requirements of Art. 35(3) or (5) (Art. 35(4),(6))',
  },
  'costly-or-difficult-alternative-taken': {
    ja: '第三者への提供の停止に多額の費用を要する場合その他の停止が困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置（下記に記載）をとったため（第35条第4項ただし書・第6項ただし書）',
    en: 'Stopping provision would be very costly or otherwise difficult, and we have taken the alternative measure stated below to protect your rights and interests (Art. 35(4),(6), proviso)',
  },
};

const alternativeMeasure = alternativeMeasureRules({ ja: '第35条第4項ただし書・第6項ただし書', en: 'Art. 35(4),(6), proviso' });

export const cessationOfProvision: RequestTypeDefinition = {
  type: 'cessation-of-provision',
  label: { ja: '保有個人データの第三者提供の停止', en: 'cessation of provision to third parties' },
  details: z.strictObject({
    grounds: z.array(z.enum(CESSATION_OF_PROVISION_GROUNDS)).min(1)
      .describe('Why provision must stop (APPI Art. 35(3),(5)); at least one.'),
    recipients: z.string().trim().min(1).max(2000).optional()
      .describe('Which third parties, if you know.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: REFUSAL_GROUND_LABELS,
  decisionDetails: {
    fulfilled: z.strictObject({
      recipients: recipientScope.describe('Whom provision stops to: every third party (scope "all"), or the registered third parties the request names (APPI Art. 35(3),(5)).'),
    }),
    refused: alternativeMeasure.refused,
  },
  checkDecision: alternativeMeasure.checkDecision,
  refusalNote: alternativeMeasure.refusalNote,

  async fulfil(context) {
    const { request, decision, now } = context;
    const scope = (decision.details as { recipients: RecipientScope }).recipients;
    // Checked before the holdings are read, so a wrong id reads and writes nothing.
    const named = await registeredThirdParties(context.recipients, scope, 'body.details.recipients');
    const { subjectIds } = await readHoldingsForRequest(context, () => ['identity']);
    const stop = { requestId: request.requestId, at: now.toISOString() };
    // Added to what stands: a stop from an earlier request keeps that request, and the write holds
    // only if nothing changed the subject's cessation meanwhile.
    const writes: DeskWrite[] = await Promise.all([...new Set(subjectIds)].map(async (subjectId) => {
      const stored = (await context.lifecycles.get(subjectId))?.cessationOfProvision;
      return { kind: 'cessation-of-provision' as const, subjectId, cessation: withStop(cessationOf(stored), scope, stop), ...(stored ? { expected: stored } : {}) };
    }));
    return { writes, message: resultMessage(request.language, request.requestId, formatJapanTime(stop.at, request.language), named.map((r) => r.name), writes.length > 0) };
  },
};

/** The result e-mail: from when, to whom provision stopped, and that provision the law requires or allows goes on (APPI Art. 27(1)). */
function resultMessage(language: Language, requestId: string, from: string, names: string[], held: boolean) {
  if (language === 'en') {
    const to = names.length === 0 ? 'third parties' : names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
    return {
      subject: 'We have stopped providing your personal data to third parties',
      text: held
        ? `As you requested (${requestId}), from ${from} we no longer provide any of the personal data we hold about you to ${to}, except where the law requires or allows it without your consent (APPI Art. 27(1)), such as a statutory report to the tax office.${signature('en')}`
        : `We looked into your request (${requestId}): we hold no personal data about you, so none will be provided to third parties.${signature('en')}`,
    };
  }
  const to = names.length === 0 ? '第三者' : names.map((n) => `「${n}」`).join('、');
  return {
    subject: '保有個人データの第三者提供を停止しました',
    text: held
      ? `ご請求（受付番号 ${requestId}）に基づき、${from}以降、当社が保有するお客様の個人データは、法令に基づく場合その他個人情報の保護に関する法律第27条第1項各号に該当する場合（税務署への法定調書の提出など）を除き、${to}に提供いたしません。${signature('ja')}`
      : `ご請求（受付番号 ${requestId}）について確認いたしましたところ、当社はお客様の個人データを保有しておりません。したがって、第三者に提供されることはありません。${signature('ja')}`,
  };
}
