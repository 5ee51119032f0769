// A form from the contract's JSON Schema (zod's toJSONSchema): which kind of input each part needs, the
// empty value to start from, and what to send. The console's decision form reads the schema the API gives
// per outcome (decisionOptions); the Privacy Center's request form that of POST /v1/requests. Rules JSON
// Schema cannot state stay with the API, whose 422 names the field.

/** The subset of JSON Schema (draft 2020-12) zod writes for the contract's bodies. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  /** A choice's name, on a `oneOf` of constants (a registered recipient's name and country). */
  title?: string;
  enum?: unknown[];
  format?: string;
  description?: string;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

export type FormValue = string | boolean | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** Longer strings get a text area rather than a line. */
const TEXTAREA_FROM_CHARS = 500;

export type FieldKind =
  | { kind: 'text' | 'textarea' | 'date' | 'number' }
  | { kind: 'select'; options: string[]; labels?: Record<string, string> }
  | { kind: 'checkbox' }
  | { kind: 'fixed'; value: string }
  | { kind: 'choices'; options: string[]; labels?: Record<string, string> }
  | { kind: 'string-rows'; item: JsonSchema }
  | { kind: 'object-rows'; item: JsonSchema }
  | { kind: 'object'; schema: JsonSchema }
  | { kind: 'variants'; discriminator: string; variants: Array<{ value: string; schema: JsonSchema }> }
  | { kind: 'unsupported' };

/** The variants of a oneOf/anyOf of objects told apart by one property with a constant value (a zod discriminated union). */
function variantsOf(schema: JsonSchema): FieldKind | undefined {
  const options = schema.oneOf ?? schema.anyOf;
  if (!options?.length || !options.every((o) => o.type === 'object' && o.properties)) return undefined;
  const first = options[0]!;
  const discriminator = Object.keys(first.properties!).find((key) =>
    options.every((o) => typeof o.properties![key]?.const === 'string'),
  );
  if (!discriminator) return undefined;
  return {
    kind: 'variants',
    discriminator,
    variants: options.map((o) => ({ value: String(o.properties![discriminator]!.const), schema: o })),
  };
}

export function fieldKind(schema: JsonSchema): FieldKind {
  const variants = variantsOf(schema);
  if (variants) return variants;
  if (typeof schema.const === 'string') return { kind: 'fixed', value: schema.const };
  switch (schema.type) {
    case 'string':
      if (schema.enum?.every((e) => typeof e === 'string')) return { kind: 'select', options: schema.enum as string[] };
      // Choices named by their titles: a oneOf of constants (JSON Schema's enum with labels).
      if (schema.oneOf?.length && schema.oneOf.every((o) => typeof o.const === 'string')) {
        return {
          kind: 'select',
          options: schema.oneOf.map((o) => o.const as string),
          labels: Object.fromEntries(schema.oneOf.map((o) => [o.const as string, o.title ?? (o.const as string)])),
        };
      }
      if (schema.format === 'date') return { kind: 'date' };
      return { kind: (schema.maxLength ?? Infinity) >= TEXTAREA_FROM_CHARS ? 'textarea' : 'text' };
    case 'number':
    case 'integer':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'checkbox' };
    case 'object':
      return schema.properties ? { kind: 'object', schema } : { kind: 'unsupported' };
    case 'array': {
      const item = schema.items;
      if (!item) return { kind: 'unsupported' };
      const itemKind = fieldKind(item);
      if (itemKind.kind === 'select')
        return { kind: 'choices', options: itemKind.options, ...(itemKind.labels ? { labels: itemKind.labels } : {}) };
      if (
        itemKind.kind === 'text' ||
        itemKind.kind === 'textarea' ||
        itemKind.kind === 'date' ||
        itemKind.kind === 'number'
      )
        return { kind: 'string-rows', item };
      if (itemKind.kind === 'object' || itemKind.kind === 'variants') return { kind: 'object-rows', item };
      return { kind: 'unsupported' };
    }
    default:
      return { kind: 'unsupported' };
  }
}

/** Whether every part of the schema has an input here; an outcome whose details do not is not offered as a form. */
export function supported(schema: JsonSchema): boolean {
  const kind = fieldKind(schema);
  switch (kind.kind) {
    case 'unsupported':
      return false;
    case 'object':
      return Object.values(kind.schema.properties!).every(supported);
    case 'string-rows':
    case 'object-rows':
      return supported(kind.item);
    case 'variants':
      return kind.variants.every((v) => supported(v.schema));
    default:
      return true;
  }
}

