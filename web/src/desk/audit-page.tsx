// One audit: its plan, the checklist with each item's result and where the desk holds evidence for it,
// the findings and their corrective actions, overdue ones marked. The assigned auditor records results
// and findings and closes the audit; the officer records findings too and follows the actions.
import './officer.css';
import './audits.css';
import { useEffect, useState } from 'preact/hooks';
import {
  ACTION_STATUS_WORDS,
  ACTION_STATUSES,
  type ActionStatus,
  AUDIT_STATE_WORDS,
  RESULT_OUTCOME_WORDS,
  RESULT_OUTCOMES,
  type ResultOutcome,
} from '../../../functions/domain/audits/audit-words';
import { EVIDENCE_WORDS } from '../../../functions/domain/audits/checklist-words';
import { type AuditReport, actionPath, auditPath, auditReportPath, type ReportedFinding } from './audits';
import { aw } from './audits-text';
import { TextField } from './incident-form';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import type { StaffApi } from './staff-api';
import { staffApi } from './staff-api';
import type { Language } from './text';

type Problem = DeskProblemDetails | 'network' | undefined;
type Item = AuditReport['items'][number];

const fieldErrors = (problem: Problem, fields: readonly string[]) =>
  problem && problem !== 'network' ? placeProblem(problem, fields).byField : ({} as Record<string, string[]>);

function ResultForm({
  api,
  auditId,
  item,
  language,
  onSaved,
}: {
  api: StaffApi;
  auditId: string;
  item: Item;
  language: Language;
  onSaved: () => void;
}) {
  const [outcome, setOutcome] = useState<ResultOutcome>(item.result?.outcome ?? 'conforms');
  const [note, setNote] = useState(item.result?.note ?? '');
  const [problem, setProblem] = useState<Problem>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.post(`${auditPath(auditId)}/results`, {
      itemId: item.id,
      outcome,
      note,
      version: item.result?.version ?? 0,
    });
    setProblem(failureOf(result));
    if (result.kind === 'ok') onSaved();
  };
  const errors = fieldErrors(problem, ['note', 'outcome', 'itemId']);
  const name = item[language];
  return (
    <form class="audit-result-form" onSubmit={(e) => void submit(e)} noValidate>
      {problem && <ProblemNotice problem={problem} language={language} />}
      <div class="field">
        <label for={`outcome-${item.id}`}>{aw('outcomeField', language, { item: name })}</label>
        <select
          id={`outcome-${item.id}`}
          value={outcome}
          onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as ResultOutcome)}
        >
          {RESULT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {RESULT_OUTCOME_WORDS[o][language]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`note-${item.id}`}
        label={aw('noteField', language, { item: name })}
        value={note}
        onInput={setNote}
        errors={errors.note}
        language={language}
        rows={2}
      />
      <button type="submit">{aw('saveResult', language, { item: name })}</button>
    </form>
  );
}

function ChecklistItemView({
  item,
  language,
  children,
}: {
  item: Item;
  language: Language;
  children?: preact.ComponentChildren;
}) {
  return (
    <li class="audit-item">
      <h3>
        {item.section} {item[language]}
      </h3>
      <p>{item.question[language]}</p>
      <p>
        {aw('evidence', language)}:{' '}
        {item.evidence.length > 0
          ? item.evidence.map((source) => EVIDENCE_WORDS[source][language]).join(language === 'ja' ? '、' : '; ')
          : aw('evidenceNone', language)}
      </p>
      <p>
        {aw('result', language)}:{' '}
        <strong>
          {item.result ? RESULT_OUTCOME_WORDS[item.result.outcome][language] : aw('unanswered', language)}
        </strong>
        {item.result?.note && (
          <>
            {' '}
            — {aw('note', language)}: {item.result.note}
          </>
        )}
      </p>
      {children}
    </li>
  );
}

function ActionForm({
  api,
  auditId,
  finding,
  language,
  onSaved,
}: {
  api: StaffApi;
  auditId: string;
  finding: ReportedFinding;
  language: Language;
  onSaved: () => void;
}) {
  const [status, setStatus] = useState<ActionStatus>(finding.action.status);
  const [dueOn, setDueOn] = useState(finding.action.dueOn);
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const id = finding.findingId;
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.put(actionPath(auditId, id), {
      version: finding.version,
      status,
      ...(dueOn !== finding.action.dueOn ? { dueOn } : {}),
      ...(status === 'done' ? { outcome } : {}),
    });
    setProblem(failureOf(result));
    if (result.kind === 'ok') onSaved();
  };
  const errors = fieldErrors(problem, ['status', 'outcome', 'dueOn', 'owner']);
  return (
    <form
      class="audit-action-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={aw('changeAction', language, { id })}
    >
      {problem && <ProblemNotice problem={problem} language={language} />}
      <div class="field">
        <label for={`status-${id}`}>{aw('statusField', language, { id })}</label>
        <select
          id={`status-${id}`}
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ActionStatus)}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_WORDS[s][language]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`due-${id}`}
        type="date"
        label={aw('dueField', language, { id })}
        value={dueOn}
        onInput={setDueOn}
        errors={errors.dueOn}
        language={language}
      />
      <TextField
        id={`done-${id}`}
        label={aw('doneField', language, { id })}
        value={outcome}
        onInput={setOutcome}
        errors={errors.outcome}
        language={language}
        rows={2}
      />
      <button type="submit">{aw('changeAction', language, { id })}</button>
    </form>
  );
}

