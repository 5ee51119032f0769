// The subject view (GET /v1/staff/subjects, GET /v1/staff/subjects/{subjectId}): the page asks why
// the person reads before anything is read (policy §6(1)), and the API records the read with that
// reason in the access log. What it shows lives in this page's state only: never in storage or the URL.
import './officer.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit, SubjectView } from '../api-types';
import type { ProblemDetails } from '../request-form';
import { TYPE_LABELS } from '../text';
import {
  canLift,
  emptyLiftForm,
  type LiftForm,
  type LiftResult,
  liftAnswer,
  liftBody,
  liftConfirmation,
  type ProvisionCessation,
  type RecipientName,
  recipientName,
  standingCessation,
  stoppedRecipients,
} from './cessation-lift';
import { fieldMessages, japanTime, type PlacedProblem, placeProblem } from './officer';
import { failureOf, ProblemNotice } from './problem';
import {
  activePurposes,
  EMPTY_REASON_FORM,
  formOf,
  OTHER_REQUEST,
  openRequests,
  type PurposeItem,
  type QueueItem,
  queryString,
  type ReadReason,
  type ReasonForm,
  reasonOf,
  reasonParams,
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
  notStored: {
    ja: '表示した内容はこの画面にだけ表示し、保存しません。画面を離れると消えます。',
    en: 'What is shown stays on this screen only and is not stored; it is gone when you leave the page.',
  },
  reason: { ja: '閲覧の理由', en: 'Reason for reading' },
  forRequest: { ja: '対応中の請求のため', en: 'For a request the desk is handling' },
  forPurpose: { ja: '利用目的のため', en: 'For a purpose of use' },
  request: { ja: '請求', en: 'Request' },
  chooseRequest: { ja: '選んでください', en: 'Choose one' },
  otherRequest: { ja: 'その他（受付番号を入力）', en: 'Another (type its number)' },
  requestNumber: { ja: '受付番号', en: 'Request number' },
  due: { ja: '期限', en: 'due' },
  noOpenRequests: {
    ja: '対応中の請求はありません。受付番号を入力するか、利用目的を選んでください。',
    en: 'No request is open. Type a request number or choose a purpose of use.',
  },
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
  readWith: {
    ja: 'この表示はアクセス記録に「{reason}」として記録されました。',
    en: 'This read is recorded in the access log as "{reason}".',
  },
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
  liftTitle: { ja: '第三者提供の停止の解除', en: 'Lift a cessation of provision' },
  liftNote: {
    ja: '停止の理由がなくなったとき（本人が提供の再開を申し出た、漏えいが解消した等）に解除します。解除は、理由・担当者・日時とともに本人の記録に残り、アクセス記録にも残ります。',
    en: 'Lift a stop once it no longer applies (the person asked to resume provision, a leak was remedied, …). The lift is kept on the subject with the reason, your username and the time, and recorded in the access log.',
  },
  liftWhom: { ja: '解除する停止', en: 'Stops to lift' },
  liftNamed: { ja: '指定した提供先への停止', en: 'The stops to the recipients chosen' },
  liftAll: {
    ja: 'すべての停止（すべての第三者への停止及び提供先ごとの停止）',
    en: 'Every stop (to every third party and to each recipient)',
  },
  stoppedBy: { ja: '請求 {requestId} により停止（{at}）', en: 'stopped by request {requestId} ({at})' },
  allStopped: {
    ja: '現在、すべての第三者への提供が停止されています（請求 {requestId}、{at}）。これは「すべての停止」でのみ解除できます。',
    en: 'Provision to every third party is stopped (request {requestId}, {at}); only "Every stop" lifts it.',
  },
  liftReason: { ja: '解除の理由', en: 'Reason for the lift' },
  liftReasonHint: { ja: '本人の記録に残ります。', en: 'Kept on the subject.' },
  needLiftReason: {
    ja: '解除の理由を入力してください（2000文字まで）。',
    en: 'Give the reason for the lift (up to 2000 characters).',
  },
  needLiftRecipients: { ja: '解除する提供先を選んでください。', en: 'Choose the recipients whose stops to lift.' },
  liftButton: { ja: '解除する…', en: 'Lift…' },
  liftConfirm: { ja: '解除を確定する', en: 'Yes, lift it' },
  cancel: { ja: 'やめる', en: 'Cancel' },
};

