// The sign-in page: the local desk's username/password form (with the change of a temporary or
// expired password), or the button to Cognito's managed login. A refusal is shown inline, in words.
import { useEffect, useState } from 'preact/hooks';
import type { ProblemDetails } from '../request-form';
import { ProblemNotice } from './problem';
import type { StaffSession } from './session';
import {
  beginCognitoSignIn,
  type CognitoSignIn,
  localChangePassword,
  localSignIn,
  type SignInResult,
  staffSignInConfig,
} from './sign-in';
import { type DeskTextKey, type Language, t } from './text';

const ERROR_ID = 'sign-in-error';

/** The local sign-in's refusals (local/staff-sign-in.ts) that ask for a new password first. */
const MUST_CHANGE = new Set([
  'urn:appi-desk:problem:password-change-required',
  'urn:appi-desk:problem:password-expired',
]);

type Failure = { problem: ProblemDetails | 'network'; retryAfterSeconds?: number };

/** A refusal of the sign-in in the reader's words (problem-text.ts): a lock says until when, in Japan time. */
function Refusal({ failure, language }: { failure: Failure; language: Language }) {
  const { problem, retryAfterSeconds } = failure;
  return (
    <ProblemNotice
      problem={problem === 'network' || retryAfterSeconds === undefined ? problem : { ...problem, retryAfterSeconds }}
      language={language}
      id={ERROR_ID}
    />
  );
}

export function SignInPage({
  language,
  message,
  onSignedIn,
}: {
  language: Language;
  /** Why sign-in is asked for again (expired, signed out, a failed return from Cognito). */
  message: { key: DeskTextKey; problem?: ProblemDetails | 'network' } | undefined;
  onSignedIn: (session: StaffSession) => void;
}) {
  const [config, setConfig] = useState<{ kind: 'local' } | CognitoSignIn>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [mustChange, setMustChange] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void staffSignInConfig().then(setConfig);
  }, []);

  const finish = (result: SignInResult) => {
    setBusy(false);
    if (result.kind === 'ok') return onSignedIn(result.session);
    if (result.kind === 'network') return setFailure({ problem: 'network' });
    if (result.problem.status === 403 && MUST_CHANGE.has(result.problem.type ?? '')) {
      setMustChange(true);
      setFailure(undefined);
      return;
    }
    setFailure({
      problem: result.problem,
      ...(result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    finish(
      mustChange ? await localChangePassword(username, password, newPassword) : await localSignIn(username, password),
    );
  };

  const credentialsRefused =
    failure && failure.problem !== 'network' && failure.problem.status === 401 ? true : undefined;
  const newPasswordRefused = mustChange && failure ? true : undefined;

  return (
    <>
      <h1 tabIndex={-1}>{t('signInTitle', language)}</h1>
      {message && (
        <div class="notice" role="status">
          <p>{t(message.key, language)}</p>
          {message.problem && <ProblemNotice problem={message.problem} language={language} />}
        </div>
      )}
      {config?.kind === 'cognito' && (
        <button type="button" onClick={() => void beginCognitoSignIn(config, location.hash || '#/')}>
          {t('signInWithCognito', language)}
        </button>
      )}
      {config?.kind === 'local' && (
        <form onSubmit={submit} noValidate>
          {failure && <Refusal failure={failure} language={language} />}
          <div class="field">
            <label for="username">{t('username', language)}</label>
            <input
              id="username"
              name="username"
              type="text"
              autocomplete="username"
              value={username}
              readOnly={mustChange}
              required
              aria-invalid={credentialsRefused}
              aria-describedby={credentialsRefused ? ERROR_ID : undefined}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="password">{t('password', language)}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              value={password}
              readOnly={mustChange}
              required
              aria-invalid={credentialsRefused}
              aria-describedby={credentialsRefused ? ERROR_ID : undefined}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          {mustChange && (
            <>
              <p class="notice" role="status">
                {t('mustChange', language)}
              </p>
              <div class="field">
                <label for="new-password">{t('newPassword', language)}</label>
                <input
                  id="new-password"
                  name="newPassword"
                  type="password"
                  autocomplete="new-password"
                  value={newPassword}
                  required
                  aria-invalid={newPasswordRefused}
                  aria-describedby={newPasswordRefused ? ERROR_ID : undefined}
                  onInput={(e) => setNewPassword(e.currentTarget.value)}
                />
              </div>
            </>
          )}
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t('signingIn', language) : t(mustChange ? 'changePassword' : 'signIn', language)}
          </button>
        </form>
      )}
    </>
  );
}
