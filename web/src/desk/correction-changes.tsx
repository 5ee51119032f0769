// A correction's changes chosen from the person's records (GET …/{id}/records, access-logged by the
// API): each row picks a record to correct or delete and takes the new value, or adds a record of a
// category with its purposes (APPI Art. 34). Rows keep the decision schema's shape (details.changes.N.…),
// so what is sent and where the API's errors land are as for any other detail. Record values are
// shown, never stored: the draft keeps only the ids chosen and what the staff member typed.
import type { ApiResult } from '../api';
import {
  emptyValue,
  type FormObject,
  type FormValue,
  formFieldId,
  type JsonSchema,
  switchVariant,
} from '../schema-form';
import type { Label } from '../text';
import { DETAIL_LABELS, DETAIL_OPTION_LABELS, labelOf, rt } from './request-text';
import { describedBy, FieldMessages } from './schema-fields';
import type { Language } from './text';

export interface PersonRecord {
  subjectId: string;
  recordId: string;
  category: string;
  categoryLabel: Label;
  value: string;
  source: Label;
  purposes: string[];
  acquiredAt: string;
  specialCare: boolean;
}

/** GET /v1/staff/requests/{requestId}/records */
export interface PersonRecords {
  requestId: string;
  subjectIds: string[];
  records: PersonRecord[];
  categories: Array<{ id: string; label: Label }>;
  purposes: Array<{ id: string; label: Label }>;
}

export type RecordsState = ApiResult<PersonRecords> | undefined;

const SEPARATOR = '\u0001';

function Required({ language }: { language: Language }) {
  return <span class="required">（{rt('required', language)}）</span>;
}

function Row({
  rowSchema,
  path,
  legend,
  row,
  records,
  errors,
  language,
  onChange,
  onRemove,
}: {
  rowSchema: JsonSchema;
  path: string;
  legend: string;
  row: FormObject;
  records: PersonRecords;
  errors: Record<string, string[]>;
  language: Language;
  onChange: (row: FormObject) => void;
  onRemove: () => void;
}) {
  const action = typeof row.action === 'string' ? row.action : 'correct';
  const str = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : '');
  const chosen = records.records.find((r) => r.subjectId === str('subjectId') && r.recordId === str('recordId'));
  const id = (key: string) => formFieldId(`${path}.${key}`);
  const at = (key: string) => `${path}.${key}`;
  const purposes = Array.isArray(row.purposes) ? (row.purposes as string[]) : [];
  const switchTo = (next: string) => {
    const switched = switchVariant(rowSchema, row, next);
    // One subject: an addition goes under it without asking.
    if (next === 'add' && records.subjectIds.length === 1 && !switched.subjectId)
      switched.subjectId = records.subjectIds[0]!;
    onChange(switched);
  };
  return (
    <fieldset class="field group" id={formFieldId(path)} tabIndex={-1} {...describedBy(path, errors)}>
      <legend>{legend}</legend>
      <div class="field">
        <label for={id('action')}>
          {labelOf(DETAIL_LABELS, 'action', language)}
          <Required language={language} />
        </label>
        <select
          id={id('action')}
          value={action}
          {...describedBy(at('action'), errors)}
          onChange={(e) => switchTo(e.currentTarget.value)}
        >
          {['correct', 'add', 'delete'].map((a) => (
            <option key={a} value={a}>
              {labelOf(DETAIL_OPTION_LABELS, a, language)}
            </option>
          ))}
        </select>
        <FieldMessages path={at('action')} errors={errors} language={language} />
      </div>
      {action !== 'add' ? (
        <div class="field" id={id('subjectId')} tabIndex={-1}>
          <label for={id('recordId')}>
            {rt('recordToChange', language)}
            <Required language={language} />
          </label>
          {/* The options carry the records' values: data, shown as registered in any language. */}
          <select
            id={id('recordId')}
            translate={false}
            value={chosen ? `${chosen.subjectId}${SEPARATOR}${chosen.recordId}` : ''}
            {...describedBy(at('recordId'), errors)}
            onChange={(e) => {
              const [subjectId = '', recordId = ''] = e.currentTarget.value.split(SEPARATOR);
              onChange({ ...row, subjectId, recordId });
            }}
          >
            <option value="">{rt('choose', language)}</option>
            {records.records.map((r) => (
              <option key={`${r.subjectId}/${r.recordId}`} value={`${r.subjectId}${SEPARATOR}${r.recordId}`}>
                {`${r.categoryLabel[language]}: ${r.value}`}
              </option>
            ))}
          </select>
          <FieldMessages path={at('subjectId')} errors={errors} language={language} />
          <FieldMessages path={at('recordId')} errors={errors} language={language} />
          {chosen && (
            <p class="note">
              {rt('currentValue', language)}: <span translate={false}>{chosen.value}</span>
            </p>
          )}
        </div>
      ) : (
        <>
          {records.subjectIds.length > 1 && (
            <div class="field">
              <label for={id('subjectId')}>
                {rt('addToSubject', language)}
                <Required language={language} />
              </label>
              <select
                id={id('subjectId')}
                value={str('subjectId')}
                {...describedBy(at('subjectId'), errors)}
                onChange={(e) => onChange({ ...row, subjectId: e.currentTarget.value })}
              >
                <option value="">{rt('choose', language)}</option>
                {records.subjectIds.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <FieldMessages path={at('subjectId')} errors={errors} language={language} />
            </div>
          )}
          <div class="field">
            <label for={id('category')}>
              {rt('addCategory', language)}
              <Required language={language} />
            </label>
            <select
              id={id('category')}
              value={str('category')}
              {...describedBy(at('category'), errors)}
              onChange={(e) => onChange({ ...row, category: e.currentTarget.value })}
            >
              <option value="">{rt('choose', language)}</option>
              {records.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label[language]}
                </option>
              ))}
            </select>
            <FieldMessages path={at('category')} errors={errors} language={language} />
          </div>
        </>
      )}
      {action !== 'delete' && (
        <div class="field">
          <label for={id('value')}>
            {rt(action === 'add' ? 'addedValue' : 'newValue', language)}
            <Required language={language} />
          </label>
          <input
            type="text"
            id={id('value')}
            value={str('value')}
            maxLength={2000}
            aria-required
            {...describedBy(at('value'), errors)}
            onInput={(e) => onChange({ ...row, value: e.currentTarget.value })}
          />
          <FieldMessages path={at('value')} errors={errors} language={language} />
        </div>
      )}
      {action === 'add' && (
        <fieldset class="field" id={id('purposes')} tabIndex={-1} {...describedBy(at('purposes'), errors)}>
          <legend>
            {rt('addPurposes', language)}
            <Required language={language} />
          </legend>
          {records.purposes.map((p) => (
            <label key={p.id} class="choice">
              <input
                type="checkbox"
                value={p.id}
                checked={purposes.includes(p.id)}
                onChange={(e) =>
                  onChange({
                    ...row,
                    purposes: e.currentTarget.checked ? [...purposes, p.id] : purposes.filter((x) => x !== p.id),
                  })
                }
              />
              {p.label[language]}
            </label>
          ))}
          <FieldMessages path={at('purposes')} errors={errors} language={language} />
        </fieldset>
      )}
      <button type="button" class="secondary" onClick={onRemove}>
        {rt('removeRow', language)}
        <span class="visually-hidden">{language === 'ja' ? `（${legend}）` : ` (${legend})`}</span>
      </button>
      <FieldMessages path={path} errors={errors} language={language} />
    </fieldset>
  );
}

