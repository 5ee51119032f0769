// Consent management without an account (policy §2(2)): the person's e-mail address gets a
// six-digit code (POST /v1/me/sessions), the code gives a subject token (POST .../verification), and
// with it the person lists the consents held under the address (GET /v1/me/consents) and withdraws any
// of them after confirming (DELETE /v1/me/consents/{id}). The token lives in memory only (app.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type ApiResult,
  api,
  type ConsentRecipient,
  type ForeignInformation,
  type MyConsent,
  type MyConsents,
  type RecordedConsent,
} from './api';
import { FieldErrors } from './fields';
import { type ProblemContext, placeProblem, problemMessage, problemSlug, type Refusal } from './problem-text';
import { type Language, normaliseCode, type PlacedErrors } from './request-form';
import { CONSENT_METHOD_LABELS, CONSENTS_PURPOSE, formatTime, type Label, localised, t } from './text';

export interface SubjectSession {
  token: string;
  expiresAt: string;
}

type Step = { kind: 'address' } | { kind: 'code'; sessionId: string };

const focusSoon = (element: { current: HTMLElement | null }) => requestAnimationFrame(() => element.current?.focus());

export function ConsentsPage({
  language,
  session,
  setSession,
}: {
  language: Language;
  session: SubjectSession | undefined;
  setSession: (session: SubjectSession | undefined) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'address' });
  const [expired, setExpired] = useState(false);
  const live = session && Date.parse(session.expiresAt) > Date.now() ? session : undefined;
  const end = (becauseExpired: boolean) => {
    setSession(undefined);
    setStep({ kind: 'address' });
    setExpired(becauseExpired);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('consentsTitle', language)}</h1>
      {live ? (
        <ConsentList language={language} session={live} end={end} />
      ) : step.kind === 'address' ? (
        <AddressStep
          language={language}
          expired={expired}
          next={(sessionId) => {
            setExpired(false);
            setStep({ kind: 'code', sessionId });
          }}
        />
      ) : (
        <CodeStep
          language={language}
          sessionId={step.sessionId}
          restart={() => setStep({ kind: 'address' })}
          done={setSession}
        />
      )}
    </>
  );
}

/** The one field of these steps (an e-mail address or the code), with the API's messages for it below. */
function TextField({
  id,
  kind,
  label,
  value,
  errors,
  language,
  onInput,
  inputRef,
}: {
  id: string;
  kind: 'email' | 'code';
  label: string;
  value: string;
  errors: string[] | undefined;
  language: Language;
  onInput: (value: string) => void;
  inputRef: { current: HTMLInputElement | null };
}) {
  const common = {
    ref: inputRef,
    id,
    name: id,
    value,
    'aria-required': true,
    'aria-invalid': errors ? true : undefined,
    'aria-describedby': errors ? `${id}-error` : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {kind === 'email' ? (
        <input {...common} type="email" autocomplete="email" />
      ) : (
        <input {...common} type="text" inputMode="numeric" autocomplete="one-time-code" maxLength={12} />
      )}
      <FieldErrors id={`${id}-error`} messages={errors} language={language} />
    </div>
  );
}

