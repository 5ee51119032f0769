// One dataset definition: what it draws on and what is done with each item, its privacy model, who
// may read the rows, and every dataset made from it with its state. The officer creates a new dataset
// here; while one is being made the page looks again until it is published or refused.
import './officer.css';
import './anonymisation.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Hierarchy } from '../../../functions/domain/anonymisation/definition';
import { ATTRIBUTE_TREATMENTS, HIERARCHY_KINDS } from '../../../functions/domain/anonymisation/words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import {
  type DefinitionDossier,
  definitionPath,
  levelWords,
  POLL_MILLISECONDS,
  percent,
  type RunStarted,
  runPath,
} from './anonymisation';
import type { Purpose } from './anonymisation-form';
import { nw, stateWords } from './anonymisation-text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import { type Language, ROLE_LABELS } from './text';

const categoryName = (id: string, language: Language) =>
  PERSONAL_DATA_CATEGORIES.find((c) => c.id === id)?.[language] ?? id;

/** A hierarchy in words: its kind, then each level from the value up. */
export function hierarchyInWords(hierarchy: Hierarchy, language: Language): string {
  const depth =
    hierarchy.kind === 'age'
      ? hierarchy.bands.length
      : hierarchy.kind === 'interval'
        ? hierarchy.widths.length
        : hierarchy.kind === 'table'
          ? Math.max(0, ...Object.values(hierarchy.levels).map((l) => l.length))
          : HIERARCHY_KINDS[hierarchy.kind].levels[language].length - 1;
  const levels = Array.from({ length: depth + 1 }, (_, level) => levelWords(hierarchy, level, language));
  return `${HIERARCHY_KINDS[hierarchy.kind][language]}: ${levels.join(' → ')}`;
}

export function AnonymisationDefinitionPage({
  session,
  language,
  definitionId,
}: DeskPageProps & { definitionId: string }) {
  const api = staffApi(session);
  const [dossier, setDossier] = useState<DefinitionDossier>();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [runProblem, setRunProblem] = useState<DeskProblemDetails | 'network'>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = async () => {
    const result = await api.get<DefinitionDossier>(definitionPath(definitionId));
    if (result.kind !== 'ok') return setProblem(failureOf(result));
    setProblem(undefined);
    setDossier(result.data);
    // A dataset still being made: look again shortly.
    if (result.data.datasets.some((d) => d.state === 'requested'))
      timer.current = setTimeout(() => void load(), POLL_MILLISECONDS);
  };
  useEffect(() => {
    void load();
    void api.get<{ items: Purpose[] }>('/v1/staff/purposes').then((r) => r.kind === 'ok' && setPurposes(r.data.items));
    return () => clearTimeout(timer.current);
  }, [definitionId]);

  const run = async () => {
    const result = await api.post<RunStarted>(runPath(definitionId), {});
    setRunProblem(failureOf(result));
    if (result.kind === 'ok') {
      clearTimeout(timer.current);
      await load();
    }
  };

  const back = (
    <p>
      <a href={hrefOfDeskRoute({ page: 'anonymisation' })}>{nw('back', language)}</a>
    </p>
  );
  if (problem)
    return (
      <>
        <h1 tabIndex={-1}>{nw('definitionHeading', language, { id: definitionId })}</h1>
        <ProblemNotice problem={problem} language={language} />
        {back}
      </>
    );
  if (!dossier)
    return (
      <>
        <h1 tabIndex={-1}>{nw('definitionHeading', language, { id: definitionId })}</h1>
        <p>{nw('loading', language)}</p>
      </>
    );
  const { definition } = dossier;
  const working = dossier.datasets.some((d) => d.state === 'requested');
  const model = definition.model;
  return (
    <>
      <h1 tabIndex={-1}>{nw('definitionHeading', language, { id: definitionId })}</h1>
      {back}
      <dl class="entries anon-entries">
        <dt>{nw('definitionTitle', language)}</dt>
        <dd>{dossier.title[language]}</dd>
        <dt>{nw('purposes', language)}</dt>
        <dd>
          {dossier.purposes
            .map((id) => purposes.find((p) => p.purposeId === id)?.[language] ?? id)
            .join(language === 'ja' ? '、' : ', ')}
        </dd>
        <dt>{nw('model', language)}</dt>
        <dd>
          {nw(model.l === undefined ? 'modelLine' : 'modelLineL', language, {
            k: model.k,
            l: model.l ?? '',
            suppression: percent(model.maxSuppression, language),
          })}
        </dd>
        {definition.specialCareReason && (
          <>
            <dt>{nw('specialCareReason', language)}</dt>
            <dd translate={false}>{definition.specialCareReason}</dd>
          </>
        )}
        <dt>{nw('readers', language)}</dt>
        <dd>
          {[ROLE_LABELS.officer[language], ...dossier.readers.map((r) => ROLE_LABELS[r][language])].join(
            language === 'ja' ? '、' : ', ',
          )}
        </dd>
        <dt>{nw('createdBy', language)}</dt>
        <dd translate={false}>{dossier.createdBy}</dd>
        <dt>{nw('createdAt', language)}</dt>
        <dd>{japanTime(dossier.createdAt, language)}</dd>
      </dl>
      <h2>{nw('attributes', language)}</h2>
      <ScrollRegion label={nw('attributes', language)}>
        <table class="anonymisation">
          <thead>
            <tr>
              <th scope="col">{nw('category', language)}</th>
              <th scope="col">{nw('measure', language)}</th>
            </tr>
          </thead>
          <tbody>
            {definition.attributes.map((a) => (
              <tr key={a.category}>
                <th scope="row">{categoryName(a.category, language)}</th>
                <td>
                  {ATTRIBUTE_TREATMENTS[a.treatment][language]}
                  {a.hierarchy && <span class="note"> — {hierarchyInWords(a.hierarchy, language)}</span>}
                  {a.sensitive && <span class="note"> — {nw('lModel', language, { l: model.l ?? '' })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{nw('datasets', language)}</h2>
      {dossier.datasets.length === 0 ? (
        <p>{nw('noDatasets', language)}</p>
      ) : (
        <ScrollRegion label={nw('datasets', language)}>
          <table class="anonymisation">
            <thead>
              <tr>
                <th scope="col">{nw('dataset', language)}</th>
                <th scope="col">{nw('requestedAt', language)}</th>
                <th scope="col">{nw('state', language)}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.datasets.map((d) => (
                <tr key={d.datasetId}>
                  <th scope="row">
                    <a href={hrefOfDeskRoute({ page: 'anonymised-dataset', datasetId: d.datasetId })} translate={false}>
                      {d.datasetId}
                    </a>
                  </th>
                  <td>{japanTime(d.requestedAt, language)}</td>
                  <td class={`anon-state ${d.state}`}>{stateWords(d.state, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {session.role === 'officer' && (
        <section aria-labelledby="run-dataset">
          <h2 id="run-dataset">{nw('run', language)}</h2>
          <p>{nw('runIntro', language)}</p>
          {runProblem && <ProblemNotice problem={runProblem} language={language} />}
          <p role="status">{working ? nw('runStarted', language) : ''}</p>
          <button type="button" onClick={() => void run()} disabled={working}>
            {nw('run', language)}
          </button>
        </section>
      )}
    </>
  );
}
