// The holder registry for the officer and auditors: every system and processor that holds personal
// data, a processor's consignment contract and supervision (policy §6(2)B, APPI Art. 25), and the
// certificate each holder signs with, whose fingerprint the officer compares with the holder's own.
// The officer registers, changes, reviews and retires; auditors read. The registry names no person.
import './officer.css';
import './holders.css';
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  CONSIGNMENT_CLAUSE_WORDS,
  HOLDER_KIND_WORDS,
  REVIEW_OUTCOME_WORDS,
} from '../../../functions/domain/holders/words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import type { Label } from '../text';
import { japanTime } from './japan-time';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { staffApi } from './staff-api';
import type { Language } from './text';

type Kind = keyof typeof HOLDER_KIND_WORDS;
type Clause = keyof typeof CONSIGNMENT_CLAUSE_WORDS;
type Outcome = keyof typeof REVIEW_OUTCOME_WORDS;
const CLAUSES = Object.keys(CONSIGNMENT_CLAUSE_WORDS) as Clause[];
const OUTCOMES = Object.keys(REVIEW_OUTCOME_WORDS) as Outcome[];

interface Contract {
  reference: string;
  signedOn: string;
  inForceFrom: string;
  inForceUntil?: string;
  clauses: { clause: Clause; reference: string }[];
  approvedSubProcessors: string[];
}
interface Holder {
  holderId: string;
  name: string;
  owner: string;
  kind: Kind;
  categories: string[];
  purposes: string[];
  endpoint: { baseUrl: string; certificateFingerprint: string; discoveredAt: string; supportedRequestTypes: string[] };
  understandsDeskExtension: boolean;
  contract?: Contract;
  supervisionEveryMonths?: number;
  version: number;
  registeredAt: string;
  registeredBy: string;
  changedAt?: string;
  changedBy?: string;
  changeReason?: string;
  retiredAt?: string;
  retirementReason?: string;
  contractInForce?: boolean;
  nextReviewDue?: string;
  reviewOverdue?: boolean;
}
interface Review {
  reviewedOn: string;
  findings: string;
  outcome: Outcome;
  recordedBy: string;
  recordedAt: string;
}
interface Dossier {
  holder: Holder;
  versions: Holder[];
  reviews: Review[];
}

