// What a disclosure request carries and what its decision may say (APPI Art. 33): the method the
// person chooses (Art. 33(1), Enforcement Rules Art. 30), the parts they ask for (Art. 33(5)), and on
// a partial decision the categories withheld on Art. 33(2) grounds.
import * as z from 'zod';
import {
  DISCLOSURE_METHODS,
  DISCLOSURE_RECORDS,
  type DisclosureRecords,
  type DisclosureRefusalGround,
} from '../../../kernel/law';
import type { Label, RequestTypeSchema } from '../../request-type';
import { DISCLOSURE_LABEL, DISCLOSURE_REFUSAL_GROUND_LABELS } from './words';

/** The electronic record's file formats; the link serves both (and a page) whichever is chosen. */
export const ELECTRONIC_FORMATS = ['json', 'csv'] as const;

/** Long enough for any Japanese or foreign postal address; a letter, not a document. */
export const MAX_POSTAL_ADDRESS_CHARS = 500;

export const disclosureDetails = z
  .strictObject({
    scope: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('What you would like disclosed, if not everything held about you.'),
    method: z
      .enum(DISCLOSURE_METHODS)
      .optional()
      .describe(
        'How you would like it (APPI Art. 33(1)): "electronic" (default), a link to the electronic record, or "paper", a printed copy posted to postalAddress.',
      ),
    format: z
      .enum(ELECTRONIC_FORMATS)
      .optional()
      .describe('For the electronic record, the file you prefer; the link serves JSON, CSV and a page either way.'),
    postalAddress: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(MAX_POSTAL_ADDRESS_CHARS, { error: `must be at most ${MAX_POSTAL_ADDRESS_CHARS} characters` })
      .optional()
      .describe('Where to post the paper copy; required for method "paper".'),
    records: z
      .array(z.enum(DISCLOSURE_RECORDS))
      .min(1)
      .max(DISCLOSURE_RECORDS.length)
      .optional()
      .describe(
        'What to disclose: your personal data, the records of its provision to or receipt from third parties (APPI Art. 33(5)), or both (default).',
      ),
  })
  .superRefine((details, context) => {
    if (details.method === 'paper' && !details.postalAddress) {
      context.addIssue({
        code: 'custom',
        path: ['postalAddress'],
        message: 'is required for a paper copy: the address to post it to',
      });
    }
    if (details.method !== 'paper' && details.postalAddress) {
      context.addIssue({ code: 'custom', path: ['postalAddress'], message: 'is only for method "paper"' });
    }
    if (details.method === 'paper' && details.format) {
      context.addIssue({ code: 'custom', path: ['format'], message: 'is only for method "electronic"' });
    }
  });
export type DisclosureDetails = z.infer<typeof disclosureDetails>;

/** The parts of the dossier the person asked for, in the Act's order. */
export function coveredBy(details: DisclosureDetails): DisclosureRecords[] {
  return DISCLOSURE_RECORDS.filter((part) => !details.records || details.records.includes(part));
}

export const DISCLOSURE_GROUND_LABELS: Record<DisclosureRefusalGround, Label> = DISCLOSURE_REFUSAL_GROUND_LABELS;

export const disclosureSchema = {
  type: 'disclosure',
  label: DISCLOSURE_LABEL,
  details: disclosureDetails,
  outcomes: ['fulfilled', 'partially-fulfilled', 'refused'],
  refusalGrounds: DISCLOSURE_GROUND_LABELS,
  decisionDetails: {
    'partially-fulfilled': z.strictObject({
      withheld: z
        .array(z.string().min(1).max(64))
        .min(1)
        .max(50)
        .describe("The categories of the person's data not disclosed, on the decision's grounds (APPI Art. 33(2))."),
    }),
  },
} satisfies RequestTypeSchema;
