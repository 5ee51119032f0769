// My Number (My Number Act Art. 9, 19, 20): registered by payroll, read by payroll and the officer.
import * as z from 'zod';
import { isValidIndividualNumber, MY_NUMBER_AFFAIRS, MY_NUMBER_DOCUMENT_IDS } from '../../domain/my-number/documents';
import { instant, readReason, subjectId } from './common';

export const myNumberRegistrationBody = z.strictObject({
  subjectId,
  affair: z.enum(MY_NUMBER_AFFAIRS, {
    error: `is not a statutory affair: My Number is accepted only for ${MY_NUMBER_AFFAIRS.join(' and ')} (My Number Act Art. 9)`,
  }),
  document: z.enum(MY_NUMBER_DOCUMENT_IDS),
  documentDate: z.iso
    .date()
    .describe(
      'The date retention counts from (YYYY-MM-DD): for the dependant-deduction declaration a date in the tax year it is for (its filing deadline falls in that year, Income Tax Act Enforcement Regulations Art. 76-3); for insurance notifications the date the procedure was completed.',
    ),
  number: z.string().refine(isValidIndividualNumber, {
    error: 'is not a valid Individual Number (12 digits with a correct check digit)',
  }),
  // A refinement, not a literal: the 400 problem states a literal's allowed values but drops its message, and this refusal must say why.
  basis: z
    .string()
    .refine((value) => value === 'statutory-affair', {
      error: 'must be "statutory-affair": consent is never a basis for handling My Number (My Number Act Art. 19)',
    })
    .meta({ enum: ['statutory-affair'] })
    .optional(),
});
export const myNumberRegistrationResponse = z.object({ subjectId, documentId: z.string(), retainUntil: instant });
export const myNumberQuery = z
  .strictObject({
    requestId: readReason.requestId,
    affair: z
      .enum(MY_NUMBER_AFFAIRS)
      .optional()
      .describe("Or the statutory affair the read serves; only that affair's documents are returned."),
  })
  .refine((q) => !!q.requestId !== !!q.affair, {
    error: 'give exactly one reason for reading Individual Numbers: requestId or affair',
    path: ['requestId'],
  });
export const myNumberResponse = z.object({
  subjectId,
  documents: z.array(
    z.object({
      documentId: z.string(),
      affair: z.enum(MY_NUMBER_AFFAIRS),
      document: z.enum(MY_NUMBER_DOCUMENT_IDS),
      documentDate: z.string(),
      number: z.string(),
      retainUntil: instant,
    }),
  ),
});
