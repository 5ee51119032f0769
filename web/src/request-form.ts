// The request form from the contract's JSON Schema of POST /v1/requests (zod's toJSONSchema, generated
// when the page is built): which types there are, which fields each asks for, which are required, their
// choices and lengths. The page adds only what the schema cannot say (REQUEST_FORM_LAYOUT): field order,
// hidden fields, and the fields that depend on others. A field added to a type's details schema appears
// on the form without editing the web app (with its path as label until text.ts names it).
import type { RequestTypeName } from '../../functions/domain/requests/fees';
import { fieldKind, type JsonSchema } from './schema-form';

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
  /** The most characters the API takes (the schema's maxLength): the field stops there and counts. */
  maxLength?: number;
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

/** A request type; the Privacy Center offers those the schema it was built with names. */
export type FormType = RequestTypeName;

const representative = (values: FormValues) =>
  values['requester.kind'] !== undefined && values['requester.kind'] !== 'self';

/**
 * What the page decides and the schema cannot say; paths as in FieldSpec, a list item's field with "#"
 * for its index ("details.items.#.category").
 */
export const REQUEST_FORM_LAYOUT = {
  /** Shown first, in this order (who asks before about whom); the rest follow in the schema's order. */
  first: ['requester.kind', 'requester.name', 'requester.email', 'subject.name', 'subject.email', 'details.records'],
  /**
   * Never shown: the type and the language come from the page, the server defaults the electronic
   * record's file, and a correction's category is the desk's to find.
   */
  hidden: ['type', 'language', 'details.format', 'details.items.#.category'],
  /** Shown only when this holds: the subject is asked of a representative, the postal address only for paper. */
  shownWhen: {
    'subject.name': representative,
    'subject.email': representative,
    'details.postalAddress': (values: FormValues) => values['details.method'] === 'paper',
  } as Record<string, (values: FormValues) => boolean>,
  /** Required whenever shown, beyond what the schema requires: a paper copy needs somewhere to go (APPI Art. 33(1)). */
  requiredWhenShown: ['details.postalAddress'],
};

/** The form of one request type: its fields and lists, in the order shown. */
export type TypeForm = readonly (FieldSpec | ItemListSpec)[];

/** The forms of every request type the schema names, and what the page asks of them. */
export interface RequestForms {
  /** The types, in the schema's order. */
  types: FormType[];
  isType(value: string): value is FormType;
  /** The type's fields and lists, in the order shown. */
  form(type: FormType): TypeForm;
  /** The type's list of items at this path ("details.items"). */
  list(type: FormType, path: string): ItemListSpec | undefined;
  formParts(type: FormType, values: FormValues): FormPart[];
  visibleFields(type: FormType, values: FormValues): FieldSpec[];
  initialValues(type: FormType, typed?: FormValues): FormValues;
  submitBody(type: FormType, values: FormValues, language: Language): Record<string, unknown>;
}

const isList = (spec: FieldSpec | ItemListSpec): spec is ItemListSpec => spec.kind === 'items';
/** Where a list keeps how many items it has, among the form's values; never sent. */
const lengthKey = (list: ItemListSpec) => `${list.path}.length`;

/** Where the JSON Schema says a property is required. */
const requiredIn = (schema: JsonSchema, key: string) => (schema.required ?? []).includes(key);

/**
 * The input for one leaf of the schema: choices, a text area for long text, an e-mail field for format
 * "email", else a line of text (the API's 422 then says what it takes).
 */
function leafField(path: string, schema: JsonSchema, required: boolean): FieldSpec {
  const kind = fieldKind(schema);
  const spec: FieldSpec = {
    path,
    kind: 'text',
    ...(required ? { required } : {}),
    ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
  };
  if (kind.kind === 'select') return { ...spec, kind: 'select', options: kind.options };
  if (kind.kind === 'choices') return { ...spec, kind: 'checkboxes', options: kind.options };
  if (kind.kind === 'textarea') return { ...spec, kind: 'textarea' };
  if (schema.format === 'email') return { ...spec, kind: 'email' };
  return spec;
}

/**
 * The fields of a list's item: a discriminated union's variants (a correction's change) give the
 * discriminator as a required choice and show each other field only where the chosen variant has it.
 */
function itemFieldsOf(list: string, item: JsonSchema): FieldSpec[] {
  const kind = fieldKind(item);
  const hidden = (key: string) => REQUEST_FORM_LAYOUT.hidden.includes(`${list}.#.${key}`);
  if (kind.kind === 'object') {
    return Object.entries(item.properties!)
      .filter(([key]) => !hidden(key))
      .map(([key, part]) => leafField(key, part, requiredIn(item, key)));
  }
  if (kind.kind !== 'variants') return [];
  const keys = [...new Set(kind.variants.flatMap((v) => Object.keys(v.schema.properties!)))].filter(
    (key) => !hidden(key),
  );
  return keys.map((key) => {
    if (key === kind.discriminator)
      return { path: key, kind: 'select', required: true, options: kind.variants.map((v) => v.value) };
    const having = kind.variants.filter((v) => v.schema.properties![key]);
    const field = leafField(
      key,
      having[0]!.schema.properties![key]!,
      having.every((v) => requiredIn(v.schema, key)),
    );
    if (having.length === kind.variants.length) return field;
    const values = new Set(having.map((v) => v.value));
    return {
      ...field,
      when: (v: FormValues, itemPath: string) =>
        values.has(String(v[`${itemPath}.${kind.discriminator}`] ?? kind.variants[0]!.value)),
    };
  });
}

