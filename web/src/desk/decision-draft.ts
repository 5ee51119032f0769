// The decision as the form holds it and as it is sent (POST /v1/staff/requests/{id}/decision), from
// the options the API gives for the request's type (GET …/{id} decisionOptions).

import { type FormValue, type JsonSchema, valueToSend } from '../schema-form';
import type { Label } from '../text';

export interface DecisionOptions {
  outcomes: string[];
  refusalGrounds: Array<{ ground: string; label: Label }>;
  details: Record<string, JsonSchema>;
}

export interface DecisionDraft {
  outcome: string;
  grounds: string[];
  reason: string;
  /** Per outcome, so switching the outcome back and forth keeps what was typed for each. */
  details: Record<string, FormValue>;
}

export const emptyDecisionDraft = (): DecisionDraft => ({ outcome: '', grounds: [], reason: '', details: {} });

/** Refusals and partial decisions name grounds and give a reason (APPI Art. 36). */
export const needsGrounds = (outcome: string) => outcome === 'refused' || outcome === 'partially-fulfilled';

export function decisionBody(options: DecisionOptions, draft: DecisionDraft): Record<string, unknown> {
  const schema = options.details[draft.outcome];
  return {
    outcome: draft.outcome,
    ...(needsGrounds(draft.outcome)
      ? { grounds: draft.grounds, ...(draft.reason.trim() ? { reason: draft.reason } : {}) }
      : {}),
    ...(schema ? { details: valueToSend(schema, draft.details[draft.outcome]) } : {}),
  };
}
