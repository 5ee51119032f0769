// The request form as data: which fields each request type asks for, named by their path in the
// body of POST /v1/requests, so the body is built and the API's field errors are placed generically.
// Adding a type of the contract is adding an entry to REQUEST_FORMS (and its labels in text.ts).
import { REQUESTER_KINDS } from '../../functions/domain/requests/request-words';
import { ART_35_3_GROUNDS } from '../../functions/domain/requests/types/cessation-of-provision/words';
import { ART_35_1_GROUNDS, CESSATION_OF_USE_MEASURES } from '../../functions/domain/requests/types/cessation-of-use/words';
import { ART_35_5_GROUNDS } from '../../functions/domain/requests/types/cessation-shared/words';
import { COMPLAINT_SUBJECTS } from '../../functions/domain/requests/types/complaint/words';
import { CORRECTION_CHANGES, MAX_CORRECTION_ITEMS } from '../../functions/domain/requests/types/correction/words';
import { DISCLOSURE_METHOD_LABELS, DISCLOSURE_RECORDS_LABELS } from '../../functions/domain/requests/types/disclosure/words';

export type Language = 'ja' | 'en';

export type FieldKind = 'text' | 'email' | 'textarea' | 'select' | 'checkboxes';

export interface FieldSpec {
  /** The field's path in the body, e.g. "requester.email" or "details.scope"; in a list's item, relative to the item. */
  path: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  /** Shown only when this holds for what was typed so far; `item` is the path of the field's list item. */
  when?: (values: FormValues, item: string) => boolean;
  /** The key of its label in text.ts when it is not the path: a list item's field, "details.items.#.change". */
  label?: string;
}

/** A list of items the person adds and removes, each with the same fields ("details.items.0.change"). */
export interface ItemListSpec {
  path: string;
  kind: 'items';
  min: number;
  max: number;
  fields: readonly FieldSpec[];
}

/** What a form shows, in order: single fields, and lists whose items are groups of fields. */
export type FormPart = { kind: 'field'; spec: FieldSpec } | { kind: 'items'; list: ItemListSpec; items: FieldSpec[][] };

export type FormValues = Record<string, string | string[]>;

// The choices the contract takes, from the request types' words modules (leaves the build bundles).
export { REQUESTER_KINDS };
export const DISCLOSURE_METHODS = Object.keys(DISCLOSURE_METHOD_LABELS) as (keyof typeof DISCLOSURE_METHOD_LABELS)[];
export const DISCLOSURE_RECORDS = Object.keys(DISCLOSURE_RECORDS_LABELS) as (keyof typeof DISCLOSURE_RECORDS_LABELS)[];
export const CESSATION_OF_USE_GROUNDS = [...ART_35_1_GROUNDS, ...ART_35_5_GROUNDS];
export const CESSATION_OF_PROVISION_GROUNDS = [...ART_35_3_GROUNDS, ...ART_35_5_GROUNDS];
export { CESSATION_OF_USE_MEASURES, COMPLAINT_SUBJECTS, CORRECTION_CHANGES, MAX_CORRECTION_ITEMS };

const representative = (values: FormValues) => values['requester.kind'] !== undefined && values['requester.kind'] !== 'self';

/** Who asks and about whom: every type has these (the contract's submitRequestBody). */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  { path: 'requester.kind', kind: 'select', required: true, options: REQUESTER_KINDS },
  { path: 'requester.name', kind: 'text', required: true },
  { path: 'requester.email', kind: 'email', required: true },
  { path: 'subject.name', kind: 'text', when: representative },
  { path: 'subject.email', kind: 'email', required: true, when: representative },
];

