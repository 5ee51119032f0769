// The refusal both cessation requests share (APPI Art. 35(2),(4),(6), provisos): lawful only with an
// alternative measure, which the person must be told.
import type { DecisionInput, Label, RequestTypeDefinition } from '../../request-type';
import { ALTERNATIVE_MEASURE_GROUND, alternativeMeasureHeading } from './words';

/**
 * The refusal's `alternativeMeasure` detail (schema.ts): required with the costly-or-difficult ground,
 * refused without it, and stated in the refusal e-mail under its own heading. `proviso` cites the paragraphs.
 */
export function alternativeMeasureRules(proviso: Label): Pick<RequestTypeDefinition, 'checkDecision' | 'refusalNote'> {
  return {
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
      const heading = alternativeMeasureHeading(proviso);
      return { ja: `${heading.ja}:\n${alternative}`, en: `${heading.en}:\n${alternative}` };
    },
  };
}
