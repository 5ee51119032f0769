// One dataset of anonymously processed information: its state; once published the risk report in
// words (the model met, the highest re-identification risk, records left out, information loss) and
// the items the privacy notice publishes; if refused, why. The rows and the processing method are
// read only when the person asks, each read access-logged (the page says so first); the method is the
// officer's alone (APPI Art. 43(2); Enforcement Rules Art. 35). Nothing here is joined with the registry.
import './officer.css';
import './anonymisation.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ATTRIBUTE_TREATMENTS, INFORMATION_LOSS_METRIC } from '../../../functions/domain/anonymisation/words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import {
  count,
  type DatasetMethod,
  type DatasetRows,
  type DatasetView,
  datasetPath,
  levelWords,
  methodPath,
  POLL_MILLISECONDS,
  percent,
  ROWS_SHOWN,
  rowsPath,
} from './anonymisation';
import { hierarchyInWords } from './anonymisation-definition-page';
import { nw, stateWords } from './anonymisation-text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { problemWords } from './problem-text';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import type { Language } from './text';

type Report = NonNullable<DatasetView['report']>;

const categoryName = (id: string, language: Language) =>
  PERSONAL_DATA_CATEGORIES.find((c) => c.id === id)?.[language] ?? id;

function RiskReport({ report, language }: { report: Report; language: Language }) {
  const models = [
    nw('kModel', language, { k: report.model.k }),
    ...(report.model.l === undefined ? [] : [nw('lModel', language, { l: report.model.l })]),
  ].join(nw('and', language));
  return (
    <section aria-labelledby="risk-report">
      <h2 id="risk-report">{nw('report', language)}</h2>
      <p class="answer">{nw('modelMet', language, { model: models })}</p>
      <dl class="entries anon-entries">
        <dt>{nw('highestRisk', language)}</dt>
        <dd>
          {nw('highestRiskValue', language, {
            risk: percent(report.highestRisk, language),
            smallest: count(report.smallestClass, language),
          })}
        </dd>
        <dt>{nw('averageRisk', language)}</dt>
        <dd>{percent(report.averageRisk, language)}</dd>
        <dt>{nw('atRisk', language)}</dt>
        <dd>{percent(report.recordsAtRiskShare, language)}</dd>
        <dt>{nw('records', language)}</dt>
        <dd>
          {nw('recordsValue', language, {
            records: count(report.records, language),
            released: count(report.released, language),
          })}
        </dd>
        <dt>{nw('suppressed', language)}</dt>
        <dd>
          {nw('suppressedValue', language, {
            suppressed: count(report.suppressed, language),
            share: percent(report.suppressedShare, language),
          })}
        </dd>
        <dt>{nw('classes', language)}</dt>
        <dd>{count(report.classes, language)}</dd>
        <dt>{nw('informationLoss', language)}</dt>
        <dd>
          {nw('informationLossValue', language, {
            value: percent(report.informationLoss.value, language),
            metric: INFORMATION_LOSS_METRIC[language],
          })}
        </dd>
        <dt>{nw('lattice', language)}</dt>
        <dd>
          {nw('latticeValue', language, {
            nodes: count(report.lattice.nodes, language),
            checked: count(report.lattice.checked, language),
          })}
        </dd>
      </dl>
    </section>
  );
}

