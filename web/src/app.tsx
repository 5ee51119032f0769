// The Privacy Center's frame: language (Japanese unless the reader switches), landmarks, the page
// for the URL, and the focus moved to a new page's heading so screen readers announce it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { NoticePage } from './notice-page';
import { RequestPage, type FormState } from './request-page';
import { initialValues, type Language } from './request-form';
import { hrefOf, parseRoute, type Route } from './routes';
import { StatusPage } from './status-page';
import { LANGUAGE_NAMES, t } from './text';
import { VerifyPage } from './verify-page';

const LANGUAGE_KEY = 'appi-desk.language';

function savedLanguage(): Language {
  return sessionStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ja';
}

export function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  // Kept here, not in the form, so leaving the form and coming back loses nothing typed.
  const [form, setForm] = useState<FormState>({ type: 'disclosure', values: initialValues('disclosure') });
  const firstRender = useRef(true);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('siteName', language);
    sessionStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);

  const go = (next: Route) => {
    location.hash = hrefOf(next);
  };
  const other: Language = language === 'ja' ? 'en' : 'ja';

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.querySelector<HTMLElement>('main h1')?.focus(); }}>{t('skip', language)}</a>
      <header class="site">
        <p class="site-name"><a href="#/">{t('siteName', language)}</a></p>
        <button type="button" class="language" lang={other} onClick={() => setLanguage(other)} aria-label={`${t('language', other)}: ${LANGUAGE_NAMES[other]}`}>
          {LANGUAGE_NAMES[other]}
        </button>
        <nav aria-label={t('navigation', language)}>
          <ul>
            <li><a href="#/" aria-current={route.page === 'notice' ? 'page' : undefined}>{t('navNotice', language)}</a></li>
            <li><a href="#/request" aria-current={route.page === 'request' ? 'page' : undefined}>{t('navRequest', language)}</a></li>
          </ul>
        </nav>
      </header>
      <main id="main">
        {route.page === 'notice' && <NoticePage language={language} />}
        {route.page === 'request' && <RequestPage language={language} form={form} setForm={setForm} go={go} />}
        {route.page === 'verify' && <VerifyPage language={language} requestId={route.requestId} go={go} />}
        {route.page === 'status' && <StatusPage language={language} requestId={route.requestId} />}
        {route.page === 'not-found' && <h1 tabIndex={-1}>{t('notFound', language)}</h1>}
      </main>
    </>
  );
}
