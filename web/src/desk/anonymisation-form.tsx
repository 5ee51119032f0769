// The officer's form for a new dataset definition: its name and title, the purposes it serves, for each
// registry item the measure it takes (only the measures the item allows, Enforcement Rules Art. 34)
// and, for a generalised one, its hierarchy; the privacy model; the reason for special care-required
// items; who else may read the rows. A refused field says so next to itself.
import type { ComponentChildren } from 'preact';
import { ATTRIBUTE_TREATMENTS, HIERARCHY_KINDS } from '../../../functions/domain/anonymisation/words';
import type { PersonalDataCategory } from '../../../functions/domain/personal-data/category-words';
import { STAFF_ROLES } from '../../../functions/domain/staff-words';
import {
  type AttributeForm,
  allowedTreatments,
  type DefinitionForm,
  emptyAttribute,
  FIXED_KINDS,
  type FormField,
  fieldWords,
  hierarchyKinds,
  usesSpecialCare,
} from './anonymisation';
import { nw } from './anonymisation-text';
import { FieldError, TextField } from './incident-form';
import type { Language } from './text';
import { ROLE_LABELS } from './text';

export interface Purpose {
  purposeId: string;
  ja: string;
  en: string;
}

function Group({
  id,
  legend,
  hint,
  errors,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  errors?: string[];
  children: ComponentChildren;
}) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={id} class="field anon-group" tabIndex={-1} aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {errors?.length ? (
        <p class="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

function Attribute({
  category,
  form,
  set,
  errors,
  language,
}: {
  category: PersonalDataCategory;
  form: AttributeForm;
  set: (next: AttributeForm) => void;
  errors: (field: FormField) => string[] | undefined;
  language: Language;
}) {
  const id = `anon-${category.id}`;
  const item = category[language];
  const treatmentErrors = [...(errors(`${category.id}:category`) ?? []), ...(errors(`${category.id}:treatment`) ?? [])];
  const hierarchyErrors = errors(`${category.id}:hierarchy`);
  const sensitiveErrors = errors(`${category.id}:sensitive`);
  const kinds = hierarchyKinds(category.id);
  const treatments = allowedTreatments(category.id);
  const field = (key: keyof AttributeForm, label: string, hint?: string, rows?: number) => (
    <TextField
      id={`${id}-${key}`}
      label={label}
      value={form[key] as string}
      onInput={(v) => set({ ...form, [key]: v })}
      errors={hierarchyErrors}
      language={language}
      {...(hint ? { hint } : {})}
      {...(rows ? { rows } : {})}
    />
  );
  return (
    <div class={`anon-attribute${form.treatment ? ' chosen' : ''}`}>
      <div class="field">
        <label for={`${id}-treatment`}>
          {nw('treatment', language, { item })}
          {category.kind === 'special-care' && <span class="required"> ({nw('specialCareMark', language)})</span>}
        </label>
        <select
          id={`${id}-treatment`}
          value={form.treatment}
          aria-invalid={treatmentErrors.length ? true : undefined}
          aria-describedby={treatmentErrors.length ? `${id}-treatment-error` : undefined}
          onChange={(e) => set({ ...form, treatment: (e.currentTarget as HTMLSelectElement).value as never })}
        >
          <option value="">{nw('notIncluded', language)}</option>
          {treatments.map((tr) => (
            <option key={tr} value={tr}>
              {ATTRIBUTE_TREATMENTS[tr][language]}
            </option>
          ))}
        </select>
        {treatmentErrors.length > 0 && (
          <p class="field-error" id={`${id}-treatment-error`}>
            {treatmentErrors.join(' ')}
          </p>
        )}
      </div>
      {form.treatment === 'generalise' && (
        <div class="anon-hierarchy">
          {kinds.length > 1 && (
            <div class="field">
              <label for={`${id}-kind`}>{nw('hierarchyKind', language, { item })}</label>
              <select
                id={`${id}-kind`}
                value={form.kind}
                onChange={(e) => set({ ...form, kind: (e.currentTarget as HTMLSelectElement).value as never })}
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {HIERARCHY_KINDS[k][language]}
                  </option>
                ))}
              </select>
            </div>
          )}
          {FIXED_KINDS.includes(form.kind) && (
            <>
              <p class="note">
                {nw('fixedHierarchy', language, {
                  levels: (HIERARCHY_KINDS[form.kind].levels[language] as readonly string[]).join(' → '),
                })}
              </p>
              <FieldError id={`${id}-kind`} errors={hierarchyErrors} language={language} />
            </>
          )}
          {form.kind === 'age' && (
            <div class="field-row">
              {field('bands', nw('bands', language, { item }), nw('bandsHint', language))}
              {field('topCodeAt', nw('topCodeAt', language, { item }))}
            </div>
          )}
          {form.kind === 'interval' && (
            <>
              {field('widths', nw('widths', language, { item }), nw('widthsHint', language))}
              <div class="field-row">
                {field('bottomCodeAt', nw('bottomCodeAt', language, { item }))}
                {field('intervalTopCodeAt', nw('intervalTopCodeAt', language, { item }))}
              </div>
            </>
          )}
          {form.kind === 'table' &&
            field('table', nw('tableLevels', language, { item }), nw('tableLevelsHint', language), 4)}
        </div>
      )}
      {form.treatment === 'keep' && (
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              id={`${id}-sensitive`}
              checked={form.sensitive}
              aria-invalid={sensitiveErrors ? true : undefined}
              aria-describedby={sensitiveErrors ? `${id}-sensitive-error` : undefined}
              onChange={(e) => set({ ...form, sensitive: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {nw('sensitive', language, { item })}
          </label>
          {sensitiveErrors && (
            <p class="field-error" id={`${id}-sensitive-error`}>
              {sensitiveErrors.join(' ')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export function DefinitionFields({
  form,
  setForm,
  categories,
  purposes,
  byField,
  language,
}: {
  form: DefinitionForm;
  setForm: (form: DefinitionForm) => void;
  categories: readonly PersonalDataCategory[];
  purposes: Purpose[] | undefined;
  byField: Partial<Record<FormField, string[]>>;
  language: Language;
}) {
  const errors = (field: FormField) => fieldWords(field, byField[field], language);
  const set = <K extends keyof DefinitionForm>(key: K, value: DefinitionForm[K]) => setForm({ ...form, [key]: value });
  const text = (
    key: 'definitionId' | 'titleJa' | 'titleEn' | 'k' | 'l' | 'maxSuppressionPercent',
    label: string,
    field: FormField,
    hint?: string,
  ) => (
    <TextField
      id={`anon-${key}`}
      label={label}
      value={form[key]}
      onInput={(v) => set(key, v)}
      errors={errors(field)}
      language={language}
      {...(hint ? { hint } : {})}
      {...(key === 'k' || key === 'l' || key === 'maxSuppressionPercent' ? { type: 'number' as const } : {})}
    />
  );
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  return (
    <>
      {text('definitionId', nw('definitionId', language), 'definitionId', nw('definitionIdHint', language))}
      <div class="field-row">
        {text('titleJa', nw('titleJa', language), 'title', nw('titleHint', language))}
        {text('titleEn', nw('titleEn', language), 'title', nw('titleHint', language))}
      </div>
      <Group
        id="anon-purposes"
        legend={nw('purposes', language)}
        hint={nw('purposesHint', language)}
        errors={errors('purposes')}
      >
        {!purposes && <p>{nw('purposesLoading', language)}</p>}
        {purposes?.map((p) => (
          <label key={p.purposeId} class="choice">
            <input
              type="checkbox"
              checked={form.purposes.includes(p.purposeId)}
              onChange={(e) =>
                set('purposes', toggle(form.purposes, p.purposeId, (e.currentTarget as HTMLInputElement).checked))
              }
            />{' '}
            {p[language]}
          </label>
        ))}
      </Group>
      <Group
        id="anon-attributes"
        legend={nw('attributes', language)}
        hint={nw('attributesHint', language)}
        errors={errors('attributes')}
      >
        <div class="anon-attributes">
          {categories.map((c) => (
            <Attribute
              key={c.id}
              category={c}
              form={form.attributes[c.id] ?? emptyAttribute(c.id)}
              set={(next) => set('attributes', { ...form.attributes, [c.id]: next })}
              errors={errors}
              language={language}
            />
          ))}
        </div>
      </Group>
      {usesSpecialCare(form, categories) && (
        <TextField
          id="anon-specialCareReason"
          label={nw('specialCareReason', language)}
          hint={nw('specialCareReasonHint', language)}
          value={form.specialCareReason}
          onInput={(v) => set('specialCareReason', v)}
          errors={errors('specialCareReason')}
          language={language}
          rows={2}
        />
      )}
      <Group id="anon-model" legend={nw('model', language)} hint={nw('modelHint', language)}>
        <div class="field-row">
          {text('k', nw('k', language), 'k')}
          {text('l', nw('l', language), 'l')}
          {text('maxSuppressionPercent', nw('maxSuppression', language), 'maxSuppression')}
        </div>
      </Group>
      <Group
        id="anon-readers"
        legend={nw('readers', language)}
        hint={nw('readersHint', language)}
        errors={errors('readers')}
      >
        {STAFF_ROLES.filter((r) => r !== 'officer').map((role) => (
          <label key={role} class="choice">
            <input
              type="checkbox"
              checked={form.readers.includes(role)}
              onChange={(e) =>
                set('readers', toggle(form.readers, role, (e.currentTarget as HTMLInputElement).checked))
              }
            />{' '}
            {ROLE_LABELS[role][language]}
          </label>
        ))}
      </Group>
    </>
  );
}
