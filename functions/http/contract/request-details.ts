// The two bodies that carry each request type's own details, making a request and deciding it, and
// the answers that help decide (a preview, the person's records). Each type's schemas come from one
// import, so a route that neither makes nor decides a request loads none.
import * as z from 'zod';
import { TASK_STATES } from '../../domain/fulfilment/task';
import { DECISION_OUTCOMES, LANGUAGES, REQUESTER_KINDS } from '../../domain/requests/request';
import { REQUEST_TYPE_SCHEMAS } from '../../domain/requests/types/schemas';
import { email, personName, requestId } from './common';

const requestBase = {
  requester: z.strictObject({
    kind: z
      .enum(REQUESTER_KINDS)
      .describe('Who is asking: the person themselves, a legal representative, or an appointed agent.'),
    name: personName,
    email: email.describe(
      'Where the desk sends the confirmation code and the answer: for a request by the person themselves (kind "self") the same address as subject.email, else 422; a representative\'s own address.',
    ),
  }),
  subject: z.strictObject({
    email: email.describe('The address the desk knows the person by.'),
    name: personName.optional(),
  }),
  language: z.enum(LANGUAGES).default('ja').describe('Language of the e-mails; Japanese by default.'),
};

const [firstType, ...otherTypes] = REQUEST_TYPE_SCHEMAS.map((t) =>
  // A type whose details have a required field (e.g. the grounds of a cessation) needs them sent.
  z.strictObject({
    type: z.literal(t.type),
    details: t.details.safeParse({}).success ? t.details.optional() : t.details,
    ...requestBase,
  }),
);

export const submitRequestBody = z.discriminatedUnion('type', [firstType!, ...otherTypes]);

/** Which request types' decisions take details, with each schema's fields, for the OpenAPI text. */
function decisionDetailsSummary(): string {
  return (
    REQUEST_TYPE_SCHEMAS.flatMap((t) =>
      Object.entries(t.decisionDetails ?? {}).map(([outcome, schema]) => {
        const fields = Object.keys((schema as z.ZodObject).shape ?? {}).join(', ');
        return `${t.type} ${outcome}: {${fields}}`;
      }),
    ).join('; ') || 'none yet'
  );
}

export const decisionBody = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  grounds: z
    .array(z.string().min(1))
    .max(10)
    .optional()
    .describe('Refusal grounds valid for the request type; required unless fulfilled.'),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .optional()
    .describe('Told to the requester (APPI Art. 36); required unless fulfilled.'),
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      `What the decision carries for its request type and outcome: ${decisionDetailsSummary()}. Other types and outcomes take none.`,
    ),
});

const label = z.object({ ja: z.string(), en: z.string() });

/** POST …/decision-preview: the e-mail a decision would send and, for a disclosure, what the dossier would hold. */
export const decisionPreviewResponse = z.object({
  requestId,
  outcome: z.enum(DECISION_OUTCOMES),
  message: z
    .object({
      to: z.string().describe('Where the answer goes.'),
      language: z.enum(LANGUAGES),
      subject: z.string(),
      text: z.string(),
    })
    .describe('The result e-mail exactly as deciding would queue it, except the link made only when sending.'),
  linkPlaceholder: z
    .string()
    .optional()
    .describe('Stands in the text for the link made when the decision is sent (a dossier link).'),
  dossier: z
    .object({
      covers: z.array(z.string()),
      categories: z.array(z.object({ category: z.string(), label, count: z.number().int() })),
      records: z.array(
        z.object({
          category: z.string(),
          categoryLabel: label,
          value: z.string(),
          source: label,
          acquiredAt: z.string(),
          specialCare: z.boolean(),
        }),
      ),
      consents: z.number().int(),
      provisionRecords: z.number().int(),
      withheld: z.array(z.object({ category: z.string(), label })),
    })
    .optional()
    .describe('For a disclosure: what the dossier would hold, per category and item.'),
  tasks: z
    .array(
      z.object({
        holderId: z.string(),
        holderName: z.string(),
        instruction: z.enum(['disclosure', 'correction', 'cessation-of-use', 'erasure']),
        categories: z.array(z.string()),
        taskState: z.enum(TASK_STATES),
      }),
    )
    .describe(
      'The holders the decision would reach, one task each; with any, the answer waits until every one has finished.',
    ),
});

/** GET …/records: the person's records an open request concerns, to choose a correction's changes from. */
export const requestRecordsResponse = z.object({
  requestId,
  subjectIds: z.array(z.string()),
  records: z.array(
    z.object({
      subjectId: z.string(),
      recordId: z.string(),
      category: z.string(),
      categoryLabel: label,
      value: z.string(),
      source: label,
      purposes: z.array(z.string()),
      acquiredAt: z.string(),
      specialCare: z.boolean(),
    }),
  ),
  categories: z
    .array(z.object({ id: z.string(), label }))
    .describe('The categories an added record may have (not special care-required information).'),
  purposes: z
    .array(z.object({ id: z.string(), label }))
    .describe('The active purposes of use an added record may be kept for.'),
});