const T = {
  title: { ja: '個人データの保有先', en: 'Holders of personal data' },
  intro: {
    ja: '個人データを保有する社内システムと委託先の一覧です。決定した請求は、ここに登録した保有先にも届けます。委託先は委託契約と監督（定期確認）を記録します（プライバシーポリシー第6条(2)B、個人情報保護法第25条）。',
    en: 'The internal systems and processors that hold personal data. A decided request is carried to the holders registered here. For a processor, its consignment contract and supervision are recorded (policy §6(2)B, APPI Art. 25).',
  },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  none: { ja: '登録された保有先はありません。', en: 'No holder is registered.' },
  name: { ja: '名称', en: 'Name' },
  holderId: { ja: '保有先ID', en: 'Holder ID' },
  kind: { ja: '種別', en: 'Kind' },
  owner: { ja: '管理部署・会社', en: 'Owner' },
  contractState: { ja: '委託契約', en: 'Contract' },
  inForce: { ja: '有効', en: 'In force' },
  notInForce: { ja: '無効（要確認）', en: 'Not in force: check it' },
  nextReview: { ja: '次回の定期確認', en: 'Next review due' },
  overdue: { ja: '期限超過', en: 'overdue' },
  retired: { ja: '登録終了', en: 'Retired' },
  register: { ja: '保有先を登録する', en: 'Register a holder' },
  registered: {
    ja: '登録しました。証明書のフィンガープリントが保有先から伝えられたものと一致することを確認してください。',
    en: 'Registered. Check that the certificate fingerprint matches the one the holder gave you.',
  },
  categories: { ja: '保有する個人データの項目', en: 'Categories of personal data it holds' },
  purposes: { ja: '利用目的（ID、カンマ区切り）', en: 'Purposes of use (IDs, separated by commas)' },
  baseUrl: { ja: 'OpenDSRのベースURL', en: 'OpenDSR base URL' },
  baseUrlHint: {
    ja: '例：https://opendsr.crm.example/v2。登録時に保有先の公開情報（discovery）と証明書を取得します。',
    en: "E.g. https://opendsr.crm.example/v2. The holder's discovery and certificate are fetched when it is saved.",
  },
  extension: {
    ja: '訂正・利用停止の指示（デスクの拡張）に対応している',
    en: 'Carries out correction and cessation of use sent in the desk extension',
  },
  fingerprint: { ja: '証明書のフィンガープリント（SHA-256）', en: 'Certificate fingerprint (SHA-256)' },
  fingerprintHint: {
    ja: '保有先から伝えられた値を入力すると、取得した証明書と一致しない場合は登録しません（任意）。',
    en: 'Enter the value the holder gave you: a certificate that differs is not saved (optional).',
  },
  contract: { ja: '委託契約', en: 'Consignment contract' },
  contractRef: { ja: '契約番号', en: 'Contract reference' },
  signedOn: { ja: '締結日', en: 'Signed on' },
  inForceFrom: { ja: '効力発生日', en: 'In force from' },
  inForceUntil: { ja: '終了日（定めがない場合は空欄）', en: 'In force until (empty if open-ended)' },
  clauses: { ja: '契約に定める事項（条項の箇所）', en: 'Clauses (where the contract has them)' },
  clauseMissing: { ja: '記載なし', en: 'Missing' },
  subProcessors: { ja: '承認した再委託先（1行に1社）', en: 'Approved sub-processors (one per line)' },
  everyMonths: { ja: '定期確認の間隔（月）', en: 'Review every (months)' },
  save: { ja: '保存する', en: 'Save' },
  back: { ja: '保有先の一覧へ', en: 'All holders' },
  endpoint: { ja: '接続先', en: 'Endpoint' },
  discoveredAt: { ja: '取得日時', en: 'Fetched' },
  requestTypes: { ja: '対応する請求', en: 'Request types' },
  reviews: { ja: '定期確認（監督）の記録', en: 'Supervision reviews' },
  noReviews: { ja: '記録はまだありません。', en: 'No review is recorded yet.' },
  reviewedOn: { ja: '確認日', en: 'Reviewed on' },
  findings: { ja: '確認した内容と所見', en: 'Findings' },
  outcome: { ja: '結果', en: 'Outcome' },
  recordedBy: { ja: '記録者', en: 'Recorded by' },
  recordReview: { ja: '定期確認を記録する', en: 'Record a review' },
  reviewRecorded: { ja: '定期確認を記録しました。', en: 'The review is recorded.' },
  versions: { ja: '変更の履歴', en: 'Versions' },
  version: { ja: '版', en: 'Version' },
  at: { ja: '日時', en: 'When' },
  by: { ja: '担当者', en: 'By' },
  reason: { ja: '理由', en: 'Reason' },
  change: { ja: '内容を変更する', en: 'Change it' },
  changed: { ja: '変更を保存しました。', en: 'The change is saved.' },
  rediscover: {
    ja: '証明書を再取得する（証明書の更新時）',
    en: 'Fetch the certificate again (after the holder rotated it)',
  },
  retire: { ja: '登録を終了する', en: 'Retire it' },
  retireNote: {
    ja: 'もう個人データを保有していない場合に終了します。記録は残り、以後の請求は届けません。',
    en: 'Retire it once it holds no personal data. It is kept, and no new request goes to it.',
  },
  retiredDone: { ja: '登録を終了しました。', en: 'The holder is retired.' },
} satisfies Record<string, Label>;
type Key = keyof typeof T;
const say = (key: Key, language: Language) => T[key][language];
const categoryLabel = (id: string, language: Language) =>
  PERSONAL_DATA_CATEGORIES.find((c) => c.id === id)?.[language] ?? id;

interface FormState {
  holderId: string;
  kind: Kind;
  name: string;
  owner: string;
  categories: string[];
  purposes: string;
  baseUrl: string;
  understandsDeskExtension: boolean;
  confirmFingerprint: string;
  contractRef: string;
  signedOn: string;
  inForceFrom: string;
  inForceUntil: string;
  clauses: Record<Clause, string>;
  subProcessors: string;
  everyMonths: string;
  reason: string;
  rediscover: boolean;
}

