// The refusal's `alternativeMeasure` detail both cessation requests share (APPI Art. 35(2),(4),(6),
// provisos): the measure taken instead, with the costly-or-difficult ground.
import * as z from 'zod';
import type { Label } from '../../request-type';
import { ALTERNATIVE_MEASURE_GROUND } from './words';

/** A refusal's details; `proviso` cites the paragraphs that allow it. rules.ts joins the detail to its ground. */
export function alternativeMeasureDetails(proviso: Label) {
  return z.strictObject({
    alternativeMeasure: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe(
        `The measure taken instead; required with the ground ${ALTERNATIVE_MEASURE_GROUND} (APPI ${proviso.en}).`,
      ),
  });
}
