// One incident (APPI Art. 26): its facts, the desk's answer whether the PPC must be told and why (each
// rule's finding), the report deadlines in Japan time, the persons linked and their notices, and every
// version. The officer takes a draft on, changes the facts as a new version with a reason, overrides
// the answer with a written reason, links persons, records the reports' submission and notifies the
// persons; operators and auditors read. Every write names the version read, so a change made
// meanwhile is refused and the page says to reload.
import './officer.css';
import './incidents.css';
import { useEffect, useState } from 'preact/hooks';
import {
  INCIDENT_FACTOR_WORDS,
  INCIDENT_KIND_WORDS,
  INCIDENT_STATE_WORDS,
} from '../../../functions/domain/incidents/incident-words';
import { REPORT_KIND_WORDS } from '../../../functions/domain/incidents/report-words';
import { REPORTABILITY_ANSWER_WORDS } from '../../../functions/domain/incidents/reportability-words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import { FACTS_FIELDS, FactsFields, TextField } from './incident-form';
import { NotifyStep } from './incident-notify';
import { IncidentTimeline } from './incident-timeline';
import {
  actsAsReportable,
  factsBody,
  factsFormOf,
  findingInWords,
  type IncidentDossier,
  type IncidentView,
  incidentPath,
  reportOverdue,
  subjectIdsOf,
  unnotified,
} from './incidents';
import { type IncidentsTextKey, iw } from './incidents-text';
import { japanTime } from './japan-time';
import { instantOfJapanInput, placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import type { Language } from './text';

/** What the last write did, said in the page's language as it is now. */
type Said = { key: IncidentsTextKey; values?: Record<string, string | number> };
type Where = 'register' | 'change' | 'override' | 'link' | 'submission' | 'notify' | 'close';
type Factor = keyof typeof INCIDENT_FACTOR_WORDS;
const REPORTS = ['preliminary', 'final'] as const;

const joined = (items: string[], language: Language) => items.join(language === 'ja' ? '、' : ', ');

/** A version's change in a word: who made it and why. */
function versionReason(v: IncidentView | IncidentDossier['versions'][number]): string {
  return v.closeReason ?? v.changeReason ?? '—';
}

function Stale({ language, reload }: { language: Language; reload: () => void }) {
  return (
    <div class="summary" role="alert">
      <p>
        <strong>{iw('staleHeading', language)}</strong>
      </p>
      <p>{iw('stale', language)}</p>
      <button type="button" onClick={reload}>
        {iw('reload', language)}
      </button>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Text the staff wrote: kept as written in any language. */
function Written({ text, language }: { text: string; language: Language }) {
  return text ? <span translate={false}>{text}</span> : <span class="note">{iw('empty', language)}</span>;
}

export function IncidentPage({ session, language, incidentId }: DeskPageProps & { incidentId: string }) {
  const api = staffApi(session);
  const path = incidentPath(incidentId);
  const [dossier, setDossier] = useState<IncidentDossier>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [facts, setFacts] = useState<ReturnType<typeof factsFormOf>>();
  const [failure, setFailure] = useState<{ where: Where; problem: DeskProblemDetails | 'network' }>();
  const [message, setMessage] = useState<Said>();
  const [override, setOverride] = useState<{ reportable: boolean; reason: string }>({ reportable: true, reason: '' });
  const [linkIds, setLinkIds] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const [submission, setSubmission] = useState({ kind: 'preliminary' as 'preliminary' | 'final', at: '', ref: '' });

  const load = async () => {
    setFailure(undefined);
    const result = await api.get<IncidentDossier>(path);
    if (result.kind === 'ok') {
      setDossier(result.data);
      setFacts(factsFormOf(result.data.incident));
      setOverride({ reportable: !actsAsReportable(result.data.incident), reason: '' });
      setProblem(undefined);
    } else setProblem(failureOf(result));
  };
  useEffect(() => void load(), [incidentId]);

  const act = async <T,>(
    where: Where,
    send: () => Promise<import('../api').ApiResult<T>>,
    after: (data: T) => Said,
  ) => {
    setMessage(undefined);
    const result = await send();
    const failed = failureOf(result);
    setFailure(failed ? { where, problem: failed } : undefined);
    if (result.kind === 'ok') {
      await load();
      setMessage(after(result.data));
    }
  };

  const title = iw('incidentTitle', language, { id: incidentId });
  if (problem || !dossier || !facts)
    return (
      <>
        <p>
          <a href={hrefOfDeskRoute({ page: 'incidents' })}>{iw('back', language)}</a>
        </p>
        <h1 tabIndex={-1}>{title}</h1>
        {problem ? <ProblemNotice problem={problem} language={language} /> : <p>{iw('loading', language)}</p>}
      </>
    );

  const i = dossier.incident;
  const now = new Date();
  const officer = session.role === 'officer' && i.state !== 'closed';
  const reportable = actsAsReportable(i);
  const problemAt = (where: Where) => {
    if (failure?.where !== where) return null;
    if (failure.problem !== 'network' && failure.problem.status === 409)
      return <Stale language={language} reload={() => void load()} />;
    return <ProblemNotice problem={failure.problem} language={language} />;
  };
  const errorsAt = (where: Where, fields: readonly string[]) =>
    failure?.where === where && failure.problem !== 'network' ? placeProblem(failure.problem, fields).byField : {};
  const category = (id: string) => PERSONAL_DATA_CATEGORIES.find((c) => c.id === id)?.[language] ?? id;
  const count = (n: number | undefined) => (n === undefined ? iw('unknown', language) : String(n));

  return (
    <>
      <p>
        <a href={hrefOfDeskRoute({ page: 'incidents' })}>{iw('back', language)}</a>
      </p>
      <h1 tabIndex={-1}>
        {iw('incident', language)} <span translate={false}>{i.incidentId}</span>
      </h1>
      <dl class="entries">
        <Fact label={iw('state', language)}>{INCIDENT_STATE_WORDS[i.state][language]}</Fact>
        <Fact label={iw('kinds', language)}>
          {joined(
            i.kinds.map((k) => INCIDENT_KIND_WORDS[k][language]),
            language,
          )}
        </Fact>
        <Fact label={iw('awareAt', language)}>{japanTime(i.awareAt, language)}</Fact>
        <Fact label={iw('reportable', language)}>
          {REPORTABILITY_ANSWER_WORDS[reportable ? 'reportable' : 'notReportable'][language]}
        </Fact>
      </dl>
      {message && (
        <p class="answer" role="status">
          {iw(message.key, language, message.values)}
        </p>
      )}
      {i.state === 'draft' && <p class="notice">{iw('draftNote', language)}</p>}
      {i.state === 'closed' && <p class="notice">{iw('closedNote', language, { reason: i.closeReason ?? '' })}</p>}
      {session.role === 'officer' && i.state === 'draft' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              'register',
              () => api.post(`${path}/registration`, { version: i.version }),
              () => ({ key: 'takenOn' }),
            );
          }}
        >
          {problemAt('register')}
          <button type="submit">{iw('takeOn', language)}</button>
        </form>
      )}

      <section aria-labelledby="incident-reportability">
        <h2 id="incident-reportability">{iw('reportability', language)}</h2>
        <div class={i.reportability.reportable ? 'answer-reportable' : 'answer-not-reportable'}>
          <p>
            <strong>{iw(i.reportability.reportable ? 'answerReportable' : 'answerNotReportable', language)}</strong>
          </p>
          <ul class="findings">
            {i.reportability.findings
              .filter((f) => f.met || !i.reportability.reportable)
              .map((f) => (
                <li key={f.rule} class={f.met ? 'met' : undefined}>
                  {findingInWords(f, i.factors, language)}
                </li>
              ))}
          </ul>
          {i.reportability.reportable && i.reportability.findings.some((f) => !f.met) && (
            <details>
              <summary>
                {iw('notMetRules', language, { n: i.reportability.findings.filter((f) => !f.met).length })}
              </summary>
              <ul class="findings">
                {i.reportability.findings
                  .filter((f) => !f.met)
                  .map((f) => (
                    <li key={f.rule}>{findingInWords(f, i.factors, language)}</li>
                  ))}
              </ul>
            </details>
          )}
          {i.reportability.underMyNumberAct && <p>{iw('myNumberAct', language)}</p>}
          <p class="note">{iw('assessedAt', language, { at: japanTime(i.reportability.assessedAt, language) })}</p>
        </div>
        {i.reportability.override && (
          <p class="notice">
            {iw('overrideShown', language, {
              answer: iw(i.reportability.override.reportable ? 'yes' : 'no', language),
              by: i.reportability.override.by,
              at: japanTime(i.reportability.override.at, language),
              reason: i.reportability.override.reason,
            })}
          </p>
        )}
        {officer && (
          <form
            aria-labelledby="incident-override"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                'override',
                () => api.post(`${path}/reportability`, { version: i.version, ...override }),
                () => ({ key: 'overrideDone' }),
              );
            }}
          >
            <h3 id="incident-override">{iw('override', language)}</h3>
            <p>{iw('overrideIntro', language)}</p>
            {problemAt('override')}
            <fieldset>
              <legend>{iw('overrideAnswer', language)}</legend>
              {[true, false].map((answer) => (
                <label key={String(answer)} class="choice">
                  <input
                    type="radio"
                    name="incident-override-answer"
                    checked={override.reportable === answer}
                    onChange={() => setOverride({ ...override, reportable: answer })}
                  />{' '}
                  {iw(answer ? 'yes' : 'no', language)}
                </label>
              ))}
            </fieldset>
            <TextField
              id="incident-override-reason"
              label={iw('overrideReason', language)}
              value={override.reason}
              onInput={(reason) => setOverride({ ...override, reason })}
              errors={errorsAt('override', ['reason']).reason}
              language={language}
              rows={2}
            />
            <button type="submit">{iw('overrideSave', language)}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="incident-deadlines">
        <h2 id="incident-deadlines">{iw('deadlines', language)}</h2>
        {reportable ? (
          <>
            <ScrollRegion label={iw('deadlines', language)}>
              <table aria-labelledby="incident-deadlines">
                <thead>
                  <tr>
                    <th scope="col">{iw('report', language)}</th>
                    <th scope="col">{iw('dueAt', language)}</th>
                    <th scope="col">{iw('submitted', language)}</th>
                  </tr>
                </thead>
                <tbody>
                  {REPORTS.map((kind) => {
                    const done = i.reports[kind];
                    const due = kind === 'preliminary' ? i.deadlines.preliminaryDueAt : i.deadlines.finalDueAt;
                    return (
                      <tr key={kind}>
                        <th scope="row">{REPORT_KIND_WORDS[kind][language]}</th>
                        <td class="date">
                          {japanTime(due, language)}
                          {reportOverdue(i, kind, now) && (
                            <strong class="due-mark overdue"> ({iw('overdue', language)})</strong>
                          )}
                        </td>
                        <td>
                          {done
                            ? iw('submittedLine', language, {
                                at: japanTime(done.submittedAt, language),
                                ref: done.receiptReference,
                                version: done.fromVersion,
                              })
                            : iw('notSubmitted', language)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            <p class="note">{iw('deadlinesNote', language, { days: i.deadlines.finalDays })}</p>
            {session.role !== 'operator' && (
              <ul>
                {REPORTS.map((kind) => (
                  <li key={kind}>
                    <a href={hrefOfDeskRoute({ page: 'incident-report', incidentId: i.incidentId, report: kind })}>
                      {iw('preview', language, { report: REPORT_KIND_WORDS[kind][language] })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {officer && (
              <form
                aria-labelledby="incident-submission"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(
                    'submission',
                    () =>
                      api.post(`${path}/reports/${submission.kind}/submission`, {
                        fromVersion: i.version,
                        submittedAt: instantOfJapanInput(submission.at) ?? submission.at,
                        receiptReference: submission.ref.trim(),
                      }),
                    () => {
                      setSubmission({ ...submission, at: '', ref: '' });
                      return { key: 'submissionRecorded' };
                    },
                  );
                }}
              >
                <h3 id="incident-submission">{iw('recordSubmission', language)}</h3>
                <p>{iw('recordSubmissionIntro', language)}</p>
                {problemAt('submission')}
                <fieldset>
                  <legend>{iw('whichReport', language)}</legend>
                  {REPORTS.map((kind) => (
                    <label key={kind} class="choice">
                      <input
                        type="radio"
                        name="incident-submission-kind"
                        checked={submission.kind === kind}
                        onChange={() => setSubmission({ ...submission, kind })}
                      />{' '}
                      {REPORT_KIND_WORDS[kind][language]}
                    </label>
                  ))}
                </fieldset>
                <div class="field-row">
                  <TextField
                    id="incident-submission-at"
                    type="datetime-local"
                    label={iw('submittedAt', language)}
                    value={submission.at}
                    onInput={(at) => setSubmission({ ...submission, at })}
                    errors={errorsAt('submission', ['submittedAt']).submittedAt}
                    language={language}
                  />
                  <TextField
                    id="incident-submission-ref"
                    label={iw('receiptReference', language)}
                    value={submission.ref}
                    onInput={(ref) => setSubmission({ ...submission, ref })}
                    errors={errorsAt('submission', ['receiptReference']).receiptReference}
                    language={language}
                  />
                </div>
                <button type="submit">{iw('recordSubmission', language)}</button>
              </form>
            )}
          </>
        ) : (
          <p>{iw('notReportableNoDeadlines', language)}</p>
        )}
      </section>

      <section aria-labelledby="incident-facts">
        <h2 id="incident-facts">{iw('facts', language)}</h2>
        <dl class="entries">
          <Fact label={iw('awareHow', language)}>
            <Written text={i.awareHow} language={language} />
          </Fact>
          {i.occurredAt && <Fact label={iw('occurredAt', language)}>{japanTime(i.occurredAt, language)}</Fact>}
          <Fact label={iw('summary', language)}>
            <Written text={i.summary} language={language} />
          </Fact>
          <Fact label={iw('categories', language)}>
            {i.categories.length ? joined(i.categories.map(category), language) : '—'}
          </Fact>
          <Fact label={iw('dataItemsShown', language)}>
            {i.dataItems.length ? <span translate={false}>{joined(i.dataItems, language)}</span> : '—'}
          </Fact>
          <Fact label={iw('persons', language)}>
            {iw('personsLine', language, {
              estimated: count(i.persons.estimated),
              confirmed: count(i.persons.confirmed),
              linked: i.persons.linked,
            })}
          </Fact>
          <Fact label={iw('factors', language)}>
            <ul>
              {(Object.keys(INCIDENT_FACTOR_WORDS) as Factor[])
                .filter((f) => i.factors[f])
                .map((f) => (
                  <li key={f}>{INCIDENT_FACTOR_WORDS[f][language]}</li>
                ))}
            </ul>
          </Fact>
          {(['cause', 'secondaryDamage', 'measuresTaken', 'publication', 'recurrencePrevention', 'other'] as const).map(
            (key) => (
              <Fact key={key} label={iw(key as IncidentsTextKey, language)}>
                <Written text={i[key]} language={language} />
              </Fact>
            ),
          )}
          {i.fromAlert && (
            <Fact label={iw('fromAlert', language)}>
              <code>{i.fromAlert}</code>
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="incident-subjects">
        <h2 id="incident-subjects">{iw('subjects', language)}</h2>
        {dossier.subjects.length === 0 ? (
          <p>{iw('noSubjects', language)}</p>
        ) : (
          <ScrollRegion label={iw('subjects', language)}>
            <table aria-labelledby="incident-subjects">
              <thead>
                <tr>
                  <th scope="col">{iw('subjectId', language)}</th>
                  <th scope="col">{iw('linkedAt', language)}</th>
                  <th scope="col">{iw('notice', language)}</th>
                </tr>
              </thead>
              <tbody>
                {dossier.subjects.map((s) => (
                  <tr key={s.subjectId}>
                    <td>
                      <code>{s.subjectId}</code>
                    </td>
                    <td class="date">{japanTime(s.linkedAt, language)}</td>
                    <td>
                      {!s.notice
                        ? iw('noticeNone', language)
                        : s.notice.state === 'sent'
                          ? iw('noticeSent', language, {
                              at: japanTime(s.notice.sentAt ?? s.notice.decidedAt, language),
                            })
                          : s.notice.state === 'unreachable'
                            ? iw('noticeUnreachable', language, { measure: s.notice.alternativeMeasure ?? '' })
                            : iw('noticePending', language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {officer && (
          <form
            aria-labelledby="incident-link"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                'link',
                () => api.post(`${path}/subjects`, { version: i.version, subjectIds: subjectIdsOf(linkIds) }),
                () => {
                  setLinkIds('');
                  return { key: 'linked' };
                },
              );
            }}
          >
            <h3 id="incident-link">{iw('link', language)}</h3>
            {problemAt('link')}
            <TextField
              id="incident-link-ids"
              label={iw('linkIds', language)}
              hint={iw('linkHint', language)}
              value={linkIds}
              onInput={setLinkIds}
              errors={errorsAt('link', ['subjectIds']).subjectIds}
              language={language}
              rows={3}
            />
            <button type="submit">{iw('linkSave', language)}</button>
          </form>
        )}
      </section>

      {officer && i.state === 'open' && reportable && (
        <NotifyStep
          session={session}
          incidentId={i.incidentId}
          version={i.version}
          language={language}
          toNotify={unnotified(dossier.subjects).length}
          problem={failure?.where === 'notify' ? failure.problem : undefined}
          reload={() => void load()}
          send={(measure) =>
            act(
              'notify',
              () =>
                api.post<{ sent: number; unreachable: number }>(`${path}/notices`, {
                  version: i.version,
                  ...(measure ? { alternativeMeasure: measure } : {}),
                }),
              (outcome) => ({ key: 'notified', values: { n: outcome.sent + outcome.unreachable } }),
            )
          }
        />
      )}

      <section aria-labelledby="incident-versions">
        <h2 id="incident-versions">{iw('versions', language)}</h2>
        <ScrollRegion label={iw('versions', language)}>
          <table aria-labelledby="incident-versions">
            <thead>
              <tr>
                <th scope="col">{iw('version', language)}</th>
                <th scope="col">{iw('state', language)}</th>
                <th scope="col">{iw('at', language)}</th>
                <th scope="col">{iw('by', language)}</th>
                <th scope="col">{iw('reason', language)}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{INCIDENT_STATE_WORDS[v.state][language]}</td>
                  <td class="date">{japanTime(v.closedAt ?? v.changedAt ?? v.createdAt, language)}</td>
                  <td translate={false}>{v.closedBy ?? v.changedBy ?? v.createdBy}</td>
                  <td translate={false}>{versionReason(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      {session.role !== 'operator' && (
        <IncidentTimeline session={session} language={language} incidentId={i.incidentId} version={i.version} />
      )}

      {officer && (
        <section aria-labelledby="incident-change">
          <h2 id="incident-change">{iw('change', language)}</h2>
          <p>{iw('changeIntro', language)}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                'change',
                () => api.put<IncidentView>(path, { ...factsBody(facts), version: i.version, reason: facts.reason }),
                (changed) => ({ key: 'changed', values: { version: changed.version } }),
              );
            }}
          >
            {problemAt('change')}
            <FactsFields
              form={facts}
              setForm={setFacts}
              language={language}
              mode="change"
              errors={errorsAt('change', FACTS_FIELDS)}
            />
            <button type="submit">{iw('save', language)}</button>
          </form>
        </section>
      )}
      {officer && i.state === 'open' && (
        <section aria-labelledby="incident-close">
          <h2 id="incident-close">{iw('close', language)}</h2>
          <p>{iw('closeIntro', language)}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                'close',
                () => api.post(`${path}/closure`, { version: i.version, reason: closeReason }),
                () => ({ key: 'closed' }),
              );
            }}
          >
            {problemAt('close')}
            <TextField
              id="incident-close-reason"
              label={iw('closeReason', language)}
              value={closeReason}
              onInput={setCloseReason}
              errors={errorsAt('close', ['reason']).reason}
              language={language}
              rows={2}
            />
            <button type="submit">{iw('close', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
