// What a request to stop using or erase data carries (APPI Art. 35(1),(5)) and what its decision may
// say: the measure taken (Art. 35(2)), or the alternative measure a refusal rests on (Art. 35(2),(6), proviso).
import * as z from 'zod';
import type { Label, RequestTypeSchema } from '../../request-type';
import { alternativeMeasureDetails, incidentGroundDetail } from '../cessation-shared/schema';
import { ART_35_5_GROUND_LABELS, ART_35_5_GROUNDS } from '../cessation-shared/words';
import {
  ART_35_1_GROUND_LABELS,
  ART_35_1_GROUNDS,
  CESSATION_OF_USE_LABEL,
  CESSATION_OF_USE_MEASURES,
  CESSATION_OF_USE_PROVISO,
  CESSATION_OF_USE_REFUSAL_GROUND_LABELS,
  type CessationOfUseRefusalGround,
} from './words';

/** What the person may cite: Art. 35(1), then Art. 35(5). */
export const CESSATION_OF_USE_GROUNDS = [...ART_35_1_GROUNDS, ...ART_35_5_GROUNDS] as const;
export type CessationOfUseGround = (typeof CESSATION_OF_USE_GROUNDS)[number];

export const CESSATION_OF_USE_GROUND_LABELS: Record<CessationOfUseGround, Label> = {
  ...ART_35_1_GROUND_LABELS,
  ...ART_35_5_GROUND_LABELS,
};

const measure = z.enum(CESSATION_OF_USE_MEASURES);

export const cessationOfUseSchema = {
  type: 'cessation-of-use',
  label: CESSATION_OF_USE_LABEL,
  details: z.strictObject({
    grounds: z
      .array(z.enum(CESSATION_OF_USE_GROUNDS))
      .min(1)
      .describe('Why the use must stop (APPI Art. 35(1),(5)); at least one.'),
    measure: measure.describe('What you ask for: cease-use (stop using the data) or erase (APPI Art. 35(1),(5)).'),
    explanation: z.string().trim().min(1).max(2000).optional().describe('Anything that helps us look into it.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: CESSATION_OF_USE_REFUSAL_GROUND_LABELS satisfies Record<CessationOfUseRefusalGround, Label>,
  decisionDetails: {
    fulfilled: z.strictObject({
      measure: measure.describe(
        'What the desk did: the measure asked for, or cease-use where that remedies an asked erasure (APPI Art. 35(2)).',
      ),
      incidentId: incidentGroundDetail,
    }),
    refused: alternativeMeasureDetails(CESSATION_OF_USE_PROVISO),
  },
} satisfies RequestTypeSchema;
