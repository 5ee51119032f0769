// What a correction request carries and what its decision may say (APPI Art. 34): the person names
// the data and the change; the decision records what was checked and found, and names the changes
// to the registry.
import * as z from 'zod';
import { CATEGORY_IDS } from '../../../personal-data/categories';
import { PURPOSE_ID_PATTERN } from '../../../purposes/registry';
import type { Label, RequestTypeSchema } from '../../request-type';
import {
  CORRECTION_LABEL,
  CORRECTION_REFUSAL_GROUND_LABELS,
  type CorrectionRefusalGround,
  MAX_CORRECTION_CONTENT_CHARS,
  MAX_CORRECTION_ITEMS,
} from './words';

const category = z.enum(CATEGORY_IDS).optional().describe('The category of the data, if you know it.');
const description = z.string().trim().min(1).max(500).describe('Which data: where you saw it, what it says now.');
const content = z.string().trim().min(1).max(MAX_CORRECTION_CONTENT_CHARS).describe('What the data should say.');

const requestedItem = z.discriminatedUnion('change', [
  z.strictObject({ change: z.literal('correct'), category, description, content }),
  z.strictObject({ change: z.literal('add'), category, description, content }),
  z.strictObject({ change: z.literal('delete'), category, description }),
]);

const subjectId = z.string().min(1).max(128);
const recordId = z.string().min(1).max(128);
const value = z.string().trim().min(1).max(MAX_CORRECTION_CONTENT_CHARS);
const investigation = z.string().trim().min(1).max(4000).describe('What was checked, and what it showed.');

const change = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('correct'), subjectId, recordId, value }),
  z.strictObject({
    action: z.literal('add'),
    subjectId,
    category: z.enum(CATEGORY_IDS),
    value,
    purposes: z.array(z.string().regex(PURPOSE_ID_PATTERN)).min(1).max(20),
  }),
  z.strictObject({ action: z.literal('delete'), subjectId, recordId }),
]);
export type CorrectionChange = z.infer<typeof change>;

/** A fulfilled or partial decision: what was checked and found, and the changes made. */
export const appliedCorrection = z.strictObject({
  investigation,
  changes: z.array(change).min(1).max(MAX_CORRECTION_ITEMS),
});

export const correctionSchema = {
  type: 'correction',
  label: CORRECTION_LABEL,
  details: z.strictObject({
    items: z
      .array(requestedItem)
      .min(1)
      .max(MAX_CORRECTION_ITEMS)
      .describe('The data to change (APPI Art. 34): which data, and whether to correct, add or delete it.'),
  }),
  outcomes: ['fulfilled', 'partially-fulfilled', 'refused'],
  refusalGrounds: CORRECTION_REFUSAL_GROUND_LABELS satisfies Record<CorrectionRefusalGround, Label>,
  decisionDetails: {
    fulfilled: appliedCorrection,
    'partially-fulfilled': appliedCorrection,
    refused: z.strictObject({ investigation }),
  },
} satisfies RequestTypeSchema;
