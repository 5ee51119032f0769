// The inputs of a decision's details, drawn from the outcome's JSON Schema (../schema-form.ts): each with a
// visible label, the API's messages for it right below (aria-describedby, aria-invalid), and rows of
// objects or texts that can be added and removed.
import type { ComponentChildren } from 'preact';
import {
  emptyValue,
  type FormObject,
  type FormValue,
  fieldKind,
  formFieldId,
  type JsonSchema,
  shownVariant,
  switchVariant,
} from '../schema-form';
import { DETAIL_LABELS, DETAIL_OPTION_LABELS, deskMessage, labelOf, rt } from './request-text';
import type { Language } from './text';

interface PartProps {
  schema: JsonSchema;
  path: string;
  name: string;
  required: boolean;
  value: FormValue | undefined;
  errors: Record<string, string[]>;
  language: Language;
  onChange: (value: FormValue) => void;
}

export function FieldMessages({
  path,
  errors,
  language,
}: {
  path: string;
  errors: Record<string, string[]>;
  language: Language;
}) {
  const messages = errors[path];
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={`${formFieldId(path)}-error`}>
      {[...new Set(messages.map((m) => deskMessage(m, language)))].join(' ')}
    </p>
  );
}

/** aria-invalid and aria-describedby of a field with messages (and a hint, when it has one). */
export function describedBy(path: string, errors: Record<string, string[]>, hintId?: string) {
  const invalid = errors[path]?.length ? true : undefined;
  const ids = [invalid ? `${formFieldId(path)}-error` : undefined, hintId].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid, 'aria-describedby': ids || undefined };
}

function Required({ required, language }: { required: boolean; language: Language }) {
  return required ? <span class="required">（{rt('required', language)}）</span> : null;
}

/** Which list or row a button acts on, for screen readers: "（…）" in Japanese, " (…)" in English. */
const aside = (text: string, language: Language) => (language === 'ja' ? `（${text}）` : ` (${text})`);

function labelText(name: string, language: Language) {
  return labelOf(DETAIL_LABELS, name, language);
}

/** The schema's own description, in English only: Japanese readers have the label. */
function Hint({ schema, id, language }: { schema: JsonSchema; id: string; language: Language }) {
  return language === 'en' && schema.description ? (
    <p class="note" id={id}>
      {schema.description}
    </p>
  ) : null;
}

function Group({
  path,
  legend,
  required,
  errors,
  language,
  children,
}: {
  path: string;
  legend: string;
  required: boolean;
  errors: Record<string, string[]>;
  language: Language;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="field group" id={formFieldId(path)} tabIndex={-1} {...describedBy(path, errors)}>
      <legend>
        {legend}
        <Required required={required} language={language} />
      </legend>
      {children}
      <FieldMessages path={path} errors={errors} language={language} />
    </fieldset>
  );
}

function ObjectParts({ schema, path, value, errors, language, onChange }: Omit<PartProps, 'name' | 'required'>) {
  const object = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as FormObject;
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, part]) => (
        <DetailPart
          key={key}
          schema={part}
          path={`${path}.${key}`}
          name={key}
          required={(schema.required ?? []).includes(key)}
          value={object[key]}
          errors={errors}
          language={language}
          onChange={(next) => onChange({ ...object, [key]: next })}
        />
      ))}
    </>
  );
}

/** A one-line input: a date picker for dates, a number field for numbers, else text. */
function LineInput({
  kind,
  attributes,
  value,
  onChange,
}: {
  kind: string;
  attributes: Record<string, string | boolean | undefined>;
  value: string;
  onChange: (value: string) => void;
}) {
  const onInput = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  if (kind === 'date') return <input {...attributes} type="date" value={value} onInput={onInput} />;
  if (kind === 'number') return <input {...attributes} type="number" value={value} onInput={onInput} />;
  return <input {...attributes} type="text" value={value} onInput={onInput} />;
}

