// The request report (GET /v1/staff/reports/requests) for the officer and auditors: how the desk keeps
// its deadlines (APPI Art. 32-35 "without delay"; policy §7) over a period of arrival, in the staff
// member's language, and printable without the console around it. Figures only: no requester, no
// subject, so showing it reads no personal data.
import './officer.css';
import './print.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { REPORT_KIND_WORDS } from '../../../functions/domain/incidents/report-words';
import type { ApiResult } from '../api';
import { type Label, STATUS_LABELS, TYPE_LABELS } from '../text';
import { japanTime } from './japan-time';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { failureOf, ProblemNotice } from './problem';
import { japanDate } from './queue';
import { queryString } from './read-reason';
import { OUTCOMES, type RequestReport, reportMatrix } from './report';
import { labelOf } from './request-text';
import { hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';
import type { Language } from './text';

const T = {
  title: { ja: '請求の対応状況レポート', en: 'Request report' },
  intro: {
    ja: '期間内に届いた請求の件数（種類別・状況別・結果別）、決定までの時間、期限を過ぎた対応中の請求と、期限を過ぎた個人情報保護委員会への漏えい等報告を示します。件数と番号のみで、請求者や本人の情報は含みません。',
    en: 'Requests that arrived within the period, counted by type, status and outcome; the time to decision; the open requests past their due date; and the reports of leaks to the Personal Information Protection Commission past theirs. Figures and numbers only: no requester or person is named.',
  },
  period: { ja: '期間（受付日、日本時間）', en: 'Period (day of arrival, Japan time)' },
  from: { ja: '開始日', en: 'First day' },
  to: { ja: '終了日', en: 'Last day' },
  periodHint: {
    ja: '空欄の場合は、直近90日間です。',
    en: 'Left empty, the last 90 days.',
  },
  show: { ja: '表示する', en: 'Show' },
  rangeOrder: {
    ja: '期間の開始日は終了日以前にしてください。',
    en: 'The first day must be on or before the last day.',
  },
  print: { ja: '印刷する', en: 'Print' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  covering: { ja: '対象期間：{from} ～ {to}（作成 {at}）', en: 'Period: {from} to {to} (compiled {at})' },
  total: { ja: '請求の総数：{n}件', en: 'Requests in all: {n}' },
  byType: { ja: '種類別・状況別の件数', en: 'By type and status' },
  type: { ja: '種類', en: 'Type' },
  sum: { ja: '計', en: 'Total' },
  byOutcome: { ja: '結果別の件数（決定済みの請求）', en: 'By outcome (decided requests)' },
  outcome: { ja: '結果', en: 'Outcome' },
  count: { ja: '件数', en: 'Requests' },
  timeToDecision: { ja: '受付から決定までの時間', en: 'Time from receipt to decision' },
  decided: { ja: '決定した請求', en: 'Decided' },
  median: { ja: '中央値', en: 'Median' },
  p95: { ja: '95パーセンタイル', en: '95th percentile' },
  hours: { ja: '{n}時間', en: '{n} h' },
  deskDays: { ja: '{n}営業日', en: '{n} desk days' },
  noneDecided: { ja: '期間内に決定した請求はありません。', en: 'No request within the period was decided.' },
  overdue: { ja: '期限を過ぎた対応中の請求', en: 'Open requests past their due date' },
  overdueNote: {
    ja: '受付日にかかわらず、現在対応中で回答期限を過ぎているものです。期限を過ぎた日数の多い順です。',
    en: 'Whenever they arrived: open now and past the due date, most overdue first.',
  },
  noOverdue: { ja: '期限を過ぎた対応中の請求はありません。', en: 'No open request is past its due date.' },
  overdueAtHolders: {
    ja: '期限を過ぎても保有先での対応が終わっていない請求',
    en: 'Decided requests past their due date still being carried out at the holders',
  },
  overdueAtHoldersNote: {
    ja: '決定済みですが、データを保有するシステム・委託先の対応が終わっていないため、回答がまだ送られていないものです。請求の画面で状況を確認してください。',
    en: 'Decided, but the answer has not gone out: the systems and subcontractors holding the data have not all finished. Open the request to see where each stands.',
  },
  noOverdueAtHolders: {
    ja: '期限を過ぎて保有先の対応を待っている請求はありません。',
    en: 'No decided request past its due date is waiting for holders.',
  },
  holdersNotFinished: { ja: '未完了の保有先', en: 'Holders not finished' },
  requestId: { ja: '受付番号', en: 'Request number' },
  status: { ja: '状況', en: 'Status' },
  dueAt: { ja: '回答期限', en: 'Due' },
  daysOverdue: { ja: '超過日数', en: 'Days overdue' },
  days: { ja: '{n}日', en: '{n} days' },
  overdueIncidentReports: {
    ja: '期限を過ぎた個人情報保護委員会への漏えい等報告',
    en: 'Reports of leaks to the Personal Information Protection Commission past their due date',
  },
  overdueIncidentReportsNote: {
    ja: '報告対象の事案（対応中又は下書き）で、速報又は確報の提出の記録がないまま期限を過ぎたものです（個人情報保護法第26条第1項、同法施行規則第8条）。報告を提出し、受付番号を事案の画面に記録してください。',
    en: 'Reportable incidents, open or in draft, whose preliminary or final report is past its due date with no submission recorded (APPI Art. 26(1), Enforcement Rules Art. 8). Submit the report and record its receipt reference on the incident.',
  },
  noOverdueIncidentReports: {
    ja: '期限を過ぎた漏えい等報告はありません。',
    en: 'No report of a leak is past its due date.',
  },
  incidentId: { ja: '事案番号', en: 'Incident' },
  overdueCorrectiveActions: { ja: '期限を過ぎた監査の是正措置', en: 'Corrective actions of audits past their due day' },
  overdueCorrectiveActionsNote: {
    ja: '監査の指摘に対する是正措置で、期限の日が終わるまでに完了の記録がないものです。監査の画面で状況を更新してください。',
    en: "Corrective actions of audit findings not recorded as done by the end of their due day. Update them on the audit's page.",
  },
  noOverdueCorrectiveActions: {
    ja: '期限を過ぎた是正措置はありません。',
    en: 'No corrective action is past its due day.',
  },
  auditFinding: { ja: '監査・指摘', en: 'Audit and finding' },
  actionOwner: { ja: '担当', en: 'Owner' },
  actionDueOn: { ja: '期限', en: 'Due' },
  incidentReport: { ja: '報告', en: 'Report' },
  incidentDueAt: { ja: '報告期限', en: 'Due' },
  undeliverable: { ja: '送信できなかったメール', en: 'E-mails set aside as undeliverable' },
  noUndeliverable: { ja: '送信できなかったメールはありません。', en: 'No e-mail is set aside.' },
  mailKind: { ja: '内容', en: 'About' },
  createdAt: { ja: '作成日時', en: 'Written' },
  attempts: { ja: '試行回数', en: 'Attempts' },
  lastError: { ja: '最後のエラー', en: 'Last error' },
  none: { ja: '—', en: '—' },
} satisfies Record<string, Label>;

type Key = keyof typeof T;
const say = (key: Key, language: Language, values: Record<string, string | number> = {}) =>
  T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

/** A heading, an optional note, and a table of rows (or a sentence saying there are none). */
function ListedSection({
  id,
  heading,
  note,
  empty,
  columns,
  rows,
  numeric,
  language,
}: {
  id: string;
  heading: Key;
  note?: Key;
  empty: Key;
  columns: Key[];
  rows: { key: string; cells: ComponentChildren[] }[];
  /** The columns that hold figures, aligned as numbers. */
  numeric: number[];
  language: Language;
}) {
  return (
    <>
      <h2 id={id}>{say(heading, language)}</h2>
      {note && <p class="note">{say(note, language)}</p>}
      {rows.length === 0 ? (
        <p>{say(empty, language)}</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby={id}>
            <thead>
              <tr>
                {columns.map((k) => (
                  <th key={k} scope="col">
                    {say(k, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={columns[i]} class={numeric.includes(i) ? 'number' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Figure({ hours, days, language }: { hours: number | null; days: number | null; language: Language }) {
  if (hours === null || days === null) return <>{say('none', language)}</>;
  return (
    <>
      {say('hours', language, { n: hours })}
      {language === 'ja'
        ? `（${say('deskDays', language, { n: days })}）`
        : ` (${say('deskDays', language, { n: days })})`}
    </>
  );
}

function Report({ report, language }: { report: RequestReport; language: Language }) {
  const { types, statuses, cell } = reportMatrix(report);
  const time = report.timeToDecision;
  return (
    <>
      <p>
        {say('covering', language, {
          from: japanDate(report.from),
          to: japanDate(report.to),
          at: japanTime(report.generatedAt, language),
        })}
      </p>
      <p>
        <strong>{say('total', language, { n: report.counts.total })}</strong>
      </p>

      <h2 id="report-by-type">{say('byType', language)}</h2>
      <div class="table-scroll">
        <table aria-labelledby="report-by-type">
          <thead>
            <tr>
              <th scope="col">{say('type', language)}</th>
              {statuses.map((s) => (
                <th key={s} scope="col">
                  {labelOf(STATUS_LABELS, s, language)}
                </th>
              ))}
              <th scope="col">{say('sum', language)}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type}>
                <th scope="row">{labelOf(TYPE_LABELS, type, language)}</th>
                {statuses.map((s) => (
                  <td key={s} class="number">
                    {cell(type, s)}
                  </td>
                ))}
                <td class="number">{report.counts.byType[type] ?? 0}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{say('sum', language)}</th>
              {statuses.map((s) => (
                <td key={s} class="number">
                  {report.counts.byStatus[s] ?? 0}
                </td>
              ))}
              <td class="number">{report.counts.total}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2 id="report-by-outcome">{say('byOutcome', language)}</h2>
      <table aria-labelledby="report-by-outcome">
        <thead>
          <tr>
            <th scope="col">{say('outcome', language)}</th>
            <th scope="col">{say('count', language)}</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{labelOf(STATUS_LABELS, o, language)}</th>
              <td class="number">{report.counts.byStatus[o] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{say('timeToDecision', language)}</h2>
      {time.decided === 0 ? (
        <p>{say('noneDecided', language)}</p>
      ) : (
        <dl class="entries">
          <dt>{say('decided', language)}</dt>
          <dd>{time.decided}</dd>
          <dt>{say('median', language)}</dt>
          <dd>
            <Figure hours={time.medianHours} days={time.medianDeskDays} language={language} />
          </dd>
          <dt>{say('p95', language)}</dt>
          <dd>
            <Figure hours={time.p95Hours} days={time.p95DeskDays} language={language} />
          </dd>
        </dl>
      )}

      <ListedSection
        id="report-overdue-incident-reports"
        heading="overdueIncidentReports"
        note="overdueIncidentReportsNote"
        empty="noOverdueIncidentReports"
        columns={['incidentId', 'incidentReport', 'incidentDueAt', 'daysOverdue']}
        rows={report.overdueIncidentReports.map((o) => ({
          key: `${o.incidentId}-${o.report}`,
          cells: [
            <code key="id">{o.incidentId}</code>,
            REPORT_KIND_WORDS[o.report][language],
            japanTime(o.dueAt, language),
            say('days', language, { n: o.daysOverdue }),
          ],
        }))}
        numeric={[3]}
        language={language}
      />
      <ListedSection
        id="report-overdue-corrective-actions"
        heading="overdueCorrectiveActions"
        note="overdueCorrectiveActionsNote"
        empty="noOverdueCorrectiveActions"
        columns={['auditFinding', 'actionOwner', 'actionDueOn', 'daysOverdue']}
        rows={report.overdueCorrectiveActions.map((o) => ({
          key: `${o.auditId}-${o.findingId}`,
          cells: [
            <a key="id" href={hrefOfDeskRoute({ page: 'audit', auditId: o.auditId })} translate={false}>
              {o.auditId} {o.findingId}
            </a>,
            <span key="owner" translate={false}>
              {o.owner}
            </span>,
            o.dueOn,
            say('days', language, { n: o.daysOverdue }),
          ],
        }))}
        numeric={[3]}
        language={language}
      />
      <ListedSection
        id="report-overdue"
        heading="overdue"
        note="overdueNote"
        empty="noOverdue"
        columns={['requestId', 'type', 'status', 'dueAt', 'daysOverdue']}
        rows={report.overdue.map((o) => ({
          key: o.requestId,
          cells: [
            <code key="id">{o.requestId}</code>,
            labelOf(TYPE_LABELS, o.type, language),
            labelOf(STATUS_LABELS, o.status, language),
            japanTime(o.dueAt, language),
            say('days', language, { n: o.daysOverdue }),
          ],
        }))}
        numeric={[4]}
        language={language}
      />
      <ListedSection
        id="report-overdue-at-holders"
        heading="overdueAtHolders"
        note="overdueAtHoldersNote"
        empty="noOverdueAtHolders"
        columns={['requestId', 'type', 'dueAt', 'daysOverdue', 'holdersNotFinished']}
        rows={report.overdueAtHolders.map((o) => ({
          key: o.requestId,
          cells: [
            <code key="id">{o.requestId}</code>,
            labelOf(TYPE_LABELS, o.type, language),
            japanTime(o.dueAt, language),
            say('days', language, { n: o.daysOverdue }),
            o.holdersNotFinished,
          ],
        }))}
        numeric={[3, 4]}
        language={language}
      />
      <ListedSection
        id="report-undeliverable"
        heading="undeliverable"
        empty="noUndeliverable"
        columns={['mailKind', 'requestId', 'createdAt', 'attempts', 'lastError']}
        rows={report.undeliverable.map((u) => ({
          key: u.messageId,
          cells: [
            <code key="kind" translate={false}>
              {u.kind}
            </code>,
            u.requestId ? <code key="id">{u.requestId}</code> : say('none', language),
            japanTime(u.createdAt, language),
            u.attempts,
            u.reason ? (
              <code key="reason" translate={false}>
                {u.reason}
              </code>
            ) : (
              say('none', language)
            ),
          ],
        }))}
        numeric={[3]}
        language={language}
      />
    </>
  );
}

export function ReportPage({ session, language }: DeskPageProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<ApiResult<RequestReport>>();
  const [loading, setLoading] = useState(false);
  const shown = useRef<HTMLDivElement>(null);

  const load = async (period: { from?: string; to?: string }, focus: boolean) => {
    setLoading(true);
    const answer = await staffApi(session).get<RequestReport>(`/v1/staff/reports/requests${queryString(period)}`);
    setLoading(false);
    setResult(answer);
    if (focus) requestAnimationFrame(() => shown.current?.focus());
  };
  useEffect(() => {
    void load({}, false);
  }, [session.idToken]);

  const failure = result && failureOf(result);
  // A period the API refuses (from after to, a day that is no date) is shown at the dates themselves.
  const placed = failure && failure !== 'network' ? placeProblem(failure, ['from', 'to']) : undefined;
  const periodRefused = Boolean(placed?.byField.from || placed?.byField.to);
  const dateAttributes = {
    'aria-invalid': periodRefused ? true : undefined,
    'aria-describedby': periodRefused ? 'report-period-error report-period-hint' : 'report-period-hint',
  } as const;
  return (
    <div class="print-view">
      <h1 tabIndex={-1}>{say('title', language)}</h1>
      <p>{say('intro', language)}</p>
      <form
        class="screen-only"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void load({ from: from || undefined, to: to || undefined }, true);
        }}
      >
        <fieldset class="field">
          <legend>{say('period', language)}</legend>
          <p class="note" id="report-period-hint">
            {say('periodHint', language)}
          </p>
          <div class="field-row">
            <div class="field">
              <label for="report-from">{say('from', language)}</label>
              <input
                id="report-from"
                type="date"
                value={from}
                {...dateAttributes}
                onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="report-to">{say('to', language)}</label>
              <input
                id="report-to"
                type="date"
                value={to}
                {...dateAttributes}
                onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
          </div>
          {periodRefused && (
            <p class="field-error" id="report-period-error">
              {say('rangeOrder', language)}
            </p>
          )}
        </fieldset>
        <button type="submit" aria-disabled={loading}>
          {say('show', language)}
        </button>{' '}
        {result?.kind === 'ok' && (
          <button type="button" class="quiet" onClick={() => window.print()}>
            {say('print', language)}
          </button>
        )}
      </form>
      {failure && !periodRefused && <ProblemNotice problem={failure} language={language} id="report-problem" />}
      <div ref={shown} tabIndex={-1} aria-busy={loading}>
        {!result && <p role="status">{say('loading', language)}</p>}
        {result?.kind === 'ok' && <Report report={result.data} language={language} />}
      </div>
    </div>
  );
}