/** Sends a form's call once at a time and places a problem's messages: on the named field, or in the summary. */
function useSubmission(field: string, context: ProblemContext, language: Language) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | undefined>();
  const [networkFailed, setNetworkFailed] = useState(false);
  const [refused, setRefused] = useState<Refusal>();
  const summary = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = async <T,>(call: () => Promise<ApiResult<T>>, ok: (data: T) => void) => {
    if (sending) return;
    setSending(true);
    setNetworkFailed(false);
    setRefused(undefined);
    const result = await call();
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      ok(result.data);
      return;
    }
    if (result.kind === 'network') {
      setNetworkFailed(true);
      focusSoon(summary);
      return;
    }
    if (!result.problem.errors?.length && problemSlug(result.problem) !== 'wrong-code') {
      setErrors(undefined);
      setRefused(result);
      focusSoon(summary);
      return;
    }
    const placed = placeProblem(result, [{ path: field }], language, context);
    if (problemSlug(result.problem) === 'wrong-code') {
      placed.byField[field] = placed.general;
      placed.general = [];
    }
    setErrors(placed);
    focusSoon(placed.general.length ? summary : input);
  };
  const summaryView = (language: Language) => (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      class={networkFailed || refused || errors?.general.length ? 'summary' : undefined}
    >
      {networkFailed && <p>{t('networkError', language)}</p>}
      {refused && <p>{problemMessage(refused, language, context)}</p>}
      {errors?.general.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
  return { sending, fieldErrors: errors?.byField[field], send, summaryView, input };
}

function AddressStep({
  language,
  expired,
  next,
}: {
  language: Language;
  expired: boolean;
  next: (sessionId: string) => void;
}) {
  const [email, setEmail] = useState('');
  const { sending, fieldErrors, send, summaryView, input } = useSubmission('email', 'consents-address', language);
  return (
    <>
      <p>{t('consentsIntro', language)}</p>
      {expired && (
        <p role="status" class="info">
          {t('consentsExpired', language)}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(
            () => api.startSession(email.trim(), language),
            (d) => next(d.sessionId),
          );
        }}
      >
        {summaryView(language)}
        <TextField
          id="field-email"
          kind="email"
          label={t('consentsEmail', language)}
          value={email}
          errors={fieldErrors}
          language={language}
          onInput={setEmail}
          inputRef={input}
        />
        <section class="purpose" aria-labelledby="consents-purpose-heading">
          <h2 id="consents-purpose-heading">{t('purposeHeading', language)}</h2>
          <p>{CONSENTS_PURPOSE[language]}</p>
        </section>
        <button type="submit" aria-disabled={sending}>
          {sending ? t('sending', language) : t('sendCode', language)}
        </button>
      </form>
    </>
  );
}

function CodeStep({
  language,
  sessionId,
  restart,
  done,
}: {
  language: Language;
  sessionId: string;
  restart: () => void;
  done: (session: SubjectSession) => void;
}) {
  const [code, setCode] = useState('');
  const { sending, fieldErrors, send, summaryView, input } = useSubmission('code', 'consents-code', language);
  return (
    <>
      <p>{t('consentsCodeIntro', language)}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(
            () => api.verifySession(sessionId, normaliseCode(code)),
            (d) => done({ token: d.subjectToken, expiresAt: d.expiresAt }),
          );
        }}
      >
        {summaryView(language)}
        <TextField
          id="field-code"
          kind="code"
          label={t('code', language)}
          value={code}
          errors={fieldErrors}
          language={language}
          onInput={setCode}
          inputRef={input}
        />
        <button type="submit" aria-disabled={sending}>
          {sending ? t('sending', language) : t('confirm', language)}
        </button>
      </form>
      <p>
        <button type="button" class="secondary" onClick={restart}>
          {t('consentsOtherAddress', language)}
        </button>
      </p>
    </>
  );
}

/** The country's name in the page's language, from its ISO 3166-1 code. */
function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** For a recipient outside Japan: its country and, where the person was told them, the country's system and the recipient's measures (APPI Art. 28(2)). */
function ForeignRecipient({
  recipient,
  info,
  language,
}: {
  recipient: ConsentRecipient | undefined;
  info: ForeignInformation | undefined;
  language: Language;
}) {
  const country = info && info.country !== 'unknown' ? info.country : recipient?.country;
  if (!info && (country === undefined || country === 'JP')) return null;
  return (
    <>
      <dt>{t('consentRecipientCountry', language)}</dt>
      <dd>
        {info?.country === 'unknown'
          ? t('consentCountryUnknown', language).replace('{reason}', info.unknownReason ?? '')
          : countryName(country!, language)}
      </dd>
      {info?.protectionSystem && (
        <>
          <dt>{t('consentProtectionSystem', language)}</dt>
          <dd>{info.protectionSystem}</dd>
        </>
      )}
      {info?.recipientMeasures && (
        <>
          <dt>{t('consentRecipientMeasures', language)}</dt>
          <dd>{info.recipientMeasures}</dd>
        </>
      )}
    </>
  );
}

/** Purpose ids to their text, from the privacy notice: current purposes, then those changed or retired. */
type PurposeTexts = Record<string, Label>;

function coverageText(consent: MyConsent, purposes: PurposeTexts, language: Language): string {
  const { purpose, linkage } = consent.covers;
  const recipient = consent.recipient?.name ?? consent.covers.recipient;
  if (purpose !== undefined)
    return `${t('consentForPurpose', language)}: ${localised(purposes[purpose], language) || purpose}`;
  if (recipient !== undefined && linkage !== undefined)
    return t('consentForRecipientLinkage', language).replace('{recipient}', recipient);
  if (recipient !== undefined) return t('consentForRecipient', language).replace('{recipient}', recipient);
  return t('consentForLinkage', language);
}

