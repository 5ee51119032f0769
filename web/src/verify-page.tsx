// The code entry step (POST /v1/requests/{id}/verification): the request is received once the
// e-mailed code is confirmed; the status token it returns stays in this tab only. The page says where
// the code went (masked) and, from a minute on, sends a new one to that same address
// (POST /v1/requests/{id}/verification-code); after a lock the field waits for the new code. The form
// as typed stays in the tab's draft until the code is confirmed, so Back loses nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type PendingRequest, pendingRequests, statusTokens } from './api';
import { FieldErrors } from './fields';
import { madeWord, tj } from './journey-text';
import { placeProblem, problemMessage, problemSlug, type Refusal } from './problem-text';
import { type Language, normaliseCode, type PlacedErrors } from './request-form';
import { hrefOf, type Route } from './routes';
import { formatTime, t } from './text';

const CODE_FIELD = { path: 'code' } as const;

/** Seconds from now until an instant, at least zero. */
const secondsUntil = (iso: string | undefined, now: number) =>
  iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : 0;

/** Re-renders each second while a wait is running, so the resend button opens by itself. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? now : Date.now();
}

export function VerifyPage({
  language,
  requestId,
  go,
  onVerified,
}: {
  language: Language;
  requestId: string;
  go: (route: Route) => void;
  onVerified: () => void;
}) {
  const [pending, setPending] = useState<PendingRequest | undefined>(() => pendingRequests.get(requestId));
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | undefined>();
  const [networkFailed, setNetworkFailed] = useState(false);
  /** The code can no longer be used (locked, expired): the field waits for a new code. */
  const [codeUnusable, setCodeUnusable] = useState(false);
  /** No new code can help: the request lapsed or had all its new codes. */
  const [finished, setFinished] = useState(false);
  const [resending, setResending] = useState(false);
  const [resent, setResent] = useState<{ codeExpiresAt: string; resendsLeft: number }>();
  const [resendRefusal, setResendRefusal] = useState<Refusal>();
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const resendStatus = useRef<HTMLDivElement>(null);

  const waitEnds = pending?.resendAvailableAt;
  const now = useNow(secondsUntil(waitEnds, Date.now()) > 0);
  const waitSeconds = secondsUntil(waitEnds, now);
  const made = madeWord(pending?.type, language);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending || codeUnusable || finished) return;
    setSending(true);
    setNetworkFailed(false);
    const result = await api.verify(requestId, normaliseCode(code));
    setSending(false);
    if (result.kind === 'ok') {
      statusTokens.set(requestId, result.data.statusToken);
      pendingRequests.remove(requestId);
      onVerified();
      go({ page: 'status', requestId });
      return;
    }
    if (result.kind === 'network') {
      setNetworkFailed(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const slug = problemSlug(result.problem);
    if (slug === 'code-locked' || slug === 'code-expired') setCodeUnusable(true);
    if (result.problem.status === 404) setFinished(true);
    const placed = placeProblem(result, [CODE_FIELD], language, 'code');
    // A wrong code belongs to the field; a lock, an expiry or a lapse to the whole step.
    if (slug === 'wrong-code') {
      placed.byField.code = [...(placed.byField.code ?? []), ...placed.general];
      placed.general = [];
    }
    setErrors(placed);
    requestAnimationFrame(() => (placed.general.length ? summary.current?.focus() : input.current?.focus()));
  };

  const resend = async () => {
    if (resending || waitSeconds > 0) return;
    setResending(true);
    setResendRefusal(undefined);
    setResent(undefined);
    const result = await api.resendCode(requestId);
    setResending(false);
    if (result.kind === 'ok') {
      const next: PendingRequest = {
        type: pending?.type ?? '',
        codeSentTo: pending?.codeSentTo ?? '',
        resendAvailableAt: result.data.resendAvailableAt,
      };
      pendingRequests.set(requestId, next);
      setPending(next);
      setResent(result.data);
      setCodeUnusable(false);
      setErrors(undefined);
      setCode('');
      requestAnimationFrame(() => input.current?.focus());
      return;
    }
    if (result.kind === 'network') {
      setResendRefusal({ problem: { title: '', status: 0, detail: '' } });
    } else {
      const slug = problemSlug(result.problem);
      const availableAt = result.problem.resendAvailableAt;
      if (slug === 'code-resend-too-soon' && typeof availableAt === 'string' && pending)
        setPending({ ...pending, resendAvailableAt: availableAt });
      if (slug === 'code-resend-limit' || result.problem.status === 404) setFinished(true);
      setResendRefusal(result);
    }
    requestAnimationFrame(() => resendStatus.current?.focus());
  };

  const fieldErrors = errors?.byField.code;
  const address = pending?.codeSentTo;
  const [before, after] = tj('verifySentTo', language, { made, address: '\u0000' }).split('\u0000');
  return (
    <>
      <h1 tabIndex={-1}>{t('verifyTitle', language)}</h1>
      {address ? (
        <p>
          {before}
          <strong translate={false}>{address}</strong>
          {after}
        </p>
      ) : (
        <p>{t('verifyIntro', language)}</p>
      )}
      <p>
        {t('requestNumber', language)}: <code translate={false}>{requestId}</code>
      </p>
      <form onSubmit={submit} noValidate>
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          class={networkFailed || errors?.general.length ? 'summary' : undefined}
        >
          {networkFailed && <p>{t('networkError', language)}</p>}
          {errors?.general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
        <div class="field">
          <label for="field-code">{t('code', language)}</label>
          <input
            ref={input}
            id="field-code"
            name="code"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={12}
            value={code}
            disabled={codeUnusable || finished}
            aria-required
            aria-invalid={fieldErrors ? true : undefined}
            aria-describedby={fieldErrors ? 'field-code-error' : codeUnusable ? 'field-code-disabled' : undefined}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          {codeUnusable && !finished && (
            <p class="note" id="field-code-disabled">
              {tj('codeDisabled', language)}
            </p>
          )}
          <FieldErrors id="field-code-error" messages={fieldErrors} language={language} />
        </div>
        <button type="submit" aria-disabled={sending || codeUnusable || finished}>
          {sending ? t('sending', language) : t('confirm', language)}
        </button>
      </form>
      <section aria-labelledby="resend-heading">
        <h2 id="resend-heading">{tj('resendHeading', language)}</h2>
        <p>{tj('resendHelp', language)}</p>
        <div
          ref={resendStatus}
          tabIndex={-1}
          role="status"
          class={resent ? 'done' : resendRefusal ? 'summary' : undefined}
        >
          {resent && address && (
            <p>
              {tj('resent', language, {
                address,
                time: formatTime(resent.codeExpiresAt, language),
              })}{' '}
              {tj('resendsLeft', language, { count: resent.resendsLeft })}
            </p>
          )}
          {resendRefusal && (
            <p>
              {resendRefusal.problem.status === 0
                ? t('networkError', language)
                : problemMessage(resendRefusal, language, 'resend')}
            </p>
          )}
        </div>
        {!finished && (
          <p>
            <button
              type="button"
              class="secondary"
              disabled={waitSeconds > 0}
              aria-disabled={resending}
              aria-describedby={waitSeconds > 0 ? 'resend-wait' : undefined}
              onClick={() => void resend()}
            >
              {resending ? t('sending', language) : tj('resendButton', language)}
            </button>
          </p>
        )}
        {!finished && waitSeconds > 0 && waitEnds && (
          <p class="note" id="resend-wait">
            {tj('resendWait', language, { time: formatTime(waitEnds, language), seconds: waitSeconds })}
          </p>
        )}
      </section>
      <p>
        <a href={hrefOf({ page: 'request' })}>{tj('editForm', language)}</a>
      </p>
    </>
  );
}
