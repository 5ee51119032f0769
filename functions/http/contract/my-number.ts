// My Number (My Number Act Art. 9, 19, 20): registered by payroll, read by payroll and the officer.
import * as z from 'zod';
import { isValidIndividualNumber, MY_NUMBER_AFFAIRS, MY_NUMBER_DOCUMENT_IDS } from '../../domain/my-number/documents';
import { instant, readReason, subjectId } from './common';

export const myNumberRegistrationBody = z.strictObject({
  subjectId,
  affair: z.enum(MY_NUMBER_AFFAIRS, {
    error: `is not a statutory affair: My Number is accepted only for ${MY_NUMBER_AFFAIRS.join(' and ')} (My Number Act Art. 9)`,
  }),
  // Any string, checked by the register: an unknown document is refused with 422 naming the field.
  document: z
    .string()
    .max(100)
    .meta({ enum: [...MY_NUMBER_DOCUMENT_IDS] }),
  documentDate: z.iso
    .date()
    .describe(
      'YYYY-MM-DD: the day the document was filed, or for an insurance notification the day its procedure was completed, which its retention counts from.',
    ),
  taxYear: z
    .number()
    .int()
    .min(2016)
    .max(9999)
    .optional()
    .describe(
      'The tax year a tax document is for (the dependant-deduction declaration: Income Tax Act Enforcement Regulations Art. 76-3); its retention counts from it. Required for tax documents, refused for insurance notifications.',
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
      taxYear: z.number().int().optional(),
      number: z.string(),
      retainUntil: instant,
    }),
  ),
});