function ConsentList({
  language,
  session,
  end,
}: {
  language: Language;
  session: SubjectSession;
  end: (expired: boolean) => void;
}) {
  const [list, setList] = useState<ApiResult<MyConsents> | undefined>();
  const [purposes, setPurposes] = useState<PurposeTexts>({});
  const [confirming, setConfirming] = useState<string | undefined>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; recorded: RecordedConsent } | { kind: 'failed'; refusal?: Refusal } | undefined
  >();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  const expiredNow = () => Date.parse(session.expiresAt) <= Date.now();
  const load = () => {
    setList(undefined);
    api
      .myConsents(session.token)
      .then((r) => (r.kind === 'problem' && problemSlug(r.problem) === 'session-expired' ? end(true) : setList(r)));
  };
  useEffect(() => {
    load();
    api.privacyNotice().then((r) => {
      if (r.kind !== 'ok') return;
      const notice = r.data as {
        purposesOfUse?: ({ id: string } & Label)[];
        purposeChanges?: ({ id: string } & Label)[];
      };
      const texts: PurposeTexts = {};
      for (const p of [...(notice.purposesOfUse ?? []), ...(notice.purposeChanges ?? [])])
        texts[p.id] ??= { ja: p.ja, en: p.en };
      setPurposes(texts);
    });
  }, [session.token]);

  const withdraw = async (consentId: string) => {
    if (withdrawing) return;
    if (expiredNow()) return end(true);
    setWithdrawing(true);
    const result = await api.withdrawConsent(session.token, consentId);
    setWithdrawing(false);
    setConfirming(undefined);
    if (result.kind === 'problem' && problemSlug(result.problem) === 'session-expired') return end(true);
    setOutcome(
      result.kind === 'ok'
        ? { kind: 'done', recorded: result.data }
        : { kind: 'failed', ...(result.kind === 'problem' ? { refusal: result } : {}) },
    );
    focusSoon(outcomeRef);
    if (result.kind === 'ok') load();
  };

  const askToConfirm = (consentId: string) => {
    setOutcome(undefined);
    setConfirming(consentId);
    focusSoon(confirmRef);
  };

  return (
    <>
      <div
        ref={outcomeRef}
        tabIndex={-1}
        role="status"
        class={outcome?.kind === 'done' ? 'done' : outcome ? 'summary' : undefined}
      >
        {outcome?.kind === 'done' && (
          <p>
            {t('withdrawn', language).replace('{id}', outcome.recorded.eventId)}{' '}
            {t(outcome.recorded.receipt === 'e-mailed' ? 'receiptMailed' : 'receiptNotMailed', language)}
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p>
            {outcome.refusal
              ? problemMessage(outcome.refusal, language, 'consent-withdrawal')
              : t('networkError', language)}
          </p>
        )}
      </div>
      {list === undefined && <p role="status">{t('loading', language)}</p>}
      {list?.kind === 'network' && (
        <p role="alert">
          {t('loadFailed', language)}{' '}
          <button type="button" onClick={load}>
            {t('retry', language)}
          </button>
        </p>
      )}
      {list?.kind === 'problem' && (
        <p role="alert" class="summary">
          {problemMessage(list, language, 'consents-list')}
        </p>
      )}
      {list?.kind === 'ok' && list.data.items.length === 0 && <p>{t('noConsents', language)}</p>}
      {list?.kind === 'ok' && list.data.items.length > 0 && (
        <ul class="consents">
          {list.data.items.map((consent) => {
            const what = coverageText(consent, purposes, language);
            const method = CONSENT_METHOD_LABELS[consent.method];
            return (
              <li key={consent.consentId}>
                <h2 id={`consent-${consent.consentId}`}>{what}</h2>
                <dl>
                  <dt>{t('consentStatus', language)}</dt>
                  <dd>{t(consent.status === 'in-force' ? 'consentInForce' : 'consentWithdrawn', language)}</dd>
                  <ForeignRecipient
                    recipient={consent.recipient}
                    info={consent.foreignInformation}
                    language={language}
                  />
                  <dt>{t('consentGivenAt', language)}</dt>
                  <dd>{formatTime(consent.givenAt, language)}</dd>
                  {consent.withdrawnAt && (
                    <>
                      <dt>{t('consentWithdrawnAt', language)}</dt>
                      <dd>{formatTime(consent.withdrawnAt, language)}</dd>
                    </>
                  )}
                  <dt>{t('consentMethod', language)}</dt>
                  <dd>{method ? method[language] : consent.method}</dd>
                  <dt>{t('consentNoticeVersion', language)}</dt>
                  <dd>{consent.noticeVersion}</dd>
                  <dt>{t('consentNumber', language)}</dt>
                  <dd>
                    <code>{consent.consentId}</code>
                  </dd>
                </dl>
                {consent.status === 'in-force' && confirming !== consent.consentId && (
                  <button
                    type="button"
                    class="secondary"
                    aria-describedby={`consent-${consent.consentId}`}
                    onClick={() => askToConfirm(consent.consentId)}
                  >
                    {t('withdraw', language)}
                  </button>
                )}
                {confirming === consent.consentId && (
                  <div
                    ref={confirmRef}
                    tabIndex={-1}
                    role="group"
                    aria-labelledby={`confirm-${consent.consentId}`}
                    class="confirm"
                  >
                    <p id={`confirm-${consent.consentId}`}>{t('confirmWithdraw', language)}</p>
                    <button type="button" aria-disabled={withdrawing} onClick={() => void withdraw(consent.consentId)}>
                      {withdrawing ? t('sending', language) : t('confirmWithdrawButton', language)}
                    </button>{' '}
                    <button type="button" class="secondary" onClick={() => setConfirming(undefined)}>
                      {t('cancel', language)}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p class="note">{t('consentsTokenNote', language).replace('{time}', formatTime(session.expiresAt, language))}</p>
      <p>
        <button type="button" class="secondary" onClick={() => end(false)}>
          {t('consentsEnd', language)}
        </button>
      </p>
    </>
  );
}
