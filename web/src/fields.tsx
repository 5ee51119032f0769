// One form field: a visible label, the API's messages for it right below, wired with
// aria-describedby and aria-invalid so a screen reader reads them with the field.
import { tj } from './journey-text';
import type { FieldSpec, FormValues, Language } from './request-form';
import { apiMessage, FIELD_LABELS, localised, OPTION_LABELS, t } from './text';

/** A line of text shows its counter from this share of its limit on; a text area always. */
const COUNT_LINES_FROM = 0.8;

/**
 * How much of a field's limit is used, read with the field (aria-describedby) rather than announced at
 * each key; it says when the limit is reached, which the field's maxlength then holds.
 */
function Counter({ id, length, max, language }: { id: string; length: number; max: number; language: Language }) {
  return (
    <p class={length >= max ? 'counter full' : 'counter'} id={id}>
      {length >= max ? tj('counterFull', language, { max }) : tj('counter', language, { count: length, max })}
    </p>
  );
}

export const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;

export function FieldErrors({
  id,
  messages,
  language,
}: {
  id: string;
  messages: string[] | undefined;
  language: Language;
}) {
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={id}>
      {[...new Set(messages.map((m) => apiMessage(m, language)))].join(' ')}
    </p>
  );
}

export function Field({
  spec,
  values,
  errors,
  language,
  onChange,
}: {
  spec: FieldSpec;
  values: FormValues;
  errors: string[] | undefined;
  language: Language;
  onChange: (path: string, value: string | string[]) => void;
}) {
  const id = fieldId(spec.path);
  const errorId = `${id}-error`;
  const label = localised(FIELD_LABELS[spec.label ?? spec.path], language) || spec.path;
  const required = spec.required ? <span class="required">（{t('required', language)}）</span> : null;
  const invalid = errors?.length ? true : undefined;
  const value = values[spec.path];
  const typed = typeof value === 'string' ? value.length : 0;
  const counted =
    spec.maxLength !== undefined &&
    (spec.kind === 'textarea' || (spec.kind === 'text' && typed >= spec.maxLength * COUNT_LINES_FROM));
  const counterId = `${id}-count`;
  // An error, when there is one, is what the field is read with (a too-long one names the limit).
  const describedBy = invalid ? errorId : counted ? counterId : undefined;
  const option = (o: string) => localised(OPTION_LABELS[o], language) || o;

  if (spec.kind === 'checkboxes') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset class="field" id={id} aria-describedby={describedBy} tabIndex={-1}>
        <legend>
          {label}
          {required}
        </legend>
        {spec.options!.map((o) => (
          <label key={o} class="choice">
            <input
              type="checkbox"
              name={spec.path}
              value={o}
              checked={chosen.includes(o)}
              aria-invalid={invalid}
              onChange={(e) =>
                onChange(
                  spec.path,
                  (e.currentTarget as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((c) => c !== o),
                )
              }
            />
            {option(o)}
          </label>
        ))}
        <FieldErrors id={errorId} messages={errors} language={language} />
      </fieldset>
    );
  }
  const common = {
    id,
    name: spec.path,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'aria-required': spec.required ? true : undefined,
    ...(spec.maxLength !== undefined && spec.kind !== 'select' ? { maxLength: spec.maxLength } : {}),
    onInput: (e: Event) => onChange(spec.path, (e.currentTarget as HTMLInputElement).value),
  };
  const text = typeof value === 'string' ? value : '';
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required}
      </label>
      {spec.kind === 'select' ? (
        <select {...common} value={text} onChange={common.onInput}>
          {!spec.required && <option value="">—</option>}
          {spec.options!.map((o) => (
            <option key={o} value={o}>
              {option(o)}
            </option>
          ))}
        </select>
      ) : spec.kind === 'textarea' ? (
        <textarea {...common} value={text} rows={4} />
      ) : spec.kind === 'email' ? (
        <input {...common} type="email" value={text} autocomplete="email" />
      ) : (
        <input {...common} type="text" value={text} autocomplete={spec.path.endsWith('name') ? 'name' : 'off'} />
      )}
      {counted && <Counter id={counterId} length={typed} max={spec.maxLength!} language={language} />}
      <FieldErrors id={errorId} messages={errors} language={language} />
    </div>
  );
}
