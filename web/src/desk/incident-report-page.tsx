// A report to the PPC about an incident (APPI Art. 26(1); Enforcement Rules Art. 8): the preliminary
// (速報) or the final report (確報) the desk generates from the incident's current version, with the
// items of Art. 8(1) in the Rules' order, in Japanese as the PPC takes it, for the officer to read,
// copy into the PPC's form and print. Printing hides the console around it. It carries counts of
// persons, never who they are.
import './officer.css';
import './print.css';
import './incidents.css';
import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod';
import { REPORT_KIND_WORDS, REPORT_LINE_WORDS, REPORT_TITLE } from '../../../functions/domain/incidents/report-words';
import {
  REPORTABILITY_RULE_WORDS,
  type ReportabilityRuleId,
} from '../../../functions/domain/incidents/reportability-words';
import type { incidentReportResponse } from '../../../functions/http/contract/incident-reports';
import type { ApiResult } from '../api';
import { incidentPath } from './incidents';
import { type IncidentsTextKey, iw } from './incidents-text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';

type PpcReport = z.output<typeof incidentReportResponse>;
type ReportKind = 'preliminary' | 'final';

/** The incident's fields a report item is stated in, by the names the incident page gives them. */
const FIELD_WORDS: Record<string, IncidentsTextKey> = {
  summary: 'summary',
  categories: 'categories',
  dataItems: 'dataItemsShown',
  persons: 'persons',
  cause: 'cause',
  secondaryDamage: 'secondaryDamage',
  measuresTaken: 'measuresTaken',
  publication: 'publication',
  recurrencePrevention: 'recurrencePrevention',
  other: 'other',
};

/** A report the law does not ask for, or a final report with items left empty, said in the page's words. */
function refusalOf(problem: DeskProblemDetails): { key: IncidentsTextKey; fields: string[] } | undefined {
  if (problem.status !== 422 || !problem.errors?.length) return undefined;
  const fields = problem.errors.map((e) => e.field.replace(/^(body|params|query)\./, ''));
  if (fields.includes('reportability')) return { key: 'reportNotReportable', fields: [] };
  return { key: 'reportIncomplete', fields };
}

const line = (label: { ja: string }, value: string | number) => `${label.ja}：${value}`;
const time = (iso: string) => `${japanTime(iso, 'ja')}（${REPORT_LINE_WORDS.japanTime.ja}）`;

/** The report itself, in Japanese whatever the console's language (lang="ja"), as it is printed. */
function Paper({ report, label }: { report: PpcReport; label: string }) {
  const rules = report.reportability.rulesMet.map((f) =>
    f.rule in REPORTABILITY_RULE_WORDS
      ? `${REPORTABILITY_RULE_WORDS[f.rule as ReportabilityRuleId].source.ja}（${REPORTABILITY_RULE_WORDS[f.rule as ReportabilityRuleId].label.ja}）`
      : f.rule,
  );
  return (
    <article class="dossier-paper report-paper" lang="ja" aria-label={label}>
      <h2>{report.title}</h2>
      <p class="dossier-line">{line(REPORT_LINE_WORDS.business, report.business.name)}</p>
      <p class="dossier-line">{line(REPORT_LINE_WORDS.businessAddress, report.business.address)}</p>
      <p class="dossier-line">{line(REPORT_LINE_WORDS.representative, report.business.representative)}</p>
      <p class="dossier-line">
        {REPORT_LINE_WORDS.incident.ja}：<span translate={false}>{report.incidentId}</span>（
        {line(REPORT_LINE_WORDS.version, report.version)}）
      </p>
      {report.submission && (
        <p class="dossier-line">
          {line(REPORT_LINE_WORDS.submittedAt, time(report.submission.submittedAt))}、
          {REPORT_LINE_WORDS.receiptReference.ja}：<span translate={false}>{report.submission.receiptReference}</span>
        </p>
      )}
      <section>
        <h3>{REPORT_LINE_WORDS.rulesMet.ja}</h3>
        {rules.length > 0 ? (
          <ul>
            {rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
        {report.reportability.override && (
          <p>
            {REPORT_LINE_WORDS.override.ja}：<span translate={false}>{report.reportability.override.reason}</span>
          </p>
        )}
      </section>
      {report.items.map((item) => (
        <section key={item.key} class={`report-item ${item.state}`}>
          <h3>
            （{item.number}）{item.heading}
          </h3>
          {item.text.split('\n').map((text, n) => (
            <p key={n} class="dossier-line">
              <span translate={item.state === 'stated' ? false : undefined}>{text}</span>
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}

export function IncidentReportPage({
  session,
  language,
  incidentId,
  report: kind,
}: DeskPageProps & { incidentId: string; report: ReportKind }) {
  const [result, setResult] = useState<ApiResult<PpcReport>>();
  const load = () => {
    setResult(undefined);
    void staffApi(session)
      .get<PpcReport>(`${incidentPath(incidentId)}/reports/${kind}`)
      .then(setResult);
  };
  useEffect(load, [session, incidentId, kind]);
  const failure = result && failureOf(result);
  const report = result?.kind === 'ok' ? result.data : undefined;
  const refusal = failure && failure !== 'network' ? refusalOf(failure) : undefined;
  return (
    <div class="print-view">
      <div class="screen-only">
        <h1 tabIndex={-1}>
          {iw('reportTitle', language, { report: REPORT_KIND_WORDS[kind][language], id: incidentId })}
        </h1>
        <p>
          <a href={hrefOfDeskRoute({ page: 'incident', incidentId })}>{iw('backToIncident', language)}</a>
        </p>
        {!result && <p role="status">{iw('loading', language)}</p>}
        {failure && (
          <>
            {refusal ? (
              <div class="summary" role="alert">
                <p>{iw(refusal.key, language)}</p>
                {refusal.fields.length > 0 && (
                  <ul>
                    {refusal.fields.map((f) => (
                      <li key={f}>{f in FIELD_WORDS ? iw(FIELD_WORDS[f]!, language) : f}</li>
                    ))}
                  </ul>
                )}
              </div>
            ) : (
              <ProblemNotice problem={failure} language={language} />
            )}
            <button type="button" onClick={load}>
              {iw('reload', language)}
            </button>
          </>
        )}
        {report && (
          <>
            {language === 'en' && <p>{iw('paperJapanese', language)}</p>}
            <p>{iw('printHint', language)}</p>
            <p>
              <button type="button" onClick={() => window.print()}>
                {iw('print', language)}
              </button>
            </p>
          </>
        )}
      </div>
      {report && <Paper report={report} label={`${REPORT_TITLE[language]}: ${iw('paper', language)}`} />}
    </div>
  );
}