/** The empty value of a part: blank text, unchecked, no choices, and as many rows as the schema needs at least (at most one). */
export function emptyValue(schema: JsonSchema): FormValue {
  const kind = fieldKind(schema);
  switch (kind.kind) {
    case 'fixed':
      return kind.value;
    case 'checkbox':
      return false;
    case 'choices':
      return [];
    case 'string-rows':
    case 'object-rows':
      return (schema.minItems ?? 0) > 0 ? [emptyValue(kind.item)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(kind.schema.properties!).map(([key, part]) => [key, emptyValue(part)]));
    case 'variants':
      return emptyValue(kind.variants[0]!.schema);
    default:
      return '';
  }
}

/** The variant a row shows: the one its discriminator names, else the first. */
export function shownVariant(kind: Extract<FieldKind, { kind: 'variants' }>, row: FormObject) {
  return kind.variants.find((v) => v.value === row[kind.discriminator]) ?? kind.variants[0]!;
}

/** The row of another variant, keeping what the two have in common (a subject id typed before the action changed). */
export function switchVariant(schema: JsonSchema, current: FormObject, variant: string): FormObject {
  const kind = fieldKind(schema);
  if (kind.kind !== 'variants') return current;
  const chosen = kind.variants.find((v) => v.value === variant);
  if (!chosen) return current;
  const fresh = emptyValue(chosen.schema) as FormObject;
  for (const key of Object.keys(fresh)) if (key !== kind.discriminator && key in current) fresh[key] = current[key]!;
  return fresh;
}

/**
 * What to send: blank optional text left out, numbers as numbers, every row kept (even an empty one) so
 * the API's field names (details.changes.1.value) point at the row on screen.
 */
export function valueToSend(schema: JsonSchema, value: FormValue | undefined): unknown {
  const kind = fieldKind(schema);
  switch (kind.kind) {
    case 'object':
    case 'variants': {
      const object = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as FormObject;
      const shape = kind.kind === 'object' ? kind.schema : shownVariant(kind, object).schema;
      const entries = Object.entries(shape.properties!)
        .map(([key, part]) => [key, valueToSend(part, object[key])] as const)
        .filter(([, sent]) => sent !== undefined);
      return Object.fromEntries(entries);
    }
    case 'string-rows':
    case 'object-rows':
    case 'choices': {
      const rows = Array.isArray(value) ? value : [];
      return kind.kind === 'choices' ? rows : rows.map((row) => valueToSend(kind.item, row) ?? '');
    }
    case 'checkbox':
      return value === true;
    case 'number': {
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    default:
      return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

/** Every field path the form shows for these details, in screen order ("details.changes.0.action", …). */
export function detailPaths(schema: JsonSchema, value: FormValue | undefined, prefix = 'details'): string[] {
  const kind = fieldKind(schema);
  switch (kind.kind) {
    case 'object':
    case 'variants': {
      const object = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as FormObject;
      const shape = kind.kind === 'object' ? kind.schema : shownVariant(kind, object).schema;
      return [
        prefix,
        ...Object.entries(shape.properties!).flatMap(([key, part]) =>
          detailPaths(part, object[key], `${prefix}.${key}`),
        ),
      ];
    }
    case 'string-rows':
    case 'object-rows': {
      const rows = Array.isArray(value) ? value : [];
      return [prefix, ...rows.flatMap((row, i) => detailPaths(kind.item, row, `${prefix}.${i}`))];
    }
    default:
      return [prefix];
  }
}

export interface ProblemField {
  field: string;
  message: string;
}

export interface PlacedErrors {
  byPath: Record<string, string[]>;
  /** Messages for no field on screen, and the problem's detail when it names no field. */
  general: string[];
}

/**
 * Puts each of the API's field errors next to the nearest field on screen ("body.details.changes.1.value"
 * → that row's value); `form` names the form when the page has several ("note" + "body.text" → "note.text").
 */
export function placeErrors(
  problem: { detail: string; errors?: ProblemField[] | undefined },
  shown: readonly string[],
  form = '',
): PlacedErrors {
  const paths = new Set(shown);
  const placed: PlacedErrors = { byPath: {}, general: [] };
  for (const error of problem.errors ?? []) {
    let path = [form, error.field.replace(/^body\.?/, '')].filter(Boolean).join('.');
    while (!paths.has(path) && path.includes('.')) path = path.slice(0, path.lastIndexOf('.'));
    if (paths.has(path)) (placed.byPath[path] ??= []).push(error.message);
    else placed.general.push(`${error.field}: ${error.message}`);
  }
  if (!problem.errors?.length) placed.general.push(problem.detail);
  return placed;
}

/** The element id of a field path, for labels, focus and aria-describedby. */
export const formFieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;
