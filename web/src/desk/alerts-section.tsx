// Access monitoring's recent alerts on the incident register, for the officer (policy §6(1)): who read
// many people's data in one hour or read outside desk hours, by staff and subject ids only, and the
// incident opened from each. An alert that may be a leak opens a draft incident with its facts.
import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod';
import type { accessAlertsResponse } from '../../../functions/http/contract/access-log';
import { iw } from './incidents-text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';

type Alert = z.output<typeof accessAlertsResponse>['items'][number];

export function AlertsSection({ session, language, go }: Pick<DeskPageProps, 'session' | 'language' | 'go'>) {
  const api = staffApi(session);
  const [alerts, setAlerts] = useState<Alert[]>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [openProblem, setOpenProblem] = useState<{ alertId: string; problem: DeskProblemDetails | 'network' }>();
  const openDraft = async (alertId: string) => {
    const result = await api.post<{ incidentId: string }>(
      `/v1/staff/access-alerts/${encodeURIComponent(alertId)}/incident`,
      {},
    );
    const failed = failureOf(result);
    setOpenProblem(failed ? { alertId, problem: failed } : undefined);
    if (result.kind === 'ok') go({ page: 'incident', incidentId: result.data.incidentId });
  };
  useEffect(() => {
    void api.get<{ items: Alert[] }>('/v1/staff/access-alerts').then((result) => {
      if (result.kind === 'ok') setAlerts(result.data.items);
      else setProblem(failureOf(result));
    });
  }, [session.idToken]);
  const finding = (f: Alert['findings'][number]) =>
    f.kind === 'many-subjects'
      ? iw('alertManySubjects', language, { actor: f.actor, n: f.subjectCount, hour: japanTime(f.hour, language) })
      : iw('alertOutsideHours', language, {
          actor: f.actor,
          n: f.reads ?? f.subjectCount,
          hour: japanTime(f.hour, language),
        });
  return (
    <section aria-labelledby="access-alerts">
      <h2 id="access-alerts">{iw('alerts', language)}</h2>
      <p>{iw('alertsIntro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!alerts && !problem && <p>{iw('loading', language)}</p>}
      {alerts && alerts.length === 0 && <p>{iw('alertsNone', language)}</p>}
      {alerts && alerts.length > 0 && (
        <ScrollRegion label={iw('alerts', language)}>
          <table aria-labelledby="access-alerts">
            <thead>
              <tr>
                <th scope="col">{iw('alertRaised', language)}</th>
                <th scope="col">{iw('alertWhat', language)}</th>
                <th scope="col">{iw('alertIncident', language)}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.alertId}>
                  <td class="date">{japanTime(a.raisedAt, language)}</td>
                  <td>
                    <ul>
                      {a.findings.map((f) => (
                        <li key={`${f.kind}-${f.actor}-${f.hour}`}>{finding(f)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {a.incidentId ? (
                      <a href={hrefOfDeskRoute({ page: 'incident', incidentId: a.incidentId })} translate={false}>
                        {a.incidentId}
                      </a>
                    ) : (
                      <>
                        {openProblem?.alertId === a.alertId && (
                          <ProblemNotice problem={openProblem.problem} language={language} />
                        )}
                        <button type="button" onClick={() => void openDraft(a.alertId)}>
                          {iw('openFromAlert', language)}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
