// The request form: the type, who asks and about whom, the type's details, the purpose of use of
// what is collected (APPI Art. 21(2)) before the button, and the API's answer placed field by field.
import { useRef, useState } from 'preact/hooks';
import { api, pendingRequests } from './api';
import { Field, fieldId } from './fields';
import { tj } from './journey-text';
import { placeProblem, problemMessage, type Refusal } from './problem-text';
import {
  addItem,
  type FieldSpec,
  type FormType,
  type FormValues,
  type ItemListSpec,
  itemCount,
  type Language,
  type PlacedErrors,
  removeItem,
} from './request-form';
import { REQUEST_FORMS } from './request-forms';
import type { Route } from './routes';
import { FORM_PURPOSE, TYPE_LABELS, t } from './text';

export interface FormState {
  type: FormType;
  values: FormValues;
}

export function RequestPage({
  language,
  form,
  setForm,
  go,
}: {
  language: Language;
  form: FormState;
  setForm: (next: FormState) => void;
  go: (route: Route) => void;
}) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | undefined>();
  const [networkFailed, setNetworkFailed] = useState(false);
  /** A refusal that names no field: a wait, a body too large, the desk down. */
  const [refused, setRefused] = useState<Refusal>();
  const summary = useRef<HTMLDivElement>(null);
  const fields = REQUEST_FORMS.visibleFields(form.type, form.values);
  const parts = REQUEST_FORMS.formParts(form.type, form.values);

  const onChange = (path: string, value: string | string[]) =>
    setForm({ ...form, values: { ...form.values, [path]: value } });

  const submit = async (event: Event) => {
    event.preventDefault();
    // One submission at a time: a second click while the first is in flight sends nothing.
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    setRefused(undefined);
    const result = await api.submitRequest(REQUEST_FORMS.submitBody(form.type, form.values, language));
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      // The form stays as typed (Back from the code step shows it); the code step clears it once confirmed.
      const { requestId, codeSentTo, resendAvailableAt } = result.data;
      pendingRequests.set(requestId, { type: form.type, codeSentTo, resendAvailableAt });
      go({ page: 'verify', requestId });
      return;
    }
    if (result.kind === 'network') {
      setNetworkFailed(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    if (!result.problem.errors?.length) {
      setErrors(undefined);
      setRefused(result);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const placed = placeProblem(result, fields, language, 'request-form');
    setErrors(placed);
    const first = fields.find((f) => placed.byField[f.path]);
    requestAnimationFrame(() =>
      first && !placed.general.length
        ? document.getElementById(fieldId(first.path))?.focus()
        : summary.current?.focus(),
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('formTitle', language)}</h1>
      <form onSubmit={submit} noValidate>
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          class={networkFailed || refused || errors ? 'summary' : undefined}
        >
          {networkFailed && <p>{t('networkError', language)}</p>}
          {refused && <p>{problemMessage(refused, language, 'request-form')}</p>}
          {errors && (
            <>
              <p>{t('fixBelow', language)}</p>
              {errors.general.length > 0 && (
                <ul>
                  {errors.general.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <div class="field">
          <label for="field-type">{tj('typeLabel', language)}</label>
          <select
            id="field-type"
            value={form.type}
            onChange={(e) => {
              const type = (e.currentTarget as HTMLSelectElement).value;
              if (REQUEST_FORMS.isType(type)) setForm({ type, values: REQUEST_FORMS.initialValues(type, form.values) });
              setErrors(undefined);
            }}
          >
            {REQUEST_FORMS.types.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]?.[language] ?? type}
              </option>
            ))}
          </select>
        </div>
        {parts.map((part) =>
          part.kind === 'field' ? (
            <Field
              key={part.spec.path}
              spec={part.spec}
              values={form.values}
              errors={errors?.byField[part.spec.path]}
              language={language}
              onChange={onChange}
            />
          ) : (
            <ItemList
              key={part.list.path}
              list={part.list}
              items={part.items}
              values={form.values}
              errors={errors}
              language={language}
              onChange={onChange}
              setValues={(values) => setForm({ ...form, values })}
            />
          ),
        )}
        <section class="purpose" aria-labelledby="purpose-heading">
          <h2 id="purpose-heading">{t('purposeHeading', language)}</h2>
          <p>{FORM_PURPOSE[language]}</p>
        </section>
        <button type="submit" aria-disabled={sending}>
          {sending ? t('sending', language) : t('submit', language)}
        </button>
      </form>
    </>
  );
}

/**
 * A list the person grows and shrinks (a correction's items): each item a group named by its number,
 * with a button to remove it; the API's errors for an item's field ("details.items.1.content") show
 * next to that field. Focus follows: to a new item's first field, or to the add button after a removal.
 */
function ItemList({
  list,
  items,
  values,
  errors,
  language,
  onChange,
  setValues,
}: {
  list: ItemListSpec;
  items: FieldSpec[][];
  values: FormValues;
  errors: PlacedErrors | undefined;
  language: Language;
  onChange: (path: string, value: string | string[]) => void;
  setValues: (values: FormValues) => void;
}) {
  const count = itemCount(list, values);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const addId = `${fieldId(list.path)}-add`;
  return (
    <>
      {items.map((fields, index) => (
        <fieldset key={index} class="item" id={`${fieldId(list.path)}-${index}`}>
          <legend>
            {t('correctionItem', language)} {index + 1}
          </legend>
          {fields.map((spec) => (
            <Field
              key={spec.path}
              spec={spec}
              values={values}
              errors={errors?.byField[spec.path]}
              language={language}
              onChange={onChange}
            />
          ))}
          {count > list.min && (
            <button
              type="button"
              class="secondary"
              aria-label={`${t('removeItem', language)} (${t('correctionItem', language)} ${index + 1})`}
              onClick={() => {
                setValues(removeItem(list, values, index));
                focusLater(addId);
              }}
            >
              {t('removeItem', language)}
            </button>
          )}
        </fieldset>
      ))}
      {count < list.max ? (
        <p>
          <button
            type="button"
            class="secondary"
            id={addId}
            onClick={() => {
              setValues(addItem(list, values));
              focusLater(fieldId(`${list.path}.${count}.${list.fields[0]!.path}`));
            }}
          >
            {t('addItem', language)}
          </button>
        </p>
      ) : (
        <p class="note" id={addId} tabIndex={-1}>
          {t('itemLimit', language)}
        </p>
      )}
    </>
  );
}
