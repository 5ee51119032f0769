// What a request to stop provision to third parties carries (APPI Art. 35(3),(5)) and what its
// decision may say: whom provision stops to, or the alternative measure a refusal rests on
// (Art. 35(4),(6), proviso).
import * as z from 'zod';
import { recipientScope } from '../../../provisions/provision-cessation';
import type { Label, RequestTypeSchema } from '../../request-type';
import { alternativeMeasureDetails, incidentGroundDetail } from '../cessation-shared/schema';
import { ART_35_5_GROUND_LABELS, ART_35_5_GROUNDS } from '../cessation-shared/words';
import {
  ART_35_3_GROUND_LABELS,
  ART_35_3_GROUNDS,
  CESSATION_OF_PROVISION_LABEL,
  CESSATION_OF_PROVISION_PROVISO,
  CESSATION_OF_PROVISION_REFUSAL_GROUND_LABELS,
  type CessationOfProvisionRefusalGround,
} from './words';

/** What the person may cite: Art. 35(3), then Art. 35(5). */
export const CESSATION_OF_PROVISION_GROUNDS = [...ART_35_3_GROUNDS, ...ART_35_5_GROUNDS] as const;
export type CessationOfProvisionGround = (typeof CESSATION_OF_PROVISION_GROUNDS)[number];

export const CESSATION_OF_PROVISION_GROUND_LABELS: Record<CessationOfProvisionGround, Label> = {
  ...ART_35_3_GROUND_LABELS,
  ...ART_35_5_GROUND_LABELS,
};

export const cessationOfProvisionSchema = {
  type: 'cessation-of-provision',
  label: CESSATION_OF_PROVISION_LABEL,
  details: z.strictObject({
    grounds: z
      .array(z.enum(CESSATION_OF_PROVISION_GROUNDS))
      .min(1)
      .describe('Why provision must stop (APPI Art. 35(3),(5)); at least one.'),
    recipients: z.string().trim().min(1).max(2000).optional().describe('Which third parties, if you know.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: CESSATION_OF_PROVISION_REFUSAL_GROUND_LABELS satisfies Record<
    CessationOfProvisionRefusalGround,
    Label
  >,
  decisionDetails: {
    fulfilled: z.strictObject({
      recipients: recipientScope.describe(
        'Whom provision stops to: every third party (scope "all"), or the registered third parties the request names (APPI Art. 35(3),(5)).',
      ),
      incidentId: incidentGroundDetail,
    }),
    refused: alternativeMeasureDetails(CESSATION_OF_PROVISION_PROVISO),
  },
} satisfies RequestTypeSchema;
