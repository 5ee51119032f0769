// The request form: the type, who asks and about whom, the type's details, the purpose of use of
// what is collected (APPI Art. 21(2)) before the button, and the API's answer placed field by field.
import { useRef, useState } from 'preact/hooks';
import { api } from './api';
import { Field, fieldId } from './fields';
import { FORM_TYPES, initialValues, isFormType, placeErrors, submitBody, visibleFields, type FormType, type FormValues, type Language, type PlacedErrors } from './request-form';
import type { Route } from './routes';
import { FORM_PURPOSE, t, TYPE_LABELS } from './text';

export interface FormState {
  type: FormType;
  values: FormValues;
}

export function RequestPage({ language, form, setForm, go }: {
  language: Language;
  form: FormState;
  setForm: (next: FormState) => void;
  go: (route: Route) => void;
}) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | undefined>();
  const [networkFailed, setNetworkFailed] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const fields = visibleFields(form.type, form.values);

  const onChange = (path: string, value: string | string[]) => setForm({ ...form, values: { ...form.values, [path]: value } });

  const submit = async (event: Event) => {
    event.preventDefault();
    // One submission at a time: a second click while the first is in flight sends nothing.
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    const result = await api.submitRequest(submitBody(form.type, form.values, language));
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      setForm({ type: form.type, values: initialValues(form.type) });
      go({ page: 'verify', requestId: result.data.requestId });
      return;
    }
    if (result.kind === 'network') {
      setNetworkFailed(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const placed = placeErrors(result.problem, fields);
    setErrors(placed);
    const first = fields.find((f) => placed.byField[f.path]);
    requestAnimationFrame(() => (first && !placed.general.length ? document.getElementById(fieldId(first.path))?.focus() : summary.current?.focus()));
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('formTitle', language)}</h1>
      <form onSubmit={submit} noValidate>
        <div ref={summary} tabIndex={-1} role="alert" class={networkFailed || errors ? 'summary' : undefined}>
          {networkFailed && <p>{t('networkError', language)}</p>}
          {errors && (
            <>
              <p>{t('fixBelow', language)}</p>
              {errors.general.length > 0 && <ul>{errors.general.map((m) => <li key={m}>{m}</li>)}</ul>}
            </>
          )}
        </div>
        <div class="field">
          <label for="field-type">{t('requestType', language)}</label>
          <select id="field-type" value={form.type} onChange={(e) => {
            const type = (e.currentTarget as HTMLSelectElement).value;
            if (isFormType(type)) setForm({ type, values: initialValues(type, form.values) });
            setErrors(undefined);
          }}>
            {FORM_TYPES.map((type) => <option key={type} value={type}>{TYPE_LABELS[type][language]}</option>)}
          </select>
        </div>
        {fields.map((spec) => (
          <Field key={spec.path} spec={spec} values={form.values} errors={errors?.byField[spec.path]} language={language} onChange={onChange} />
        ))}
        <section class="purpose" aria-labelledby="purpose-heading">
          <h2 id="purpose-heading">{t('purposeHeading', language)}</h2>
          <p>{FORM_PURPOSE[language]}</p>
        </section>
        <button type="submit" aria-disabled={sending}>{sending ? t('sending', language) : t('submit', language)}</button>
      </form>
    </>
  );
}
