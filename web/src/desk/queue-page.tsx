// The queue (GET /v1/staff/requests): one card per request, soonest due first, saying who asked, about
// whom, who handles it and how it stands against its due date (in words, not colour alone). Filters
// and the search run on the server; the filters live in the page's address, the search term never
// (a name or an address must not sit in the browser's history). Operators and the officer see the
// requester and the subject, and the API logs each list; an auditor sees neither and may not search.
import { useEffect, useRef, useState } from 'preact/hooks';
import { REQUEST_STATUSES } from '../../../functions/domain/requests/request-words';
import type { ApiResult } from '../api';
import type { QueueItem } from '../api-types';
import { type Label, STATUS_LABELS, TYPE_LABELS } from '../text';
import type { DeskPageProps } from './page-props';
import { failureOf, ProblemNotice } from './problem';
import {
  type Assignee,
  DUE_WITHIN_CHOICES,
  type DueState,
  dueMark,
  dueState,
  japanDate,
  type QueueFilters,
  queueQuery,
} from './queue';
import { REQUESTER_KIND_LABELS } from './request-text';
import { type DeskRoute, deskPageAllowed, hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';
import type { Language } from './text';

const T = {
  title: { ja: '請求一覧', en: 'Request queue' },
  filter: { ja: '絞り込みと検索', en: 'Filter and search' },
  search: { ja: '検索（氏名・メールアドレス・受付番号）', en: 'Search (name, e-mail address or request number)' },
  searchHint: {
    ja: '氏名は一部でも探せます（大文字・小文字、全角・半角、空白は区別しません）。メールアドレスと受付番号は全体を入力してください。検索はアクセス記録に残ります。',
    en: 'A name may be given in part (case, full- or half-width and spaces do not matter); give an e-mail address or a request number in full. Searches are recorded in the access log.',
  },
  type: { ja: '種類', en: 'Type' },
  anyType: { ja: 'すべての種類', en: 'Any type' },
  status: { ja: '状況', en: 'Status' },
  open: { ja: '未完了（受付済み・対応中）', en: 'Open (received or in progress)' },
  assignee: { ja: '担当者', en: 'Assigned to' },
  anyone: { ja: '指定しない', en: 'Anyone or nobody' },
  me: { ja: '自分', en: 'Me' },
  unassigned: { ja: '未割当て', en: 'Not assigned' },
  due: { ja: '回答期限', en: 'Due' },
  anyDue: { ja: '指定しない', en: 'Any time' },
  dueToday: { ja: '今日まで（期限超過を含む）', en: 'By today (overdue included)' },
  dueWithin: { ja: '{n}日以内（期限超過を含む）', en: 'Within {n} days (overdue included)' },
  show: { ja: '表示する', en: 'Show' },
  clear: { ja: '条件を解除する', en: 'Clear the filters' },
  caption: { ja: '回答期限の近い順です。', en: 'Soonest due first. ' },
  requestId: { ja: '受付番号', en: 'Request number' },
  requester: { ja: '請求者', en: 'Requester' },
  subject: { ja: '本人', en: 'The person concerned' },
  sameAsRequester: { ja: '請求者本人', en: 'The requester' },
  received: { ja: '受付日', en: 'Received' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  overdueBy: { ja: '期限超過（{n}日）', en: 'Overdue by {n} days' },
  overdueByOne: { ja: '期限超過（1日）', en: 'Overdue by 1 day' },
  dueTodayMark: { ja: '本日が期限', en: 'Due today' },
  daysLeft: { ja: 'あと{n}日', en: 'Due in {n} days' },
  dayLeft: { ja: 'あと1日', en: 'Due in 1 day' },
  meSuffix: { ja: '（自分）', en: ' (me)' },
  dateNote: { ja: '日付は日本時間です。', en: 'Dates are in Japan time.' },
  searched: { ja: '検索の結果です。', en: 'Search results.' },
  empty: { ja: '該当する請求はありません。', en: 'No requests match.' },
  count: { ja: '{n}件', en: '{n} requests' },
  countOne: { ja: '1件', en: '1 request' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
} satisfies Record<string, Label>;

const text = (key: keyof typeof T, language: Language) => T[key][language];
const counted = (key: keyof typeof T, n: number, language: Language) => text(key, language).replace('{n}', String(n));
const label = (labels: Record<string, Label>, value: string, language: Language) => labels[value]?.[language] ?? value;

interface QueueAnswer {
  items: QueueItem[];
  assignees?: Assignee[];
}

function dueWords(state: DueState, language: Language): string | undefined {
  if (!state) return undefined;
  if (state.kind === 'today') return text('dueTodayMark', language);
  if (state.kind === 'overdue')
    return state.days === 0
      ? text('overdue', language)
      : state.days === 1
        ? text('overdueByOne', language)
        : counted('overdueBy', state.days, language);
  return state.days === 1 ? text('dayLeft', language) : counted('daysLeft', state.days, language);
}

function DueLine({ item, now, language }: { item: QueueItem; now: Date; language: Language }) {
  const mark = dueMark(item, now);
  const words = dueWords(dueState(item, now), language);
  return (
    <>
      <span class="date">{japanDate(item.dueAt)}</span>
      {words && ' '}
      {mark === 'overdue' && (
        <strong class="due-mark overdue">
          <span aria-hidden="true">⚠ </span>
          {words}
        </strong>
      )}
      {mark === 'due-soon' && (
        <strong class="due-mark due-soon">
          <span aria-hidden="true">△ </span>
          {words}
        </strong>
      )}
      {!mark && words && <span class="due-mark">{words}</span>}
    </>
  );
}

/** A person as the request names them: the name and the address are data, kept as written. */
function Person({ name, email }: { name?: string | undefined; email: string }) {
  return (
    <>
      {name && (
        <>
          <span translate={false}>{name}</span>{' '}
        </>
      )}
      <span class="address" translate={false}>
        {email}
      </span>
    </>
  );
}

function QueueCard({
  item,
  now,
  language,
  mayOpen,
  nameOf,
}: {
  item: QueueItem;
  now: Date;
  language: Language;
  mayOpen: boolean;
  nameOf: (staffId: string) => string;
}) {
  const mark = dueMark(item, now);
  const titleId = `queue-${item.requestId}`;
  const title = (
    <>
      <span class="queue-type">{label(TYPE_LABELS, item.type, language)}</span>{' '}
      <span class="queue-number">
        <span class="visually-hidden">{text('requestId', language)} </span>
        <code translate={false}>{item.requestId}</code>
      </span>
    </>
  );
  const requester = item.requester;
  const self = requester?.kind === 'self';
  return (
    <li class={`queue-card ${mark ?? ''}`} aria-labelledby={titleId}>
      <h2 class="queue-title" id={titleId}>
        {mayOpen ? <a href={hrefOfDeskRoute({ page: 'request', requestId: item.requestId })}>{title}</a> : title}
      </h2>
      <dl class="queue-facts">
        <div>
          <dt>{text('status', language)}</dt>
          <dd>{label(STATUS_LABELS, item.status, language)}</dd>
        </div>
        <div class="queue-due">
          <dt>{text('due', language)}</dt>
          <dd>
            <DueLine item={item} now={now} language={language} />
          </dd>
        </div>
        {requester && (
          <div class="queue-person">
            <dt>{text('requester', language)}</dt>
            <dd>
              <Person name={requester.name} email={requester.email} />
              {!self && <span class="queue-kind">（{label(REQUESTER_KIND_LABELS, requester.kind, language)}）</span>}
            </dd>
          </div>
        )}
        {item.subject && (
          <div class="queue-person">
            <dt>{text('subject', language)}</dt>
            <dd>
              {self ? (
                text('sameAsRequester', language)
              ) : (
                <Person name={item.subject.name} email={item.subject.email} />
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{text('assignee', language)}</dt>
          <dd>
            {item.assignee ? <span translate={false}>{nameOf(item.assignee)}</span> : text('unassigned', language)}
          </dd>
        </div>
        <div>
          <dt>{text('received', language)}</dt>
          <dd class="date">{japanDate(item.receivedAt)}</dd>
        </div>
      </dl>
    </li>
  );
}

export function QueuePage({ session, language, go, route }: DeskPageProps & { route: DeskRoute & { page: 'queue' } }) {
  const filters: QueueFilters = { status: route.status, type: route.type, assignee: route.assignee, due: route.due };
  const filterKey = JSON.stringify(filters);
  const [result, setResult] = useState<{ answer: ApiResult<QueueAnswer>; search: string }>();
  const [chosen, setChosen] = useState<QueueFilters>(filters);
  const [search, setSearch] = useState('');
  /** The search term the next list is asked with; sending the form again asks again, even unchanged. */
  const searchSent = useRef('');
  const [round, setRound] = useState(0);
  const mayOpen = deskPageAllowed({ page: 'request', requestId: '' }, session.role);
  const maySearch = mayOpen;
  const assignees = useRef<Assignee[]>([]);

  useEffect(() => {
    const asked = JSON.parse(filterKey) as QueueFilters;
    const term = searchSent.current;
    setChosen(asked);
    setResult(undefined);
    let current = true;
    void staffApi(session)
      .get<QueueAnswer>(`/v1/staff/requests${queueQuery(asked, term)}`)
      .then((answer) => {
        if (!current) return;
        if (answer.kind === 'ok' && answer.data.assignees) assignees.current = answer.data.assignees;
        setResult({ answer, search: term });
      });
    return () => {
      current = false;
    };
  }, [session, filterKey, round]);

  /** Lists with these filters and the search term: one call, so one access-log entry per search. */
  const show = (next: QueueFilters, term: string) => {
    searchSent.current = term.trim();
    const target: DeskRoute = { page: 'queue', ...next };
    if (hrefOfDeskRoute(target) === hrefOfDeskRoute({ page: 'queue', ...filters })) setRound((r) => r + 1);
    else go(target);
  };

  const failure = result && failureOf(result.answer);
  const items = result?.answer.kind === 'ok' ? result.answer.data.items : undefined;
  const now = new Date();
  const nameOf = (staffId: string) => {
    const name = assignees.current.find((a) => a.staffId === staffId)?.displayName ?? staffId;
    return staffId === session.staffId ? `${name}${text('meSuffix', language)}` : name;
  };
  const set = (key: keyof QueueFilters) => (e: Event) =>
    setChosen({ ...chosen, [key]: (e.currentTarget as HTMLSelectElement).value || undefined });

  return (
    <>
      <h1 tabIndex={-1}>{text('title', language)}</h1>
      <form
        class="filters queue-filters"
        aria-label={text('filter', language)}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          show(chosen, search);
        }}
      >
        {maySearch && (
          <div class="field queue-search">
            <label for="queue-q">{text('search', language)}</label>
            <input
              id="queue-q"
              name="q"
              type="search"
              maxLength={254}
              autoComplete="off"
              value={search}
              aria-describedby="queue-q-hint"
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
            <p class="note" id="queue-q-hint">
              {text('searchHint', language)}
            </p>
          </div>
        )}
        <div class="field">
          <label for="queue-type">{text('type', language)}</label>
          <select id="queue-type" name="type" value={chosen.type ?? ''} onChange={set('type')}>
            <option value="">{text('anyType', language)}</option>
            {Object.keys(TYPE_LABELS).map((t) => (
              <option key={t} value={t}>
                {label(TYPE_LABELS, t, language)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-status">{text('status', language)}</label>
          <select id="queue-status" name="status" value={chosen.status ?? ''} onChange={set('status')}>
            <option value="">{text('open', language)}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(STATUS_LABELS, s, language)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-assignee">{text('assignee', language)}</label>
          <select id="queue-assignee" name="assignee" value={chosen.assignee ?? ''} onChange={set('assignee')}>
            <option value="">{text('anyone', language)}</option>
            {session.role === 'operator' && <option value="me">{text('me', language)}</option>}
            <option value="unassigned">{text('unassigned', language)}</option>
            {assignees.current.map((a) => (
              <option key={a.staffId} value={a.staffId} translate={false}>
                {language === 'ja' ? `${a.displayName}（${a.staffId}）` : `${a.displayName} (${a.staffId})`}
              </option>
            ))}
            {chosen.assignee &&
              !['me', 'unassigned'].includes(chosen.assignee) &&
              !assignees.current.some((a) => a.staffId === chosen.assignee) && (
                <option value={chosen.assignee} translate={false}>
                  {chosen.assignee}
                </option>
              )}
          </select>
        </div>
        <div class="field">
          <label for="queue-due">{text('due', language)}</label>
          <select id="queue-due" name="due" value={chosen.due ?? ''} onChange={set('due')}>
            <option value="">{text('anyDue', language)}</option>
            {DUE_WITHIN_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? text('dueToday', language) : counted('dueWithin', n, language)}
              </option>
            ))}
            {chosen.due && !DUE_WITHIN_CHOICES.some((n) => String(n) === chosen.due) && (
              <option value={chosen.due}>{counted('dueWithin', Number(chosen.due), language)}</option>
            )}
          </select>
        </div>
        <div class="queue-buttons">
          <button type="submit">{text('show', language)}</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setSearch('');
              show({}, '');
            }}
          >
            {text('clear', language)}
          </button>
        </div>
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
          <p role="status" id="queue-count">
            {result?.search && `${text('searched', language)} `}
            {items.length === 1 ? text('countOne', language) : counted('count', items.length, language)}{' '}
            <span class="note">
              {text('caption', language)}
              {text('dateNote', language)}
            </span>
          </p>
          <ol class="queue-list" aria-describedby="queue-count">
            {items.map((item) => (
              <QueueCard
                key={item.requestId}
                item={item}
                now={now}
                language={language}
                mayOpen={mayOpen}
                nameOf={nameOf}
              />
            ))}
          </ol>
        </>
      )}
    </>
  );
}