const emptyForm = (): FormState => ({
  holderId: '',
  kind: 'processor',
  name: '',
  owner: '',
  categories: [],
  purposes: '',
  baseUrl: '',
  understandsDeskExtension: false,
  confirmFingerprint: '',
  contractRef: '',
  signedOn: '',
  inForceFrom: '',
  inForceUntil: '',
  clauses: Object.fromEntries(CLAUSES.map((c) => [c, ''])) as Record<Clause, string>,
  subProcessors: '',
  everyMonths: '12',
  reason: '',
  rediscover: false,
});

const formOf = (h: Holder): FormState => ({
  ...emptyForm(),
  holderId: h.holderId,
  kind: h.kind,
  name: h.name,
  owner: h.owner,
  categories: h.categories,
  purposes: h.purposes.join(', '),
  baseUrl: h.endpoint.baseUrl,
  understandsDeskExtension: h.understandsDeskExtension,
  contractRef: h.contract?.reference ?? '',
  signedOn: h.contract?.signedOn ?? '',
  inForceFrom: h.contract?.inForceFrom ?? '',
  inForceUntil: h.contract?.inForceUntil ?? '',
  clauses: Object.fromEntries(
    CLAUSES.map((c) => [c, h.contract?.clauses.find((x) => x.clause === c)?.reference ?? '']),
  ) as Record<Clause, string>,
  subProcessors: (h.contract?.approvedSubProcessors ?? []).join('\n'),
  everyMonths: String(h.supervisionEveryMonths ?? 12),
});

/** What the form sends: the details both registration and a change take. */
function detailsOf(f: FormState) {
  const list = (s: string, by: RegExp) =>
    s
      .split(by)
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    name: f.name,
    owner: f.owner,
    categories: f.categories,
    purposes: list(f.purposes, /,/),
    baseUrl: f.baseUrl.trim(),
    understandsDeskExtension: f.understandsDeskExtension,
    ...(f.confirmFingerprint.trim() ? { confirmFingerprint: f.confirmFingerprint.trim() } : {}),
    ...(f.kind === 'processor'
      ? {
          contract: {
            reference: f.contractRef,
            signedOn: f.signedOn,
            inForceFrom: f.inForceFrom,
            ...(f.inForceUntil ? { inForceUntil: f.inForceUntil } : {}),
            clauses: CLAUSES.filter((c) => f.clauses[c].trim()).map((c) => ({ clause: c, reference: f.clauses[c] })),
            approvedSubProcessors: list(f.subProcessors, /\n/),
          },
          supervisionEveryMonths: Number(f.everyMonths),
        }
      : {}),
  };
}

