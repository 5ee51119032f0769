// What the desk may decide on an open request, from its type's law-as-data (request-types.ts): the
// outcomes, the refusal grounds the Act gives that type, and each outcome's details as JSON Schema,
// so the console offers only those and asks for exactly the details the decision checks.
import * as z from 'zod';
import type { DecisionOutcome } from './request';
import type { Label, RequestTypeDefinition } from './request-types';

export interface DecisionOptions {
  outcomes: DecisionOutcome[];
  refusalGrounds: Array<{ ground: string; label: Label }>;
  /** An outcome's details as JSON Schema (draft 2020-12, input side); an outcome not named takes none. */
  details: Partial<Record<DecisionOutcome, Record<string, unknown>>>;
}

export function decisionOptions(definition: RequestTypeDefinition): DecisionOptions {
  const details: DecisionOptions['details'] = {};
  for (const outcome of definition.outcomes) {
    const schema = definition.decisionDetails?.[outcome];
    // Rules zod cannot state in JSON Schema (refinements across fields) stay with checkDecision and the API's 422.
    if (schema) details[outcome] = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  }
  return {
    outcomes: [...definition.outcomes],
    refusalGrounds: Object.entries(definition.refusalGrounds).map(([ground, label]) => ({ ground, label: { ja: label.ja, en: label.en } })),
    details,
  };
}
