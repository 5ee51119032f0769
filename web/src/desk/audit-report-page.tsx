// The audit report, to read and print: the plan, the checklist as audited with each item's result and
// the guideline section it comes from, the findings and where their corrective actions stand, overdue
// ones marked. Printing hides the console around it.
import './officer.css';
import './print.css';
import './audits.css';
import { useEffect, useState } from 'preact/hooks';
import { AUDIT_STATE_WORDS, RESULT_OUTCOME_WORDS } from '../../../functions/domain/audits/audit-words';
import { CHECKLIST_CATEGORY_WORDS } from '../../../functions/domain/audits/checklist-words';
import { FindingView } from './audit-page';
import { type AuditReport, auditReportPath } from './audits';
import { aw } from './audits-text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';

export function AuditReportPage({ session, language, auditId }: DeskPageProps & { auditId: string }) {
  const api = staffApi(session);
  const [report, setReport] = useState<AuditReport>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  useEffect(
    () =>
      void (async () => {
        const result = await api.get<AuditReport>(auditReportPath(auditId));
        if (result.kind === 'ok') setReport(result.data);
        else setProblem(failureOf(result));
      })(),
    [auditId],
  );
  const audit = report?.audit;
  return (
    <div class="print-view">
      <p class="screen-only">
        <a href={hrefOfDeskRoute({ page: 'audit', auditId })}>{aw('backToAudit', language)}</a>
      </p>
      <h1 tabIndex={-1}>
        {aw('reportTitle', language)} <span translate={false}>{auditId}</span>
      </h1>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!report && !problem && <p>{aw('loading', language)}</p>}
      {report && audit && (
        <>
          <p class="screen-only">
            <button type="button" onClick={() => print()}>
              {aw('print', language)}
            </button>
          </p>
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
            <dt>{aw('conclusion', language)}</dt>
            <dd>{audit.conclusion ?? '—'}</dd>
            <dt>{aw('reportBasis', language)}</dt>
            <dd>{aw('reportBasisText', language)}</dd>
            <dt>{aw('generatedAt', language)}</dt>
            <dd>{japanTime(report.generatedAt, language)}</dd>
          </dl>
          <h2>{aw('tally', language)}</h2>
          <p>
            {aw('tallyLine', language, {
              conforms: report.tally.conforms,
              nonconforming: report.tally['does-not-conform'],
              na: report.tally['not-applicable'],
              unanswered: report.tally.unanswered,
            })}
          </p>
          <p>{aw('actionsLine', language, { open: report.tally.openActions, overdue: report.tally.overdueActions })}</p>
          <h2>{aw('checklist', language)}</h2>
          <ScrollRegion label={aw('checklistTable', language)}>
            <table class="audits">
              <thead>
                <tr>
                  <th scope="col">{aw('section', language)}</th>
                  <th scope="col">{aw('item', language)}</th>
                  <th scope="col">{aw('result', language)}</th>
                  <th scope="col">{aw('note', language)}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.section}</td>
                    <th scope="row">
                      {CHECKLIST_CATEGORY_WORDS[item.category][language]}: {item[language]}
                    </th>
                    <td>
                      {item.result ? RESULT_OUTCOME_WORDS[item.result.outcome][language] : aw('unanswered', language)}
                    </td>
                    <td>{item.result?.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h2>{aw('findings', language)}</h2>
          {report.findings.length === 0 && <p>{aw('findingsNone', language)}</p>}
          <ul class="audit-findings">
            {report.findings.map((finding) => (
              <li key={finding.findingId} class={finding.overdue ? 'overdue' : undefined}>
                <FindingView finding={finding} language={language} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