function FindingForm({
  api,
  report,
  language,
  onSaved,
}: {
  api: StaffApi;
  report: AuditReport;
  language: Language;
  onSaved: () => void;
}) {
  const [form, setForm] = useState({
    itemId: report.items[0]?.id ?? '',
    description: '',
    action: '',
    owner: '',
    dueOn: '',
  });
  const [problem, setProblem] = useState<Problem>();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.post(`${auditPath(report.audit.auditId)}/findings`, {
      itemId: form.itemId,
      description: form.description,
      action: { description: form.action, owner: form.owner, dueOn: form.dueOn },
    });
    setProblem(failureOf(result));
    if (result.kind === 'ok') {
      setForm((f) => ({ ...f, description: '', action: '', owner: '', dueOn: '' }));
      onSaved();
    }
  };
  const errors = fieldErrors(problem, ['itemId', 'description', 'action.description', 'action.owner', 'action.dueOn']);
  return (
    <section aria-labelledby="add-finding">
      <h2 id="add-finding">{aw('addFinding', language)}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {problem && <ProblemNotice problem={problem} language={language} id="add-finding-problem" />}
        <div class="field">
          <label for="finding-item">{aw('findingItem', language)}</label>
          <select
            id="finding-item"
            value={form.itemId}
            onChange={(e) => set('itemId')((e.currentTarget as HTMLSelectElement).value)}
          >
            {report.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.section} {item[language]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="finding-description"
          label={aw('findingDescription', language)}
          value={form.description}
          onInput={set('description')}
          errors={errors.description}
          language={language}
          rows={3}
        />
        <TextField
          id="finding-action"
          label={aw('actionDescription', language)}
          value={form.action}
          onInput={set('action')}
          errors={errors['action.description']}
          language={language}
          rows={2}
        />
        <TextField
          id="finding-owner"
          label={aw('actionOwner', language)}
          hint={aw('actionOwnerHint', language)}
          value={form.owner}
          onInput={set('owner')}
          errors={errors['action.owner']}
          language={language}
        />
        <TextField
          id="finding-due"
          type="date"
          label={aw('actionDue', language)}
          value={form.dueOn}
          onInput={set('dueOn')}
          errors={errors['action.dueOn']}
          language={language}
        />
        <button type="submit">{aw('findingSubmit', language)}</button>
      </form>
    </section>
  );
}

function CloseForm({
  api,
  report,
  language,
  onSaved,
}: {
  api: StaffApi;
  report: AuditReport;
  language: Language;
  onSaved: () => void;
}) {
  const [conclusion, setConclusion] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.post(`${auditPath(report.audit.auditId)}/closure`, {
      version: report.audit.version,
      conclusion,
    });
    setProblem(failureOf(result));
    if (result.kind === 'ok') onSaved();
  };
  const errors = fieldErrors(problem, ['conclusion']);
  return (
    <section aria-labelledby="close-audit">
      <h2 id="close-audit">{aw('close', language)}</h2>
      <p>{aw('closeIntro', language)}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {problem && <ProblemNotice problem={problem} language={language} id="close-audit-problem" />}
        <TextField
          id="audit-conclusion"
          label={aw('conclusion', language)}
          value={conclusion}
          onInput={setConclusion}
          errors={errors.conclusion}
          language={language}
          rows={3}
        />
        <button type="submit">{aw('closeSubmit', language)}</button>
      </form>
    </section>
  );
}

