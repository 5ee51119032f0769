// The decision form (POST /v1/staff/requests/{id}/decision), operators only: the outcomes, refusal
// grounds and details the API offers for this request's type (decisionOptions), the reason a refusal
// must give (APPI Art. 36), and the API's answer placed field by field. Deciding takes two steps: the
// preview (POST …/decision-preview) shows the e-mail exactly as the person will receive it and, for a
// disclosure, what the dossier will hold; only then does the operator confirm, and exactly what was
// previewed is sent. A correction's changes are chosen from the person's records (correction-changes.tsx).
// The draft lives with the page and in the tab's sessionStorage (decision-draft.ts), so a network
// failure, a reload or a forced sign-in loses nothing typed; resending is safe because the API decides
// an open request only once.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  detailPaths,
  emptyValue,
  type FormObject,
  type FormValue,
  formFieldId,
  type PlacedErrors,
  placeErrors,
} from '../schema-form';
import type { Label } from '../text';
import { CorrectionChanges, type PersonRecords, type RecordsState } from './correction-changes';
import {
  type DecisionDraft,
  type DecisionOptions,
  decisionBody,
  needsGrounds,
  recordRowsOf,
  withoutChanges,
} from './decision-draft';
import { japanDate } from './queue';
import { aboutThePerson, labelOf, OUTCOME_LABELS, rt } from './request-text';
import { DetailsFields, describedBy, FieldMessages } from './schema-fields';
import type { StaffApi } from './staff-api';
import type { Language } from './text';

