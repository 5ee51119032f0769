// A request as the desk handles it (GET /v1/staff/requests/{id}, access-logged by the API): its facts,
// who asked about whom, what was asked, the history and notes, and the steps staff take on it:
// assignment, notes, the representative check, the decision (operators), and the posting of a paper
// disclosure. Personal data stays on screen: nothing is stored, and the URL holds only the id.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api';
import type { StaffRequestView } from '../api-types';
import { FIELD_LABELS, OPTION_LABELS, STATUS_LABELS, TYPE_LABELS } from '../text';
import { type DetailsNode, detailsNode } from './decided-details';
import { draftKey, emptyDecisionDraft, useDecisionDraft } from './decision-draft';
import { DecisionForm } from './decision-form';
import { HoldersSection } from './holders-section';
import type { DeskPageProps } from './page-props';
import { failureOf, ProblemNotice } from './problem';
import { dueMark, japanDate } from './queue';
import { AssignmentForm, NoteForm, PostingForm, RepresentativeForm } from './request-actions';
import {
  AUTHORITY_DOCUMENTS,
  aboutThePerson,
  DESK_DETAIL_FIELD_LABELS,
  EVENT_LABELS,
  IDENTITY_DOCUMENTS,
  LANGUAGE_LABELS,
  labelOf,
  METHOD_LABELS,
  OUTCOME_LABELS,
  REQUESTER_KIND_LABELS,
  rt,
  staffLabelOf,
} from './request-text';
import { hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';
import './request.css';
import type { Language } from './text';

/** The staff view of a request (GET /v1/staff/requests/{id}). */
export type { StaffRequestView };

const JAPAN_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** YYYY-MM-DD HH:mm in Japan time. */
export function japanDateTime(iso: string | undefined): string {
  return iso ? `${japanDate(iso)} ${JAPAN_TIME.format(new Date(iso))}` : '';
}

/**
 * What a field of the request's details is called for the staff ("items.0.content" →
 * "details.items.#.content"): about the person, not to them; else as on the Privacy Center's form; else its name.
 */
function detailName(path: string, language: Language): string {
  const key = `details.${path.replace(/\.\d+(?=\.|$)/g, '.#')}`;
  const label = DESK_DETAIL_FIELD_LABELS[key] ?? FIELD_LABELS[key];
  return label ? aboutThePerson(label[language], language) : path.split('.').at(-1)!;
}

/** The request's details as the person gave them: nested lists, option ids in words where the form has them. */
function DetailsView({ value, path, language }: { value: unknown; path: string; language: Language }) {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null))
      return <>{value.map((v) => staffLabelOf(OPTION_LABELS, String(v), language)).join('、')}</>;
    return (
      <ol>
        {value.map((item, i) => (
          <li key={i}>
            <DetailsView value={item} path={`${path}.${i}`} language={language} />
          </li>
        ))}
      </ol>
    );
  }
  if (value && typeof value === 'object') {
    return (
      <dl>
        {Object.entries(value).map(([key, part]) => {
          const partPath = path ? `${path}.${key}` : key;
          return [
            <dt key={`${key}-t`}>{detailName(partPath, language)}</dt>,
            <dd key={`${key}-d`}>
              <DetailsView value={part} path={partPath} language={language} />
            </dd>,
          ];
        })}
      </dl>
    );
  }
  return <>{staffLabelOf(OPTION_LABELS, String(value), language)}</>;
}

