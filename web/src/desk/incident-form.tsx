// The facts of an incident as a form: opening a draft asks for what is known at once (the kinds, when
// and how the company became aware, what happened, the facts reportability turns on); the officer's
// change asks for all of it, with the reason kept with the new version. A refused field says so next
// to itself, by the field the API named.
import type { ComponentChildren } from 'preact';
import type { IncidentKind } from '../../../functions/domain/incidents/incident';
import { INCIDENT_FACTOR_WORDS, INCIDENT_KIND_WORDS } from '../../../functions/domain/incidents/incident-words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import type { FactsForm } from './incidents';
import { type IncidentsTextKey, iw } from './incidents-text';
import { fieldMessages } from './officer';
import type { Language } from './text';

type Factor = keyof typeof INCIDENT_FACTOR_WORDS;
type Kind = IncidentKind;
const FACTORS = Object.keys(INCIDENT_FACTOR_WORDS) as Factor[];
const KINDS = Object.keys(INCIDENT_KIND_WORDS) as Kind[];

/** The fields a problem may name, as the API names them (persons.estimated is under persons). */
export const FACTS_FIELDS = [
  'kinds',
  'awareAt',
  'awareHow',
  'occurredAt',
  'summary',
  'categories',
  'dataItems',
  'persons',
  'factors',
  'cause',
  'secondaryDamage',
  'measuresTaken',
  'publication',
  'recurrencePrevention',
  'other',
  'reason',
] as const;

export function FieldError({ id, errors, language }: { id: string; errors?: string[]; language: Language }) {
  return errors?.length ? (
    <p class="field-error" id={`${id}-error`}>
      {fieldMessages(errors, language)}
    </p>
  ) : null;
}

export function TextField({
  id,
  label,
  value,
  onInput,
  errors,
  language,
  hint,
  type = 'text',
  rows,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors?: string[];
  language: Language;
  hint?: string;
  type?: 'text' | 'datetime-local' | 'number' | 'date';
  rows?: number;
}) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attributes = {
    id,
    value,
    autocomplete: 'off',
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': described || undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  } as const;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {rows ? (
        <textarea rows={rows} {...attributes} />
      ) : (
        <input type={type as 'text'} inputMode={type === 'number' ? 'numeric' : undefined} {...attributes} />
      )}
      <FieldError id={id} errors={errors} language={language} />
    </div>
  );
}

function Group({
  id,
  legend,
  errors,
  language,
  children,
}: {
  id: string;
  legend: string;
  errors?: string[];
  language: Language;
  children: ComponentChildren;
}) {
  return (
    <fieldset id={id} class="incident-choices" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      <FieldError id={id} errors={errors} language={language} />
    </fieldset>
  );
}

export function FactsFields({
  form,
  setForm,
  language,
  mode,
  errors,
}: {
  form: FactsForm;
  setForm: (form: FactsForm) => void;
  language: Language;
  /** A draft asks for what is known at once; a change for everything and its reason. */
  mode: 'draft' | 'change';
  errors: Record<string, string[]>;
}) {
  const p = `incident-${mode}`;
  const set = <K extends keyof FactsForm>(key: K, value: FactsForm[K]) => setForm({ ...form, [key]: value });
  const text = (key: keyof FactsForm & IncidentsTextKey, rows?: number, hint?: string) => (
    <TextField
      id={`${p}-${key}`}
      label={iw(key, language)}
      value={form[key] as string}
      onInput={(v) => set(key, v as never)}
      errors={errors[key]}
      language={language}
      {...(rows ? { rows } : {})}
      {...(hint ? { hint } : {})}
    />
  );
  return (
    <>
      <Group id={`${p}-kinds`} legend={iw('kinds', language)} errors={errors.kinds} language={language}>
        {KINDS.map((k) => (
          <label key={k} class="choice">
            <input
              type="checkbox"
              checked={form.kinds.includes(k)}
              onChange={(e) =>
                set(
                  'kinds',
                  (e.currentTarget as HTMLInputElement).checked
                    ? KINDS.filter((x) => x === k || form.kinds.includes(x))
                    : form.kinds.filter((x) => x !== k),
                )
              }
            />{' '}
            {INCIDENT_KIND_WORDS[k][language]}
          </label>
        ))}
      </Group>
      <div class="field-row">
        <TextField
          id={`${p}-awareAt`}
          type="datetime-local"
          label={iw('awareAtField', language)}
          value={form.awareAt}
          onInput={(v) => set('awareAt', v)}
          errors={errors.awareAt}
          language={language}
        />
        {mode === 'change' && (
          <TextField
            id={`${p}-occurredAt`}
            type="datetime-local"
            label={iw('occurredAt', language)}
            value={form.occurredAt}
            onInput={(v) => set('occurredAt', v)}
            errors={errors.occurredAt}
            language={language}
          />
        )}
      </div>
      {text('awareHow', undefined, iw('awareHowHint', language))}
      <TextField
        id={`${p}-summary`}
        label={iw('summaryField', language)}
        value={form.summary}
        onInput={(v) => set('summary', v)}
        errors={errors.summary}
        language={language}
        rows={3}
      />
      <Group id={`${p}-persons`} legend={iw('persons', language)} errors={errors.persons} language={language}>
        <div class="field-row">
          {text('estimated')}
          {mode === 'change' && text('confirmed')}
        </div>
      </Group>
      <Group id={`${p}-factors`} legend={iw('factors', language)} errors={errors.factors} language={language}>
        {FACTORS.map((f) => (
          <label key={f} class="choice factor">
            <input
              type="checkbox"
              checked={form.factors[f] === true}
              onChange={(e) => set('factors', { ...form.factors, [f]: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {INCIDENT_FACTOR_WORDS[f][language]}
          </label>
        ))}
      </Group>
      {mode === 'change' && (
        <>
          <Group
            id={`${p}-categories`}
            legend={iw('categories', language)}
            errors={errors.categories}
            language={language}
          >
            {PERSONAL_DATA_CATEGORIES.map((c) => (
              <label key={c.id} class="choice">
                <input
                  type="checkbox"
                  checked={form.categories.includes(c.id)}
                  onChange={(e) =>
                    set(
                      'categories',
                      (e.currentTarget as HTMLInputElement).checked
                        ? [...form.categories, c.id]
                        : form.categories.filter((x) => x !== c.id),
                    )
                  }
                />{' '}
                {c[language]}
              </label>
            ))}
          </Group>
          {text('dataItems', 3)}
          {text('cause', 3)}
          {text('secondaryDamage', 2)}
          {text('measuresTaken', 2)}
          {text('publication', 2)}
          {text('recurrencePrevention', 2)}
          {text('other', 2)}
          <TextField
            id={`${p}-reason`}
            label={iw('changeReason', language)}
            value={form.reason}
            onInput={(v) => set('reason', v)}
            errors={errors.reason}
            language={language}
          />
        </>
      )}
    </>
  );
}