type Key = keyof typeof T;
const say = (key: Key, language: Language, values: Record<string, string> = {}) =>
  T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

/** Explanations of the API's refusals of a read, in the desk's words (functions/domain/personal-data/). */
const REFUSALS: Record<string, { ja: string; en: string }> = {
  'Not an open request': {
    ja: 'この受付番号の請求は対応中ではありません（完了・取下げ済み又は存在しません）。何も読み出していません。',
    en: 'That request is not open (closed, withdrawn or unknown). Nothing was read.',
  },
  'Request about someone else': {
    ja: 'この請求は、読み出そうとした本人についての請求ではありません。その本人についての請求を選ぶか、利用目的を選んでください。何も読み出していません。',
    en: 'That request is not about the person you are reading. Choose the request about them, or a purpose of use. Nothing was read.',
  },
  'Not a purpose of use': {
    ja: '公表している有効な利用目的ではありません。何も読み出していません。',
    en: 'That is not a published, active purpose of use. Nothing was read.',
  },
  'One reason needed': {
    ja: '請求か利用目的のどちらか一つを選んでください。',
    en: 'Give one reason: a request or a purpose of use.',
  },
  'Nothing held': {
    ja: 'この本人IDの下に保有しているデータはありません（IDの誤り、又は消去済み）。',
    en: 'Nothing is held under this subject id (a wrong id, or everything is erased).',
  },
};

/** The last reason given in this tab, offered again on the next read: ids only, in memory. */
let lastReason: ReadReason | undefined;

const reasonWords = (reason: ReadReason) =>
  reason.kind === 'request' ? `request ${reason.requestId}` : `purpose ${reason.purpose}`;

/** The API's refusals of a lift (lift-provision-cessation.ts), in the desk's words. */
const LIFT_REFUSALS: Record<string, { ja: string; en: string }> = {
  'No cessation of provision stands': {
    ja: 'この本人について停止中の第三者提供はありません。解除するものはありません。',
    en: 'No cessation of provision stands for this person; there is nothing to lift.',
  },
  'Cessation changed meanwhile': {
    ja: '解除の間に、決定又は他の解除によりこの本人の停止が変更されました。何も解除していません。表示を消して読み直し、必要なら再度解除してください。',
    en: "A decision or another lift changed this person's cessation meanwhile; nothing was lifted. Hide the data, read it again, and lift again if it still applies.",
  },
  'No such cessation': {
    ja: '選んだ提供先への停止はありません（すべての第三者への停止は「すべての停止」で解除します）。何も解除していません。',
    en: 'No stop to a recipient chosen stands (a stop to every third party is lifted with "Every stop"). Nothing was lifted.',
  },
};

type Failure = { problem: ProblemDetails | 'network'; placed?: PlacedProblem };

/** A refusal placed at a field, in Japanese the desk's words; in English the API's own, which say more. */
function fieldMessage(failure: Failure | undefined, messages: string[], language: Language): string {
  const refusal = failure && failure.problem !== 'network' ? REFUSALS[failure.problem.title] : undefined;
  return refusal && language === 'ja' ? refusal.ja : fieldMessages(messages, language);
}

/** After a refusal, the first field it names takes the focus, else the notice. */
const focusFirstProblem = () =>
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('main [aria-invalid="true"], main [role="alert"]')?.focus(),
  );

