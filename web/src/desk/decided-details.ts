// A decided request's details (decision.details, the request types' decisionDetails) laid out for reading:
// an object as named fields, a list of objects (a correction's changes) as a table of rows, a list of
// values as a list. Names are the decision form's labels (DETAIL_LABELS), else the key itself; fields come
// in the form's order, since the stored details keep none.
import { DETAIL_LABELS, DETAIL_OPTION_LABELS, labelOf } from './request-text';
import type { Language } from './text';

export type DetailsNode =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: DetailsNode[] }
  | { kind: 'fields'; fields: Array<{ key: string; label: string; value: DetailsNode }> }
  | { kind: 'table'; columns: Array<{ key: string; label: string }>; rows: DetailsNode[][] };

/** The fields whose values are the form's choices (correction.ts change.action, cessation-of-use.ts measure, cessation-of-provision.ts recipients.scope): shown in words. */
const CHOICE_FIELDS = new Set(['action', 'measure', 'scope']);

/** Known fields in the order DETAIL_LABELS lists them (the form's), others after them as they come. */
function inFormOrder(keys: string[]): string[] {
  const order = Object.keys(DETAIL_LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textOf(value: unknown, key: string | undefined, language: Language): DetailsNode {
  if (value === undefined || value === null) return { kind: 'text', text: '' };
  const text = String(value);
  return { kind: 'text', text: key && CHOICE_FIELDS.has(key) ? labelOf(DETAIL_OPTION_LABELS, text, language) : text };
}

/** `key`: the field the value sits in, which decides whether its value is a choice. */
export function detailsNode(value: unknown, language: Language, key?: string): DetailsNode {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isObject)) {
      const keys = inFormOrder([...new Set(value.flatMap((row) => Object.keys(row)))]);
      return {
        kind: 'table',
        columns: keys.map((k) => ({ key: k, label: labelOf(DETAIL_LABELS, k, language) })),
        rows: value.map((row) => keys.map((k) => detailsNode(row[k], language, k))),
      };
    }
    return { kind: 'list', items: value.map((item) => detailsNode(item, language, key)) };
  }
  if (isObject(value)) {
    return {
      kind: 'fields',
      fields: inFormOrder(Object.keys(value)).map((k) => ({
        key: k,
        label: labelOf(DETAIL_LABELS, k, language),
        value: detailsNode(value[k], language, k),
      })),
    };
  }
  return textOf(value, key, language);
}
