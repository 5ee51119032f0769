// The console's frame: sign-in until there is a session (kept for the tab while its token is valid,
// session.ts), then the header with who is
// signed in, sign-out and the language switch, the menu of what the role may use, and the page for
// the URL's fragment. A page change moves the focus to its heading so screen readers announce it.
import { useEffect, useState } from 'preact/hooks';
import { savedLanguage, useDocumentLanguage, useHeadingFocus } from '../page-frame';
import { LANGUAGE_NAMES } from '../text';
import { AccessLogPage } from './access-log-page';
import { AccountsPage } from './accounts-page';
import { AnonymisationDefinitionPage } from './anonymisation-definition-page';
import { AnonymisationPage } from './anonymisation-page';
import { AnonymisedDatasetPage } from './anonymised-dataset-page';
import { AuditPage } from './audit-page';
import { AuditReportPage } from './audit-report-page';
import { AuditsPage } from './audits-page';
import { forgetDrafts } from './decision-draft';
import { HolderPage, HoldersPage } from './holders-page';
import { IncidentPage } from './incident-page';
import { IncidentReportPage } from './incident-report-page';
import { IncidentsPage } from './incidents-page';
import { InternalRulesPage } from './internal-rules-page';
import type { DeskPageProps } from './page-props';
import { consoleUrl, logoutUrl } from './pkce';
import { PrintPage } from './print-page';
import { QueuePage } from './queue-page';
import { ReportPage } from './report-page';
import { RequestPage } from './request-page';
import { type DeskPage, type DeskRoute, deskPageAllowed, hrefOfDeskRoute, parseDeskRoute } from './routes';
import { forgetSession, keepSession, keptSession, type StaffSession, whenSessionEnds } from './session';
import { completeCognitoSignIn, staffSignInConfig } from './sign-in';
import { SignInPage } from './sign-in-page';
import { StandingBanner } from './standing-banner';
import { SubjectPage, SubjectSearchPage } from './subjects-page';
import { type DeskTextKey, type Language, ROLE_LABELS, t } from './text';
import { TrainingPage } from './training-page';

/** What every page gets; a page with an id in its route gets that too. */

const NAV: { page: DeskPage; route: DeskRoute; text: DeskTextKey }[] = [
  { page: 'queue', route: { page: 'queue' }, text: 'navQueue' },
  { page: 'subjects', route: { page: 'subjects' }, text: 'navSubjects' },
  { page: 'accounts', route: { page: 'accounts' }, text: 'navAccounts' },
  { page: 'access-log', route: { page: 'access-log' }, text: 'navAccessLog' },
  { page: 'report', route: { page: 'report' }, text: 'navReport' },
  { page: 'holders', route: { page: 'holders' }, text: 'navHolders' },
  { page: 'incidents', route: { page: 'incidents' }, text: 'navIncidents' },
  { page: 'internal-rules', route: { page: 'internal-rules' }, text: 'navInternalRules' },
  { page: 'training', route: { page: 'training' }, text: 'navTraining' },
  { page: 'audits', route: { page: 'audits' }, text: 'navAudits' },
  { page: 'anonymisation', route: { page: 'anonymisation' }, text: 'navAnonymisation' },
];

/** The menu entry a page belongs to: a request under the queue, a subject under subjects. */
const SECTION: Partial<Record<DeskPage, DeskPage>> = {
  request: 'queue',
  'request-print': 'queue',
  subject: 'subjects',
  holder: 'holders',
  incident: 'incidents',
  'incident-report': 'incidents',
  audit: 'audits',
  'audit-report': 'audits',
  'anonymisation-definition': 'anonymisation',
  'anonymised-dataset': 'anonymisation',
};

