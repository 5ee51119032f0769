// The decision form (POST /v1/staff/requests/{id}/decision), operators only: the outcomes, refusal
// grounds and details the API offers for this request's type (decisionOptions), the reason a refusal
// must give (APPI Art. 36), and the API's answer placed field by field. The draft lives with the page,
// so a network failure or a reload of the request loses nothing typed; resending is safe because the
// API decides an open request only once.
import { useRef, useState } from 'preact/hooks';
import { detailPaths, emptyValue, formFieldId, type PlacedErrors, placeErrors } from '../schema-form';
import { type DecisionDraft, type DecisionOptions, decisionBody, needsGrounds } from './decision-draft';
import { labelOf, OUTCOME_LABELS, rt } from './request-text';
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
  const summary = useRef<HTMLDivElement>(null);
  const outcome = draft.outcome;
  const schema = options.details[outcome];
  const byPath = errors?.byPath ?? {};
  const shown = [
    'outcome',
    ...(needsGrounds(outcome) ? ['grounds', 'reason'] : []),
    ...(schema ? detailPaths(schema, draft.details[outcome]) : []),
  ];

  const choose = (next: string) => {
    const nextSchema = options.details[next];
    const started = draft.details[next] !== undefined || !nextSchema;
    setDraft({
      ...draft,
      outcome: next,
      details: started ? draft.details : { ...draft.details, [next]: emptyValue(nextSchema) },
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    const result = await api.post<{ status: string }>(
      `/v1/staff/requests/${encodeURIComponent(requestId)}/decision`,
      decisionBody(options, draft),
    );
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      onDecided();
      return;
    }
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
                    setDraft({
                      ...draft,
                      grounds: e.currentTarget.checked
                        ? [...draft.grounds, ground]
                        : draft.grounds.filter((g) => g !== ground),
                    })
                  }
                />
                {label[language]}
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
              onInput={(e) => setDraft({ ...draft, reason: e.currentTarget.value })}
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
              schema={schema}
              value={draft.details[outcome]}
              errors={byPath}
              language={language}
              onChange={(value) => setDraft({ ...draft, details: { ...draft.details, [outcome]: value } })}
            />
            <FieldMessages path="details" errors={byPath} language={language} />
          </fieldset>
        ) : (
          <p class="note">{rt('noDecisionDetails', language)}</p>
        ))}
      <button type="submit" aria-disabled={sending}>
        {sending ? rt('sending', language) : rt('decide', language)}
      </button>
    </form>
  );
}
