// The incident register (APPI Art. 26) for operators, the officer and auditors: every leak, loss or
// damage of personal data with its state, kinds, when the company became aware, whether it is
// reportable, and the next report to the PPC with its due date, marked when overdue. Operators and
// the officer open a draft here; the officer takes it on from the incident's page.
import './officer.css';
import './incidents.css';
import { useEffect, useState } from 'preact/hooks';
import { INCIDENT_KIND_WORDS, INCIDENT_STATE_WORDS } from '../../../functions/domain/incidents/incident-words';
import { REPORT_KIND_WORDS } from '../../../functions/domain/incidents/report-words';
import { AlertsSection } from './alerts-section';
import { FACTS_FIELDS, FactsFields } from './incident-form';
import {
  actsAsReportable,
  emptyFactsForm,
  factsBody,
  INCIDENTS_PATH,
  type IncidentView,
  nextReport,
} from './incidents';
import { iw } from './incidents-text';
import { japanTime } from './japan-time';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import type { Language } from './text';

const list = (items: string[], language: Language) => items.join(language === 'ja' ? '、' : ', ');

export function Reportable({ incident, language }: { incident: IncidentView; language: Language }) {
  return (
    <>
      {iw(actsAsReportable(incident) ? 'yes' : 'no', language)}
      {incident.reportability.override && <> {iw('overridden', language)}</>}
    </>
  );
}

function NextDue({ incident, language, now }: { incident: IncidentView; language: Language; now: Date }) {
  const next = nextReport(incident, now);
  if (!next)
    return (
      <>
        {actsAsReportable(incident) && incident.reports.preliminary && incident.reports.final
          ? iw('allReported', language)
          : iw('noReportDue', language)}
      </>
    );
  return (
    <>
      {REPORT_KIND_WORDS[next.kind][language]}: <span class="date">{japanTime(next.dueAt, language)}</span>
      {next.overdue && <strong class="due-mark overdue"> ({iw('overdue', language)})</strong>}
    </>
  );
}

export function IncidentsPage({ session, language, go }: DeskPageProps) {
  const api = staffApi(session);
  const [incidents, setIncidents] = useState<IncidentView[]>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState(emptyFactsForm);
  const [formProblem, setFormProblem] = useState<DeskProblemDetails | 'network'>();
  const now = new Date();
  const load = async () => {
    const result = await api.get<{ items: IncidentView[] }>(INCIDENTS_PATH);
    if (result.kind === 'ok') setIncidents(result.data.items);
    else setProblem(failureOf(result));
  };
  useEffect(() => void load(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await api.post<IncidentView>(INCIDENTS_PATH, factsBody(form));
    setFormProblem(failureOf(result));
    if (result.kind === 'ok') go({ page: 'incident', incidentId: result.data.incidentId });
  };
  const errors =
    formProblem && formProblem !== 'network'
      ? placeProblem(formProblem, FACTS_FIELDS).byField
      : ({} as Record<string, string[]>);
  return (
    <>
      <h1 tabIndex={-1}>{iw('title', language)}</h1>
      <p>{iw('intro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!incidents && !problem && <p>{iw('loading', language)}</p>}
      {incidents && incidents.length === 0 && <p>{iw('none', language)}</p>}
      {incidents && incidents.length > 0 && (
        <ScrollRegion label={iw('table', language)}>
          <table class="incidents">
            <thead>
              <tr>
                <th scope="col">{iw('incident', language)}</th>
                <th scope="col">{iw('nextDue', language)}</th>
                <th scope="col">{iw('reportable', language)}</th>
                <th scope="col">{iw('state', language)}</th>
                <th scope="col">{iw('kinds', language)}</th>
                <th scope="col">{iw('awareAt', language)}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.incidentId} class={nextReport(i, now)?.overdue ? 'overdue' : undefined}>
                  <th scope="row">
                    <a href={hrefOfDeskRoute({ page: 'incident', incidentId: i.incidentId })} translate={false}>
                      {i.incidentId}
                    </a>
                  </th>
                  <td>
                    <NextDue incident={i} language={language} now={now} />
                  </td>
                  <td>
                    <Reportable incident={i} language={language} />
                  </td>
                  <td>{INCIDENT_STATE_WORDS[i.state][language]}</td>
                  <td>
                    {list(
                      i.kinds.map((k) => INCIDENT_KIND_WORDS[k][language]),
                      language,
                    )}
                  </td>
                  <td class="date">{japanTime(i.awareAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {session.role === 'officer' && <AlertsSection session={session} language={language} go={go} />}
      {session.role !== 'auditor' && (
        <section aria-labelledby="open-incident">
          <h2 id="open-incident">{iw('openDraft', language)}</h2>
          <p>{iw('openDraftIntro', language)}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            {formProblem && <ProblemNotice problem={formProblem} language={language} id="open-incident-problem" />}
            <FactsFields form={form} setForm={setForm} language={language} mode="draft" errors={errors} />
            <button type="submit">{iw('open', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