export function DetailPart(props: PartProps) {
  const { schema, path, name, required, value, errors, language, onChange } = props;
  const kind = fieldKind(schema);
  const id = formFieldId(path);
  const hintId = `${id}-hint`;
  const hint = language === 'en' && schema.description ? hintId : undefined;
  const label = labelText(name, language);
  const text = typeof value === 'string' ? value : '';
  const titles = kind.kind === 'select' || kind.kind === 'choices' ? kind.labels : undefined;
  const option = (o: string) => titles?.[o] ?? labelOf(DETAIL_OPTION_LABELS, o, language);

  switch (kind.kind) {
    case 'fixed':
      return null;
    case 'unsupported':
      return (
        <p class="notice" id={id} tabIndex={-1}>
          {label}: {rt('unsupported', language)}
        </p>
      );
    case 'checkbox':
      return (
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              id={id}
              checked={value === true}
              {...describedBy(path, errors, hint)}
              onChange={(e) => onChange(e.currentTarget.checked)}
            />
            {label}
          </label>
          <Hint schema={schema} id={hintId} language={language} />
          <FieldMessages path={path} errors={errors} language={language} />
        </div>
      );
    case 'choices': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Group path={path} legend={label} required={required} errors={errors} language={language}>
          {kind.options.map((o) => (
            <label key={o} class="choice">
              <input
                type="checkbox"
                value={o}
                checked={chosen.includes(o)}
                onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
              />
              {/* A title from the schema is a registered name (a recipient's): data, the same in any language. */}
              {titles?.[o] ? <span translate={false}>{titles[o]}</span> : option(o)}
            </label>
          ))}
        </Group>
      );
    }
    case 'object':
      return (
        <Group path={path} legend={label} required={required} errors={errors} language={language}>
          <ObjectParts
            schema={kind.schema}
            path={path}
            value={value}
            errors={errors}
            language={language}
            onChange={onChange}
          />
        </Group>
      );
    case 'variants': {
      const object = (
        value && typeof value === 'object' && !Array.isArray(value) ? value : emptyValue(schema)
      ) as FormObject;
      const current = shownVariant(kind, object);
      const switchPath = `${path}.${kind.discriminator}`;
      const switchId = formFieldId(switchPath);
      return (
        <>
          <div class="field">
            <label for={switchId}>
              {labelText(kind.discriminator, language)}
              <Required required language={language} />
            </label>
            <select
              id={switchId}
              value={current.value}
              {...describedBy(switchPath, errors)}
              onChange={(e) => onChange(switchVariant(schema, object, e.currentTarget.value))}
            >
              {kind.variants.map((v) => (
                <option key={v.value} value={v.value}>
                  {option(v.value)}
                </option>
              ))}
            </select>
            <FieldMessages path={switchPath} errors={errors} language={language} />
          </div>
          <ObjectParts
            schema={current.schema}
            path={path}
            value={object}
            errors={errors}
            language={language}
            onChange={onChange}
          />
        </>
      );
    }
    case 'string-rows':
    case 'object-rows': {
      const rows = Array.isArray(value) ? value : [];
      const setRow = (i: number, row: FormValue) => onChange(rows.map((r, j) => (j === i ? row : r)));
      const canAdd = rows.length < (schema.maxItems ?? Infinity);
      return (
        <Group path={path} legend={label} required={required} errors={errors} language={language}>
          <Hint schema={schema} id={hintId} language={language} />
          <ol class="rows">
            {rows.map((row, i) => {
              const rowPath = `${path}.${i}`;
              const rowName = rt('row', language, { n: i + 1 });
              return (
                <li key={i} class="row">
                  {kind.kind === 'object-rows' ? (
                    <Group
                      path={rowPath}
                      legend={`${label}: ${rowName}`}
                      required={false}
                      errors={errors}
                      language={language}
                    >
                      {fieldKind(kind.item).kind === 'object' ? (
                        <ObjectParts
                          schema={kind.item}
                          path={rowPath}
                          value={row}
                          errors={errors}
                          language={language}
                          onChange={(next) => setRow(i, next)}
                        />
                      ) : (
                        <DetailPart
                          schema={kind.item}
                          path={rowPath}
                          name={name}
                          required={false}
                          value={row}
                          errors={errors}
                          language={language}
                          onChange={(next) => setRow(i, next)}
                        />
                      )}
                    </Group>
                  ) : (
                    <div class="field">
                      <label for={formFieldId(rowPath)}>{`${label}: ${rowName}`}</label>
                      <LineInput
                        kind={fieldKind(kind.item).kind}
                        attributes={{ id: formFieldId(rowPath), ...describedBy(rowPath, errors) }}
                        value={typeof row === 'string' ? row : ''}
                        onChange={(next) => setRow(i, next)}
                      />
                      <FieldMessages path={rowPath} errors={errors} language={language} />
                    </div>
                  )}
                  <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    {rt('removeRow', language)}
                    <span class="visually-hidden">{aside(`${label}: ${rowName}`, language)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          {canAdd && (
            <button type="button" class="secondary" onClick={() => onChange([...rows, emptyValue(kind.item)])}>
              {rt('addRow', language)}
              <span class="visually-hidden">{aside(label, language)}</span>
            </button>
          )}
        </Group>
      );
    }
    default: {
      const common = { id, ...describedBy(path, errors, hint), 'aria-required': required ? true : undefined };
      return (
        <div class="field">
          <label for={id}>
            {label}
            <Required required={required} language={language} />
          </label>
          {kind.kind === 'select' ? (
            <select {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)}>
              <option value="">{rt('choose', language)}</option>
              {kind.options.map((o) => (
                <option key={o} value={o}>
                  {option(o)}
                </option>
              ))}
            </select>
          ) : kind.kind === 'textarea' ? (
            <textarea {...common} rows={4} value={text} onInput={(e) => onChange(e.currentTarget.value)} />
          ) : (
            <LineInput kind={kind.kind} attributes={common} value={text} onChange={onChange} />
          )}
          <Hint schema={schema} id={hintId} language={language} />
          <FieldMessages path={path} errors={errors} language={language} />
        </div>
      );
    }
  }
}

/** The details of one outcome: the top-level object's fields, without a frame of their own. */
export function DetailsFields({
  schema,
  value,
  errors,
  language,
  onChange,
}: {
  schema: JsonSchema;
  value: FormValue | undefined;
  errors: Record<string, string[]>;
  language: Language;
  onChange: (value: FormValue) => void;
}) {
  return (
    <ObjectParts schema={schema} path="details" value={value} errors={errors} language={language} onChange={onChange} />
  );
}
