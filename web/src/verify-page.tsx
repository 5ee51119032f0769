// The code entry step (POST /v1/requests/{id}/verification): the request is received once the
// e-mailed code is confirmed; the status token it returns stays in this tab only.
import { useRef, useState } from 'preact/hooks';
import { api, statusTokens } from './api';
import { FieldErrors } from './fields';
import { type Language, normaliseCode, type PlacedErrors, placeErrors } from './request-form';
import type { Route } from './routes';
import { t, tooManyRequests } from './text';

const CODE_FIELD = { path: 'code', kind: 'text' } as const;

export function VerifyPage({
  language,
  requestId,
  go,
}: {
  language: Language;
  requestId: string;
  go: (route: Route) => void;
}) {
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | undefined>();
  const [networkFailed, setNetworkFailed] = useState(false);
  const [rateLimited, setRateLimited] = useState<{ seconds: number | undefined }>();
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    setRateLimited(undefined);
    const result = await api.verify(requestId, normaliseCode(code));
    setSending(false);
    if (result.kind === 'ok') {
      statusTokens.set(requestId, result.data.statusToken);
      go({ page: 'status', requestId });
      return;
    }
    if (result.kind === 'network') {
      setNetworkFailed(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    if (result.problem.status === 429) {
      setErrors(undefined);
      setRateLimited({ seconds: result.retryAfterSeconds });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const placed = placeErrors(result.problem, [CODE_FIELD]);
    setErrors(placed);
    requestAnimationFrame(() => (placed.general.length ? summary.current?.focus() : input.current?.focus()));
  };

  const fieldErrors = errors?.byField.code;
  return (
    <>
      <h1 tabIndex={-1}>{t('verifyTitle', language)}</h1>
      <p>{t('verifyIntro', language)}</p>
      <p>
        {t('requestNumber', language)}: <code>{requestId}</code>
      </p>
      <form onSubmit={submit} noValidate>
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          class={networkFailed || rateLimited || errors?.general.length ? 'summary' : undefined}
        >
          {networkFailed && <p>{t('networkError', language)}</p>}
          {rateLimited && <p>{tooManyRequests(rateLimited.seconds, language)}</p>}
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
            aria-required
            aria-invalid={fieldErrors ? true : undefined}
            aria-describedby={fieldErrors ? 'field-code-error' : undefined}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          <FieldErrors id="field-code-error" messages={fieldErrors} language={language} />
        </div>
        <button type="submit" aria-disabled={sending}>
          {sending ? t('sending', language) : t('confirm', language)}
        </button>
      </form>
    </>
  );
}
