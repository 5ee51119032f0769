// A dataset definition: which registry categories a dataset of anonymously processed information draws
// on, what is done with each (Enforcement Rules Art. 34), along which hierarchy each quasi-identifier
// is generalised, and the privacy model the output must meet. The shape is checked here with zod; what
// depends on the registry (known categories, purposes, special care-required data) is checked by
// checkDefinition in rules.ts.
import { z } from 'zod';
import { STAFF_ROLES } from '../staff-words';
import { ATTRIBUTE_TREATMENT_IDS, DEFAULT_AGE_TOP_CODE, DEFAULT_K, DEFAULT_MAX_SUPPRESSION, MIN_K } from './words';

const text = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const bilingual = z.strictObject({ ja: text, en: text });
const label = z.string().trim().min(1, { error: 'must not be empty' }).max(100);

/** Age from the date of birth (YYYY-MM-DD) on the run's day; level 0 the age, then each band; ages at or above topCodeAt are one value. */
const ageHierarchy = z.strictObject({
  kind: z.literal('age'),
  bands: z
    .array(z.number().int().min(2).max(50))
    .min(1)
    .max(4)
    .describe('Band widths in years, each a multiple of the one before, e.g. [5, 10, 20].'),
  topCodeAt: z
    .number()
    .int()
    .min(50)
    .max(120)
    .default(DEFAULT_AGE_TOP_CODE)
    .describe('Ages from this one up are shown as one value (top coding).'),
});
/** A date (YYYY-MM-DD): day, month, year. */
const dateHierarchy = z.strictObject({ kind: z.literal('date') });
/** A Japanese address: municipality, prefecture, region (八地方区分). */
const addressHierarchy = z.strictObject({ kind: z.literal('address') });
/** A Japanese postcode (123-4567): 7 digits, the first 3, the first 1. */
const postcodeHierarchy = z.strictObject({ kind: z.literal('postcode') });
/** Any categorical value: each value lists its generalisations, the same number for every value. */
const tableHierarchy = z.strictObject({
  kind: z.literal('table'),
  levels: z
    .record(label, z.array(label).min(1).max(5))
    .describe(
      'Each value and its generalisations from the nearest up, e.g. {"会社員": ["被雇用者"], "自営業": ["自営"]}.',
    ),
});
/** A number: intervals of each width, from the smallest; values outside [bottomCodeAt, topCodeAt] are one value each side. */
const intervalHierarchy = z.strictObject({
  kind: z.literal('interval'),
  widths: z.array(z.number().positive()).min(1).max(4),
  bottomCodeAt: z.number().optional(),
  topCodeAt: z.number().optional(),
});

export const hierarchySchema = z.discriminatedUnion('kind', [
  ageHierarchy,
  dateHierarchy,
  addressHierarchy,
  postcodeHierarchy,
  tableHierarchy,
  intervalHierarchy,
]);
export type Hierarchy = z.infer<typeof hierarchySchema>;

export const attributeSchema = z
  .strictObject({
    /** A registry category id (functions/domain/personal-data/category-words.ts). */
    category: z.string().min(1).max(64),
    treatment: z.enum(ATTRIBUTE_TREATMENT_IDS),
    /** Required for, and only for, a generalised attribute. */
    hierarchy: hierarchySchema.optional(),
    /** A kept attribute the l-diversity model protects (e.g. a contract plan): each class must show l of its values. */
    sensitive: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.treatment === 'generalise' && a.hierarchy === undefined)
      ctx.addIssue({ code: 'custom', path: ['hierarchy'], message: 'a generalised attribute needs its hierarchy' });
    if (a.treatment !== 'generalise' && a.hierarchy !== undefined)
      ctx.addIssue({ code: 'custom', path: ['hierarchy'], message: 'only a generalised attribute has a hierarchy' });
    if (a.sensitive === true && a.treatment !== 'keep')
      ctx.addIssue({ code: 'custom', path: ['sensitive'], message: 'only a kept attribute can be sensitive' });
  });
export type DatasetAttribute = z.infer<typeof attributeSchema>;

export const privacyModelSchema = z.strictObject({
  k: z
    .number()
    .int()
    .min(MIN_K, { error: `must be at least ${MIN_K}: k = 1 protects no one` })
    .max(1000)
    .default(DEFAULT_K),
  /** Distinct l-diversity over the sensitive attributes: every class shows at least l values of each. */
  l: z.number().int().min(2).max(100).optional(),
  /** The share of records that may be left out to meet the model. */
  maxSuppression: z.number().min(0).max(0.5).default(DEFAULT_MAX_SUPPRESSION),
});
export type PrivacyModel = z.infer<typeof privacyModelSchema>;

export const datasetDefinitionSchema = z.strictObject({
  title: bilingual,
  /** The purposes of use of the registry the dataset serves (purpose ids). */
  purposes: z.array(z.string().min(1).max(64)).min(1).max(10),
  attributes: z.array(attributeSchema).min(1).max(20),
  model: privacyModelSchema,
  /** Special care-required categories are an input only when this says why (APPI Art. 2(3); policy §2(3)). */
  specialCareReason: z.string().trim().min(1).max(1000).optional(),
  /** Roles besides the officer that may read the output. */
  readers: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).default([]),
});
export type DatasetDefinitionInput = z.input<typeof datasetDefinitionSchema>;
export type DatasetDefinition = z.infer<typeof datasetDefinitionSchema>;