function ReasonFields({
  form,
  onChange,
  requests,
  purposes,
  failure,
  missing,
  language,
}: {
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
  const explained = (messages: string[] | undefined) =>
    messages ? fieldMessage(failure, messages, language) : undefined;
  return (
    <fieldset class="field reason" aria-describedby={missing ? 'reason-missing' : undefined}>
      <legend>{say('reason', language)}</legend>
      {missing && (
        <p class="field-error" id="reason-missing">
          {say('needReason', language)}
        </p>
      )}
      <label class="choice">
        <input
          type="radio"
          name="reason-kind"
          value="request"
          checked={form.kind === 'request'}
          onChange={() => set({ kind: 'request' })}
        />
        {say('forRequest', language)}
      </label>
      {form.kind === 'request' && (
        <div class="nested">
          <div class="field">
            <label for="reason-request">{say('request', language)}</label>
            <select
              id="reason-request"
              value={form.chosenRequest}
              aria-invalid={requestErrors && form.chosenRequest !== OTHER_REQUEST ? true : undefined}
              aria-describedby={
                requestErrors && form.chosenRequest !== OTHER_REQUEST ? 'reason-request-error' : undefined
              }
              onChange={(e) => set({ chosenRequest: (e.currentTarget as HTMLSelectElement).value })}
            >
              <option value="">{say('chooseRequest', language)}</option>
              {requests.map((r) => (
                <option key={r.requestId} value={r.requestId}>
                  {`${r.requestId} — ${typeLabel(r.type)}${r.dueAt ? `（${say('due', language)} ${japanTime(r.dueAt, language)}）` : ''}`}
                </option>
              ))}
              <option value={OTHER_REQUEST}>{say('otherRequest', language)}</option>
            </select>
            {requests.length === 0 && <p class="note">{say('noOpenRequests', language)}</p>}
            {form.chosenRequest !== OTHER_REQUEST && requestErrors && (
              <p class="field-error" id="reason-request-error">
                {explained(requestErrors)}
              </p>
            )}
          </div>
          {form.chosenRequest === OTHER_REQUEST && (
            <div class="field">
              <label for="reason-request-id">{say('requestNumber', language)}</label>
              <input
                id="reason-request-id"
                type="text"
                autocomplete="off"
                value={form.typedRequest}
                aria-invalid={requestErrors ? true : undefined}
                aria-describedby={requestErrors ? 'reason-request-id-error' : undefined}
                onInput={(e) => set({ typedRequest: (e.currentTarget as HTMLInputElement).value })}
              />
              {requestErrors && (
                <p class="field-error" id="reason-request-id-error">
                  {explained(requestErrors)}
                </p>
              )}
            </div>
          )}
        </div>
      )}
      <label class="choice">
        <input
          type="radio"
          name="reason-kind"
          value="purpose"
          checked={form.kind === 'purpose'}
          onChange={() => set({ kind: 'purpose' })}
        />
        {say('forPurpose', language)}
      </label>
      {form.kind === 'purpose' && (
        <div class="nested field">
          <label for="reason-purpose">{say('purpose', language)}</label>
          <select
            id="reason-purpose"
            value={form.purpose}
            aria-invalid={purposeErrors ? true : undefined}
            aria-describedby={purposeErrors ? 'reason-purpose-error' : undefined}
            onChange={(e) => set({ purpose: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{say('choosePurpose', language)}</option>
            {purposes.map((p) => (
              <option key={p.purposeId} value={p.purposeId}>{`${p[language]}（${p.purposeId}）`}</option>
            ))}
          </select>
          {purposeErrors && (
            <p class="field-error" id="reason-purpose-error">
              {explained(purposeErrors)}
            </p>
          )}
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
    void Promise.all([
      api.get<{ items: QueueItem[] }>('/v1/staff/requests'),
      api.get<{ items: PurposeItem[] }>('/v1/staff/purposes'),
    ]).then(([queue, registry]) => {
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
    if (!touched.current)
      setForm(
        formOf(
          lastReason,
          requests.map((r) => r.requestId),
        ),
      );
  }, [requests]);
  return [
    form,
    (next) => {
      touched.current = true;
      setForm(next);
    },
  ];
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
  const read = async <T,>(
    path: (reason: ReadReason) => string,
    shown: (data: T, reason: ReadReason) => void,
    refused?: () => void,
  ) => {
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

export function SubjectSearchPage({
  session,
  language,
  go,
}: {
  session: StaffSession;
  language: Language;
  go: (route: DeskRoute) => void;
}) {
  const { requests, purposes, form, setForm, failure, missing, working, read } = useReasonedRead(session, [
    'requestId',
    'purpose',
    'email',
    'customerId',
  ]);
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

  const valueErrors = failure?.placed
    ? [...(failure.placed.byField.email ?? []), ...(failure.placed.byField.customerId ?? [])]
    : [];
  return (
    <>
      <h1 tabIndex={-1}>{say('searchTitle', language)}</h1>
      <p class="purpose">{say('logged', language)}</p>
      <p class="note">{say('notStored', language)}</p>
      <form onSubmit={submit} noValidate>
        <ReasonFields
          form={form}
          onChange={setForm}
          requests={requests}
          purposes={activePurposes(purposes)}
          failure={failure}
          missing={missing}
          language={language}
        />
        <fieldset class="field">
          <legend>{say('searchBy', language)}</legend>
          <label class="choice">
            <input type="radio" name="search-by" checked={by === 'email'} onChange={() => setBy('email')} />
            {say('byEmail', language)}
          </label>
          <label class="choice">
            <input type="radio" name="search-by" checked={by === 'customerId'} onChange={() => setBy('customerId')} />
            {say('byCustomerId', language)}
          </label>
        </fieldset>
        <div class="field">
          <label for="search-value">
            {say('searchValue', language)}（{say(by === 'email' ? 'byEmail' : 'byCustomerId', language)}）
          </label>
          <input
            id="search-value"
            type="text"
            inputMode={by === 'email' ? 'email' : 'text'}
            autocomplete="off"
            value={value}
            aria-invalid={valueErrors.length ? true : undefined}
            aria-describedby={valueErrors.length ? 'search-value-error' : undefined}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
          {valueErrors.length > 0 && (
            <p class="field-error" id="search-value-error">
              {fieldMessages(valueErrors, language)}
            </p>
          )}
        </div>
        <GeneralProblem failure={failure} language={language} />
        <button type="submit" aria-disabled={working}>
          {working ? say('working', language) : say('search', language)}
        </button>
      </form>
      {hits && (
        <section aria-labelledby="search-results">
          <h2 id="search-results" ref={results} tabIndex={-1}>
            {say('results', language)}
          </h2>
          {hits.length === 0 ? (
            <p>{say('noResults', language)}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{say('subjectId', language)}</th>
                  <th scope="col">{say('categories', language)}</th>
                  <th scope="col">{say('recordCount', language)}</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((h) => (
                  <tr key={h.subjectId}>
                    <td>
                      <a
                        href={`#/subjects/${encodeURIComponent(h.subjectId)}`}
                        aria-label={say('openSubject', language, { id: h.subjectId })}
                        onClick={(e) => {
                          e.preventDefault();
                          go({ page: 'subject', subjectId: h.subjectId });
                        }}
                      >
                        {h.subjectId}
                      </a>
                    </td>
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

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function Entries({ entries }: { entries: Record<string, unknown> }) {
  return (
    <dl class="entries">
      {Object.entries(entries).map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{shown(v)}</dd>])}
    </dl>
  );
}

function SubjectData({ view, purposes, language }: { view: SubjectView; purposes: PurposeItem[]; language: Language }) {
  const purposeText = (id: string) => purposes.find((p) => p.purposeId === id)?.[language] ?? id;
  return (
    <>
      <h2>{say('records', language)}</h2>
      {view.records.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {(['category', 'value', 'source', 'purposes', 'acquiredAt', 'expiresAt'] as const).map((k) => (
                  <th key={k} scope="col">
                    {say(k, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.records.map((r) => (
                <tr key={r.recordId}>
                  <td>
                    {r.category}
                    {r.specialCare && (
                      <>
                        <br />
                        <strong>{say('specialCare', language)}</strong>
                      </>
                    )}
                    {r.linkedAccessInformation && (
                      <>
                        <br />
                        {say('accessInformation', language)}
                      </>
                    )}
                  </td>
                  <td class="value">{r.value}</td>
                  <td>
                    {r.source}
                    {r.sourceDetail && (
                      <>
                        <br />
                        {r.sourceDetail}
                      </>
                    )}
                  </td>
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
      {view.consents.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        view.consents.map((c, i) => <Entries key={i} entries={c} />)
      )}
      <h2>{say('provisionRecords', language)}</h2>
      {view.provisionRecords.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        view.provisionRecords.map((p, i) => <Entries key={i} entries={p} />)
      )}
    </>
  );
}

/** The officer's lift of the cessation standing on the subject, after a confirmation. */
function LiftCessation({
  session,
  language,
  subjectId,
  cessation,
  onLifted,
}: {
  session: StaffSession;
  language: Language;
  subjectId: string;
  cessation: ProvisionCessation;
  onLifted: (result: LiftResult & Record<string, unknown>, names: RecipientName[]) => void;
}) {
  const [form, setForm] = useState<LiftForm>(() => emptyLiftForm(cessation));
  const [names, setNames] = useState<RecipientName[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const [working, setWorking] = useState(false);
  const section = useRef<HTMLElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const named = stoppedRecipients(cessation);
  useEffect(() => {
    let live = true;
    void staffApi(session)
      .get<{ items: RecipientName[] }>('/v1/staff/recipients')
      .then((result) => {
        if (live && result.kind === 'ok') setNames(result.data.items);
      });
    return () => {
      live = false;
    };
  }, [session.idToken]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const set = (change: Partial<LiftForm>) => {
    setConfirming(false);
    setFailure(undefined);
    setForm({ ...form, ...change });
  };
  const send = async () => {
    if (working) return;
    setWorking(true);
    setFailure(undefined);
    const result = await staffApi(session).post<LiftResult & Record<string, unknown>>(
      `/v1/staff/subjects/${encodeURIComponent(subjectId)}/provision-cessation-lifts`,
      liftBody(form),
    );
    setWorking(false);
    setConfirming(false);
    const failed = failureOf(result);
    if (failed) {
      setFailure(failureFrom(failed, ['recipients', 'reason']));
      requestAnimationFrame(() =>
        section.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus(),
      );
      return;
    }
    if (result.kind === 'ok') onLifted(result.data, names);
  };
  const errorsOf = (field: string) => {
    const messages = failure?.placed?.byField[field];
    if (!messages?.length) return undefined;
    const refusal = failure!.problem !== 'network' ? LIFT_REFUSALS[failure!.problem.title] : undefined;
    if (language === 'en') return fieldMessages(messages, language);
    return refusal?.ja ?? (field === 'reason' ? say('needLiftReason', language) : say('needLiftRecipients', language));
  };
  const scopeError = errorsOf('recipients');
  const reasonError = errorsOf('reason');
  const general = failure && (!failure.placed || failure.placed.general) ? failure : undefined;
  const explanation =
    general && general.problem !== 'network' ? LIFT_REFUSALS[general.problem.title]?.[language] : undefined;
  return (
    <section aria-labelledby="lift-cessation" ref={section}>
      <h2 id="lift-cessation">{say('liftTitle', language)}</h2>
      <p class="note">{say('liftNote', language)}</p>
      {cessation.all && (
        <p>
          {say('allStopped', language, {
            requestId: cessation.all.requestId,
            at: japanTime(cessation.all.at, language),
          })}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
        noValidate
      >
        <fieldset
          class="field reason"
          id="lift-scope"
          tabIndex={-1}
          aria-invalid={scopeError ? true : undefined}
          aria-describedby={scopeError ? 'lift-scope-error' : undefined}
        >
          <legend>{say('liftWhom', language)}</legend>
          {named.length > 0 && (
            <label class="choice">
              <input
                type="radio"
                name="lift-scope"
                value="named"
                checked={form.scope === 'named'}
                onChange={() => set({ scope: 'named' })}
              />
              {say('liftNamed', language)}
            </label>
          )}
          {form.scope === 'named' && named.length > 0 && (
            <div class="nested">
              {named.map((id) => {
                const stop = cessation.recipients![id]!;
                return (
                  <label key={id} class="choice">
                    <input
                      type="checkbox"
                      value={id}
                      checked={form.recipientIds.includes(id)}
                      onChange={(e) =>
                        set({
                          recipientIds: e.currentTarget.checked
                            ? [...form.recipientIds, id]
                            : form.recipientIds.filter((r) => r !== id),
                        })
                      }
                    />
                    {recipientName(id, names, language)}
                    {language === 'ja' ? '：' : ': '}
                    {say('stoppedBy', language, { requestId: stop.requestId, at: japanTime(stop.at, language) })}
                  </label>
                );
              })}
            </div>
          )}
          <label class="choice">
            <input
              type="radio"
              name="lift-scope"
              value="all"
              checked={form.scope === 'all'}
              onChange={() => set({ scope: 'all' })}
            />
            {say('liftAll', language)}
          </label>
          {scopeError && (
            <p class="field-error" id="lift-scope-error">
              {scopeError}
            </p>
          )}
        </fieldset>
        <div class="field">
          <label for="lift-reason">{say('liftReason', language)}</label>
          <p class="note" id="lift-reason-hint">
            {say('liftReasonHint', language)}
          </p>
          <textarea
            id="lift-reason"
            rows={3}
            value={form.reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'lift-reason-error lift-reason-hint' : 'lift-reason-hint'}
            onInput={(e) => set({ reason: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          {reasonError && (
            <p class="field-error" id="lift-reason-error">
              {reasonError}
            </p>
          )}
        </div>
        {general && (
          <>
            {explanation && <p class="field-error">{explanation}</p>}
            <ProblemNotice problem={general.problem} language={language} id="lift-problem" />
          </>
        )}
        {confirming ? (
          <div class="confirm" role="group" aria-labelledby="confirm-lift">
            <p id="confirm-lift">
              <strong>{liftConfirmation(form, names, language)}</strong>
            </p>
            <button type="button" ref={confirmButton} aria-disabled={working} onClick={() => void send()}>
              {working ? say('working', language) : say('liftConfirm', language)}
            </button>{' '}
            <button type="button" class="quiet" onClick={() => setConfirming(false)}>
              {say('cancel', language)}
            </button>
          </div>
        ) : (
          <button type="submit">{say('liftButton', language)}</button>
        )}
      </form>
    </section>
  );
}

export function SubjectPage({
  session,
  language,
  go,
  subjectId,
}: {
  session: StaffSession;
  language: Language;
  go: (route: DeskRoute) => void;
  subjectId: string;
}) {
  const { requests, purposes, form, setForm, failure, missing, working, read } = useReasonedRead(session, [
    'requestId',
    'purpose',
  ]);
  const [view, setView] = useState<{ data: SubjectView; reason: ReadReason } | undefined>();
  const [lifted, setLifted] = useState<string | undefined>();
  const notice = useRef<HTMLParagraphElement>(null);
  const liftedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => setView(undefined), [subjectId]);
  useEffect(() => setLifted(undefined), [subjectId, view?.reason]);
  const cessation = view ? standingCessation(view.data.lifecycle) : undefined;

  /** The lift kept on the subject as the API keeps it, so the lifecycle shown is what now stands. */
  const onLifted = (
    { subjectId: _id, cessationOfProvision, ...lift }: LiftResult & Record<string, unknown>,
    names: RecipientName[],
  ) => {
    if (!view) return;
    const { cessationOfProvision: _before, ...lifecycle } = view.data.lifecycle;
    const lifts = Array.isArray(lifecycle.cessationOfProvisionLifts) ? lifecycle.cessationOfProvisionLifts : [];
    setView({
      ...view,
      data: {
        ...view.data,
        lifecycle: {
          ...lifecycle,
          ...(cessationOfProvision ? { cessationOfProvision } : {}),
          cessationOfProvisionLifts: [...lifts, lift],
        },
      },
    });
    setLifted(liftAnswer({ ...lift, cessationOfProvision } as LiftResult, names, language));
    requestAnimationFrame(() => liftedRef.current?.focus());
  };

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
      <p>
        {say('subjectId', language)}: <code>{subjectId}</code>
      </p>
      <p class="purpose">{say('logged', language)}</p>
      <p class="note">{say('notStored', language)}</p>
      {view ? (
        <section aria-labelledby="subject-read">
          <p id="subject-read" ref={notice} tabIndex={-1} role="status">
            {say('readWith', language, { reason: reasonWords(view.reason) })}
          </p>
          <SubjectData view={view.data} purposes={purposes} language={language} />
          <p ref={liftedRef} tabIndex={-1} role="status" class={lifted ? 'answer' : undefined}>
            {lifted}
          </p>
          {cessation && canLift(session.role) && (
            <LiftCessation
              key={JSON.stringify(cessation)}
              session={session}
              language={language}
              subjectId={subjectId}
              cessation={cessation}
              onLifted={onLifted}
            />
          )}
          <p>
            <button type="button" onClick={() => setView(undefined)}>
              {say('hide', language)}
            </button>
          </p>
        </section>
      ) : (
        <form onSubmit={submit} noValidate>
          <ReasonFields
            form={form}
            onChange={setForm}
            requests={requests}
            purposes={activePurposes(purposes)}
            failure={failure}
            missing={missing}
            language={language}
          />
          <GeneralProblem failure={failure} language={language} />
          <button type="submit" aria-disabled={working}>
            {working ? say('working', language) : say('show', language)}
          </button>
        </form>
      )}
      <p>
        <a
          href="#/subjects"
          onClick={(e) => {
            e.preventDefault();
            go({ page: 'subjects' });
          }}
        >
          {say('searchAgain', language)}
        </a>
      </p>
    </>
  );
}