/** The fields and lists of an object in the schema, flattened to paths ("requester.name"), in the schema's order. */
function partsOf(schema: JsonSchema, prefix: string): (FieldSpec | ItemListSpec)[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, part]): (FieldSpec | ItemListSpec)[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (REQUEST_FORM_LAYOUT.hidden.includes(path)) return [];
    const kind = fieldKind(part);
    if (kind.kind === 'object') return partsOf(part, path);
    if (kind.kind === 'object-rows') {
      return [
        {
          path,
          kind: 'items',
          min: part.minItems ?? 0,
          max: part.maxItems ?? Number.MAX_SAFE_INTEGER,
          fields: itemFieldsOf(path, kind.item),
        },
      ];
    }
    const when = REQUEST_FORM_LAYOUT.shownWhen[path];
    const required = requiredIn(schema, key) || REQUEST_FORM_LAYOUT.requiredWhenShown.includes(path);
    return [{ ...leafField(path, part, required), ...(when ? { when } : {}) }];
  });
}

/** The layout's first fields in its order, then the rest in the schema's. */
function ordered(parts: (FieldSpec | ItemListSpec)[]): TypeForm {
  const rank = (p: FieldSpec | ItemListSpec) => {
    const i = REQUEST_FORM_LAYOUT.first.indexOf(p.path);
    return i < 0 ? REQUEST_FORM_LAYOUT.first.length : i;
  };
  return parts
    .map((p, i) => [p, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .map(([p]) => p);
}

/** Every type's form from the JSON Schema of the body of POST /v1/requests (a oneOf told apart by "type"). */
export function requestForms(schema: JsonSchema): RequestForms {
  const kind = fieldKind(schema);
  if (kind.kind !== 'variants' || kind.discriminator !== 'type')
    throw new Error("The request body's schema is not a union of request types.");
  const forms = new Map(kind.variants.map((v) => [v.value as FormType, ordered(partsOf(v.schema, ''))]));
  const form = (type: FormType) => forms.get(type) ?? [];
  return {
    types: [...forms.keys()],
    isType: (value: string): value is FormType => forms.has(value as FormType),
    form,
    list: (type, path) =>
      form(type)
        .filter(isList)
        .find((l) => l.path === path),
    formParts: (type, values) => formParts(form(type), values),
    visibleFields: (type, values) => visibleFields(form(type), values),
    initialValues: (type, typed) => initialValues(form(type), typed),
    submitBody: (type, values, language) => submitBody(type, form(type), values, language),
  };
}

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

/** What the form shows given what was typed so far, in order. */
function formParts(form: TypeForm, values: FormValues): FormPart[] {
  return form.flatMap((spec): FormPart[] => {
    if (!isList(spec)) return shown(values)(spec) ? [{ kind: 'field', spec }] : [];
    const items = Array.from({ length: itemCount(spec, values) }, (_, i) => itemFields(spec, i).filter(shown(values)));
    return [{ kind: 'items', list: spec, items }];
  });
}

/** The fields shown given what was typed so far, in order. */
function visibleFields(form: TypeForm, values: FormValues): FieldSpec[] {
  return formParts(form, values).flatMap((part) => (part.kind === 'field' ? [part.spec] : part.items.flat()));
}

/** A required selection starts on its first option. */
function withDefaults(values: FormValues, fields: readonly FieldSpec[]): FormValues {
  for (const field of fields) {
    if (field.kind === 'select' && field.required) values[field.path] ??= field.options?.[0] ?? '';
  }
  return values;
}

/** What a form starts with: who asks as typed so far, a required selection's first option. */
function initialValues(form: TypeForm, typed: FormValues = {}): FormValues {
  const values: FormValues = Object.fromEntries(Object.entries(typed).filter(([path]) => !path.startsWith('details.')));
  for (const spec of form) {
    withDefaults(
      values,
      isList(spec) ? Array.from({ length: spec.min }, (_, i) => itemFields(spec, i)).flat() : [spec],
    );
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
function submitBody(type: FormType, form: TypeForm, values: FormValues, language: Language): Record<string, unknown> {
  const body: Record<string, unknown> = { type, language };
  for (const field of visibleFields(form, values)) {
    const value = values[field.path];
    if (Array.isArray(value) ? value.length === 0 : !value?.trim()) continue;
    setPath(body, field.path, Array.isArray(value) ? value : value!.trim());
  }
  if (!representative(values)) {
    const requester = (body.requester ?? {}) as Record<string, unknown>;
    body.subject = {
      ...(requester.email !== undefined ? { email: requester.email } : {}),
      ...(requester.name !== undefined ? { name: requester.name } : {}),
    };
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
