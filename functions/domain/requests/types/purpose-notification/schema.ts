// What a request for notification of the purposes of use carries (APPI Art. 32(2)): at most which
// data it asks about. It is answered or declined on the grounds in words.ts; a decision carries no details.
import * as z from 'zod';
import type { Label, RequestTypeSchema } from '../../request-type';
import {
  PURPOSE_NOTIFICATION_LABEL,
  PURPOSE_NOTIFICATION_REFUSAL_GROUND_LABELS,
  type PurposeNotificationRefusalGround,
} from './words';

export const purposeNotificationSchema = {
  type: 'purpose-notification',
  label: PURPOSE_NOTIFICATION_LABEL,
  details: z.strictObject({
    items: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('Which of your data you ask about, if not all of it.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: PURPOSE_NOTIFICATION_REFUSAL_GROUND_LABELS satisfies Record<PurposeNotificationRefusalGround, Label>,
} satisfies RequestTypeSchema;