export function FindingView({ finding, language }: { finding: ReportedFinding; language: Language }) {
  return (
    <>
      <h3>
        {aw('finding', language)} <span translate={false}>{finding.findingId}</span>
      </h3>
      <p>{finding.description}</p>
      <dl class="facts">
        <dt>{aw('action', language)}</dt>
        <dd>{finding.action.description}</dd>
        <dt>{aw('owner', language)}</dt>
        <dd translate={false}>{finding.action.owner}</dd>
        <dt>{aw('dueOn', language)}</dt>
        <dd>
          <span class="date">{finding.action.dueOn}</span>
          {finding.overdue && (
            <strong class="due-mark overdue">
              {' '}
              ({aw('overdue', language)}: {aw('daysOverdue', language, { n: finding.daysOverdue })})
            </strong>
          )}
        </dd>
        <dt>{aw('status', language)}</dt>
        <dd>{ACTION_STATUS_WORDS[finding.action.status][language]}</dd>
        {finding.action.outcome && (
          <>
            <dt>{aw('done', language)}</dt>
            <dd>
              {finding.action.outcome} ({finding.action.doneOn})
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

export function AuditPage({ session, language, auditId }: DeskPageProps & { auditId: string }) {
  const api = staffApi(session);
  const [report, setReport] = useState<AuditReport>();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const load = async (message?: string) => {
    const result = await api.get<AuditReport>(auditReportPath(auditId));
    if (result.kind === 'ok') {
      setReport(result.data);
      setProblem(undefined);
    } else setProblem(failureOf(result));
    setSaved(message);
  };
  useEffect(() => void load(), [auditId]);
  const audit = report?.audit;
  const planned = audit?.state === 'planned';
  const isAuditor = session.role === 'auditor' && audit?.auditor === session.staffId;
  return (
    <>
      <p>
        <a href={hrefOfDeskRoute({ page: 'audits' })}>{aw('back', language)}</a>
      </p>
      <h1 tabIndex={-1}>{aw('auditHeading', language, { id: auditId })}</h1>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!report && !problem && <p>{aw('loading', language)}</p>}
      {saved && (
        <p class="saved" role="status">
          {saved}
        </p>
      )}
      {report && audit && (
        <>
          <dl class="facts">
            <dt>{aw('auditTitle', language)}</dt>
            <dd>{audit.title}</dd>
            <dt>{aw('scope', language)}</dt>
            <dd>{audit.scope}</dd>
            <dt>{aw('period', language)}</dt>
            <dd>
              {audit.period.from} – {audit.period.to}
            </dd>
            <dt>{aw('plannedOn', language)}</dt>
            <dd>{audit.plannedOn}</dd>
            <dt>{aw('auditor', language)}</dt>
            <dd translate={false}>{audit.auditor}</dd>
            <dt>{aw('state', language)}</dt>
            <dd>{AUDIT_STATE_WORDS[audit.state][language]}</dd>
            {audit.conclusion && (
              <>
                <dt>{aw('conclusion', language)}</dt>
                <dd>{audit.conclusion}</dd>
              </>
            )}
          </dl>
          {audit.closedAt && <p>{aw('closedNote', language, { date: audit.closedAt.slice(0, 10) })}</p>}
          <p>
            <a href={hrefOfDeskRoute({ page: 'audit-report', auditId })}>{aw('openReport', language)}</a>
          </p>
          <section aria-labelledby="checklist">
            <h2 id="checklist">{aw('checklist', language)}</h2>
            {planned && !isAuditor && <p>{aw('notYourAudit', language, { auditor: audit.auditor })}</p>}
            <ol class="audit-checklist">
              {report.items.map((item) => (
                <ChecklistItemView key={item.id} item={item} language={language}>
                  {planned && isAuditor && (
                    <ResultForm
                      api={api}
                      auditId={auditId}
                      item={item}
                      language={language}
                      onSaved={() => void load(aw('resultSaved', language))}
                    />
                  )}
                </ChecklistItemView>
              ))}
            </ol>
          </section>
          <section aria-labelledby="findings">
            <h2 id="findings">{aw('findings', language)}</h2>
            {report.findings.length === 0 && <p>{aw('findingsNone', language)}</p>}
            <ul class="audit-findings">
              {report.findings.map((finding) => (
                <li key={finding.findingId} class={finding.overdue ? 'overdue' : undefined}>
                  <FindingView finding={finding} language={language} />
                  {session.role === 'officer' && finding.action.status !== 'done' && (
                    <ActionForm
                      api={api}
                      auditId={auditId}
                      finding={finding}
                      language={language}
                      onSaved={() => void load(aw('actionSaved', language))}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
          {planned && (isAuditor || session.role === 'officer') && (
            <FindingForm
              api={api}
              report={report}
              language={language}
              onSaved={() => void load(aw('findingSaved', language))}
            />
          )}
          {planned && isAuditor && (
            <CloseForm
              api={api}
              report={report}
              language={language}
              onSaved={() => void load(aw('closed', language))}
            />
          )}
        </>
      )}
    </>
  );
}
