// The status page (GET /v1/requests/{id}), read with the status token this tab holds: the one the
// code step returned, or the one the e-mailed link carried (taken out of the address by app.tsx).
// A decision shows its outcome, the grounds in the Act's words and the reason, in the reader's
// language, and what happens next; an open request can be withdrawn after a confirmation
// (POST /v1/requests/{id}/withdrawal), and so can a decided one whose answer still waits for the
// holders, saying what withdrawing then does. A complaint is called a complaint throughout.
import { useEffect, useRef, useState } from 'preact/hooks';
import { AWAITING_HOLDERS_NOTE } from '../../functions/domain/fulfilment/tracking-words';
import { type ApiResult, api, type RequestStatus, statusTokens } from './api';
import { COMPLAINT_OUTCOME, decidedNext, madeWord, OPEN_NEXT, tj, WITHDRAWN_NEXT } from './journey-text';
import { problemMessage, type Refusal } from './problem-text';
import type { Language } from './request-form';
import { formatTime, localised, OUTCOME_LABELS, STATUS_LABELS, TYPE_LABELS, t } from './text';

/** Withdrawal needs a request the desk still handles; one awaiting its code is not yet received. */
const WITHDRAWABLE = new Set(['received', 'in-progress']);
/** The API's limit on a withdrawal's reason (the contract's withdrawalBody). */
const REASON_MAX_CHARS = 2000;