export const REQUEST_FORMS = {
  disclosure: [
    { path: 'details.records', kind: 'checkboxes', options: DISCLOSURE_RECORDS },
    { path: 'details.scope', kind: 'textarea' },
    { path: 'details.method', kind: 'select', options: DISCLOSURE_METHODS },
    { path: 'details.postalAddress', kind: 'textarea', required: true, when: (v) => v['details.method'] === 'paper' },
  ],
  'purpose-notification': [
    { path: 'details.items', kind: 'textarea' },
  ],
  correction: [
    {
      path: 'details.items', kind: 'items', min: 1, max: MAX_CORRECTION_ITEMS, fields: [
        { path: 'change', kind: 'select', required: true, options: CORRECTION_CHANGES },
        { path: 'description', kind: 'textarea', required: true },
        { path: 'content', kind: 'textarea', required: true, when: (v, item) => v[`${item}.change`] !== 'delete' },
      ],
    },
  ],
  'cessation-of-use': [
    { path: 'details.grounds', kind: 'checkboxes', required: true, options: CESSATION_OF_USE_GROUNDS },
    { path: 'details.measure', kind: 'select', required: true, options: CESSATION_OF_USE_MEASURES },
    { path: 'details.explanation', kind: 'textarea' },
  ],
  'cessation-of-provision': [
    { path: 'details.grounds', kind: 'checkboxes', required: true, options: CESSATION_OF_PROVISION_GROUNDS },
    { path: 'details.recipients', kind: 'textarea' },
  ],
  complaint: [
    { path: 'details.about', kind: 'select', options: COMPLAINT_SUBJECTS },
    { path: 'details.description', kind: 'textarea', required: true },
    { path: 'details.relatedRequestId', kind: 'text' },
  ],
} satisfies Record<string, readonly (FieldSpec | ItemListSpec)[]>;

export type FormType = keyof typeof REQUEST_FORMS;
export const FORM_TYPES = Object.keys(REQUEST_FORMS) as FormType[];

export function isFormType(value: string): value is FormType {
  return Object.hasOwn(REQUEST_FORMS, value);
}

const isList = (spec: FieldSpec | ItemListSpec): spec is ItemListSpec => spec.kind === 'items';
const specsOf = (type: FormType): readonly (FieldSpec | ItemListSpec)[] => [...COMMON_FIELDS, ...REQUEST_FORMS[type]];
/** Where a list keeps how many items it has, among the form's values; never sent. */
const lengthKey = (list: ItemListSpec) => `${list.path}.length`;

/** How many items the list has now, within its bounds. */
export function itemCount(list: ItemListSpec, values: FormValues): number {
  const stored = Number(values[lengthKey(list)]);
  return Math.min(list.max, Math.max(list.min, Number.isInteger(stored) ? stored : list.min));
}

/** The fields of one item, with their paths in the body. */
function itemFields(list: ItemListSpec, index: number): FieldSpec[] {
  const item = `${list.path}.${index}`;
  return list.fields.map((f) => ({
    ...f,
    path: `${item}.${f.path}`,
    label: `${list.path}.#.${f.path}`,
    ...(f.when ? { when: (values: FormValues) => f.when!(values, item) } : {}),
  }));
}

const shown = (values: FormValues) => (f: FieldSpec) => !f.when || f.when(values, '');

/** What the form shows for this type given what was typed so far, in order. */
export function formParts(type: FormType, values: FormValues): FormPart[] {
  return specsOf(type).flatMap((spec): FormPart[] => {
    if (!isList(spec)) return shown(values)(spec) ? [{ kind: 'field', spec }] : [];
    const items = Array.from({ length: itemCount(spec, values) }, (_, i) => itemFields(spec, i).filter(shown(values)));
    return [{ kind: 'items', list: spec, items }];
  });
}

/** The fields shown for this type given what was typed so far, in order. */
export function visibleFields(type: FormType, values: FormValues): FieldSpec[] {
  return formParts(type, values).flatMap((part) => (part.kind === 'field' ? [part.spec] : part.items.flat()));
}

/** A required selection starts on its first option. */
function withDefaults(values: FormValues, fields: readonly FieldSpec[]): FormValues {
  for (const field of fields) {
    if (field.kind === 'select' && field.required) values[field.path] ??= field.options?.[0] ?? '';
  }
  return values;
}

