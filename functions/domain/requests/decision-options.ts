// What the desk may decide on an open request, from its type's law-as-data (types/<type>/schema.ts): the
// outcomes, the refusal grounds the Act gives that type, and each outcome's details as JSON Schema,
// so the console offers only those and asks for exactly the details the decision checks.
import * as z from 'zod';
import type { Recipient } from '../provisions/recipients';
import type { DecisionOutcome } from './request';
import type { Label, RequestTypeSchema } from './request-type';

export interface DecisionOptions {
  outcomes: DecisionOutcome[];
  refusalGrounds: Array<{ ground: string; label: Label }>;
  /** An outcome's details as JSON Schema (draft 2020-12, input side); an outcome not named takes none. */
  details: Partial<Record<DecisionOutcome, Record<string, unknown>>>;
}

type Schema = Record<string, unknown>;

const detailsSchemas = (definition: RequestTypeSchema) =>
  definition.outcomes.flatMap((outcome) => {
    const schema = definition.decisionDetails?.[outcome];
    // Rules zod cannot state in JSON Schema (refinements across fields) stay with checkDecision and the API's 422.
    return schema
      ? [
          [
            outcome,
            z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Schema,
          ] as const,
        ]
      : [];
  });

/** Whether some outcome's details name registered recipients (`recipientIds`), so the registry is worth reading. */
export function namesRecipients(definition: RequestTypeSchema): boolean {
  return detailsSchemas(definition).some(([, schema]) => JSON.stringify(schema).includes('"recipientIds":'));
}

/**
 * `recipients`, when given, is the recipient registry: a `recipientIds` list then offers its third
 * parties by name as choices (a cessation of provision covers third parties only, APPI Art. 35(3),(5)),
 * and a variant naming recipients is left out when none is registered. The API still checks each id.
 */
export function decisionOptions(
  definition: RequestTypeSchema,
  recipients?: Recipient[],
  incidents?: IncidentChoice[],
): DecisionOptions {
  const choices = recipients
    ?.filter((r) => r.relationship === 'third-party')
    .map((r) => ({ const: r.recipientId, title: `${r.name} (${r.country})` }));
  const details: DecisionOptions['details'] = {};
  for (const [outcome, schema] of detailsSchemas(definition)) {
    const offered = choices ? withRecipientChoices(schema, choices) : schema;
    details[outcome] = withIncidentChoices(offered, incidents ?? []);
  }
  return {
    outcomes: [...definition.outcomes],
    refusalGrounds: Object.entries(definition.refusalGrounds).map(([ground, label]) => ({
      ground,
      label: { ja: label.ja, en: label.en },
    })),
    details,
  };
}

const hasRecipientIds = (schema: Schema) => Object.hasOwn((schema.properties ?? {}) as Schema, 'recipientIds');

/** The schema with each `recipientIds` array's items limited to the choices (a `oneOf` of consts with titles). */
function withRecipientChoices(schema: Schema, choices: Schema[]): Schema {
  const out: Schema = { ...schema };
  if (Array.isArray(schema.oneOf)) {
    out.oneOf = (schema.oneOf as Schema[])
      .filter((o) => choices.length > 0 || !hasRecipientIds(o))
      .map((o) => withRecipientChoices(o, choices));
  }
  if (schema.items && typeof schema.items === 'object')
    out.items = withRecipientChoices(schema.items as Schema, choices);
  if (schema.properties && typeof schema.properties === 'object') {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Schema>).map(([key, part]) => [
        key,
        key === 'recipientIds' && part.type === 'array'
          ? { ...part, items: { ...(part.items as Schema), oneOf: choices } }
          : withRecipientChoices(part, choices),
      ]),
    );
  }
  return out;
}

/** A reportable incident of the register that involved the person, offered by its id and day of awareness. */
export interface IncidentChoice {
  incidentId: string;
  /** The Japan day the company became aware of it. */
  awareOn: string;
}

/**
 * The schema with `incidentId` limited to the incidents offered (a `oneOf` of consts with titles),
 * or without it when none is: a cessation names only a reportable incident linked to the person
 * (APPI Art. 35(5)), which the API checks again.
 */
function withIncidentChoices(schema: Schema, incidents: IncidentChoice[]): Schema {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties || !Object.hasOwn(properties, 'incidentId')) return schema;
  const { incidentId: part, ...rest } = properties;
  if (incidents.length === 0) return { ...schema, properties: rest };
  const oneOf = incidents.map((i) => ({ const: i.incidentId, title: `${i.incidentId} (${i.awareOn})` }));
  const { pattern: _pattern, ...open } = part!;
  return { ...schema, properties: { ...rest, incidentId: { ...open, oneOf } } };
}
