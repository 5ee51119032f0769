// The subject view (GET /v1/staff/subjects, GET /v1/staff/subjects/{subjectId}): the page asks why
// the person reads before anything is read (policy §6(1)), and the API records the read with that
// reason in the access log. What it shows lives in this page's state only: never in storage or the URL.
import { INCIDENT_KIND_WORDS } from '../../../functions/domain/incidents/incident-words';
import './officer.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ALTERNATIVE_MEASURE_WORDS, NOTICE_STATE_WORDS } from '../../../functions/domain/incidents/notice-words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import { ACQUISITION_SOURCES } from '../../../functions/domain/personal-data/source-words';
import { PROVISION_BASIS_LABELS } from '../../../functions/domain/provisions/provision-words';
import type { SearchHit, SubjectView } from '../api-types';
import type { ProblemDetails } from '../request-form';
import { CONSENT_METHOD_LABELS, TYPE_LABELS } from '../text';
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
import { knownProblemType, problemWords } from './problem-text';
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
  incidents: { ja: '漏えい等の事案（本人のデータが関係したもの）', en: 'Leaks, losses or damage involving this data' },
  incidentId: { ja: '事案番号', en: 'Incident' },
  incidentKinds: { ja: '種類', en: 'Kind' },
  awareAt: { ja: '把握日時', en: 'Became aware' },
  noticeToPerson: { ja: '本人への通知', en: 'Notice to this person' },
  incidentDraft: { ja: '（下書き）', en: '(draft)' },
  none: { ja: 'ありません。', en: 'None.' },
  contractEndedAt: { ja: '契約終了日時', en: 'Contract ended' },
  lastActivityAt: { ja: '最終利用日時', en: 'Last activity' },
  cessationOfUse: { ja: '利用停止等', en: 'Cessation of use' },
  useStopped: { ja: '請求 {requestId} により利用を停止（{at}）', en: 'Use stopped by request {requestId} ({at})' },
  useErased: {
    ja: '請求 {requestId} により利用停止・消去（{at}）',
    en: 'Use stopped and data erased by request {requestId} ({at})',
  },
  cessationOfProvision: { ja: '第三者提供の停止', en: 'Cessation of provision' },
  stoppedToAll: {
    ja: 'すべての第三者への提供を停止（請求 {requestId}、{at}）',
    en: 'Provision to every third party stopped (request {requestId}, {at})',
  },
  cessationToRecipients: { ja: '提供先ごとの停止', en: 'Stopped to recipients' },
  lifts: { ja: '停止の解除', en: 'Stops lifted' },
  liftedAt: { ja: '{at} 解除：', en: 'Lifted {at}:' },
  everyThirdParty: { ja: 'すべての第三者', en: 'every third party' },
  consentAt: { ja: '日時', en: 'When' },
  consentAction: { ja: '記録', en: 'Event' },
  consentCovers: { ja: '対象', en: 'Covers' },
  consentMethod: { ja: '方法', en: 'How' },
  collectedBy: { ja: '記録した者', en: 'Recorded by' },
  given: { ja: '同意', en: 'Consent given' },
  withdrawn: { ja: '同意の撤回', en: 'Consent withdrawn' },
  purposeOfUse: { ja: '利用目的', en: 'Purpose of use' },
  provisionTo: { ja: '第三者への提供', en: 'Provision to' },
  linkage: {
    ja: 'Cookie等により取得したアクセス情報と個人データとの紐付け',
    en: 'Linking access information (cookies and the like) to personal data',
  },
  noticeVersion: { ja: 'お知らせの版：{version}', en: 'Notice of {version}' },
  provisionDate: { ja: '年月日', en: 'Date' },
  direction: { ja: '提供・受領', en: 'Provided or received' },
  provided: { ja: '提供', en: 'Provided' },
  received: { ja: '受領', en: 'Received' },
  counterparty: { ja: '相手方（氏名・名称及び住所）', en: 'Counterparty (name and address)' },
  provisionItems: { ja: '項目', en: 'Items' },
  basis: { ja: '根拠', en: 'Basis' },
  keptUntil: { ja: '記録の保存期限', en: 'Record kept until' },
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