function Rows({ rows, language }: { rows: DatasetRows; language: Language }) {
  const shown = rows.rows.slice(0, ROWS_SHOWN);
  return (
    <>
      <p>{nw('rowsShown', language, { shown: count(shown.length, language), total: count(rows.total, language) })}</p>
      <ScrollRegion label={nw('rowsTable', language)}>
        <table class="anonymisation rows">
          <thead>
            <tr>
              <th scope="col">{nw('row', language)}</th>
              {rows.columns.map((c) => (
                <th scope="col" key={c.category}>
                  {c.item[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={index}>
                <th scope="row">{index + 1}</th>
                {row.map((value, column) => (
                  <td key={column} translate={false}>
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function Method({ method, language }: { method: DatasetMethod['method']; language: Language }) {
  return (
    <>
      <dl class="entries anon-entries">
        <dt>{nw('referenceDate', language)}</dt>
        <dd>{method.referenceDate}</dd>
      </dl>
      <ScrollRegion label={nw('method', language)}>
        <table class="anonymisation">
          <thead>
            <tr>
              <th scope="col">{nw('category', language)}</th>
              <th scope="col">{nw('measure', language)}</th>
              <th scope="col">{nw('levelChosen', language)}</th>
            </tr>
          </thead>
          <tbody>
            {method.definition.attributes.map((a) => (
              <tr key={a.category}>
                <th scope="row">{categoryName(a.category, language)}</th>
                <td>
                  {ATTRIBUTE_TREATMENTS[a.treatment][language]}
                  {a.hierarchy && <span class="note"> — {hierarchyInWords(a.hierarchy, language)}</span>}
                </td>
                <td>
                  {a.hierarchy && method.levels[a.category] !== undefined
                    ? levelWords(a.hierarchy, method.levels[a.category]!, language)
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

export function AnonymisedDatasetPage({ session, language, datasetId }: DeskPageProps & { datasetId: string }) {
  const api = staffApi(session);
  const [dataset, setDataset] = useState<DatasetView>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [rows, setRows] = useState<DatasetRows>();
  const [rowsProblem, setRowsProblem] = useState<DeskProblemDetails | 'network'>();
  const [method, setMethod] = useState<DatasetMethod>();
  const [methodProblem, setMethodProblem] = useState<DeskProblemDetails | 'network'>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = async () => {
    const result = await api.get<DatasetView>(datasetPath(datasetId));
    if (result.kind !== 'ok') return setProblem(failureOf(result));
    setProblem(undefined);
    setDataset(result.data);
    if (result.data.state === 'requested') timer.current = setTimeout(() => void load(), POLL_MILLISECONDS);
  };
  useEffect(() => {
    setRows(undefined);
    setMethod(undefined);
    void load();
    return () => clearTimeout(timer.current);
  }, [datasetId]);

  const readRows = async () => {
    const result = await api.get<DatasetRows>(`${rowsPath(datasetId)}?limit=${ROWS_SHOWN}`);
    setRowsProblem(failureOf(result));
    if (result.kind === 'ok') setRows(result.data);
  };
  const readMethod = async () => {
    const result = await api.get<DatasetMethod>(methodPath(datasetId));
    setMethodProblem(failureOf(result));
    if (result.kind === 'ok') setMethod(result.data);
  };

  const heading = <h1 tabIndex={-1}>{nw('datasetHeading', language, { id: datasetId })}</h1>;
  if (problem)
    return (
      <>
        {heading}
        <ProblemNotice problem={problem} language={language} />
      </>
    );
  if (!dataset)
    return (
      <>
        {heading}
        <p>{nw('loading', language)}</p>
      </>
    );
  const mayReadDefinition = session.role === 'officer' || session.role === 'auditor';
  const mayReadRows = session.role === 'officer' || dataset.readers.includes(session.role);
  return (
    <>
      {heading}
      {mayReadDefinition && (
        <p>
          <a href={hrefOfDeskRoute({ page: 'anonymisation-definition', definitionId: dataset.definitionId })}>
            {nw('toDefinition', language, { id: dataset.definitionId })}
          </a>
        </p>
      )}
      <dl class="entries anon-entries">
        <dt>{nw('definitionTitle', language)}</dt>
        <dd>{dataset.title[language]}</dd>
        <dt>{nw('state', language)}</dt>
        <dd class={`anon-state ${dataset.state}`}>{stateWords(dataset.state, language)}</dd>
        <dt>{nw('requestedAt', language)}</dt>
        <dd>{japanTime(dataset.requestedAt, language)}</dd>
        {dataset.createdOn && (
          <>
            <dt>{nw('createdOn', language)}</dt>
            <dd>{dataset.createdOn}</dd>
          </>
        )}
      </dl>
      {dataset.state === 'refused' && dataset.problem && (
        <section aria-labelledby="refused">
          <h2 id="refused">{nw('refusedHeading', language)}</h2>
          <div class="summary" data-problem={dataset.problem.type}>
            <p>
              {language === 'en'
                ? `${dataset.problem.title}: ${dataset.problem.detail}`
                : problemWords(dataset.problem, language)}
            </p>
          </div>
          <p>{nw('refusedNote', language)}</p>
        </section>
      )}
      {dataset.report && <RiskReport report={dataset.report} language={language} />}
      {dataset.columns && (
        <section aria-labelledby="items">
          <h2 id="items">{nw('items', language)}</h2>
          <p>{nw('itemsIntro', language)}</p>
          <ul class="anon-items">
            {dataset.columns.map((c) => (
              <li key={c.category}>
                {c.item[language]} <span class="note">({ATTRIBUTE_TREATMENTS[c.treatment][language]})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dataset.state === 'published' && mayReadRows && (
        <section aria-labelledby="rows">
          <h2 id="rows">{nw('rows', language)}</h2>
          <p>{nw('rowsIntro', language)}</p>
          {rowsProblem && <ProblemNotice problem={rowsProblem} language={language} />}
          {rows ? (
            <Rows rows={rows} language={language} />
          ) : (
            <button type="button" onClick={() => void readRows()}>
              {nw('showRows', language)}
            </button>
          )}
        </section>
      )}
      {dataset.state === 'published' && session.role === 'officer' && (
        <section aria-labelledby="method">
          <h2 id="method">{nw('method', language)}</h2>
          <p>{nw('methodIntro', language)}</p>
          {methodProblem && <ProblemNotice problem={methodProblem} language={language} />}
          {method ? (
            <Method method={method.method} language={language} />
          ) : (
            <button type="button" onClick={() => void readMethod()}>
              {nw('showMethod', language)}
            </button>
          )}
        </section>
      )}
    </>
  );
}
