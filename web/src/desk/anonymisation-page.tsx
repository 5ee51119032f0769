// Anonymously processed information (APPI Art. 43; policy §3) for the officer and auditors: every
// dataset definition with its latest dataset and its state; the officer defines a new one here.
import './officer.css';
import './anonymisation.css';
import { useEffect, useState } from 'preact/hooks';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import {
  DEFINITIONS_PATH,
  type DefinitionListItem,
  definitionBody,
  emptyDefinitionForm,
  placeDefinitionProblem,
} from './anonymisation';
import { DefinitionFields, type Purpose } from './anonymisation-form';
import { nw, stateWords } from './anonymisation-text';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';

const focusFirstProblem = () =>
  (
    document.querySelector<HTMLElement>('#define-dataset [aria-invalid="true"]') ??
    document.querySelector<HTMLElement>('#define-dataset fieldset:has(> .field-error)')
  )?.focus();

export function AnonymisationPage({ session, language, go }: DeskPageProps) {
  const api = staffApi(session);
  const [definitions, setDefinitions] = useState<DefinitionListItem[]>();
  const [purposes, setPurposes] = useState<Purpose[]>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState(emptyDefinitionForm);
  const [sent, setSent] = useState<{ problem: DeskProblemDetails | 'network'; attributeCategories: string[] }>();
  const officer = session.role === 'officer';
  useEffect(
    () =>
      void (async () => {
        const result = await api.get<{ items: DefinitionListItem[] }>(DEFINITIONS_PATH);
        if (result.kind === 'ok') setDefinitions(result.data.items);
        else setProblem(failureOf(result));
        if (!officer) return;
        const registry = await api.get<{ items: (Purpose & { status: string })[] }>('/v1/staff/purposes');
        setPurposes(registry.kind === 'ok' ? registry.data.items.filter((p) => p.status !== 'retired') : []);
      })(),
    [],
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    const { body, attributeCategories } = definitionBody(form, PERSONAL_DATA_CATEGORIES);
    const result = await api.post<DefinitionListItem>(DEFINITIONS_PATH, body);
    const failed = failureOf(result);
    setSent(failed ? { problem: failed, attributeCategories } : undefined);
    if (result.kind === 'ok') go({ page: 'anonymisation-definition', definitionId: result.data.definitionId });
  };
  // The first field a refusal names takes the focus once it is marked, else the notice.
  useEffect(() => {
    if (sent) focusFirstProblem();
  }, [sent]);
  const placed =
    sent && sent.problem !== 'network'
      ? placeDefinitionProblem(sent.problem.errors ?? [], sent.attributeCategories)
      : { byField: {}, general: true };
  const byField = placed.byField;
  return (
    <>
      <h1 tabIndex={-1}>{nw('title', language)}</h1>
      <p>{nw('intro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!definitions && !problem && <p>{nw('loading', language)}</p>}
      {definitions && definitions.length === 0 && <p>{nw('none', language)}</p>}
      {definitions && definitions.length > 0 && (
        <ScrollRegion label={nw('table', language)}>
          <table class="anonymisation">
            <thead>
              <tr>
                <th scope="col">{nw('definition', language)}</th>
                <th scope="col">{nw('definitionTitle', language)}</th>
                <th scope="col">{nw('datasets', language)}</th>
              </tr>
            </thead>
            <tbody>
              {definitions.map((d) => (
                <tr key={d.definitionId}>
                  <th scope="row">
                    <a
                      href={hrefOfDeskRoute({ page: 'anonymisation-definition', definitionId: d.definitionId })}
                      translate={false}
                    >
                      {d.definitionId}
                    </a>
                  </th>
                  <td>{d.title[language]}</td>
                  <td>
                    {d.latestDataset ? (
                      <>
                        <a
                          href={hrefOfDeskRoute({ page: 'anonymised-dataset', datasetId: d.latestDataset.datasetId })}
                          translate={false}
                        >
                          {d.latestDataset.datasetId}
                        </a>{' '}
                        ({stateWords(d.latestDataset.state, language)})
                      </>
                    ) : (
                      nw('noDatasets', language)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {officer && (
        <section aria-labelledby="define-dataset-heading" id="define-dataset">
          <h2 id="define-dataset-heading">{nw('create', language)}</h2>
          <p>{nw('createIntro', language)}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            {sent && <ProblemNotice problem={sent.problem} language={language} id="define-dataset-problem" />}
            <DefinitionFields
              form={form}
              setForm={setForm}
              categories={PERSONAL_DATA_CATEGORIES}
              purposes={purposes}
              byField={byField}
              language={language}
            />
            <button type="submit">{nw('createSubmit', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
