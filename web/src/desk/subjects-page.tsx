// The subject view (GET /v1/staff/subjects, GET /v1/staff/subjects/{subjectId}): the page asks why
// the person reads before anything is read (policy §6(1)), and the API records the read with that
// reason in the access log. What it shows lives in this page's state only: never in storage or the URL.
import './officer.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProblemDetails } from '../request-form';
import { TYPE_LABELS } from '../text';
import { fieldMessages, japanTime, placeProblem, type PlacedProblem } from './officer';
import { ProblemNotice, failureOf } from './problem';
import {
  activePurposes, EMPTY_REASON_FORM, formOf, openRequests, OTHER_REQUEST, queryString, reasonOf, reasonParams,
  type PurposeItem, type QueueItem, type ReadReason, type ReasonForm,
} from './read-reason';
import type { DeskRoute } from './routes';
import type { StaffSession } from './session';
import { staffApi } from './staff-api';
import type { Language } from './text';

const T = {
  searchTitle: { ja: '本人の検索', en: 'Find a subject' },
  subjectTitle: { ja: '本人の保有個人データ', en: 'Personal data held about a subject' },
  logged: {
    ja: '検索と閲覧は、あなたのユーザー名、対象の本人、項目、閲覧の理由及び日時とともにアクセス記録に残ります。まず閲覧の理由を選んでください。',
    en: 'Searches and reads are recorded in the access log with your username, the subject, the fields, your reason and the time. Choose the reason first.',
  },
  notStored: { ja: '表示した内容はこの画面にだけ表示し、保存しません。画面を離れると消えます。', en: 'What is shown stays on this screen only and is not stored; it is gone when you leave the page.' },
  reason: { ja: '閲覧の理由', en: 'Reason for reading' },
  forRequest: { ja: '対応中の請求のため', en: 'For a request the desk is handling' },
  forPurpose: { ja: '利用目的のため', en: 'For a purpose of use' },
  request: { ja: '請求', en: 'Request' },
  chooseRequest: { ja: '選んでください', en: 'Choose one' },
  otherRequest: { ja: 'その他（受付番号を入力）', en: 'Another (type its number)' },
  requestNumber: { ja: '受付番号', en: 'Request number' },
  due: { ja: '期限', en: 'due' },
  noOpenRequests: { ja: '対応中の請求はありません。受付番号を入力するか、利用目的を選んでください。', en: 'No request is open. Type a request number or choose a purpose of use.' },
  purpose: { ja: '利用目的', en: 'Purpose of use' },
  choosePurpose: { ja: '選んでください', en: 'Choose one' },
  needReason: { ja: '閲覧の理由を選んでください。', en: 'Choose the reason for reading.' },
  searchBy: { ja: '検索の方法', en: 'Search by' },
  byEmail: { ja: 'メールアドレス', en: 'E-mail address' },
  byCustomerId: { ja: 'お客様番号', en: 'Customer number' },
  searchValue: { ja: '検索する値', en: 'Value to search for' },
  search: { ja: '検索する（アクセス記録に残ります）', en: 'Search (recorded in the access log)' },
  show: { ja: '理由を記録して表示する', en: 'Record the reason and show' },
  working: { ja: '処理しています…', en: 'Working…' },
  results: { ja: '検索結果', en: 'Results' },
  noResults: { ja: '該当する本人はいません。', en: 'No subject matches.' },
  subjectId: { ja: '本人ID', en: 'Subject id' },
  categories: { ja: '項目', en: 'Categories' },
  recordCount: { ja: '件数', en: 'Records' },
  openSubject: { ja: '{id} を開く', en: 'Open {id}' },
  readWith: { ja: 'この表示はアクセス記録に「{reason}」として記録されました。', en: 'This read is recorded in the access log as "{reason}".' },
  hide: { ja: '表示を消す', en: 'Hide the data' },
  records: { ja: '保有個人データ', en: 'Records' },
  category: { ja: '項目', en: 'Category' },
  value: { ja: '内容', en: 'Value' },
  source: { ja: '取得元', en: 'Source' },
  purposes: { ja: '利用目的', en: 'Purposes' },
  acquiredAt: { ja: '取得日時', en: 'Acquired' },
  expiresAt: { ja: '消去予定', en: 'Erased after' },
  notYet: { ja: '未定（利用目的が未達成）', en: 'Not yet (a purpose is not achieved)' },
  specialCare: { ja: '要配慮個人情報', en: 'special care-required' },
  accessInformation: { ja: 'アクセス情報', en: 'access information' },
  lifecycle: { ja: '本人の状況', en: 'Lifecycle' },
  consents: { ja: '同意の記録', en: 'Consent events' },
  provisionRecords: { ja: '第三者提供・受領の記録', en: 'Provision and receipt records' },
  none: { ja: 'ありません。', en: 'None.' },
  searchAgain: { ja: '本人の検索に戻る', en: 'Back to the search' },
};