/** What a form of this type starts with: who asks as typed so far, a required selection's first option. */
export function initialValues(type: FormType, typed: FormValues = {}): FormValues {
  const values: FormValues = Object.fromEntries(Object.entries(typed).filter(([path]) => !path.startsWith('details.')));
  for (const spec of specsOf(type)) {
    withDefaults(values, isList(spec) ? Array.from({ length: spec.min }, (_, i) => itemFields(spec, i)).flat() : [spec]);
  }
  return values;
}

/** The values with one more, empty item at the end of the list (none past its maximum). */
export function addItem(list: ItemListSpec, values: FormValues): FormValues {
  const count = itemCount(list, values);
  if (count >= list.max) return values;
  const next: FormValues = { ...values, [lengthKey(list)]: String(count + 1) };
  for (const f of itemFields(list, count)) delete next[f.path];
  return withDefaults(next, itemFields(list, count));
}

/** The values without the item at `index`; the items after it move up (none below the minimum). */
export function removeItem(list: ItemListSpec, values: FormValues, index: number): FormValues {
  const count = itemCount(list, values);
  if (count <= list.min || index < 0 || index >= count) return values;
  const next: FormValues = { ...values, [lengthKey(list)]: String(count - 1) };
  for (let i = index; i < count; i += 1) {
    const here = itemFields(list, i);
    const after = i + 1 < count ? itemFields(list, i + 1) : undefined;
    here.forEach((f, j) => {
      const moved = after ? values[after[j]!.path] : undefined;
      if (moved === undefined) delete next[f.path];
      else next[f.path] = moved;
    });
  }
  return next;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key, i) => {
    // A numeric key is a list's item ("details.items.0.change").
    node = (node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
}

/**
 * The body of POST /v1/requests: only the visible fields with something in them (the server then
 * applies its defaults); a person asking for themselves is also the subject.
 */
export function submitBody(type: FormType, values: FormValues, language: Language): Record<string, unknown> {
  const body: Record<string, unknown> = { type, language };
  for (const field of visibleFields(type, values)) {
    const value = values[field.path];
    if (Array.isArray(value) ? value.length === 0 : !value?.trim()) continue;
    setPath(body, field.path, Array.isArray(value) ? value : value!.trim());
  }
  if (!representative(values)) {
    const requester = (body.requester ?? {}) as Record<string, unknown>;
    body.subject = { ...(requester.email !== undefined ? { email: requester.email } : {}), ...(requester.name !== undefined ? { name: requester.name } : {}) };
  }
  return body;
}

import type { ProblemDetails } from './api-types';

export type { ProblemDetails };

export interface PlacedErrors {
  /** Messages by the field path they name. */
  byField: Record<string, string[]>;
  /** Messages naming no field shown on the form. */
  general: string[];
}

/**
 * Places the API's field errors next to the fields they name: "body.details.grounds.0" belongs to
 * "details.grounds"; the subject of a person asking for themselves is their own name and e-mail.
 */
export function placeErrors(problem: ProblemDetails, fields: readonly FieldSpec[]): PlacedErrors {
  const shown = new Set(fields.map((f) => f.path));
  const placed: PlacedErrors = { byField: {}, general: [] };
  for (const error of problem.errors ?? []) {
    let path = error.field.replace(/^body\./, '');
    if (!shown.has(path) && path.startsWith('subject.')) path = path.replace(/^subject\./, 'requester.');
    while (!shown.has(path) && path.includes('.')) path = path.slice(0, path.lastIndexOf('.'));
    if (shown.has(path)) (placed.byField[path] ??= []).push(error.message);
    else placed.general.push(`${error.field}: ${error.message}`);
  }
  if (!problem.errors?.length) placed.general.push(problem.detail);
  return placed;
}

/** The six digits of the e-mailed code, from what was typed (spaces and full-width digits allowed). */
export function normaliseCode(typed: string): string {
  return typed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}
