// The status page (GET /v1/requests/{id}), read with the status token this tab holds: the one the
// code step returned, or the one the e-mailed link carried (taken out of the address by app.tsx).
// A decision shows its outcome, the grounds in the Act's words and the reason, in the reader's language.
import { useEffect, useState } from 'preact/hooks';
import { type ApiResult, api, type RequestStatus, statusTokens } from './api';
import type { Language } from './request-form';
import { formatTime, localised, OUTCOME_LABELS, problemLine, STATUS_LABELS, TYPE_LABELS, t } from './text';

function Decision({ decision, language }: { decision: NonNullable<RequestStatus['decision']>; language: Language }) {
  const grounds = decision.groundLabels ?? decision.grounds.map((id) => ({ id, ja: id, en: id }));
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('decision', language)}</h2>
      <dl class="status">
        <dt>{t('outcome', language)}</dt>
        <dd>{localised(OUTCOME_LABELS[decision.outcome], language) || decision.outcome}</dd>
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
            <dd class="reason">{decision.reason}</dd>
          </>
        )}
      </dl>
      <p class="note">{t('decisionMailed', language)}</p>
    </section>
  );
}

export function StatusPage({ language, requestId }: { language: Language; requestId: string }) {
  const token = statusTokens.get(requestId);
  const [result, setResult] = useState<ApiResult<RequestStatus> | undefined>();
  const load = () => {
    if (!token) return;
    setResult(undefined);
    api.status(requestId, token).then(setResult);
  };
  useEffect(load, [requestId]);

  return (
    <>
      <h1 tabIndex={-1}>{t('statusTitle', language)}</h1>
      <p>
        {t('requestNumber', language)}: <code>{requestId}</code>
      </p>
      {!token && <p role="alert">{t('noToken', language)}</p>}
      {token && !result && <p role="status">{t('loading', language)}</p>}
      {result?.kind === 'network' && <p role="alert">{t('networkError', language)}</p>}
      {result?.kind === 'problem' && <p role="alert">{problemLine(result, language)}</p>}
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
            {result.data.dueAt && (
              <>
                <dt>{t('dueAt', language)}</dt>
                <dd>{formatTime(result.data.dueAt, language)}</dd>
              </>
            )}
          </dl>
          {result.data.decision && <Decision decision={result.data.decision} language={language} />}
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