type Key = keyof typeof T;
const say = (key: Key, language: Language, values: Record<string, string> = {}) =>
  T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

/** Explanations of the API's refusals of a read, in the desk's words (functions/domain/personal-data/). */
const REFUSALS: Record<string, { ja: string; en: string }> = {
  'Not an open request': { ja: 'この受付番号の請求は対応中ではありません（完了・取下げ済み又は存在しません）。何も読み出していません。', en: 'That request is not open (closed, withdrawn or unknown). Nothing was read.' },
  'Request about someone else': { ja: 'この請求は、読み出そうとした本人についての請求ではありません。その本人についての請求を選ぶか、利用目的を選んでください。何も読み出していません。', en: 'That request is not about the person you are reading. Choose the request about them, or a purpose of use. Nothing was read.' },
  'Not a purpose of use': { ja: '公表している有効な利用目的ではありません。何も読み出していません。', en: 'That is not a published, active purpose of use. Nothing was read.' },
  'One reason needed': { ja: '請求か利用目的のどちらか一つを選んでください。', en: 'Give one reason: a request or a purpose of use.' },
  'Nothing held': { ja: 'この本人IDの下に保有しているデータはありません（IDの誤り、又は消去済み）。', en: 'Nothing is held under this subject id (a wrong id, or everything is erased).' },
};

/** The last reason given in this tab, offered again on the next read: ids only, in memory. */
let lastReason: ReadReason | undefined;

const reasonWords = (reason: ReadReason) => (reason.kind === 'request' ? `request ${reason.requestId}` : `purpose ${reason.purpose}`);

type Failure = { problem: ProblemDetails | 'network'; placed?: PlacedProblem };

/** A refusal placed at a field, in Japanese the desk's words; in English the API's own, which say more. */
function fieldMessage(failure: Failure | undefined, messages: string[], language: Language): string {
  const refusal = failure && failure.problem !== 'network' ? REFUSALS[failure.problem.title] : undefined;
  return refusal && language === 'ja' ? refusal.ja : fieldMessages(messages, language);
}

/** After a refusal, the first field it names takes the focus, else the notice. */
const focusFirstProblem = () => requestAnimationFrame(() => (document.querySelector<HTMLElement>('main [aria-invalid="true"], main [role="alert"]'))?.focus());

