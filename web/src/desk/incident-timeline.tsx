// An incident's timeline for the officer and auditors: the access log's entries that read or wrote the
// incident (who, in which role, what, when, the version), newest first, a month of days at a time, so
// the register's history is the same record the hash chains protect.
import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod';
import type { incidentTimelineResponse } from '../../../functions/http/contract/access-log';
import { incidentPath } from './incidents';
import { iw } from './incidents-text';
import { japanTime } from './japan-time';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { ScrollRegion } from './scroll-region';
import type { StaffSession } from './session';
import { staffApi } from './staff-api';
import { type Language, ROLE_LABELS } from './text';

type Timeline = z.output<typeof incidentTimelineResponse>;
type Entry = Timeline['items'][number];

const ACTION = { read: { ja: '閲覧', en: 'Read' }, write: { ja: '書込み', en: 'Write' } } as const;

export function IncidentTimeline({
  session,
  language,
  incidentId,
  version,
}: {
  session: StaffSession;
  language: Language;
  incidentId: string;
  /** The incident's version: a new one reads the timeline again. */
  version: number;
}) {
  const [items, setItems] = useState<Entry[]>();
  const [nextBefore, setNextBefore] = useState<string>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const load = async (before?: string) => {
    const result = await staffApi(session).get<Timeline>(
      `${incidentPath(incidentId)}/timeline${before ? `?before=${before}` : ''}`,
    );
    setProblem(failureOf(result));
    if (result.kind !== 'ok') return;
    setItems((shown) => [...(before ? (shown ?? []) : []), ...result.data.items]);
    setNextBefore(result.data.nextBefore);
  };
  useEffect(() => void load(), [incidentId, version]);
  const role = (r: string) => (r in ROLE_LABELS ? ROLE_LABELS[r as keyof typeof ROLE_LABELS][language] : r);
  return (
    <section aria-labelledby="incident-timeline">
      <h2 id="incident-timeline">{iw('timeline', language)}</h2>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!items && !problem && <p>{iw('loading', language)}</p>}
      {items && items.length === 0 && <p>{iw('timelineNone', language)}</p>}
      {items && items.length > 0 && (
        <ScrollRegion label={iw('timeline', language)}>
          <table aria-labelledby="incident-timeline">
            <thead>
              <tr>
                <th scope="col">{iw('at', language)}</th>
                <th scope="col">{iw('by', language)}</th>
                <th scope="col">{iw('action', language)}</th>
                <th scope="col">{iw('version', language)}</th>
                <th scope="col">{iw('reason', language)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={`${e.chainId}-${e.seq}`}>
                  <td class="date">{japanTime(e.at, language)}</td>
                  <td>
                    <span translate={false}>{e.actor}</span> ({role(e.role)})
                  </td>
                  <td>{ACTION[e.action][language]}</td>
                  <td>{e.incidentVersion ?? '—'}</td>
                  <td translate={false}>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {nextBefore && (
        <button type="button" class="quiet" onClick={() => void load(nextBefore)}>
          {iw('timelineOlder', language)}
        </button>
      )}
    </section>
  );
}