function Page({ route, ...props }: DeskPageProps & { route: DeskRoute }) {
  if (!deskPageAllowed(route, props.session.role)) return <h1 tabIndex={-1}>{t('notAllowed', props.language)}</h1>;
  switch (route.page) {
    case 'queue':
      return <QueuePage {...props} route={route} />;
    case 'request':
      return <RequestPage {...props} requestId={route.requestId} />;
    case 'request-print':
      return <PrintPage {...props} requestId={route.requestId} />;
    case 'subjects':
      return <SubjectSearchPage {...props} />;
    case 'subject':
      return <SubjectPage {...props} subjectId={route.subjectId} />;
    case 'accounts':
      return <AccountsPage {...props} />;
    case 'access-log':
      return <AccessLogPage {...props} />;
    case 'report':
      return <ReportPage {...props} />;
    case 'holders':
      return <HoldersPage {...props} />;
    case 'holder':
      return <HolderPage {...props} holderId={route.holderId} />;
    case 'incidents':
      return <IncidentsPage {...props} />;
    case 'incident':
      return <IncidentPage {...props} incidentId={route.incidentId} />;
    case 'incident-report':
      return <IncidentReportPage {...props} incidentId={route.incidentId} report={route.report} />;
    case 'audits':
      return <AuditsPage {...props} />;
    case 'audit':
      return <AuditPage {...props} auditId={route.auditId} />;
    case 'audit-report':
      return <AuditReportPage {...props} auditId={route.auditId} />;
    case 'anonymisation':
      return <AnonymisationPage {...props} />;
    case 'anonymisation-definition':
      return <AnonymisationDefinitionPage {...props} definitionId={route.definitionId} />;
    case 'anonymised-dataset':
      return <AnonymisedDatasetPage {...props} datasetId={route.datasetId} />;
    case 'internal-rules':
      return <InternalRulesPage {...props} />;
    case 'training':
      return <TrainingPage {...props} />;
    default:
      return <h1 tabIndex={-1}>{t('notFound', props.language)}</h1>;
  }
}

export function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const [route, setRoute] = useState<DeskRoute>(() => parseDeskRoute(location.hash));
  const [session, setSession] = useState<StaffSession | undefined>(() => keptSession());
  const [message, setMessage] = useState<Parameters<typeof SignInPage>[0]['message']>();
  const [checkingReturn, setCheckingReturn] = useState(true);

  useEffect(() => {
    const onHash = () => setRoute(parseDeskRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    void (async () => {
      const config = await staffSignInConfig();
      const result = config.kind === 'cognito' ? await completeCognitoSignIn(config) : undefined;
      if (result?.kind === 'ok') {
        keepSession(result.session);
        setSession(result.session);
      } else if (result)
        setMessage({ key: 'callbackFailed', problem: result.kind === 'network' ? 'network' : result.problem });
      setRoute(parseDeskRoute(location.hash));
      setCheckingReturn(false);
    })();
  }, []);

  useEffect(
    () =>
      whenSessionEnds(() => {
        // The token is refused: forget it, but keep the drafts for the staff member signing in again.
        forgetSession();
        setSession(undefined);
        setMessage({ key: 'expired' });
      }),
    [],
  );

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(
      () => {
        forgetSession();
        setSession(undefined);
        setMessage({ key: 'expired' });
      },
      Math.max(0, session.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [session]);

  useDocumentLanguage(language, t('consoleName', language));

  useHeadingFocus([route, session]);

  const go = (next: DeskRoute) => {
    location.hash = hrefOfDeskRoute(next);
  };

  const signOut = async () => {
    forgetSession();
    forgetDrafts();
    setSession(undefined);
    setMessage({ key: 'signedOut' });
    const config = await staffSignInConfig();
    if (config.kind === 'cognito')
      location.assign(logoutUrl({ domain: config.domain, clientId: config.clientId, logoutUri: consoleUrl(location) }));
  };

  const other: Language = language === 'ja' ? 'en' : 'ja';
  const section = SECTION[route.page] ?? route.page;

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
          <a href="#/">{t('consoleName', language)}</a>
        </p>
        {session && (
          <p class="staff">
            <span>
              {t('signedInAs', language)}: <strong class="staff-id">{session.staffId}</strong>
            </span>{' '}
            <span>
              ({t('role', language)}: <span class="staff-role">{ROLE_LABELS[session.role][language]}</span>)
            </span>
          </p>
        )}
        <button
          type="button"
          class="language"
          lang={other}
          onClick={() => setLanguage(other)}
          aria-label={`${t('language', other)}: ${LANGUAGE_NAMES[other]}`}
        >
          {LANGUAGE_NAMES[other]}
        </button>
        {session && (
          <button type="button" class="sign-out" onClick={() => void signOut()}>
            {t('signOut', language)}
          </button>
        )}
        {session && (
          <nav aria-label={t('navigation', language)}>
            <ul>
              {NAV.filter((n) => deskPageAllowed(n.route, session.role)).map((n) => (
                <li key={n.page}>
                  <a href={hrefOfDeskRoute(n.route)} aria-current={section === n.page ? 'page' : undefined}>
                    {t(n.text, language)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" class="desk">
        {checkingReturn ? (
          <p>{t('loading', language)}</p>
        ) : session ? (
          <>
            <StandingBanner session={session} language={language} route={route} />
            <Page route={route} session={session} language={language} go={go} />
          </>
        ) : (
          <SignInPage
            language={language}
            message={message}
            onSignedIn={(s) => {
              keepSession(s);
              setMessage(undefined);
              setSession(s);
            }}
          />
        )}
      </main>
    </>
  );
}