function ReasonFields({ form, onChange, requests, purposes, failure, missing, language }: {
  form: ReasonForm;
  onChange: (form: ReasonForm) => void;
  requests: QueueItem[];
  purposes: PurposeItem[];
  failure: Failure | undefined;
  missing: boolean;
  language: Language;
}) {
  const requestErrors = failure?.placed?.byField.requestId;
  const purposeErrors = failure?.placed?.byField.purpose;
  const set = (change: Partial<ReasonForm>) => onChange({ ...form, ...change });
  const typeLabel = (type: string) => TYPE_LABELS[type as keyof typeof TYPE_LABELS]?.[language] ?? type;
  const explained = (messages: string[] | undefined) => (messages ? fieldMessage(failure, messages, language) : undefined);
  return (
    <fieldset class="field reason" aria-describedby={missing ? 'reason-missing' : undefined}>
      <legend>{say('reason', language)}</legend>
      {missing && <p class="field-error" id="reason-missing">{say('needReason', language)}</p>}
      <label class="choice">
        <input type="radio" name="reason-kind" value="request" checked={form.kind === 'request'} onChange={() => set({ kind: 'request' })} />
        {say('forRequest', language)}
      </label>
      {form.kind === 'request' && (
        <div class="nested">
          <div class="field">
            <label for="reason-request">{say('request', language)}</label>
            <select id="reason-request" value={form.chosenRequest} aria-invalid={requestErrors && form.chosenRequest !== OTHER_REQUEST ? true : undefined}
              aria-describedby={requestErrors && form.chosenRequest !== OTHER_REQUEST ? 'reason-request-error' : undefined}
              onChange={(e) => set({ chosenRequest: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{say('chooseRequest', language)}</option>
              {requests.map((r) => (
                <option key={r.requestId} value={r.requestId}>
                  {`${r.requestId} — ${typeLabel(r.type)}${r.dueAt ? `（${say('due', language)} ${japanTime(r.dueAt, language)}）` : ''}`}
                </option>
              ))}
              <option value={OTHER_REQUEST}>{say('otherRequest', language)}</option>
            </select>
            {requests.length === 0 && <p class="note">{say('noOpenRequests', language)}</p>}
            {form.chosenRequest !== OTHER_REQUEST && requestErrors && <p class="field-error" id="reason-request-error">{explained(requestErrors)}</p>}
          </div>
          {form.chosenRequest === OTHER_REQUEST && (
            <div class="field">
              <label for="reason-request-id">{say('requestNumber', language)}</label>
              <input id="reason-request-id" type="text" autocomplete="off" value={form.typedRequest}
                aria-invalid={requestErrors ? true : undefined} aria-describedby={requestErrors ? 'reason-request-id-error' : undefined}
                onInput={(e) => set({ typedRequest: (e.currentTarget as HTMLInputElement).value })} />
              {requestErrors && <p class="field-error" id="reason-request-id-error">{explained(requestErrors)}</p>}
            </div>
          )}
        </div>
      )}
      <label class="choice">
        <input type="radio" name="reason-kind" value="purpose" checked={form.kind === 'purpose'} onChange={() => set({ kind: 'purpose' })} />
        {say('forPurpose', language)}
      </label>
      {form.kind === 'purpose' && (
        <div class="nested field">
          <label for="reason-purpose">{say('purpose', language)}</label>
          <select id="reason-purpose" value={form.purpose} aria-invalid={purposeErrors ? true : undefined}
            aria-describedby={purposeErrors ? 'reason-purpose-error' : undefined}
            onChange={(e) => set({ purpose: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{say('choosePurpose', language)}</option>
            {purposes.map((p) => <option key={p.purposeId} value={p.purposeId}>{`${p[language]}（${p.purposeId}）`}</option>)}
          </select>
          {purposeErrors && <p class="field-error" id="reason-purpose-error">{explained(purposeErrors)}</p>}
        </div>
      )}
    </fieldset>
  );
}

/** The open requests and the active purposes a read may serve, for the reason form. */
function useReasonChoices(session: StaffSession) {
  const [requests, setRequests] = useState<QueueItem[]>([]);
  const [purposes, setPurposes] = useState<PurposeItem[]>([]);
  useEffect(() => {
    let live = true;
    const api = staffApi(session);
    void Promise.all([api.get<{ items: QueueItem[] }>('/v1/staff/requests'), api.get<{ items: PurposeItem[] }>('/v1/staff/purposes')]).then(([queue, registry]) => {
      if (!live) return;
      if (queue.kind === 'ok') setRequests(openRequests(queue.data.items));
      if (registry.kind === 'ok') setPurposes(registry.data.items);
    });
    return () => {
      live = false;
    };
  }, [session.idToken]);
  return { requests, purposes };
}

/** The reason form, offering the last reason given once the open requests are known, unless the person has begun to choose. */
function useReasonForm(requests: QueueItem[]): [ReasonForm, (form: ReasonForm) => void] {
  const [form, setForm] = useState<ReasonForm>(EMPTY_REASON_FORM);
  const touched = useRef(false);
  useEffect(() => {
    if (!touched.current) setForm(formOf(lastReason, requests.map((r) => r.requestId)));
  }, [requests]);
  return [form, (next) => {
    touched.current = true;
    setForm(next);
  }];
}

function GeneralProblem({ failure, language }: { failure: Failure | undefined; language: Language }) {
  if (!failure || (failure.placed && !failure.placed.general)) return null;
  const explanation = failure.problem !== 'network' ? REFUSALS[failure.problem.title]?.[language] : undefined;
  return (
    <>
      {explanation && <p class="field-error">{explanation}</p>}
      <ProblemNotice problem={failure.problem} language={language} id="subject-problem" />
    </>
  );
}

const failureFrom = (problem: ProblemDetails | 'network', fields: readonly string[]): Failure =>
  problem === 'network' ? { problem } : { problem, placed: placeProblem(problem, fields) };

interface SearchHit { subjectId: string; categories: string[]; records: number }

/**
 * A read of personal data behind its reason: nothing is asked of the API until a reason is given
 * (focus goes to the reason choices), and the API's refusal is placed on the fields it names.
 */
function useReasonedRead(session: StaffSession, fields: readonly string[]) {
  const { requests, purposes } = useReasonChoices(session);
  const [form, setForm] = useReasonForm(requests);
  const [failure, setFailure] = useState<Failure | undefined>();
  const [missing, setMissing] = useState(false);
  const [working, setWorking] = useState(false);

  /** Reads `path(reason)`; the data and its reason go to `shown`, a refusal to `refused`. */
  const read = async <T,>(path: (reason: ReadReason) => string, shown: (data: T, reason: ReadReason) => void, refused?: () => void) => {
    if (working) return;
    const reason = reasonOf(form);
    setMissing(!reason);
    if (!reason) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main input[name="reason-kind"]')?.focus());
      return;
    }
    setWorking(true);
    setFailure(undefined);
    const result = await staffApi(session).get<T>(path(reason));
    setWorking(false);
    const failed = failureOf(result);
    if (failed) {
      refused?.();
      setFailure(failureFrom(failed, fields));
      focusFirstProblem();
      return;
    }
    lastReason = reason;
    if (result.kind === 'ok') shown(result.data, reason);
  };
  return { requests, purposes, form, setForm, failure, missing, working, read };
}

export function SubjectSearchPage({ session, language, go }: { session: StaffSession; language: Language; go: (route: DeskRoute) => void }) {
  const { requests, purposes, form, setForm, failure, missing, working, read } = useReasonedRead(session, ['requestId', 'purpose', 'email', 'customerId']);
  const [by, setBy] = useState<'email' | 'customerId'>('email');
  const [value, setValue] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const results = useRef<HTMLHeadingElement>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    void read<{ items: SearchHit[] }>(
      (reason) => `/v1/staff/subjects${queryString({ ...reasonParams(reason), [by]: value.trim() })}`,
      (data) => {
        setHits(data.items);
        requestAnimationFrame(() => results.current?.focus());
      },
      () => setHits(undefined),
    );
  };

  const valueErrors = failure?.placed ? [...(failure.placed.byField.email ?? []), ...(failure.placed.byField.customerId ?? [])] : [];
  return (
    <>
      <h1 tabIndex={-1}>{say('searchTitle', language)}</h1>
      <p class="purpose">{say('logged', language)}</p>
      <p class="note">{say('notStored', language)}</p>
      <form onSubmit={submit} noValidate>
        <ReasonFields form={form} onChange={setForm} requests={requests} purposes={activePurposes(purposes)} failure={failure} missing={missing} language={language} />
        <fieldset class="field">
          <legend>{say('searchBy', language)}</legend>
          <label class="choice"><input type="radio" name="search-by" checked={by === 'email'} onChange={() => setBy('email')} />{say('byEmail', language)}</label>
          <label class="choice"><input type="radio" name="search-by" checked={by === 'customerId'} onChange={() => setBy('customerId')} />{say('byCustomerId', language)}</label>
        </fieldset>
        <div class="field">
          <label for="search-value">{say('searchValue', language)}（{say(by === 'email' ? 'byEmail' : 'byCustomerId', language)}）</label>
          <input id="search-value" type="text" inputMode={by === 'email' ? 'email' : 'text'} autocomplete="off" value={value}
            aria-invalid={valueErrors.length ? true : undefined} aria-describedby={valueErrors.length ? 'search-value-error' : undefined}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
          {valueErrors.length > 0 && <p class="field-error" id="search-value-error">{fieldMessages(valueErrors, language)}</p>}
        </div>
        <GeneralProblem failure={failure} language={language} />
        <button type="submit" aria-disabled={working}>{working ? say('working', language) : say('search', language)}</button>
      </form>
      {hits && (
        <section aria-labelledby="search-results">
          <h2 id="search-results" ref={results} tabIndex={-1}>{say('results', language)}</h2>
          {hits.length === 0 ? <p>{say('noResults', language)}</p> : (
            <table>
              <thead><tr><th scope="col">{say('subjectId', language)}</th><th scope="col">{say('categories', language)}</th><th scope="col">{say('recordCount', language)}</th></tr></thead>
              <tbody>
                {hits.map((h) => (
                  <tr key={h.subjectId}>
                    <td><a href={`#/subjects/${encodeURIComponent(h.subjectId)}`} aria-label={say('openSubject', language, { id: h.subjectId })}
                      onClick={(e) => { e.preventDefault(); go({ page: 'subject', subjectId: h.subjectId }); }}>{h.subjectId}</a></td>
                    <td>{h.categories.join(', ')}</td>
                    <td>{h.records}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}

interface RecordView {
  recordId: string;
  category: string;
  value: string;
  source: string;
  sourceDetail?: string;
  purposes: string[];
  acquiredAt: string;
  linkedAccessInformation: boolean;
  specialCare: boolean;
  expiresAt?: string;
  registeredBy?: string;
}

interface SubjectView {
  subjectId: string;
  lifecycle: Record<string, unknown>;
  records: RecordView[];
  consents: Array<Record<string, unknown>>;
  provisionRecords: Array<Record<string, unknown>>;
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function Entries({ entries }: { entries: Record<string, unknown> }) {
  return <dl class="entries">{Object.entries(entries).map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{shown(v)}</dd>])}</dl>;
}

function SubjectData({ view, purposes, language }: { view: SubjectView; purposes: PurposeItem[]; language: Language }) {
  const purposeText = (id: string) => purposes.find((p) => p.purposeId === id)?.[language] ?? id;
  return (
    <>
      <h2>{say('records', language)}</h2>
      {view.records.length === 0 ? <p>{say('none', language)}</p> : (
        <div class="table-scroll">
          <table>
            <thead><tr>{(['category', 'value', 'source', 'purposes', 'acquiredAt', 'expiresAt'] as const).map((k) => <th key={k} scope="col">{say(k, language)}</th>)}</tr></thead>
            <tbody>
              {view.records.map((r) => (
                <tr key={r.recordId}>
                  <td>{r.category}{r.specialCare && <><br /><strong>{say('specialCare', language)}</strong></>}{r.linkedAccessInformation && <><br />{say('accessInformation', language)}</>}</td>
                  <td class="value">{r.value}</td>
                  <td>{r.source}{r.sourceDetail && <><br />{r.sourceDetail}</>}</td>
                  <td>{r.purposes.map(purposeText).join(' / ')}</td>
                  <td>{japanTime(r.acquiredAt, language)}</td>
                  <td>{r.expiresAt ? japanTime(r.expiresAt, language) : say('notYet', language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{say('lifecycle', language)}</h2>
      {Object.keys(view.lifecycle).length === 0 ? <p>{say('none', language)}</p> : <Entries entries={view.lifecycle} />}
      <h2>{say('consents', language)}</h2>
      {view.consents.length === 0 ? <p>{say('none', language)}</p> : view.consents.map((c, i) => <Entries key={i} entries={c} />)}
      <h2>{say('provisionRecords', language)}</h2>
      {view.provisionRecords.length === 0 ? <p>{say('none', language)}</p> : view.provisionRecords.map((p, i) => <Entries key={i} entries={p} />)}
    </>
  );
}

export function SubjectPage({ session, language, go, subjectId }: { session: StaffSession; language: Language; go: (route: DeskRoute) => void; subjectId: string }) {
  const { requests, purposes, form, setForm, failure, missing, working, read } = useReasonedRead(session, ['requestId', 'purpose']);
  const [view, setView] = useState<{ data: SubjectView; reason: ReadReason } | undefined>();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => setView(undefined), [subjectId]);

  const submit = (event: Event) => {
    event.preventDefault();
    void read<SubjectView>(
      (reason) => `/v1/staff/subjects/${encodeURIComponent(subjectId)}${queryString(reasonParams(reason))}`,
      (data, reason) => {
        setView({ data, reason });
        requestAnimationFrame(() => notice.current?.focus());
      },
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>{say('subjectTitle', language)}</h1>
      <p>{say('subjectId', language)}: <code>{subjectId}</code></p>
      <p class="purpose">{say('logged', language)}</p>
      <p class="note">{say('notStored', language)}</p>
      {view ? (
        <section aria-labelledby="subject-read">
          <p id="subject-read" ref={notice} tabIndex={-1} role="status">{say('readWith', language, { reason: reasonWords(view.reason) })}</p>
          <SubjectData view={view.data} purposes={purposes} language={language} />
          <p><button type="button" onClick={() => setView(undefined)}>{say('hide', language)}</button></p>
        </section>
      ) : (
        <form onSubmit={submit} noValidate>
          <ReasonFields form={form} onChange={setForm} requests={requests} purposes={activePurposes(purposes)} failure={failure} missing={missing} language={language} />
          <GeneralProblem failure={failure} language={language} />
          <button type="submit" aria-disabled={working}>{working ? say('working', language) : say('show', language)}</button>
        </form>
      )}
      <p><a href="#/subjects" onClick={(e) => { e.preventDefault(); go({ page: 'subjects' }); }}>{say('searchAgain', language)}</a></p>
    </>
  );
}