/** A decided request's details: fields as a list of terms, rows (a correction's changes) as a table. */
function DecidedDetails({ node }: { node: DetailsNode }) {
  switch (node.kind) {
    case 'text':
      return <span class="note-text">{node.text}</span>;
    case 'list':
      return (
        <ul>
          {node.items.map((item, i) => (
            <li key={i}>
              <DecidedDetails node={item} />
            </li>
          ))}
        </ul>
      );
    case 'fields':
      return (
        <dl class="decided-details">
          {node.fields.map((f) => [
            <dt key={`${f.key}-t`}>{f.label}</dt>,
            <dd key={`${f.key}-d`}>
              <DecidedDetails node={f.value} />
            </dd>,
          ])}
        </dl>
      );
    case 'table':
      return (
        <div class="table-scroll">
          <table class="decided-rows">
            <thead>
              <tr>
                {node.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {node.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>
                      <DecidedDetails node={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function Facts({ items }: { items: Array<[string, ComponentChildren] | false | undefined> }) {
  return (
    <dl class="facts">
      {items
        .filter((i): i is [string, ComponentChildren] => Boolean(i))
        .map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}
    </dl>
  );
}

export function RequestPage({ session, language, requestId }: DeskPageProps & { requestId: string }) {
  const api = staffApi(session);
  const [result, setResult] = useState<ApiResult<StaffRequestView>>();
  const [draft, setDraft] = useDecisionDraft(draftKey(session.staffId, requestId, 'decision'));
  const [justDecided, setJustDecided] = useState(false);

  // A reload keeps the request on screen until the new answer arrives, so no form loses what was typed.
  const load = () =>
    void api.get<StaffRequestView>(`/v1/staff/requests/${encodeURIComponent(requestId)}`).then(setResult);
  useEffect(() => {
    setResult(undefined);
    setJustDecided(false);
    load();
  }, [session, requestId]);

  const failure = result && failureOf(result);
  const request = result?.kind === 'ok' ? result.data : undefined;
  const back = (
    <p>
      <a href={hrefOfDeskRoute({ page: 'queue' })}>{rt('back', language)}</a>
    </p>
  );
  if (!request) {
    return (
      <>
        <h1 tabIndex={-1}>{rt('title', language)}</h1>
        {back}
        {!result && <p role="status">{rt('loading', language)}</p>}
        {failure && (
          <>
            <ProblemNotice problem={failure} language={language} />
            <button type="button" onClick={load}>
              {rt('reload', language)}
            </button>
          </>
        )}
      </>
    );
  }

  const open = request.status === 'received' || request.status === 'in-progress';
  const overdue = dueMark(request, new Date()) === 'overdue';
  const representative = request.requester.kind !== 'self';
  const verification = request.representativeVerification;
  const decision = request.decision;
  const actionProps = { api, requestId, language, onDone: load };

  return (
    <>
      <h1 tabIndex={-1}>
        {rt('title', language)}: <code>{request.requestId}</code>
      </h1>
      {back}
      {failure && <ProblemNotice problem={failure} language={language} />}
      <p class="note">{rt('timesNote', language)}</p>

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{rt('facts', language)}</h2>
        <Facts
          items={[
            [rt('type', language), staffLabelOf(TYPE_LABELS, request.type, language)],
            [
              rt('status', language),
              <span class="request-status">{labelOf(STATUS_LABELS, request.status, language)}</span>,
            ],
            [rt('received', language), japanDateTime(request.receivedAt)],
            !!request.dueAt && [
              rt('due', language),
              <>
                {japanDateTime(request.dueAt)}
                {overdue && (
                  <>
                    {' '}
                    <strong class="due-mark overdue">
                      <span aria-hidden="true">⚠ </span>
                      {rt('overdue', language)}
                    </strong>
                  </>
                )}
              </>,
            ],
            !!request.closedAt && [rt('closed', language), japanDateTime(request.closedAt)],
            [rt('assignee', language), request.assignee ?? rt('unassigned', language)],
            [rt('language', language), labelOf(LANGUAGE_LABELS, request.language, language)],
          ]}
        />
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">
          {rt('requester', language)} / {rt('subject', language)}
        </h2>
        <div class="people">
          <Facts
            items={[
              [rt('kind', language), labelOf(REQUESTER_KIND_LABELS, request.requester.kind, language)],
              [`${rt('requester', language)}: ${rt('name', language)}`, request.requester.name],
              [`${rt('requester', language)}: ${rt('email', language)}`, request.requester.email],
              [`${rt('subject', language)}: ${rt('email', language)}`, request.subject.email],
              request.subject.name !== undefined && [
                `${rt('subject', language)}: ${rt('name', language)}`,
                request.subject.name,
              ],
            ]}
          />
        </div>
        {request.answerAddressHeldForCustomer === false && (
          <p class="notice" id="answer-address-not-held">
            {rt('answerAddressNotHeld', language)}
          </p>
        )}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{rt('details', language)}</h2>
        {request.details && Object.keys(request.details).length > 0 ? (
          <DetailsView value={request.details} path="" language={language} />
        ) : (
          <p>{rt('noDetails', language)}</p>
        )}
      </section>

      {representative && (
        <section aria-labelledby="representative-heading">
          <h2 id="representative-heading">{rt('representative', language)}</h2>
          {verification ? (
            <Facts
              items={[
                [
                  rt('authorityDocument', language),
                  labelOf(AUTHORITY_DOCUMENTS, verification.authorityDocument, language),
                ],
                [
                  rt('identityDocument', language),
                  labelOf(IDENTITY_DOCUMENTS, verification.identityDocument, language),
                ],
                [rt('checkedBy', language), verification.checkedBy],
                [rt('checkedAt', language), japanDateTime(verification.checkedAt)],
              ]}
            />
          ) : (
            open && <RepresentativeForm {...actionProps} requesterKind={request.requester.kind} />
          )}
        </section>
      )}

      {open && <AssignmentForm {...actionProps} session={session} assignee={request.assignee} />}

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{rt('notes', language)}</h2>
        {request.notes?.length ? (
          <ul class="notes">
            {request.notes.map((n, i) => (
              <li key={i}>
                <p class="note">
                  {japanDateTime(n.at)} — {n.by}
                </p>
                <p class="note-text">{n.text}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{rt('noNotes', language)}</p>
        )}
        {open && <NoteForm {...actionProps} draftKey={draftKey(session.staffId, requestId, 'note')} />}
      </section>

      {(decision || (open && request.decisionOptions && session.role === 'operator')) && (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{rt('decision', language)}</h2>
          {justDecided && decision && (
            <p class="success" role="status">
              <span aria-hidden="true">✓ </span>
              {rt('decided', language)}
            </p>
          )}
          {decision ? (
            <Facts
              items={[
                [rt('outcome', language), labelOf(OUTCOME_LABELS, decision.outcome, language)],
                decision.grounds.length > 0 && [
                  rt('grounds', language),
                  <ul>
                    {decision.groundLabels.map((g) => (
                      <li key={g.id}>{aboutThePerson(g[language], language)}</li>
                    ))}
                  </ul>,
                ],
                decision.reason !== undefined && [rt('reason', language), <p class="note-text">{decision.reason}</p>],
                decision.details && [
                  rt('detailsHeading', language),
                  <DecidedDetails node={detailsNode(decision.details, language)} />,
                ],
                [rt('decidedBy', language), decision.decidedBy],
                [rt('decidedAt', language), japanDateTime(decision.decidedAt)],
              ]}
            />
          ) : (
            <DecisionForm
              api={api}
              requestId={requestId}
              options={request.decisionOptions!}
              draft={draft}
              setDraft={setDraft}
              language={language}
              onDecided={() => {
                setDraft(emptyDecisionDraft());
                setJustDecided(true);
                load();
              }}
              onConflict={load}
            />
          )}
        </section>
      )}

      {request.fulfilment && (
        <HoldersSection {...actionProps} fulfilment={request.fulfilment} session={session} format={japanDateTime} />
      )}

      {request.delivery && (
        <section aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">{rt('delivery', language)}</h2>
          <Facts
            items={[
              [rt('method', language), labelOf(METHOD_LABELS, request.delivery.method, language)],
              request.delivery.method === 'paper' && [
                rt('postedOn', language),
                request.delivery.postedOn ?? rt('notYetPosted', language),
              ],
              request.delivery.trackingNumber !== undefined && [
                rt('trackingNumber', language),
                request.delivery.trackingNumber,
              ],
              request.delivery.postedBy !== undefined && [rt('postedBy', language), request.delivery.postedBy],
            ]}
          />
          {request.delivery.method === 'paper' && session.role === 'operator' && (
            <p>
              <a href={hrefOfDeskRoute({ page: 'request-print', requestId })} aria-describedby="print-logged">
                {rt('printCopy', language)}
              </a>
              <br />
              <span class="note" id="print-logged">
                {rt('printLogged', language)}
              </span>
            </p>
          )}
          {request.delivery.method === 'paper' && !request.delivery.postedOn && session.role === 'operator' && (
            <PostingForm {...actionProps} />
          )}
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{rt('history', language)}</h2>
        <div class="table-scroll">
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{rt('at', language)}</th>
                <th scope="col">{rt('event', language)}</th>
                <th scope="col">{rt('by', language)}</th>
                <th scope="col">{rt('about', language)}</th>
              </tr>
            </thead>
            <tbody>
              {request.history.map((h, i) => (
                <tr key={i}>
                  <td>{japanDateTime(h.at)}</td>
                  <td>{labelOf(EVENT_LABELS, h.event, language)}</td>
                  <td>{h.by ?? rt('requesterActed', language)}</td>
                  <td>{h.assignee ? `→ ${h.assignee}` : (h.reason ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