function Text({
  id,
  label,
  value,
  onInput,
  type = 'text',
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'date' | 'url' | 'number';
  hint?: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type as 'text'}
        value={value}
        autocomplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

function HolderForm({
  form,
  setForm,
  language,
  mode,
}: {
  form: FormState;
  setForm: (f: FormState) => void;
  language: Language;
  mode: 'register' | 'change';
}) {
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm({ ...form, [key]: value });
  const p = `${mode}-holder`;
  return (
    <>
      {mode === 'register' && (
        <>
          <Text
            id={`${p}-id`}
            label={say('holderId', language)}
            value={form.holderId}
            onInput={(v) => set('holderId', v)}
          />
          <fieldset>
            <legend>{say('kind', language)}</legend>
            {(Object.keys(HOLDER_KIND_WORDS) as Kind[]).map((k) => (
              <label key={k} class="choice">
                <input type="radio" name={`${p}-kind`} checked={form.kind === k} onChange={() => set('kind', k)} />{' '}
                {HOLDER_KIND_WORDS[k][language]}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <Text id={`${p}-name`} label={say('name', language)} value={form.name} onInput={(v) => set('name', v)} />
      <Text id={`${p}-owner`} label={say('owner', language)} value={form.owner} onInput={(v) => set('owner', v)} />
      <fieldset>
        <legend>{say('categories', language)}</legend>
        {PERSONAL_DATA_CATEGORIES.map((c) => (
          <label key={c.id} class="choice">
            <input
              type="checkbox"
              checked={form.categories.includes(c.id)}
              onChange={(e) =>
                set(
                  'categories',
                  (e.currentTarget as HTMLInputElement).checked
                    ? [...form.categories, c.id]
                    : form.categories.filter((x) => x !== c.id),
                )
              }
            />{' '}
            {c[language]}
          </label>
        ))}
      </fieldset>
      <Text
        id={`${p}-purposes`}
        label={say('purposes', language)}
        value={form.purposes}
        onInput={(v) => set('purposes', v)}
      />
      <Text
        id={`${p}-url`}
        type="url"
        label={say('baseUrl', language)}
        hint={say('baseUrlHint', language)}
        value={form.baseUrl}
        onInput={(v) => set('baseUrl', v)}
      />
      <label class="choice">
        <input
          type="checkbox"
          checked={form.understandsDeskExtension}
          onChange={(e) => set('understandsDeskExtension', (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {say('extension', language)}
      </label>
      {mode === 'change' && (
        <label class="choice">
          <input
            type="checkbox"
            checked={form.rediscover}
            onChange={(e) => set('rediscover', (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {say('rediscover', language)}
        </label>
      )}
      <Text
        id={`${p}-fingerprint`}
        label={say('fingerprint', language)}
        hint={say('fingerprintHint', language)}
        value={form.confirmFingerprint}
        onInput={(v) => set('confirmFingerprint', v)}
      />
      {form.kind === 'processor' && (
        <fieldset>
          <legend>{say('contract', language)}</legend>
          <Text
            id={`${p}-contract`}
            label={say('contractRef', language)}
            value={form.contractRef}
            onInput={(v) => set('contractRef', v)}
          />
          <div class="field-row">
            <Text
              id={`${p}-signed`}
              type="date"
              label={say('signedOn', language)}
              value={form.signedOn}
              onInput={(v) => set('signedOn', v)}
            />
            <Text
              id={`${p}-from`}
              type="date"
              label={say('inForceFrom', language)}
              value={form.inForceFrom}
              onInput={(v) => set('inForceFrom', v)}
            />
            <Text
              id={`${p}-until`}
              type="date"
              label={say('inForceUntil', language)}
              value={form.inForceUntil}
              onInput={(v) => set('inForceUntil', v)}
            />
          </div>
          <p>{say('clauses', language)}</p>
          {CLAUSES.map((c) => (
            <Text
              key={c}
              id={`${p}-clause-${c}`}
              label={CONSIGNMENT_CLAUSE_WORDS[c][language]}
              value={form.clauses[c]}
              onInput={(v) => set('clauses', { ...form.clauses, [c]: v })}
            />
          ))}
          <div class="field">
            <label for={`${p}-subs`}>{say('subProcessors', language)}</label>
            <textarea
              id={`${p}-subs`}
              rows={3}
              value={form.subProcessors}
              onInput={(e) => set('subProcessors', (e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <Text
            id={`${p}-months`}
            type="number"
            label={say('everyMonths', language)}
            value={form.everyMonths}
            onInput={(v) => set('everyMonths', v)}
          />
        </fieldset>
      )}
      {mode === 'change' && (
        <Text
          id={`${p}-reason`}
          label={say('reason', language)}
          value={form.reason}
          onInput={(v) => set('reason', v)}
        />
      )}
    </>
  );
}

function Fingerprint({ value }: { value: string }) {
  return (
    <code class="fingerprint" translate={false}>
      {value}
    </code>
  );
}

function Standing({ holder, language }: { holder: Holder; language: Language }) {
  if (holder.retiredAt) return <>{say('retired', language)}</>;
  if (holder.kind !== 'processor') return <>—</>;
  return <>{holder.contractInForce ? say('inForce', language) : <strong>{say('notInForce', language)}</strong>}</>;
}

function Due({ holder, language }: { holder: Holder; language: Language }) {
  if (!holder.nextReviewDue) return <>—</>;
  return (
    <>
      {holder.nextReviewDue}
      {holder.reviewOverdue && <strong> ({say('overdue', language)})</strong>}
    </>
  );
}

export function HoldersPage({ session, language }: DeskPageProps) {
  const api = staffApi(session);
  const [holders, setHolders] = useState<Holder[]>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState<FormState>(emptyForm);
  const [formProblem, setFormProblem] = useState<DeskProblemDetails | 'network'>();
  const [done, setDone] = useState<Holder>();
  const load = async () => {
    const result = await api.get<{ items: Holder[] }>('/v1/staff/holders');
    if (result.kind === 'ok') setHolders(result.data.items);
    else setProblem(failureOf(result));
  };
  useEffect(() => void load(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    const result = await api.post<Holder>('/v1/staff/holders', {
      holderId: form.holderId.trim(),
      kind: form.kind,
      ...detailsOf(form),
    });
    setFormProblem(failureOf(result));
    if (result.kind === 'ok') {
      await load();
      setDone(result.data);
      setForm(emptyForm());
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>{say('title', language)}</h1>
      <p>{say('intro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!holders && !problem && <p>{say('loading', language)}</p>}
      {holders && holders.length === 0 && <p>{say('none', language)}</p>}
      {holders && holders.length > 0 && (
        <div class="table-scroll">
          <table class="holders">
            <thead>
              <tr>
                <th scope="col">{say('name', language)}</th>
                <th scope="col">{say('kind', language)}</th>
                <th scope="col">{say('owner', language)}</th>
                <th scope="col">{say('contractState', language)}</th>
                <th scope="col">{say('nextReview', language)}</th>
              </tr>
            </thead>
            <tbody>
              {holders.map((h) => (
                <tr key={h.holderId}>
                  <td>
                    {session.role === 'operator' ? (
                      <span translate={false}>{h.name}</span>
                    ) : (
                      <a href={`#/holders/${encodeURIComponent(h.holderId)}`} translate={false}>
                        {h.name}
                      </a>
                    )}
                  </td>
                  <td>{HOLDER_KIND_WORDS[h.kind][language]}</td>
                  <td translate={false}>{h.owner}</td>
                  <td>
                    <Standing holder={h} language={language} />
                  </td>
                  <td>
                    <Due holder={h} language={language} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.role === 'officer' && (
        <section aria-labelledby="register-holder">
          <h2 id="register-holder">{say('register', language)}</h2>
          {done && (
            <div class="answer" role="status">
              <p>{say('registered', language)}</p>
              <p>
                {say('fingerprint', language)}: <Fingerprint value={done.endpoint.certificateFingerprint} />
              </p>
            </div>
          )}
          <form onSubmit={(e) => void submit(e)} noValidate>
            {formProblem && <ProblemNotice problem={formProblem} language={language} id="register-holder-problem" />}
            <HolderForm form={form} setForm={setForm} language={language} mode="register" />
            <button type="submit">{say('save', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}

export function HolderPage({ session, language, holderId }: DeskPageProps & { holderId: string }) {
  const api = staffApi(session);
  const [dossier, setDossier] = useState<Dossier>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState<FormState>();
  const [actionProblem, setActionProblem] = useState<{ where: string; problem: DeskProblemDetails | 'network' }>();
  const [message, setMessage] = useState<Key>();
  const [review, setReview] = useState<{ reviewedOn: string; findings: string; outcome: Outcome }>({
    reviewedOn: '',
    findings: '',
    outcome: 'adequate',
  });
  const [retireReason, setRetireReason] = useState('');
  const path = `/v1/staff/holders/${encodeURIComponent(holderId)}`;
  const load = async () => {
    const result = await api.get<Dossier>(path);
    if (result.kind === 'ok') {
      setDossier(result.data);
      setForm(formOf(result.data.holder));
    } else setProblem(failureOf(result));
  };
  useEffect(() => void load(), [holderId]);
  const act = async (where: string, send: () => ReturnType<typeof api.post>, after: Key) => {
    setMessage(undefined);
    const result = await send();
    const failure = failureOf(result);
    setActionProblem(failure ? { where, problem: failure } : undefined);
    if (!failure) {
      await load();
      setMessage(after);
    }
  };
  if (problem)
    return (
      <>
        <h1 tabIndex={-1}>{say('title', language)}</h1>
        <ProblemNotice problem={problem} language={language} />
      </>
    );
  if (!dossier || !form)
    return (
      <>
        <h1 tabIndex={-1}>{say('title', language)}</h1>
        <p>{say('loading', language)}</p>
      </>
    );
  const h = dossier.holder;
  const officer = session.role === 'officer' && !h.retiredAt;
  const problemAt = (where: string) =>
    actionProblem?.where === where ? <ProblemNotice problem={actionProblem.problem} language={language} /> : null;
  return (
    <>
      <p>
        <a href="#/holders">{say('back', language)}</a>
      </p>
      <h1 tabIndex={-1}>
        <span translate={false}>{h.name}</span>
      </h1>
      {message && (
        <p class="answer" role="status">
          {say(message, language)}
        </p>
      )}
      <dl class="entries holder-entries">
        <dt>{say('holderId', language)}</dt>
        <dd translate={false}>{h.holderId}</dd>
        <dt>{say('kind', language)}</dt>
        <dd>{HOLDER_KIND_WORDS[h.kind][language]}</dd>
        <dt>{say('owner', language)}</dt>
        <dd translate={false}>{h.owner}</dd>
        <dt>{say('categories', language)}</dt>
        <dd>{h.categories.map((c) => categoryLabel(c, language)).join(language === 'ja' ? '、' : ', ')}</dd>
        <dt>{say('purposes', language)}</dt>
        <dd translate={false}>{h.purposes.join(', ')}</dd>
        {h.retiredAt && (
          <>
            <dt>{say('retired', language)}</dt>
            <dd>
              {japanTime(h.retiredAt, language)} <span translate={false}>{h.retirementReason}</span>
            </dd>
          </>
        )}
      </dl>
      <h2>{say('endpoint', language)}</h2>
      <dl class="entries holder-entries">
        <dt>{say('baseUrl', language)}</dt>
        <dd translate={false}>{h.endpoint.baseUrl}</dd>
        <dt>{say('fingerprint', language)}</dt>
        <dd>
          <Fingerprint value={h.endpoint.certificateFingerprint} />
        </dd>
        <dt>{say('discoveredAt', language)}</dt>
        <dd>{japanTime(h.endpoint.discoveredAt, language)}</dd>
        <dt>{say('requestTypes', language)}</dt>
        <dd translate={false}>{h.endpoint.supportedRequestTypes.join(', ')}</dd>
      </dl>
      {h.kind === 'processor' && h.contract && (
        <>
          <h2>{say('contract', language)}</h2>
          <dl class="entries holder-entries">
            <dt>{say('contractState', language)}</dt>
            <dd>
              <Standing holder={h} language={language} />
            </dd>
            <dt>{say('contractRef', language)}</dt>
            <dd translate={false}>{h.contract.reference}</dd>
            <dt>{say('signedOn', language)}</dt>
            <dd>{h.contract.signedOn}</dd>
            <dt>{say('inForceFrom', language)}</dt>
            <dd>
              {h.contract.inForceFrom}
              {h.contract.inForceUntil ? ` – ${h.contract.inForceUntil}` : ''}
            </dd>
            {CLAUSES.map((c) => {
              const found = h.contract!.clauses.find((x) => x.clause === c);
              return (
                <Fragment key={c}>
                  <dt>{CONSIGNMENT_CLAUSE_WORDS[c][language]}</dt>
                  <dd>
                    {found ? (
                      <span translate={false}>{found.reference}</span>
                    ) : (
                      <strong>{say('clauseMissing', language)}</strong>
                    )}
                  </dd>
                </Fragment>
              );
            })}
            <dt>{say('subProcessors', language)}</dt>
            <dd translate={false}>{h.contract.approvedSubProcessors.join(', ') || '—'}</dd>
            <dt>{say('nextReview', language)}</dt>
            <dd>
              <Due holder={h} language={language} />
            </dd>
          </dl>
          <h2 id="holder-reviews">{say('reviews', language)}</h2>
          {dossier.reviews.length === 0 ? (
            <p>{say('noReviews', language)}</p>
          ) : (
            <div class="table-scroll">
              <table aria-labelledby="holder-reviews">
                <thead>
                  <tr>
                    <th scope="col">{say('reviewedOn', language)}</th>
                    <th scope="col">{say('outcome', language)}</th>
                    <th scope="col">{say('findings', language)}</th>
                    <th scope="col">{say('recordedBy', language)}</th>
                  </tr>
                </thead>
                <tbody>
                  {dossier.reviews.map((r) => (
                    <tr key={r.recordedAt}>
                      <td>{r.reviewedOn}</td>
                      <td>{REVIEW_OUTCOME_WORDS[r.outcome][language]}</td>
                      <td translate={false}>{r.findings}</td>
                      <td translate={false}>{r.recordedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {officer && (
            <form
              aria-labelledby="record-review"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void act('review', () => api.post(`${path}/reviews`, review), 'reviewRecorded').then(() =>
                  setReview({ reviewedOn: '', findings: '', outcome: 'adequate' }),
                );
              }}
            >
              <h3 id="record-review">{say('recordReview', language)}</h3>
              {problemAt('review')}
              <Text
                id="review-on"
                type="date"
                label={say('reviewedOn', language)}
                value={review.reviewedOn}
                onInput={(v) => setReview({ ...review, reviewedOn: v })}
              />
              <div class="field">
                <label for="review-findings">{say('findings', language)}</label>
                <textarea
                  id="review-findings"
                  rows={3}
                  value={review.findings}
                  onInput={(e) => setReview({ ...review, findings: (e.currentTarget as HTMLTextAreaElement).value })}
                />
              </div>
              <div class="field">
                <label for="review-outcome">{say('outcome', language)}</label>
                <select
                  id="review-outcome"
                  value={review.outcome}
                  onChange={(e) =>
                    setReview({ ...review, outcome: (e.currentTarget as HTMLSelectElement).value as Outcome })
                  }
                >
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {REVIEW_OUTCOME_WORDS[o][language]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{say('recordReview', language)}</button>
            </form>
          )}
        </>
      )}
      <h2 id="holder-versions">{say('versions', language)}</h2>
      <div class="table-scroll">
        <table aria-labelledby="holder-versions">
          <thead>
            <tr>
              <th scope="col">{say('version', language)}</th>
              <th scope="col">{say('at', language)}</th>
              <th scope="col">{say('by', language)}</th>
              <th scope="col">{say('reason', language)}</th>
              <th scope="col">{say('fingerprint', language)}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{japanTime(v.retiredAt ?? v.changedAt ?? v.registeredAt, language)}</td>
                <td translate={false}>{v.changedBy ?? v.registeredBy}</td>
                <td translate={false}>{v.retirementReason ?? v.changeReason ?? '—'}</td>
                <td>
                  <Fingerprint value={v.endpoint.certificateFingerprint} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {officer && (
        <>
          <section aria-labelledby="change-holder">
            <h2 id="change-holder">{say('change', language)}</h2>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  'change',
                  () =>
                    api.put(path, {
                      ...detailsOf(form),
                      version: h.version,
                      reason: form.reason,
                      ...(form.rediscover ? { rediscover: true } : {}),
                    }),
                  'changed',
                );
              }}
            >
              {problemAt('change')}
              <HolderForm form={form} setForm={setForm} language={language} mode="change" />
              <button type="submit">{say('save', language)}</button>
            </form>
          </section>
          <section aria-labelledby="retire-holder">
            <h2 id="retire-holder">{say('retire', language)}</h2>
            <p>{say('retireNote', language)}</p>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  'retire',
                  () => api.post(`${path}/retirement`, { version: h.version, reason: retireReason }),
                  'retiredDone',
                );
              }}
            >
              {problemAt('retire')}
              <Text id="retire-reason" label={say('reason', language)} value={retireReason} onInput={setRetireReason} />
              <button type="submit">{say('retire', language)}</button>
            </form>
          </section>
        </>
      )}
    </>
  );
}
