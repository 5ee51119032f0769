// The Privacy Center's frame: language (Japanese unless the reader switches), landmarks, the page
// for the URL, and the focus moved to a new page's heading so screen readers announce it.
import { useEffect, useState } from 'preact/hooks';
import { statusTokens } from './api';
import { ConsentsPage, type SubjectSession } from './consents-page';
import { formDrafts } from './form-draft';
import { NoticePage } from './notice-page';
import { savedLanguage, useDocumentLanguage, useHeadingFocus } from './page-frame';
import type { Language } from './request-form';
import { REQUEST_FORMS } from './request-forms';
import { type FormState, RequestPage } from './request-page';
import { hrefOf, linkLanguage, parseRoute, type Route } from './routes';
import { StatusPage } from './status-page';
import { LANGUAGE_NAMES, t } from './text';
import { VerifyPage } from './verify-page';

/**
 * The route of the address; a status token in it (the e-mailed link) moves to this tab's
 * sessionStorage and out of the address bar and the history entry.
 */
function currentRoute(): Route {
  const route = parseRoute(location.hash);
  if (route.page !== 'status' || !route.token) return route;
  statusTokens.set(route.requestId, route.token);
  const clean: Route = { page: 'status', requestId: route.requestId };
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hrefOf(clean)}`);
  return clean;
}

export function App() {
  // Before the route is read: the e-mailed link names the request's language, then leaves the address.
  const [language, setLanguage] = useState<Language>(() => linkLanguage(location.hash) ?? savedLanguage());
  const [route, setRoute] = useState<Route>(currentRoute);
  // In memory only: the subject token for the consents is gone on reload or when the tab closes.
  const [subjectSession, setSubjectSession] = useState<SubjectSession | undefined>();
  // Kept here and in the tab's draft, not in the form, so leaving the form (Back from the code step,
  // a reload) and coming back loses nothing typed.
  const [form, setFormState] = useState<FormState>(
    () =>
      formDrafts.get(REQUEST_FORMS.isType) ?? { type: 'disclosure', values: REQUEST_FORMS.initialValues('disclosure') },
  );
  const setForm = (next: FormState) => {
    setFormState(next);
    formDrafts.set(next);
  };
  /** Once the code is confirmed the draft has done its work: an empty form for the next time. */
  const clearForm = () => {
    formDrafts.clear();
    setFormState({ type: 'disclosure', values: REQUEST_FORMS.initialValues('disclosure') });
  };
  /** A complaint about an answer: the form with the complaint chosen and the earlier number filled in. */
  const startComplaint = (relatedRequestId: string) => {
    setForm({
      type: 'complaint',
      values: {
        ...REQUEST_FORMS.initialValues('complaint', form.values),
        'details.about': 'request-handling',
        'details.relatedRequestId': relatedRequestId,
      },
    });
    go({ page: 'request' });
  };

  useEffect(() => {
    const onHash = () => {
      const asked = linkLanguage(location.hash);
      if (asked) setLanguage(asked);
      setRoute(currentRoute());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useDocumentLanguage(language, t('siteName', language));

  useHeadingFocus([route]);

  const go = (next: Route) => {
    location.hash = hrefOf(next);
  };
  const other: Language = language === 'ja' ? 'en' : 'ja';

  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.querySelector<HTMLElement>('main h1')?.focus();
        }}
      >
        {t('skip', language)}
      </a>
      <header class="site">
        <p class="site-name">
          <a href="#/">{t('siteName', language)}</a>
        </p>
        <button
          type="button"
          class="language"
          lang={other}
          onClick={() => setLanguage(other)}
          aria-label={`${t('language', other)}: ${LANGUAGE_NAMES[other]}`}
        >
          {LANGUAGE_NAMES[other]}
        </button>
        <nav aria-label={t('navigation', language)}>
          <ul>
            <li>
              <a href="#/" aria-current={route.page === 'notice' ? 'page' : undefined}>
                {t('navNotice', language)}
              </a>
            </li>
            <li>
              <a href="#/request" aria-current={route.page === 'request' ? 'page' : undefined}>
                {t('navRequest', language)}
              </a>
            </li>
            <li>
              <a href="#/consents" aria-current={route.page === 'consents' ? 'page' : undefined}>
                {t('navConsents', language)}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main">
        {route.page === 'notice' && <NoticePage language={language} />}
        {route.page === 'request' && <RequestPage language={language} form={form} setForm={setForm} go={go} />}
        {route.page === 'verify' && (
          <VerifyPage language={language} requestId={route.requestId} go={go} onVerified={clearForm} />
        )}
        {route.page === 'status' && (
          <StatusPage language={language} requestId={route.requestId} startComplaint={startComplaint} />
        )}
        {route.page === 'consents' && (
          <ConsentsPage language={language} session={subjectSession} setSession={setSubjectSession} />
        )}
        {route.page === 'not-found' && <h1 tabIndex={-1}>{t('notFound', language)}</h1>}
      </main>
    </>
  );
}
