// The access log, for the officer and auditors: who read or wrote whose personal data, when and why
// (GET /v1/staff/access-log, at most 31 days at a time, paged with the API's opaque cursor), and
// the verification of its hash chains and digests (POST /v1/staff/access-log/verify).
import './officer.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import type { ProblemDetails } from '../request-form';
import type { Label } from '../text';
import {
  type AccessLogFilters,
  type BrokenLinkProblem,
  type AccessLogPage as Listing,
  listingParams,
  MAX_WINDOW_DAYS,
  NO_FILTERS,
  suggestedVerifyFrom,
  type VerifyAnswer,
  verifyBody,
} from './access-log';
import { fieldMessages, japanTime, placeProblem } from './officer';
import { failureOf, ProblemNotice } from './problem';
import { queryString } from './read-reason';
import type { DeskRoute } from './routes';
import type { StaffSession } from './session';
import { staffApi } from './staff-api';
import { type Language, ROLE_LABELS } from './text';

const T = {
  title: { ja: 'アクセス記録', en: 'Access log' },
  intro: {
    ja: '担当者による個人データの閲覧・書込みの記録です。記録には本人IDなどの識別子だけがあり、個人データの値はありません。',
    en: 'Every read or write of personal data by staff. Entries hold opaque ids only, never personal data values.',
  },
  filters: { ja: '絞り込み', en: 'Filters' },
  from: { ja: '開始（日本時間）', en: 'From (Japan time)' },
  to: { ja: '終了（日本時間）', en: 'To (Japan time)' },
  windowHint: {
    ja: '一度に表示できる期間は最長{days}日です。空欄なら終了は現在、開始はその24時間前です。',
    en: 'At most {days} days at a time. Empty: to now, from 24 hours before.',
  },
  actor: { ja: '担当者（ユーザー名）', en: 'Staff member (username)' },
  subject: { ja: '対象（本人ID、又は request:受付番号）', en: 'Subject (subject id, or request:<request number>)' },
  show: { ja: '表示する', en: 'Show' },
  entries: { ja: '記録', en: 'Entries' },
  windowShown: { ja: '{from} から {to} まで（新しい順）', en: '{from} to {to}, newest first' },
  noEntries: { ja: 'この条件の記録はありません。', en: 'No entries match.' },
  when: { ja: '日時', en: 'When' },
  who: { ja: '担当者', en: 'Who' },
  what: { ja: '操作・項目', en: 'What' },
  subjects: { ja: '対象', en: 'Subject' },
  reason: { ja: '理由', en: 'Reason' },
  read: { ja: '閲覧', en: 'Read' },
  write: { ja: '書込み', en: 'Write' },
  previous: { ja: '前のページ', en: 'Previous page' },
  next: { ja: '次のページ', en: 'Next page' },
  page: { ja: '{n}ページ目', en: 'Page {n}' },
  verifyTitle: { ja: '改ざんの検証', en: 'Verify the chain' },
  verifyIntro: {
    ja: '各記録は直前の記録のハッシュを持ち、数分ごとのダイジェストが各チェーンの先頭を固定します。すべてのチェーンとダイジェストを検証し、最初の切れ目を示します。',
    en: "Each entry carries the hash of the one before it, and a digest taken every few minutes anchors each chain's head. This checks every chain and digest and names the first broken link.",
  },
  verifyFrom: { ja: 'ダイジェストの日付から検証（任意）', en: 'Verify from a digest date (optional)' },
  verifyFromHint: { ja: '空欄なら最初の記録から検証します。', en: 'Empty: from the first entry.' },
  verify: { ja: '検証する', en: 'Verify' },
  verifying: { ja: '検証しています…', en: 'Verifying…' },
  verified: { ja: '改ざんは見つかりませんでした。', en: 'The access log is intact.' },
  verifiedDetail: {
    ja: '{scope}、{chains}本のチェーン（{entries}件の記録）と{digests}件のダイジェストを検証しました（{at}）。',
    en: 'Checked {chains} chains ({entries} entries) and {digests} digests {scope} ({at}).',
  },
  fromFirst: { ja: '最初の記録から', en: 'from the first entry' },
  fromDate: { ja: '{date}のダイジェストから', en: 'from the digest of {date}' },
  chain: { ja: 'チェーン', en: 'Chain' },
  head: { ja: '先頭の番号', en: 'Head seq' },
  checked: { ja: '検証した件数', en: 'Entries checked' },
  broken: { ja: '改ざん又は欠落が見つかりました。', en: 'The access log is broken.' },
  firstBroken: { ja: '最初の切れ目', en: 'First broken link' },
  problem: { ja: '問題', en: 'Problem' },
  seq: { ja: '番号', en: 'Seq' },
  digestDate: { ja: 'ダイジェストの日付', en: 'Digest date' },
  detail: { ja: '詳細', en: 'Detail' },
  tooLong: {
    ja: '記録が多く、一度に検証しきれません。より新しいダイジェストから検証してください（それ以前のダイジェストは、最新だった時点で検証済みです）。',
    en: 'There is too much to verify in one call. Verify from a recent digest (the digests before it were verified when they were the latest).',
  },
  verifyFromButton: { ja: '{date}から検証する', en: 'Verify from {date}' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
};

type Key = keyof typeof T;
const say = (key: Key, language: Language, values: Record<string, string | number> = {}) =>
  T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

const BROKEN_LINK_LABELS: Record<BrokenLinkProblem, { ja: string; en: string }> = {
  'hash-mismatch': {
    ja: '記録の内容がハッシュと一致しない（書き換え）',
    en: 'An entry does not match its hash (altered)',
  },
  'missing-entry': { ja: '記録が欠けている（削除）', en: 'An entry is missing (deleted)' },
  'out-of-order': { ja: '記録の順序が乱れている', en: 'Entries are out of order' },
  'previous-hash-mismatch': {
    ja: '直前の記録のハッシュと一致しない',
    en: "An entry does not carry its predecessor's hash",
  },
  'digest-mismatch': { ja: 'ダイジェストとチェーンの先頭が一致しない', en: 'A digest does not match the chain head' },
  'digest-altered': { ja: 'ダイジェストが書き換えられている', en: 'A digest is altered' },
  'digest-chain-broken': { ja: 'ダイジェストのつながりが切れている', en: 'The chain of digests is broken' },
};

const FILTER_FIELDS = ['from', 'to', 'actor', 'subject'] as const;

/** What an entry names as read or written, beyond the categories of personal data (functions/domain/**). */
const LOGGED_FIELDS: Record<string, Label> = {
  requester: { ja: '請求者', en: 'requester' },
  subject: { ja: '本人', en: 'subject' },
  details: { ja: '請求の内容', en: 'request details' },
  notes: { ja: '対応メモ', en: 'notes' },
  representativeVerification: { ja: '代理人の確認', en: 'representative check' },
  delivery: { ja: '回答の送付', en: 'delivery' },
  answerAddressHeldForCustomer: { ja: '回答先の照合', en: 'answer address check' },
  consents: { ja: '同意の記録', en: 'consents' },
  'provision-records': { ja: '第三者提供・受領の記録', en: 'provision records' },
  'cessation-of-provision': { ja: '第三者提供の停止', en: 'cessation of provision' },
  'my-number': { ja: '個人番号', en: 'Individual Number' },
  displayName: { ja: '氏名', en: 'name' },
  email: { ja: 'メールアドレス', en: 'e-mail address' },
  role: { ja: '役割', en: 'role' },
  status: { ja: '状態', en: 'status' },
};
const CATEGORY_NAMES = new Map<string, Label>(PERSONAL_DATA_CATEGORIES.map((c) => [c.id, c]));

function FieldName({ field, language }: { field: string; language: Language }) {
  const named = LOGGED_FIELDS[field] ?? CATEGORY_NAMES.get(field);
  return named ? named[language] : <code translate={false}>{field}</code>;
}

export function AccessLogPage({
  session,
  language,
}: {
  session: StaffSession;
  language: Language;
  go: (route: DeskRoute) => void;
}) {
  const [filters, setFilters] = useState<AccessLogFilters>(NO_FILTERS);
  /** The filters of the listing shown: the cursor continues that listing only. */
  const [applied, setApplied] = useState<AccessLogFilters>(filters);
  /** The cursor of each page shown so far; the first page has none. */
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [listing, setListing] = useState<Listing | undefined>();
  const [listFailure, setListFailure] = useState<ProblemDetails | 'network' | undefined>();
  const [loading, setLoading] = useState(false);
  const table = useRef<HTMLHeadingElement>(null);

  const list = async (shown: AccessLogFilters, pages: Array<string | undefined>, focus: boolean) => {
    setLoading(true);
    const result = await staffApi(session).get<Listing>(
      `/v1/staff/access-log${queryString(listingParams(shown, pages.at(-1)))}`,
    );
    setLoading(false);
    setListFailure(failureOf(result));
    if (result.kind !== 'ok') return;
    setApplied(shown);
    setCursors(pages);
    setListing(result.data);
    if (focus) requestAnimationFrame(() => table.current?.focus());
  };
  useEffect(() => {
    void list(applied, [undefined], false);
  }, [session.idToken]);

  const placed = listFailure && listFailure !== 'network' ? placeProblem(listFailure, FILTER_FIELDS) : undefined;
  const windowProblem = listFailure && listFailure !== 'network' && /window/i.test(listFailure.title);
  const fieldErrors = (field: (typeof FILTER_FIELDS)[number]) => placed?.byField[field];
  const input = (
    field: (typeof FILTER_FIELDS)[number],
    type: 'text' | 'datetime-local',
    label: string,
    hintId?: string,
  ) => {
    const errors = fieldErrors(field);
    const invalid = !!errors?.length || (windowProblem && (field === 'from' || field === 'to'));
    const described =
      [hintId ?? '', errors?.length ? `log-${field}-error` : '', invalid && !errors?.length ? 'log-problem' : '']
        .filter(Boolean)
        .join(' ') || undefined;
    const attributes = {
      id: `log-${field}`,
      value: filters[field],
      autocomplete: 'off',
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': described,
      onInput: (e: Event) => setFilters({ ...filters, [field]: (e.currentTarget as HTMLInputElement).value }),
    } as const;
    return (
      <div class="field">
        <label for={`log-${field}`}>{label}</label>
        {type === 'datetime-local' ? (
          <input type="datetime-local" {...attributes} />
        ) : (
          <input type="text" {...attributes} />
        )}
        {errors?.length ? (
          <p class="field-error" id={`log-${field}-error`}>
            {fieldMessages(errors, language)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>{say('title', language)}</h1>
      <p>{say('intro', language)}</p>
      <section aria-labelledby="log-filters">
        <h2 id="log-filters">{say('filters', language)}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void list(filters, [undefined], true);
          }}
          noValidate
        >
          <div class="field-row">
            {input('from', 'datetime-local', say('from', language), 'log-window-hint')}
            {input('to', 'datetime-local', say('to', language), 'log-window-hint')}
          </div>
          <p class="note" id="log-window-hint">
            {say('windowHint', language, { days: MAX_WINDOW_DAYS })}
          </p>
          <div class="field-row">
            {input('actor', 'text', say('actor', language))}
            {input('subject', 'text', say('subject', language))}
          </div>
          {listFailure && (!placed || placed.general) && (
            <ProblemNotice problem={listFailure} language={language} id="log-problem" />
          )}
          <button type="submit" aria-disabled={loading}>
            {say('show', language)}
          </button>
        </form>
      </section>
      <section aria-labelledby="log-entries">
        <h2 id="log-entries" ref={table} tabIndex={-1}>
          {say('entries', language)}
        </h2>
        {!listing && !listFailure && <p>{say('loading', language)}</p>}
        {listing && (
          <>
            <p>
              {say('windowShown', language, {
                from: japanTime(listing.from, language),
                to: japanTime(listing.to, language),
              })}{' '}
              {cursors.length > 1 && say('page', language, { n: cursors.length })}
            </p>
            {listing.items.length === 0 ? (
              <p>{say('noEntries', language)}</p>
            ) : (
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {(['when', 'who', 'what', 'subjects', 'reason'] as const).map((k) => (
                        <th key={k} scope="col">
                          {say(k, language)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {listing.items.map((e) => (
                      <tr key={`${e.chainId}-${e.seq}`}>
                        <td>{japanTime(e.at, language)}</td>
                        <td>
                          <code class="nowrap">{e.actor}</code>
                          <br />
                          {ROLE_LABELS[e.role as keyof typeof ROLE_LABELS]?.[language] ?? e.role}
                        </td>
                        <td>
                          {say(e.action, language)}
                          <br />
                          {e.fields.map((field, i) => (
                            <span key={field}>
                              {i > 0 ? (language === 'ja' ? '、' : ', ') : ''}
                              <FieldName field={field} language={language} />
                            </span>
                          ))}
                        </td>
                        <td>
                          {e.subjects.map((s) => (
                            <code key={s} class="block">
                              {s}
                            </code>
                          ))}
                        </td>
                        {/* The reason as it was recorded with the entry: the log's own text, kept as written. */}
                        <td translate={false}>{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p class="paging">
              {cursors.length > 1 && (
                <button
                  type="button"
                  class="quiet"
                  aria-disabled={loading}
                  onClick={() => void list(applied, cursors.slice(0, -1), true)}
                >
                  {say('previous', language)}
                </button>
              )}{' '}
              {listing.nextCursor && (
                <button
                  type="button"
                  class="quiet"
                  aria-disabled={loading}
                  onClick={() => void list(applied, [...cursors, listing.nextCursor], true)}
                >
                  {say('next', language)}
                </button>
              )}
            </p>
          </>
        )}
      </section>
      <VerifySection session={session} language={language} />
    </>
  );
}

function VerifySection({ session, language }: { session: StaffSession; language: Language }) {
  const [from, setFrom] = useState('');
  const [answer, setAnswer] = useState<VerifyAnswer | undefined>();
  const [failure, setFailure] = useState<ProblemDetails | 'network' | undefined>();
  const [working, setWorking] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  const verify = async (date: string | undefined) => {
    if (working) return;
    setWorking(true);
    setAnswer(undefined);
    setFailure(undefined);
    const reply = await staffApi(session).post<VerifyAnswer>('/v1/staff/access-log/verify', verifyBody(date?.trim()));
    setWorking(false);
    setFailure(failureOf(reply));
    if (reply.kind === 'ok') setAnswer(reply.data);
    requestAnimationFrame(() => result.current?.focus());
  };
  const suggested = failure && failure !== 'network' ? suggestedVerifyFrom(failure) : undefined;
  const fromErrors = failure && failure !== 'network' ? placeProblem(failure, ['from']).byField.from : undefined;

  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{say('verifyTitle', language)}</h2>
      <p>{say('verifyIntro', language)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void verify(from);
        }}
        noValidate
      >
        <div class="field">
          <label for="verify-from">{say('verifyFrom', language)}</label>
          <p class="note" id="verify-from-hint">
            {say('verifyFromHint', language)}
          </p>
          <input
            id="verify-from"
            type="date"
            autocomplete="off"
            value={from}
            aria-invalid={fromErrors ? true : undefined}
            aria-describedby={fromErrors ? 'verify-from-hint verify-from-error' : 'verify-from-hint'}
            onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
          />
          {fromErrors && (
            <p class="field-error" id="verify-from-error">
              {fieldMessages(fromErrors, language)}
            </p>
          )}
        </div>
        <button type="submit" aria-disabled={working}>
          {working ? say('verifying', language) : say('verify', language)}
        </button>
      </form>
      <div ref={result} tabIndex={-1} class="verify-result" aria-live="polite">
        {answer?.verified === true && (
          <>
            <p class="verified">
              <strong>{say('verified', language)}</strong>
            </p>
            <p>
              {say('verifiedDetail', language, {
                scope: answer.from ? say('fromDate', language, { date: answer.from }) : say('fromFirst', language),
                chains: answer.chains.length,
                entries: answer.chains.reduce((n, c) => n + c.entriesChecked, 0),
                digests: answer.digestsChecked,
                at: japanTime(answer.checkedAt, language),
              })}
            </p>
            {answer.chains.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{say('chain', language)}</th>
                    <th scope="col">{say('head', language)}</th>
                    <th scope="col">{say('checked', language)}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.chains.map((c) => (
                    <tr key={c.chainId}>
                      <td>
                        <code>{c.chainId}</code>
                      </td>
                      <td>{c.seq}</td>
                      <td>{c.entriesChecked}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {answer?.verified === false && (
          <div class="summary">
            <p>
              <strong>{say('broken', language)}</strong>
            </p>
            <h3>{say('firstBroken', language)}</h3>
            <dl>
              <dt>{say('problem', language)}</dt>
              <dd>
                {BROKEN_LINK_LABELS[answer.firstBrokenLink.problem]?.[language] ?? answer.firstBrokenLink.problem} (
                <code>{answer.firstBrokenLink.problem}</code>)
              </dd>
              {answer.firstBrokenLink.chainId !== undefined && (
                <>
                  <dt>{say('chain', language)}</dt>
                  <dd>
                    <code>{answer.firstBrokenLink.chainId}</code>
                  </dd>
                </>
              )}
              {answer.firstBrokenLink.seq !== undefined && (
                <>
                  <dt>{say('seq', language)}</dt>
                  <dd>{answer.firstBrokenLink.seq}</dd>
                </>
              )}
              {answer.firstBrokenLink.digestDate && (
                <>
                  <dt>{say('digestDate', language)}</dt>
                  <dd>{answer.firstBrokenLink.digestDate}</dd>
                </>
              )}
              <dt>{say('detail', language)}</dt>
              <dd>{answer.firstBrokenLink.detail}</dd>
            </dl>
          </div>
        )}
        {failure && (
          <>
            {suggested && <p>{say('tooLong', language)}</p>}
            {!fromErrors && <ProblemNotice problem={failure} language={language} />}
            {suggested && (
              <p>
                <button
                  type="button"
                  onClick={() => {
                    setFrom(suggested);
                    void verify(suggested);
                  }}
                >
                  {say('verifyFromButton', language, { date: suggested })}
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
