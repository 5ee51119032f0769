// Anonymously processed information (policy §3; APPI Art. 43-46): dataset definitions, their runs, the
// datasets' risk reports, rows and processing methods, and what the privacy notice publishes of them.
import * as z from 'zod';
import { datasetDefinitionSchema } from '../../domain/anonymisation/definition';
import { ATTRIBUTE_TREATMENT_IDS, INFORMATION_LOSS_METRIC } from '../../domain/anonymisation/words';
import { STAFF_ROLES } from '../../domain/staff-words';
import { instant } from './common';

const words = z.object({ ja: z.string(), en: z.string() });

/** What the officer names a definition by: lower-case words joined by hyphens. */
export const DEFINITION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const definitionId = z.string().min(3).max(64).regex(DEFINITION_ID_PATTERN, {
  error: 'must be lower-case letters and digits joined by hyphens, like customers-2026',
});

/** ANON-<Japan day the run was started>-<six random characters>. */
export const DATASET_ID_PATTERN = /^ANON-\d{4}-\d{2}-\d{2}-[A-Z0-9]{6}$/;
export const datasetId = z
  .string()
  .regex(DATASET_ID_PATTERN, { error: 'is not an anonymised dataset id (like ANON-2026-12-07-7KQ2MX)' });

export const DATASET_STATES = ['requested', 'published', 'refused'] as const;
export type DatasetState = (typeof DATASET_STATES)[number];

export const definitionParams = z.strictObject({ definitionId });
export const datasetParams = z.strictObject({ datasetId });

export const createDefinitionBody = datasetDefinitionSchema.extend({
  definitionId: definitionId.describe('The name the officer gives the definition; taken names are refused (409).'),
});

/** The definition as stored: the schema's output, defaults filled in. */
const storedDefinition = datasetDefinitionSchema;

const definitionSummary = {
  definitionId,
  title: words,
  purposes: z.array(z.string()),
  readers: z.array(z.enum(STAFF_ROLES)),
  createdBy: z.string(),
  createdAt: instant,
};

const datasetSummary = z.object({
  datasetId,
  definitionId,
  state: z.enum(DATASET_STATES),
  requestedBy: z.string(),
  requestedAt: instant,
  /** When the worker published or refused it. */
  finishedAt: instant.optional(),
});

export const definitionResponse = z.object({
  ...definitionSummary,
  definition: storedDefinition,
});

export const definitionListResponse = z.object({
  items: z.array(
    z.object({
      ...definitionSummary,
      model: z.object({ k: z.number().int(), l: z.number().int().optional(), maxSuppression: z.number() }),
      latestDataset: datasetSummary.optional(),
    }),
  ),
});

export const definitionDossierResponse = z.object({
  ...definitionSummary,
  definition: storedDefinition,
  datasets: z.array(datasetSummary).describe('Every run of the definition, newest first.'),
});

export const startRunResponse = z.object({
  datasetId,
  definitionId,
  state: z.literal('requested'),
  requestedAt: instant,
});

export const datasetColumnView = z.object({
  category: z.string(),
  treatment: z.enum(ATTRIBUTE_TREATMENT_IDS).exclude(['delete']),
  level: z.number().int(),
  item: words,
});

export const riskReportView = z.object({
  model: z.object({ k: z.number().int(), l: z.number().int().optional(), maxSuppression: z.number() }),
  records: z.number().int(),
  released: z.number().int(),
  suppressed: z.number().int(),
  suppressedShare: z.number(),
  classes: z.number().int(),
  smallestClass: z.number().int(),
  highestRisk: z.number(),
  averageRisk: z.number(),
  recordsAtRiskShare: z.number(),
  informationLoss: z.object({ metric: z.literal(INFORMATION_LOSS_METRIC.id), value: z.number() }),
  lattice: z.object({ nodes: z.number().int(), checked: z.number().int() }),
});

/** Why a run was refused: the problem the algorithm raised (RFC 9457), kept with the dataset. */
export const runProblemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(422),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const datasetResponse = datasetSummary.extend({
  title: words,
  readers: z.array(z.enum(STAFF_ROLES)),
  /** Published: the risk report and the published items. */
  report: riskReportView.optional(),
  columns: z.array(datasetColumnView).optional(),
  /** The Japan day the dataset was created, as the notice publishes it. */
  createdOn: z.iso.date().optional(),
  /** Refused: why; nothing was written or published. */
  problem: runProblemView.optional(),
});

export const ROWS_PAGE_DEFAULT = 1000;
export const ROWS_PAGE_MAX = 5000;
export const datasetRowsQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0).describe('The first row to answer (0 is the first).'),
  limit: z.coerce.number().int().min(1).max(ROWS_PAGE_MAX).default(ROWS_PAGE_DEFAULT),
});
export const datasetRowsResponse = z.object({
  datasetId,
  columns: z.array(datasetColumnView),
  rows: z.array(z.array(z.string())).describe('In column order; no subject id or linking code of the input.'),
  total: z.number().int(),
  offset: z.number().int(),
  /** The offset of the next page, absent on the last. */
  nextOffset: z.number().int().optional(),
});

export const datasetMethodResponse = z.object({
  datasetId,
  method: z.object({
    definition: storedDefinition,
    levels: z.record(z.string(), z.number().int()),
    referenceDate: z.iso.date(),
  }),
});

/** What the privacy notice publishes of each dataset created (APPI Art. 43(3); Enforcement Rules Art. 36). */
export const anonymisedPublicationView = z.object({
  datasetId,
  title: words,
  items: z.array(words),
  createdOn: z.iso.date(),
});
export const anonymisedInformationPublicationsView = z.object({
  policy: words,
  datasets: z.array(anonymisedPublicationView),
});
