// What a complaint carries (APPI Art. 40, policy §8(3)) and its one outcome: a complaint is answered,
// not granted or refused, so it is fulfilled with the desk's reply.
import * as z from 'zod';
import type { RequestTypeSchema } from '../../request-type';
import { COMPLAINT_LABEL, COMPLAINT_SUBJECTS } from './words';

export const complaintSchema = {
  type: 'complaint',
  label: COMPLAINT_LABEL,
  details: z.strictObject({
    about: z.enum(COMPLAINT_SUBJECTS).default('handling-of-personal-data').describe('What the complaint is about.'),
    description: z
      .string()
      .trim()
      .min(1, { error: 'must say what happened' })
      .max(4000)
      .describe('What happened and what you would like the desk to do.'),
    relatedRequestId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('The number of an earlier request the complaint concerns, if any.'),
  }),
  outcomes: ['fulfilled'],
  refusalGrounds: {},
  decisionDetails: {
    fulfilled: z.strictObject({
      reply: z
        .string()
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(4000)
        .describe("The desk's reply to the complaint, e-mailed to the requester."),
    }),
  },
} satisfies RequestTypeSchema;
