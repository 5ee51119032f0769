// The audit register for the officer and auditors: every audit with its state, planned day and
// auditor; the officer plans a new one here, choosing the checklist items (all by default).
import './officer.css';
import './audits.css';
import { useEffect, useState } from 'preact/hooks';
import { AUDIT_STATE_WORDS } from '../../../functions/domain/audits/audit-words';
import {
  AUDIT_CHECKLIST,
  CHECKLIST_CATEGORIES,
  CHECKLIST_CATEGORY_WORDS,
} from '../../../functions/domain/audits/checklist-words';
import { AUDITS_PATH, type AuditPlan, type PlanForm, planBody } from './audits';

const CHECKLIST_ITEM_IDS = AUDIT_CHECKLIST.map((item) => item.id);

import { aw } from './audits-text';
import { FieldError, TextField } from './incident-form';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';

const PLAN_FIELDS = ['title', 'scope', 'period.from', 'period.to', 'period', 'plannedOn', 'auditor', 'items'] as const;

const emptyPlan = (): PlanForm => ({
  title: '',
  scope: '',
  from: '',
  to: '',
  plannedOn: '',
  auditor: '',
  items: [...CHECKLIST_ITEM_IDS],
});

export function AuditsPage({ session, language, go }: DeskPageProps) {
  const api = staffApi(session);
  const [audits, setAudits] = useState<AuditPlan[]>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState(emptyPlan);
  const [formProblem, setFormProblem] = useState<DeskProblemDetails | 'network'>();
  useEffect(
    () =>
      void (async () => {
        const result = await api.get<{ audits: AuditPlan[] }>(AUDITS_PATH);
        if (result.kind === 'ok') setAudits(result.data.audits);
        else setProblem(failureOf(result));
      })(),
    [],
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.post<AuditPlan>(AUDITS_PATH, planBody(form, CHECKLIST_ITEM_IDS));
    setFormProblem(failureOf(result));
    if (result.kind === 'ok') go({ page: 'audit', auditId: result.data.auditId });
  };
  const errors =
    formProblem && formProblem !== 'network'
      ? placeProblem(formProblem, PLAN_FIELDS).byField
      : ({} as Record<string, string[]>);
  const set = (key: keyof PlanForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (id: string, on: boolean) =>
    setForm((f) => ({ ...f, items: on ? [...f.items, id] : f.items.filter((i) => i !== id) }));
  return (
    <>
      <h1 tabIndex={-1}>{aw('title', language)}</h1>
      <p>{aw('intro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!audits && !problem && <p>{aw('loading', language)}</p>}
      {audits && audits.length === 0 && <p>{aw('none', language)}</p>}
      {audits && audits.length > 0 && (
        <ScrollRegion label={aw('table', language)}>
          <table class="audits">
            <thead>
              <tr>
                <th scope="col">{aw('audit', language)}</th>
                <th scope="col">{aw('auditTitle', language)}</th>
                <th scope="col">{aw('plannedOn', language)}</th>
                <th scope="col">{aw('auditor', language)}</th>
                <th scope="col">{aw('state', language)}</th>
              </tr>
            </thead>
            <tbody>
              {audits.map((a) => (
                <tr key={a.auditId}>
                  <th scope="row">
                    <a href={hrefOfDeskRoute({ page: 'audit', auditId: a.auditId })} translate={false}>
                      {a.auditId}
                    </a>
                  </th>
                  <td>{a.title}</td>
                  <td class="date">{a.plannedOn}</td>
                  <td translate={false}>{a.auditor}</td>
                  <td>{AUDIT_STATE_WORDS[a.state][language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {session.role === 'officer' && (
        <section aria-labelledby="plan-audit">
          <h2 id="plan-audit">{aw('plan', language)}</h2>
          <p>{aw('planIntro', language)}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            {formProblem && <ProblemNotice problem={formProblem} language={language} id="plan-audit-problem" />}
            <TextField
              id="audit-title"
              label={aw('titleField', language)}
              value={form.title}
              onInput={set('title')}
              errors={errors.title}
              language={language}
            />
            <TextField
              id="audit-scope"
              label={aw('scope', language)}
              hint={aw('scopeHint', language)}
              value={form.scope}
              onInput={set('scope')}
              errors={errors.scope}
              language={language}
              rows={2}
            />
            <TextField
              id="audit-from"
              type="date"
              label={aw('periodFrom', language)}
              value={form.from}
              onInput={set('from')}
              errors={errors['period.from']}
              language={language}
            />
            <TextField
              id="audit-to"
              type="date"
              label={aw('periodTo', language)}
              value={form.to}
              onInput={set('to')}
              errors={[...(errors['period.to'] ?? []), ...(errors.period ?? [])]}
              language={language}
            />
            <TextField
              id="audit-planned-on"
              type="date"
              label={aw('plannedOn', language)}
              value={form.plannedOn}
              onInput={set('plannedOn')}
              errors={errors.plannedOn}
              language={language}
            />
            <TextField
              id="audit-auditor"
              label={aw('auditorField', language)}
              value={form.auditor}
              onInput={set('auditor')}
              errors={errors.auditor}
              language={language}
            />
            <fieldset id="audit-items" class="audit-items" aria-describedby="audit-items-hint">
              <legend>{aw('items', language)}</legend>
              <p class="note" id="audit-items-hint">
                {aw('itemsHint', language)}
              </p>
              {CHECKLIST_CATEGORIES.map((category) => (
                <div key={category} class="audit-category">
                  <p class="audit-category-name">
                    {CHECKLIST_CATEGORY_WORDS[category].section} {CHECKLIST_CATEGORY_WORDS[category][language]}
                  </p>
                  {AUDIT_CHECKLIST.filter((item) => item.category === category).map((item) => (
                    <label key={item.id} class="choice">
                      <input
                        type="checkbox"
                        checked={form.items.includes(item.id)}
                        onChange={(e) => toggle(item.id, (e.currentTarget as HTMLInputElement).checked)}
                      />{' '}
                      {item.section} {item[language]}
                    </label>
                  ))}
                </div>
              ))}
              <FieldError id="audit-items" errors={errors.items} language={language} />
            </fieldset>
            <button type="submit">{aw('planSubmit', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