function Decision({
  type,
  decision,
  awaitingHolders,
  language,
}: {
  type: string;
  decision: NonNullable<RequestStatus['decision']>;
  awaitingHolders: boolean;
  language: Language;
}) {
  const grounds = decision.groundLabels ?? decision.grounds.map((id) => ({ id, ja: id, en: id }));
  const outcome = type === 'complaint' ? COMPLAINT_OUTCOME[decision.outcome] : OUTCOME_LABELS[decision.outcome];
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('decision', language)}</h2>
      <dl class="status">
        <dt>{t('outcome', language)}</dt>
        <dd>{localised(outcome, language) || decision.outcome}</dd>
        <dt>{t('decidedAt', language)}</dt>
        <dd>{formatTime(decision.decidedAt, language)}</dd>
        {grounds.length > 0 && (
          <>
            <dt>{t('grounds', language)}</dt>
            <dd>
              <ul>
                {grounds.map((g) => (
                  <li key={g.id}>{g[language]}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {decision.reason && (
          <>
            <dt>{t('reason', language)}</dt>
            <dd class="reason" translate={false}>
              {decision.reason}
            </dd>
          </>
        )}
      </dl>
      {awaitingHolders ? (
        <p id="awaiting-holders">{AWAITING_HOLDERS_NOTE[language]}</p>
      ) : (
        <p class="note">{t('decisionMailed', language)}</p>
      )}
    </section>
  );
}

/** What happens next, by status and outcome, and, after an answer, a way to complain about it. */
function NextSteps({
  status,
  language,
  startComplaint,
}: {
  status: RequestStatus;
  language: Language;
  startComplaint: () => void;
}) {
  const lines = (
    status.decision
      ? decidedNext(status.type, status.decision.outcome, language, status.awaitingHolders !== true)
      : status.status === 'withdrawn'
        ? [WITHDRAWN_NEXT[language]]
        : WITHDRAWABLE.has(status.status)
          ? [OPEN_NEXT[language]]
          : []
  ).filter(Boolean);
  if (lines.length === 0) return null;
  const complain = status.decision && status.type !== 'complaint' && status.decision.outcome !== 'fulfilled';
  return (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading">{tj('nextHeading', language)}</h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {complain && (
        <p>
          <button type="button" class="secondary" onClick={startComplaint}>
            {tj('complainAbout', language)}
          </button>
        </p>
      )}
    </section>
  );
}

function Withdrawal({
  requestId,
  token,
  made,
  awaitingHolders,
  language,
  done,
}: {
  requestId: string;
  token: string;
  made: string;
  /** Decided, and carried out at the holders: what they already did stays done. */
  awaitingHolders: boolean;
  language: Language;
  done: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Refusal | 'network'>();
  const confirmRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const withdraw = async () => {
    if (sending) return;
    setSending(true);
    setFailure(undefined);
    const result = await api.withdraw(requestId, token, reason);
    setSending(false);
    if (result.kind === 'ok') return done();
    setFailure(result.kind === 'network' ? 'network' : result);
    requestAnimationFrame(() => failureRef.current?.focus());
  };

  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{tj('withdrawHeading', language, { made })}</h2>
      <p id={awaitingHolders ? 'withdraw-while-holders-act' : undefined}>
        {tj(awaitingHolders ? 'withdrawHelpAwaitingHolders' : 'withdrawHelp', language, { made })}
      </p>
      <div ref={failureRef} tabIndex={-1} role="alert" class={failure ? 'summary' : undefined}>
        {failure === 'network' && <p>{t('networkError', language)}</p>}
        {failure && failure !== 'network' && <p>{problemMessage(failure, language, 'withdrawal', STATUS_LABELS)}</p>}
      </div>
      {!confirming ? (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setConfirming(true);
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            {tj('withdrawButton', language, { made })}
          </button>
        </p>
      ) : (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="withdraw-confirm" class="confirm">
          <p id="withdraw-confirm">{tj('withdrawConfirm', language)}</p>
          <div class="field">
            <label for="field-withdraw-reason">{tj('withdrawReason', language)}</label>
            <textarea
              id="field-withdraw-reason"
              rows={3}
              maxLength={REASON_MAX_CHARS}
              value={reason}
              onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <button type="button" aria-disabled={sending} onClick={() => void withdraw()}>
            {sending ? tj('withdrawing', language) : tj('withdrawConfirmButton', language)}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {tj('withdrawCancel', language)}
          </button>
        </div>
      )}
    </section>
  );
}

export function StatusPage({
  language,
  requestId,
  startComplaint,
}: {
  language: Language;
  requestId: string;
  startComplaint: (relatedRequestId: string) => void;
}) {
  const token = statusTokens.get(requestId);
  const [result, setResult] = useState<ApiResult<RequestStatus> | undefined>();
  const [withdrawn, setWithdrawn] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const load = () => {
    if (!token) return;
    setResult(undefined);
    api.status(requestId, token).then(setResult);
  };
  useEffect(load, [requestId]);

  const type = result?.kind === 'ok' ? result.data.type : undefined;
  const made = madeWord(type, language);
  return (
    <>
      <h1 tabIndex={-1}>{type === 'complaint' ? tj('statusTitle', language, { made }) : t('statusTitle', language)}</h1>
      <p>
        {t('requestNumber', language)}: <code translate={false}>{requestId}</code>
      </p>
      <div ref={doneRef} tabIndex={-1} role="status" class={withdrawn ? 'done' : undefined}>
        {withdrawn && <p>{tj('withdrawn', language, { made })}</p>}
      </div>
      {!token && <p role="alert">{t('noToken', language)}</p>}
      {token && !result && <p role="status">{t('loading', language)}</p>}
      {result?.kind === 'network' && <p role="alert">{t('networkError', language)}</p>}
      {result?.kind === 'problem' && (
        <p role="alert" class="summary">
          {problemMessage(result, language, 'status')}
        </p>
      )}
      {result?.kind === 'ok' && (
        <>
          <dl class="status">
            <dt>{t('type', language)}</dt>
            <dd>
              {localised(TYPE_LABELS[result.data.type as keyof typeof TYPE_LABELS], language) || result.data.type}
            </dd>
            <dt>{t('status', language)}</dt>
            <dd>{localised(STATUS_LABELS[result.data.status], language) || result.data.status}</dd>
            {result.data.receivedAt && (
              <>
                <dt>{t('receivedAt', language)}</dt>
                <dd>{formatTime(result.data.receivedAt, language)}</dd>
              </>
            )}
            {result.data.dueAt && !result.data.decision && result.data.status !== 'withdrawn' && (
              <>
                <dt>{t('dueAt', language)}</dt>
                <dd>{formatTime(result.data.dueAt, language)}</dd>
              </>
            )}
          </dl>
          {result.data.decision && (
            <Decision
              type={result.data.type}
              decision={result.data.decision}
              awaitingHolders={result.data.awaitingHolders === true}
              language={language}
            />
          )}
          <NextSteps status={result.data} language={language} startComplaint={() => startComplaint(requestId)} />
          {token && (WITHDRAWABLE.has(result.data.status) || result.data.awaitingHolders === true) && (
            <Withdrawal
              requestId={requestId}
              token={token}
              made={made}
              awaitingHolders={result.data.awaitingHolders === true}
              language={language}
              done={() => {
                setWithdrawn(true);
                load();
                requestAnimationFrame(() => doneRef.current?.focus());
              }}
            />
          )}
        </>
      )}
      {token && (
        <p>
          <button type="button" onClick={load}>
            {t('refresh', language)}
          </button>
        </p>
      )}
      {token && <p class="note">{t('tokenNote', language)}</p>}
    </>
  );
}
