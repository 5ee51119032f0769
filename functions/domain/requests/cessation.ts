// What the two cessation requests share (APPI Art. 35): the grounds Art. 35(5) gives for both, and the
// refusal that is lawful only with an alternative measure, which the person must be told.
import * as z from 'zod';
import type { DecisionInput, Label, RequestTypeDefinition } from './request-types';

/**
 * APPI Art. 35(5): grounds for stopping use or provision alike: no longer needed for our use, a leak
 * reportable under Art. 26(1) involving the person's data, or another risk to their rights or
 * legitimate interests.
 */
export const ART_35_5_GROUNDS = ['no-longer-needed', 'reportable-leak', 'risk-to-rights-or-interests'] as const;

export const ART_35_5_GROUND_LABELS: Record<(typeof ART_35_5_GROUNDS)[number], Label> = {
  'no-longer-needed': {
    ja: '当社が利用する必要がなくなった（第35条第5項）',
    en: 'We no longer need to use the data (Art. 35(5))',
  },
  'reportable-leak': {
    ja: '本人の個人データに係る漏えい等の報告対象事態（第26条第1項）が生じた（第35条第5項）',
    en: 'A leak or other incident reportable under Art. 26(1) involved your data (Art. 35(5))',
  },
  'risk-to-rights-or-interests': {
    ja: '本人の権利又は正当な利益が害されるおそれがある（第35条第5項）',
    en: 'Handling the data may harm your rights or legitimate interests (Art. 35(5))',
  },
};

/** APPI Art. 35(2),(4),(6), provisos: refusing is lawful only when an alternative measure protects the person. */
export const ALTERNATIVE_MEASURE_GROUND = 'costly-or-difficult-alternative-taken';

/**
 * The refusal's `alternativeMeasure` detail: required with the costly-or-difficult ground, refused
 * without it, and stated in the refusal e-mail under its own heading. `proviso` cites the paragraphs.
 */
export function alternativeMeasureRules(proviso: Label): Pick<RequestTypeDefinition, 'checkDecision' | 'refusalNote'> & {
  refused: z.ZodType<Record<string, unknown>>;
} {
  return {
    refused: z.strictObject({
      alternativeMeasure: z.string().trim().min(1).max(2000).optional()
        .describe(`The measure taken instead; required with the ground ${ALTERNATIVE_MEASURE_GROUND} (APPI ${proviso.en}).`),
    }),
    checkDecision(decision: DecisionInput) {
      const alternative = decision.details?.alternativeMeasure;
      const costly = decision.grounds?.includes(ALTERNATIVE_MEASURE_GROUND) ?? false;
      if (costly && !alternative) {
        return `The ground ${ALTERNATIVE_MEASURE_GROUND} needs details.alternativeMeasure: the measure taken instead, which the refusal e-mail states to the person (APPI ${proviso.en}).`;
      }
      if (!costly && alternative) {
        return `details.alternativeMeasure belongs to the ground ${ALTERNATIVE_MEASURE_GROUND}; cite that ground or leave the alternative measure out.`;
      }
      return undefined;
    },
    refusalNote(decision: DecisionInput) {
      const alternative = decision.details?.alternativeMeasure;
      if (typeof alternative !== 'string') return undefined;
      return {
        ja: `代わりにとった措置（同法${proviso.ja}）:\n${alternative}`,
        en: `The alternative measure we have taken (APPI ${proviso.en}):\n${alternative}`,
      };
    },
  };
}