/** The rows of `details.changes`, each chosen from the person's records. */
export function CorrectionChanges({
  changesSchema,
  value,
  records,
  errors,
  language,
  onChange,
}: {
  changesSchema: JsonSchema;
  value: FormValue | undefined;
  records: PersonRecords;
  errors: Record<string, string[]>;
  language: Language;
  onChange: (rows: FormValue[]) => void;
}) {
  const rows = (Array.isArray(value) ? value : []) as FormObject[];
  const rowSchema = changesSchema.items!;
  const label = labelOf(DETAIL_LABELS, 'changes', language);
  const path = 'details.changes';
  const canAdd = rows.length < (changesSchema.maxItems ?? Infinity);
  return (
    <fieldset class="field group" id={formFieldId(path)} tabIndex={-1} {...describedBy(path, errors)}>
      <legend>
        {label}
        <Required language={language} />
      </legend>
      <p class="note">{rt('recordsLogged', language)}</p>
      <ol class="rows">
        {rows.map((row, i) => {
          const legend = `${label}: ${rt('row', language, { n: i + 1 })}`;
          return (
            <li key={i} class="row">
              <Row
                rowSchema={rowSchema}
                path={`${path}.${i}`}
                legend={legend}
                row={row}
                records={records}
                errors={errors}
                language={language}
                onChange={(next) => onChange(rows.map((r, j) => (j === i ? next : r)))}
                onRemove={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </li>
          );
        })}
      </ol>
      {canAdd && (
        <button
          type="button"
          class="secondary"
          onClick={() => onChange([...rows, emptyValue(rowSchema) as FormObject])}
        >
          {rt('addRow', language)}
          <span class="visually-hidden">{language === 'ja' ? `（${label}）` : ` (${label})`}</span>
        </button>
      )}
      <FieldMessages path={path} errors={errors} language={language} />
    </fieldset>
  );
}
