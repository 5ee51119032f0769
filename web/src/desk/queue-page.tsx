// The queue (GET /v1/staff/requests): the open requests soonest due first, or those of one status,
// with an overdue or due-soon mark in words (not colour alone). No personal data: ids, types, dates.
import { useEffect, useState } from 'preact/hooks';
import { REQUEST_STATUSES } from '../../../functions/domain/requests/request-words';
import type { ApiResult } from '../api';
import type { QueueItem } from '../api-types';
import { type Label, STATUS_LABELS, TYPE_LABELS } from '../text';
import type { DeskPageProps } from './page-props';
import { failureOf, ProblemNotice } from './problem';
import { DUE_SOON_DAYS, type DueMark, dueMark, japanDate } from './queue';
import { deskPageAllowed, hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';
import type { Language } from './text';

const T = {
  title: { ja: '請求一覧', en: 'Request queue' },
  filter: { ja: '絞り込み', en: 'Filter' },
  status: { ja: '状況', en: 'Status' },
  open: { ja: '未完了（受付済み・対応中）', en: 'Open (received or in progress)' },
  show: { ja: '表示する', en: 'Show' },
  caption: { ja: '回答期限の近い順', en: 'Soonest due first' },
  requestId: { ja: '受付番号', en: 'Request' },
  type: { ja: '種類', en: 'Type' },
  received: { ja: '受付日', en: 'Received' },
  due: { ja: '回答期限', en: 'Due' },
  deadline: { ja: '期限', en: 'Deadline' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  dueSoon: { ja: `期限まで${DUE_SOON_DAYS}日以内`, en: `Due within ${DUE_SOON_DAYS} days` },
  dateNote: { ja: '日付は日本時間です。', en: 'Dates are in Japan time.' },
  empty: { ja: '該当する請求はありません。', en: 'No requests match.' },
  count: { ja: '{n}件', en: '{n} requests' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
} satisfies Record<string, Label>;

const text = (key: keyof typeof T, language: Language) => T[key][language];
const label = (labels: Record<string, Label>, value: string, language: Language) => labels[value]?.[language] ?? value;

function Mark({ mark, language }: { mark: DueMark | undefined; language: Language }) {
  if (mark === 'overdue')
    return (
      <strong class="due-mark overdue">
        <span aria-hidden="true">⚠ </span>
        {text('overdue', language)}
      </strong>
    );
  if (mark === 'due-soon')
    return (
      <span class="due-mark due-soon">
        <span aria-hidden="true">△ </span>
        {text('dueSoon', language)}
      </span>
    );
  return null;
}

export function QueuePage({ session, language, go, status }: DeskPageProps & { status?: string | undefined }) {
  const [result, setResult] = useState<ApiResult<{ items: QueueItem[] }>>();
  const [chosen, setChosen] = useState(status ?? '');

  useEffect(() => {
    setChosen(status ?? '');
    setResult(undefined);
    let current = true;
    void staffApi(session)
      .get<{ items: QueueItem[] }>(`/v1/staff/requests${status ? `?${new URLSearchParams({ status })}` : ''}`)
      .then((r) => current && setResult(r));
    return () => {
      current = false;
    };
  }, [session, status]);

  const failure = result && failureOf(result);
  const items = result?.kind === 'ok' ? result.data.items : undefined;
  const now = new Date();
  const mayOpen = deskPageAllowed({ page: 'request', requestId: '' }, session.role);

  return (
    <>
      <h1 tabIndex={-1}>{text('title', language)}</h1>
      <form
        class="filters"
        aria-label={text('filter', language)}
        onSubmit={(e) => {
          e.preventDefault();
          go(chosen ? { page: 'queue', status: chosen } : { page: 'queue' });
        }}
      >
        <div class="field">
          <label for="queue-status">{text('status', language)}</label>
          <select id="queue-status" name="status" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <option value="">{text('open', language)}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(STATUS_LABELS, s, language)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{text('show', language)}</button>
      </form>
      {failure && <ProblemNotice problem={failure} language={language} />}
      {!result && <p role="status">{text('loading', language)}</p>}
      {items && items.length === 0 && (
        <p role="status" class="empty">
          {text('empty', language)}
        </p>
      )}
      {items && items.length > 0 && (
        <>
          <p role="status">
            {text('count', language).replace('{n}', String(items.length))}{' '}
            <span class="note">{text('dateNote', language)}</span>
          </p>
          <div class="table-scroll">
            <table class="queue">
              <caption>{text('caption', language)}</caption>
              <thead>
                <tr>
                  <th scope="col">{text('requestId', language)}</th>
                  <th scope="col">{text('type', language)}</th>
                  <th scope="col">{text('status', language)}</th>
                  <th scope="col">{text('received', language)}</th>
                  <th scope="col">{text('due', language)}</th>
                  <th scope="col">{text('deadline', language)}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const mark = dueMark(item, now);
                  return (
                    <tr key={item.requestId} class={mark}>
                      <th scope="row">
                        {mayOpen ? (
                          <a href={hrefOfDeskRoute({ page: 'request', requestId: item.requestId })}>
                            <code>{item.requestId}</code>
                          </a>
                        ) : (
                          <code>{item.requestId}</code>
                        )}
                      </th>
                      <td>{label(TYPE_LABELS, item.type, language)}</td>
                      <td>{label(STATUS_LABELS, item.status, language)}</td>
                      <td class="date">{japanDate(item.receivedAt)}</td>
                      <td class="date">{japanDate(item.dueAt)}</td>
                      <td>
                        <Mark mark={mark} language={language} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