/** The last reason given in this tab, offered again on the next read: ids only, in memory. */
let lastReason: ReadReason | undefined;

const reasonWords = (reason: ReadReason) =>
  reason.kind === 'request' ? `request ${reason.requestId}` : `purpose ${reason.purpose}`;

type Failure = { problem: ProblemDetails | 'network'; placed?: PlacedProblem };

/** A refusal placed at a field: the console's words for its type, else the field's messages. */
function fieldMessage(failure: Failure | undefined, messages: string[], language: Language): string {
  const problem = failure?.problem;
  return problem && problem !== 'network' && !problem.errors?.length && knownProblemType(problem)
    ? problemWords(problem, language)
    : fieldMessages(messages, language);
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
  return <ProblemNotice problem={failure.problem} language={language} id="subject-problem" />;
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
                    <td>{h.categories.map((c) => categoryName(c, language)).join(language === 'ja' ? '、' : ', ')}</td>
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

type Named = { ja: string; en: string };
const CATEGORY_NAMES = new Map<string, Named>(PERSONAL_DATA_CATEGORIES.map((c) => [c.id, c]));
const SOURCE_NAMES = new Map<string, Named>(ACQUISITION_SOURCES.map((s) => [s.id, s]));
const BASIS_NAMES: Record<string, Named> = PROVISION_BASIS_LABELS;

/** A code in the page's language from its words module; an unknown code as it is, marked as data. */
function Coded({ names, code, language }: { names: Map<string, Named>; code: string; language: Language }) {
  const named = names.get(code);
  return named ? named[language] : <span translate={false}>{code}</span>;
}

const categoryName = (id: string, language: Language) => CATEGORY_NAMES.get(id)?.[language] ?? id;

/** A registered recipient by its registered name and country: data, kept as registered in any language. */
function Recipient({ id, names, language }: { id: string; names: RecipientName[]; language: Language }) {
  return <span translate={false}>{recipientName(id, names, language)}</span>;
}

/** The stops of provision standing, the lifts, and the cessation of use: the person's lifecycle in words. */
function Lifecycle({
  lifecycle,
  names,
  language,
}: {
  lifecycle: SubjectView['lifecycle'];
  names: RecipientName[];
  language: Language;
}) {
  const cessation = standingCessation(lifecycle);
  const use = lifecycle.cessationOfUse as { requestId: string; at: string; measure?: string } | undefined;
  const lifts = (
    Array.isArray(lifecycle.cessationOfProvisionLifts) ? lifecycle.cessationOfProvisionLifts : []
  ) as Array<{
    lifted: Array<{ recipient: string }>;
    reason: string;
    by: string;
    at: string;
  }>;
  const items: Array<[string, preact.ComponentChildren]> = [];
  if (typeof lifecycle.contractEndedAt === 'string')
    items.push([say('contractEndedAt', language), japanTime(lifecycle.contractEndedAt, language)]);
  if (typeof lifecycle.lastActivityAt === 'string')
    items.push([say('lastActivityAt', language), japanTime(lifecycle.lastActivityAt, language)]);
  if (use)
    items.push([
      say('cessationOfUse', language),
      say(use.measure === 'erase' ? 'useErased' : 'useStopped', language, {
        requestId: use.requestId,
        at: japanTime(use.at, language),
      }),
    ]);
  if (cessation?.all)
    items.push([
      say('cessationOfProvision', language),
      say('stoppedToAll', language, { requestId: cessation.all.requestId, at: japanTime(cessation.all.at, language) }),
    ]);
  if (cessation?.recipients && Object.keys(cessation.recipients).length > 0)
    items.push([
      say('cessationToRecipients', language),
      <ul class="plain">
        {Object.entries(cessation.recipients).map(([id, stop]) => (
          <li key={id}>
            <Recipient id={id} names={names} language={language} />
            {language === 'ja' ? '：' : ': '}
            {say('stoppedBy', language, { requestId: stop.requestId, at: japanTime(stop.at, language) })}
          </li>
        ))}
      </ul>,
    ]);
  if (lifts.length > 0)
    items.push([
      say('lifts', language),
      <ul class="plain">
        {lifts.map((lift, i) => (
          <li key={i}>
            {say('liftedAt', language, { at: japanTime(lift.at, language) })}{' '}
            {lift.lifted.map((l, k) => (
              <span key={l.recipient}>
                {k > 0 ? (language === 'ja' ? '、' : ', ') : ''}
                {l.recipient === 'all' ? (
                  say('everyThirdParty', language)
                ) : (
                  <Recipient id={l.recipient} names={names} language={language} />
                )}
              </span>
            ))}
            {language === 'ja' ? '（担当者 ' : ' (by '}
            <span translate={false}>{lift.by}</span>
            {language === 'ja' ? '、理由：' : '; reason: '}
            <span translate={false}>{lift.reason}</span>
            {language === 'ja' ? '）' : ')'}
          </li>
        ))}
      </ul>,
    ]);
  if (items.length === 0) return <p>{say('none', language)}</p>;
  return (
    <dl class="entries">
      {items.map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}
    </dl>
  );
}

type ConsentShown = {
  eventId: string;
  action: string;
  purpose?: string;
  recipient?: string;
  linkage?: string;
  method: string;
  collectedBy?: string;
  noticeVersion?: string;
  at: string;
};
type ProvisionShown = {
  recordId: string;
  direction: string;
  counterparty: string;
  items: string[];
  basis: string;
  date: string;
  purpose?: string;
  expiresAt?: string;
};

function SubjectData({
  view,
  purposes,
  names,
  language,
}: {
  view: SubjectView;
  purposes: PurposeItem[];
  names: RecipientName[];
  language: Language;
}) {
  const purposeText = (id: string) => purposes.find((p) => p.purposeId === id)?.[language] ?? id;
  const consents = view.consents as unknown as ConsentShown[];
  const provisions = view.provisionRecords as unknown as ProvisionShown[];
  const consentTarget = (c: ConsentShown) => {
    if (c.purpose) return <>{`${say('purposeOfUse', language)}：${purposeText(c.purpose)}`}</>;
    if (c.recipient)
      return (
        <>
          {say('provisionTo', language)}
          {language === 'ja' ? '：' : ': '}
          <Recipient id={c.recipient} names={names} language={language} />
        </>
      );
    if (c.linkage) return <>{say('linkage', language)}</>;
    return <>{say('none', language)}</>;
  };
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
                    <Coded names={CATEGORY_NAMES} code={r.category} language={language} />
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
                  <td class="value" translate={false}>
                    {r.value}
                  </td>
                  <td>
                    <Coded names={SOURCE_NAMES} code={r.source} language={language} />
                    {r.sourceDetail && (
                      <>
                        <br />
                        <span class="note" translate={false}>
                          {r.sourceDetail}
                        </span>
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
      <Lifecycle lifecycle={view.lifecycle} names={names} language={language} />
      <h2>{say('consents', language)}</h2>
      {consents.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {(['consentAt', 'consentAction', 'consentCovers', 'consentMethod', 'collectedBy'] as const).map((k) => (
                  <th key={k} scope="col">
                    {say(k, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.eventId}>
                  <td>{japanTime(c.at, language)}</td>
                  <td>{say(c.action === 'withdrawn' ? 'withdrawn' : 'given', language)}</td>
                  <td>{consentTarget(c)}</td>
                  <td>{CONSENT_METHOD_LABELS[c.method]?.[language] ?? <span translate={false}>{c.method}</span>}</td>
                  <td>
                    <code translate={false}>{c.collectedBy ?? '—'}</code>
                    {c.noticeVersion && (
                      <>
                        <br />
                        <span class="note">{say('noticeVersion', language, { version: c.noticeVersion })}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{say('provisionRecords', language)}</h2>
      {provisions.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {(['provisionDate', 'direction', 'counterparty', 'provisionItems', 'basis', 'keptUntil'] as const).map(
                  (k) => (
                    <th key={k} scope="col">
                      {say(k, language)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {provisions.map((p) => (
                <tr key={p.recordId}>
                  <td>{p.date}</td>
                  <td>{say(p.direction === 'received' ? 'received' : 'provided', language)}</td>
                  <td translate={false}>{p.counterparty}</td>
                  <td>{p.items.map((item) => categoryName(item, language)).join(language === 'ja' ? '、' : ', ')}</td>
                  <td>
                    {BASIS_NAMES[p.basis]?.[language] ?? <span translate={false}>{p.basis}</span>}
                    {p.purpose && (
                      <>
                        <br />
                        <span class="note">{`${say('purposeOfUse', language)}：${purposeText(p.purpose)}`}</span>
                      </>
                    )}
                  </td>
                  <td>{p.expiresAt ? japanTime(p.expiresAt, language) : say('notYet', language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{say('incidents', language)}</h2>
      {view.incidents.length === 0 ? (
        <p>{say('none', language)}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {(['incidentId', 'incidentKinds', 'awareAt', 'noticeToPerson'] as const).map((k) => (
                  <th key={k} scope="col">
                    {say(k, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.incidents.map((i) => (
                <tr key={i.incidentId}>
                  <td>
                    <code translate={false}>{i.incidentId}</code>
                    {i.state === 'draft' && ` ${say('incidentDraft', language)}`}
                  </td>
                  <td>{i.kinds.map((k) => INCIDENT_KIND_WORDS[k][language]).join(language === 'ja' ? '・' : ', ')}</td>
                  <td>{japanTime(i.awareAt, language)}</td>
                  <td>
                    {NOTICE_STATE_WORDS[i.notice?.state ?? 'none'][language]}
                    {i.notice?.sentAt && ` ${japanTime(i.notice.sentAt, language)}`}
                    {i.notice?.state === 'unreachable' && (
                      <>
                        <br />
                        <span class="note">
                          {(i.notice.alternativeMeasureKinds ?? [])
                            .map((k) => ALTERNATIVE_MEASURE_WORDS[k][language])
                            .join(language === 'ja' ? '、' : '; ')}
                        </span>
                        {i.notice.alternativeMeasure && (
                          <>
                            <br />
                            <span class="note" translate={false}>
                              {i.notice.alternativeMeasure}
                            </span>
                          </>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The registered recipients' names (company data, not personal data), to name a recipient by. */
function useRecipientNames(session: StaffSession): RecipientName[] {
  const [names, setNames] = useState<RecipientName[]>([]);
  useEffect(() => {
    // The registry is the officer's and the auditor's (functions/routes/provisions.ts); others see ids.
    if (session.role === 'operator') return;
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
  return names;
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
  const names = useRecipientNames(session);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const [working, setWorking] = useState(false);
  const section = useRef<HTMLElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const named = stoppedRecipients(cessation);
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
    const problem = failure!.problem;
    if (problem !== 'network' && !problem.errors?.length && knownProblemType(problem))
      return problemWords(problem, language);
    if (language === 'en') return fieldMessages(messages, language);
    return field === 'reason' ? say('needLiftReason', language) : say('needLiftRecipients', language);
  };
  const scopeError = errorsOf('recipients');
  const reasonError = errorsOf('reason');
  const general = failure && (!failure.placed || failure.placed.general) ? failure : undefined;
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
                    <Recipient id={id} names={names} language={language} />
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
        {general && <ProblemNotice problem={general.problem} language={language} id="lift-problem" />}
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
  const names = useRecipientNames(session);
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
          <SubjectData view={view.data} purposes={purposes} names={names} language={language} />
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
