// The decision as the form holds it and as it is sent (POST /v1/staff/requests/{id}/decision), from
// the options the API gives for the request's type (GET …/{id} decisionOptions), and the drafts of
// what staff type on a request (the decision, a note), kept in the tab's sessionStorage per staff
// member and request so a forced sign-in or a reload loses nothing. A draft holds only what the staff
// member typed or chose (ids of records, never their values), and is removed once sent or on sign-out.
import { useEffect, useState } from 'preact/hooks';
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

const DRAFT_PREFIX = 'appi-desk.draft.';

/** The key of one draft: whose, on which request, of which form. */
export const draftKey = (staffId: string, requestId: string, form: 'decision' | 'note') =>
  `${DRAFT_PREFIX}${encodeURIComponent(staffId)}.${encodeURIComponent(requestId)}.${form}`;

export function readDraft<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    const value: unknown = text ? JSON.parse(text) : undefined;
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown, empty: boolean): void {
  try {
    if (empty) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused: the draft lives with the page only.
  }
}

/** Forgets every draft of this tab (on sign-out). */
export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}

export const isDecisionDraft = (value: unknown): value is DecisionDraft =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as DecisionDraft).outcome === 'string' &&
  Array.isArray((value as DecisionDraft).grounds) &&
  typeof (value as DecisionDraft).reason === 'string' &&
  !!(value as DecisionDraft).details &&
  typeof (value as DecisionDraft).details === 'object';

const isEmptyDecision = (draft: DecisionDraft) =>
  !draft.outcome && draft.grounds.length === 0 && !draft.reason && Object.keys(draft.details).length === 0;

/** The decision draft of this staff member on this request, kept as it is typed. */
export function useDecisionDraft(key: string): [DecisionDraft, (draft: DecisionDraft) => void] {
  const [draft, setDraft] = useState<DecisionDraft>(() => readDraft(key, isDecisionDraft) ?? emptyDecisionDraft());
  useEffect(() => setDraft(readDraft(key, isDecisionDraft) ?? emptyDecisionDraft()), [key]);
  return [
    draft,
    (next) => {
      writeDraft(key, next, isEmptyDecision(next));
      setDraft(next);
    },
  ];
}

/** A text being typed (a note), kept as it is typed. */
export function useTextDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => readDraft(key, (v): v is string => typeof v === 'string') ?? '');
  useEffect(() => setText(readDraft(key, (v): v is string => typeof v === 'string') ?? ''), [key]);
  return [
    text,
    (next) => {
      writeDraft(key, next, next === '');
      setText(next);
    },
  ];
}

/** The row schema of a decision's `changes` when its rows name records (a correction), else undefined. */
export function recordRowsOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  const changes = schema?.properties?.changes;
  const item = changes?.type === 'array' ? changes.items : undefined;
  const variants = item?.oneOf ?? item?.anyOf;
  return variants?.some((v) => v.properties?.recordId) ? changes : undefined;
}

/** The outcome's schema without `changes`, which this editor draws instead. */
export function withoutChanges(schema: JsonSchema): JsonSchema {
  const { changes: _changes, ...properties } = schema.properties ?? {};
  return { ...schema, properties };
}