export function DecisionForm({
  api,
  requestId,
  options,
  draft,
  setDraft,
  language,
  onDecided,
  onConflict,
}: {
  api: StaffApi;
  requestId: string;
  options: DecisionOptions;
  draft: DecisionDraft;
  setDraft: (draft: DecisionDraft) => void;
  language: Language;
  onDecided: () => void;
  /** Someone changed the request meanwhile: the page reloads it, keeping this draft. */
  onConflict: () => void;
}) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors>();
  const [networkFailed, setNetworkFailed] = useState(false);
  const [preview, setPreview] = useState<{ sent: string; shown: DecisionPreview }>();
  const [records, setRecords] = useState<RecordsState>();
  const summary = useRef<HTMLDivElement>(null);
  const outcome = draft.outcome;
  const schema = options.details[outcome];
  const recordRows = recordRowsOf(schema);
  const personRecords: PersonRecords | undefined =
    records?.kind === 'ok' && records.data.subjectIds.length > 0 ? records.data : undefined;

  // The person's records are read (and logged) only when a decision names records to change.
  const wantsRecords = !!recordRows;
  useEffect(() => {
    if (!wantsRecords || records) return;
    void api.get<PersonRecords>(`/v1/staff/requests/${encodeURIComponent(requestId)}/records`).then(setRecords);
  }, [wantsRecords, requestId]);

  /** Any change to the decision makes the preview stale: it must be seen again before deciding. */
  const change = (next: DecisionDraft) => {
    setPreview(undefined);
    setDraft(next);
  };
  const byPath = errors?.byPath ?? {};
  const shown = [
    'outcome',
    ...(needsGrounds(outcome) ? ['grounds', 'reason'] : []),
    ...(schema ? detailPaths(schema, draft.details[outcome]) : []),
  ];

  const setDetails = (value: FormValue) => change({ ...draft, details: { ...draft.details, [outcome]: value } });

  const choose = (next: string) => {
    const nextSchema = options.details[next];
    const started = draft.details[next] !== undefined || !nextSchema;
    change({
      ...draft,
      outcome: next,
      details: started ? draft.details : { ...draft.details, [next]: emptyValue(nextSchema) },
    });
  };

  const failed = (result: Exclude<Awaited<ReturnType<StaffApi['post']>>, { kind: 'ok' }>) => {
    if (result.kind === 'network') {
      setNetworkFailed(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const placed = placeErrors(result.problem, shown);
    setErrors(placed);
    if (result.problem.status === 409) onConflict();
    const first = shown.find((path) => placed.byPath[path]);
    requestAnimationFrame(() =>
      first && !placed.general.length ? document.getElementById(formFieldId(first))?.focus() : summary.current?.focus(),
    );
  };

  /** Step one: what the person would receive. */
  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    const body = decisionBody(options, draft);
    const result = await api.post<DecisionPreview>(
      `/v1/staff/requests/${encodeURIComponent(requestId)}/decision-preview`,
      body,
    );
    setSending(false);
    if (result.kind !== 'ok') return failed(result);
    setErrors(undefined);
    setPreview({ sent: JSON.stringify(body), shown: result.data });
    requestAnimationFrame(() => document.getElementById('preview-heading')?.focus());
  };

  /** Step two: the decision exactly as previewed. */
  const confirm = async () => {
    if (sending || !preview) return;
    setSending(true);
    setNetworkFailed(false);
    const result = await api.post<{ status: string }>(
      `/v1/staff/requests/${encodeURIComponent(requestId)}/decision`,
      JSON.parse(preview.sent),
    );
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      onDecided();
      return;
    }
    if (result.kind !== 'network') setPreview(undefined);
    failed(result);
  };

  return (
    <form class="decision" onSubmit={submit} noValidate aria-labelledby="decision-heading">
      <div ref={summary} tabIndex={-1} role="alert" class={networkFailed || errors ? 'summary' : undefined}>
        {networkFailed && <p>{rt('network', language)}</p>}
        {errors && (
          <>
            <p>{rt('fixBelow', language)}</p>
            {errors.general.length > 0 && (
              <ul>
                {errors.general.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <fieldset class="field" id={formFieldId('outcome')} tabIndex={-1} {...describedBy('outcome', byPath)}>
        <legend>
          {rt('outcome', language)}
          <span class="required">（{rt('required', language)}）</span>
        </legend>
        {options.outcomes.map((o) => (
          <label key={o} class="choice">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => choose(o)} />
            {labelOf(OUTCOME_LABELS, o, language)}
          </label>
        ))}
        <FieldMessages path="outcome" errors={byPath} language={language} />
      </fieldset>
      {needsGrounds(outcome) && (
        <>
          <fieldset class="field" id={formFieldId('grounds')} tabIndex={-1} {...describedBy('grounds', byPath)}>
            <legend>
              {rt('grounds', language)}
              <span class="required">（{rt('required', language)}）</span>
            </legend>
            {options.refusalGrounds.map(({ ground, label }) => (
              <label key={ground} class="choice">
                <input
                  type="checkbox"
                  name="grounds"
                  value={ground}
                  checked={draft.grounds.includes(ground)}
                  onChange={(e) =>
                    change({
                      ...draft,
                      grounds: e.currentTarget.checked
                        ? [...draft.grounds, ground]
                        : draft.grounds.filter((g) => g !== ground),
                    })
                  }
                />
                {aboutThePerson(label[language], language)}
              </label>
            ))}
            <FieldMessages path="grounds" errors={byPath} language={language} />
          </fieldset>
          <div class="field">
            <label for={formFieldId('reason')}>
              {rt('reason', language)}
              <span class="required">（{rt('required', language)}）</span>
            </label>
            <textarea
              id={formFieldId('reason')}
              rows={4}
              value={draft.reason}
              aria-required
              {...describedBy('reason', byPath)}
              onInput={(e) => change({ ...draft, reason: e.currentTarget.value })}
            />
            <FieldMessages path="reason" errors={byPath} language={language} />
          </div>
        </>
      )}
      {outcome &&
        (schema ? (
          <fieldset class="field group" id={formFieldId('details')} tabIndex={-1} {...describedBy('details', byPath)}>
            <legend>{rt('detailsHeading', language)}</legend>
            <DetailsFields
              schema={recordRows && personRecords ? withoutChanges(schema) : schema}
              value={draft.details[outcome]}
              errors={byPath}
              language={language}
              onChange={setDetails}
            />
            {recordRows && !records && <p role="status">{rt('recordsLoading', language)}</p>}
            {recordRows && records && !personRecords && (
              <p class="notice">{rt(records.kind === 'ok' ? 'recordsNone' : 'recordsFailed', language)}</p>
            )}
            {recordRows && personRecords && (
              <CorrectionChanges
                changesSchema={recordRows}
                value={(draft.details[outcome] as FormObject | undefined)?.changes}
                records={personRecords}
                errors={byPath}
                language={language}
                onChange={(rows) => setDetails({ ...(draft.details[outcome] as FormObject), changes: rows })}
              />
            )}
            <FieldMessages path="details" errors={byPath} language={language} />
          </fieldset>
        ) : (
          <p class="note">{rt('noDecisionDetails', language)}</p>
        ))}
      {preview ? (
        <PreviewPanel
          preview={preview.shown}
          language={language}
          sending={sending}
          onConfirm={() => void confirm()}
          onChange={() => {
            setPreview(undefined);
            requestAnimationFrame(() => document.getElementById(formFieldId('outcome'))?.focus());
          }}
        />
      ) : (
        <button type="submit" aria-disabled={sending}>
          {sending ? rt('previewing', language) : rt('preview', language)}
        </button>
      )}
    </form>
  );
}

/** POST /v1/staff/requests/{requestId}/decision-preview */
export interface DecisionPreview {
  requestId: string;
  outcome: string;
  message: { to: string; language: Language; subject: string; text: string };
  linkPlaceholder?: string;
  dossier?: {
    covers: string[];
    categories: Array<{ category: string; label: Label; count: number }>;
    records: Array<{
      category: string;
      categoryLabel: Label;
      value: string;
      source: Label;
      acquiredAt: string;
      specialCare: boolean;
    }>;
    consents: number;
    provisionRecords: number;
    withheld: Array<{ category: string; label: Label }>;
  };
}

/** The e-mail's text as sent, the link made only on sending marked in the staff member's words. */
function MailText({ preview, language }: { preview: DecisionPreview; language: Language }) {
  const { text, language: mailLanguage } = preview.message;
  const parts = preview.linkPlaceholder ? text.split(preview.linkPlaceholder) : [text];
  return (
    <pre class="mail" lang={mailLanguage} translate={false}>
      {parts.flatMap((part, i) =>
        i === 0
          ? [part]
          : [
              <mark key={i} lang={language}>
                {rt('linkMadeOnSending', language)}
              </mark>,
              part,
            ],
      )}
    </pre>
  );
}

function DossierOutline({
  dossier,
  language,
}: {
  dossier: NonNullable<DecisionPreview['dossier']>;
  language: Language;
}) {
  return (
    <section aria-labelledby="preview-dossier-heading">
      <h4 id="preview-dossier-heading">{rt('dossierHeading', language)}</h4>
      {dossier.records.length === 0 ? (
        <p>{rt('dossierNothing', language)}</p>
      ) : (
        <>
          <table class="dossier-counts">
            <caption>{rt('dossierCounts', language)}</caption>
            <thead>
              <tr>
                <th scope="col">{rt('dossierCategory', language)}</th>
                <th scope="col">{rt('dossierCount', language)}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.categories.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.label[language]}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="table-scroll">
            <table class="dossier-items">
              <caption>{rt('dossierItems', language)}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt('dossierCategory', language)}</th>
                  <th scope="col">{rt('dossierValue', language)}</th>
                  <th scope="col">{rt('dossierSource', language)}</th>
                  <th scope="col">{rt('dossierAcquired', language)}</th>
                </tr>
              </thead>
              <tbody>
                {dossier.records.map((r, i) => (
                  <tr key={i}>
                    <td>
                      {r.categoryLabel[language]}
                      {r.specialCare && <> （{rt('specialCare', language)}）</>}
                    </td>
                    <td translate={false}>{r.value}</td>
                    <td>{aboutThePerson(r.source[language], language)}</td>
                    <td>{japanDate(r.acquiredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ul>
        <li>{rt('dossierConsents', language, { n: dossier.consents })}</li>
        <li>{rt('dossierProvisions', language, { n: dossier.provisionRecords })}</li>
      </ul>
      {dossier.withheld.length > 0 && (
        <>
          <h5>{rt('dossierWithheld', language)}</h5>
          <ul>
            {dossier.withheld.map((w) => (
              <li key={w.category}>{w.label[language]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PreviewPanel({
  preview,
  language,
  sending,
  onConfirm,
  onChange,
}: {
  preview: DecisionPreview;
  language: Language;
  sending: boolean;
  onConfirm: () => void;
  onChange: () => void;
}) {
  const { message } = preview;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading" tabIndex={-1}>
        {rt('previewHeading', language)}
      </h3>
      <p>{rt('previewIntro', language)}</p>
      <p class="note">{rt('previewLogged', language)}</p>
      <dl class="facts">
        <dt>{rt('mailTo', language)}</dt>
        <dd translate={false}>{message.to}</dd>
        <dt>{rt('mailSubject', language)}</dt>
        <dd lang={message.language} translate={false}>
          {message.subject}
        </dd>
      </dl>
      <p class="note">{rt(message.language === 'ja' ? 'mailLanguageJa' : 'mailLanguageEn', language)}</p>
      <figure class="mail">
        <figcaption class="mail-label">{rt('mailText', language)}</figcaption>
        <MailText preview={preview} language={language} />
      </figure>
      {preview.dossier && <DossierOutline dossier={preview.dossier} language={language} />}
      <div class="actions">
        <button type="button" aria-disabled={sending} onClick={onConfirm}>
          {sending ? rt('sending', language) : rt('confirmDecision', language)}
        </button>{' '}
        <button type="button" class="secondary" onClick={onChange}>
          {rt('changeDecision', language)}
        </button>
      </div>
    </section>
  );
}
