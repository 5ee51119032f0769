// The refusal's `alternativeMeasure` detail both cessation requests share (APPI Art. 35(2),(4),(6),
// provisos): the measure taken instead, with the costly-or-difficult ground.
import * as z from 'zod';
import type { Label } from '../../request-type';
import { ALTERNATIVE_MEASURE_GROUND, REPORTABLE_LEAK_GROUND } from './words';

/**
 * A fulfilled decision's `incidentId`: the incident of the register, reportable under Art. 26(1), that
 * involved the person's data, where the request cites the ground reportable-leak (Art. 35(5)).
 * incident-ground.ts checks it against the register.
 */
export const incidentGroundDetail = z
  .string()
  .regex(/^INC-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/, { error: 'is not an incident id (like INC-2026-12-07-7KQ2MX)' })
  .optional()
  .describe(
    `The reportable incident that involved the person's data, where the request cites the ground ${REPORTABLE_LEAK_GROUND} (APPI Art. 35(5), Art. 26(1)); the incident's id in the register.`,
  );

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
