// The names a request's life is told in: its statuses, who may ask, the languages and the outcomes.
// A leaf (no imports), so the Privacy Center and the console load these very lists.

export const REQUEST_STATUSES = [
  'awaiting-verification',
  'received',
  'in-progress',
  'fulfilled',
  'partially-fulfilled',
  'refused',
  'withdrawn',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request the desk still has to answer: what the queue lists by default and what can fall overdue. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'in-progress'];

export const REQUESTER_KINDS = ['self', 'legal-representative', 'agent'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DECISION_OUTCOMES = ['fulfilled', 'partially-fulfilled', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
