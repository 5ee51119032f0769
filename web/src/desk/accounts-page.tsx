// Staff accounts, for the Information Security Officer (policy §6(1)): list, create, change a role
// (a transfer), disable (transfer, retirement, leave, other) after a confirmation, enable again, and
// confirm or decline an officer role another officer asked for (the asker only sees that it waits).
// Every change is access-logged and e-mailed to the officer by the API; this page says what happened.
import './officer.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProblemDetails } from '../request-form';
import {
  type AccountChange,
  actionsFor,
  DISABLE_REASONS,
  type DisableReason,
  otherRoles,
  type StaffAccount,
  sortedAccounts,
} from './accounts';
import { fieldMessages, japanTime, type PlacedProblem, placeProblem } from './officer';
import { failureOf, ProblemNotice } from './problem';
import type { DeskRoute } from './routes';
import { STAFF_ROLES, type StaffRole, type StaffSession } from './session';
import { staffApi } from './staff-api';
import { type Language, ROLE_LABELS } from './text';

const T = {
  title: { ja: '担当者アカウント', en: 'Staff accounts' },
  intro: {
    ja: '異動・退職した担当者のアカウントは直ちに無効にします（規程第6条第1項）。変更はすべてアクセス記録に残り、個人情報保護管理者にメールで通知されます。',
    en: 'Accounts of transferred or retired staff are disabled at once (policy §6(1)). Every change is recorded in the access log and e-mailed to the officer.',
  },
  accounts: { ja: 'アカウント一覧', en: 'Accounts' },
  staffId: { ja: 'ユーザー名', en: 'Username' },
  displayName: { ja: '氏名', en: 'Name' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  role: { ja: '役割', en: 'Role' },
  status: { ja: '状態', en: 'Status' },
  passwordChangedAt: { ja: 'パスワード変更日時', en: 'Password changed' },
  actions: { ja: '操作', en: 'Actions' },
  active: { ja: '有効', en: 'Active' },
  disabled: { ja: '無効', en: 'Disabled' },
  disabledSince: { ja: '{at}に{by}が無効化（{reason}）', en: 'since {at} by {by} ({reason})' },
  manage: { ja: '操作', en: 'Manage' },
  manageName: { ja: '{id} を操作', en: 'Manage {id}' },
  close: { ja: '閉じる', en: 'Close' },
  own: {
    ja: 'ご自身のアカウントは変更・無効化できません（他の管理者に依頼してください）',
    en: 'Your own account cannot be changed or disabled here (ask another officer)',
  },
  create: { ja: 'アカウントの作成', en: 'Create an account' },
  createNote: {
    ja: '仮パスワードは入力したメールアドレスに送られます。本人は最初のログインで自分のパスワードを設定します。',
    en: 'A temporary password is e-mailed to this address; the person sets their own at first sign-in.',
  },
  createButton: { ja: '作成する', en: 'Create' },
  created: {
    ja: '{id}（{role}）を作成しました。有効です。仮パスワードを {email} にメールで送りました。本人は最初のログインでパスワードを変更します。',
    en: '{id} ({role}) is created and active. A temporary password was e-mailed to {email}; they set their own at first sign-in.',
  },
  manageTitle: { ja: '{id} の操作', en: 'Manage {id}' },
  changeRole: { ja: '役割の変更（異動）', en: 'Change the role (a transfer)' },
  newRole: { ja: '新しい役割', en: 'New role' },
  reason: { ja: '理由', en: 'Reason' },
  roleReasonHint: {
    ja: '例: 監査チームへの異動。アクセス記録に残り、管理者にメールされます。',
    en: 'E.g. "Transferred to the audit team"; kept in the access log and e-mailed to the officer.',
  },
  changeButton: { ja: '役割を変更する', en: 'Change the role' },
  roleChanged: {
    ja: '{id} の役割を{role}にしました。以前の役割での操作は、次の呼び出しから拒否されます。',
    en: '{id} now has the role {role}; the old role is refused from the very next call.',
  },
  disable: { ja: 'アカウントの無効化', en: 'Disable the account' },
  disableReason: { ja: '無効化の理由', en: 'Why' },
  note: { ja: '補足（任意）', en: 'Note (optional)' },
  disableButton: { ja: '無効化する…', en: 'Disable…' },
  confirmDisable: {
    ja: '{id} を無効にしますか（理由: {reason}）。次の呼び出しから拒否され、ログイン中のセッションも終了します。',
    en: 'Disable {id} (reason: {reason})? They are refused from the very next call and signed out.',
  },
  confirmButton: { ja: '無効化を確定する', en: 'Yes, disable it' },
  cancel: { ja: 'やめる', en: 'Cancel' },
  disabledDone: {
    ja: '{id} を無効にしました。次の呼び出しから拒否され、ログインもできません。',
    en: '{id} is disabled: refused from the very next call, and signed out.',
  },
  enable: { ja: 'アカウントの再有効化', en: 'Enable the account again' },
  enableHint: { ja: '例: 休職からの復帰', en: 'E.g. "Back from leave"' },
  enableButton: { ja: '有効にする', en: 'Enable' },
  enabledDone: { ja: '{id} を再び有効にしました。', en: '{id} is active again.' },
  signInNotUpdated: {
    ja: 'ただし、ログイン基盤（Cognitoユーザープール）への反映に失敗しました。デスクは既にすべての呼び出しで変更を適用していますが、ユーザープールでも同じ変更を行ってください。',
    en: 'But the sign-in service (the Cognito user pool) did not follow. The desk already applies the change at every call; repeat it in the user pool.',
  },
  pendingGrant: {
    ja: '個人情報保護管理者の役割を申請中（{by}、{at}）。{until}までに申請者以外の管理者の確認が必要です。確認されるまで管理者の権限はありません。',
    en: 'Officer role asked for by {by} on {at}; an officer other than {by} must confirm it by {until}. No officer powers until then.',
  },
  pendingExpired: {
    ja: '個人情報保護管理者の役割の申請（{by}）は{until}に期限が切れました。必要なら改めて申請してください。',
    en: 'The officer role asked for by {by} expired on {until} unconfirmed; ask again if it is still needed.',
  },
  grantTitle: { ja: '個人情報保護管理者の役割の確認', en: 'The pending officer role' },
  awaitsOther: {
    ja: 'あなたの申請です。他の管理者の確認を待っています（ご自身では確認できません）。',
    en: 'You asked for it: it awaits another officer (you cannot confirm it yourself).',
  },
  confirmGrantButton: { ja: '確認して管理者の役割を付与する', en: 'Confirm and grant the officer role' },
  declineGrantButton: { ja: '申請を却下する', en: 'Decline it' },
  withdrawGrantButton: { ja: '申請を取り下げる', en: 'Withdraw it' },
  grantConfirmed: {
    ja: '{id} を個人情報保護管理者にしました（{by} の申請をあなたが確認）。',
    en: '{id} is now an officer (asked for by {by}, confirmed by you).',
  },
  grantDeclined: {
    ja: '{id} の個人情報保護管理者の役割の申請を却下しました。役割は{role}のままです。',
    en: 'The officer role for {id} is declined; the role stays {role}.',
  },
  createdPending: {
    ja: '{id} を{role}として作成しました。個人情報保護管理者の役割は、他の管理者が確認するまで付与されません。仮パスワードを {email} にメールで送りました。',
    en: '{id} is created as {role}; the officer role is granted only once another officer confirms it. A temporary password was e-mailed to {email}.',
  },
  rolePending: {
    ja: '{id} の個人情報保護管理者の役割を申請しました。他の管理者が確認するまで、役割は{role}のままです。',
    en: 'The officer role for {id} is asked for; the role stays {role} until another officer confirms it.',
  },
  working: { ja: '処理しています…', en: 'Working…' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  reload: { ja: '再読み込み', en: 'Reload' },
};

type Key = keyof typeof T;
const say = (key: Key, language: Language, values: Record<string, string> = {}) =>
  T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

const DISABLE_REASON_LABELS: Record<DisableReason, { ja: string; en: string }> = {
  transfer: { ja: '異動', en: 'Transfer' },
  retirement: { ja: '退職', en: 'Retirement' },
  leave: { ja: '休職', en: 'Leave' },
  other: { ja: 'その他', en: 'Other' },
};

type Failure = { problem: ProblemDetails | 'network'; placed?: PlacedProblem };
const failureFrom = (problem: ProblemDetails | 'network', fields: readonly string[]): Failure =>
  problem === 'network' ? { problem } : { problem, placed: placeProblem(problem, fields) };

function Refusal({ failure, language, id }: { failure: Failure | undefined; language: Language; id: string }) {
  if (!failure || (failure.placed && !failure.placed.general)) return null;
  return <ProblemNotice problem={failure.problem} language={language} id={id} />;
}

/** After a refusal, the first field it names takes the focus; a refusal naming none is announced (role="alert"). */
const focusFirstInvalid = (within: HTMLElement | null) =>
  requestAnimationFrame(() => within?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

function TextInput({
  id,
  label,
  value,
  onInput,
  errors,
  hint,
  email = false,
  language,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors?: string[];
  hint?: string;
  email?: boolean;
  language: Language;
}) {
  const described =
    [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const attributes = {
    id,
    value,
    autocomplete: 'off',
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': described,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  } as const;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {email ? <input type="email" {...attributes} /> : <input type="text" {...attributes} />}
      {errors?.length ? (
        <p class="field-error" id={`${id}-error`}>
          {fieldMessages(errors, language)}
        </p>
      ) : null}
    </div>
  );
}

function Select<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function CreateForm({
  session,
  language,
  onDone,
}: {
  session: StaffSession;
  language: Language;
  onDone: (message: string) => void;
}) {
  const [staffId, setStaffId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('operator');
  const [failure, setFailure] = useState<Failure | undefined>();
  const [working, setWorking] = useState(false);
  const roles = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][language] }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (working) return;
    const form = event.currentTarget as HTMLFormElement;
    setWorking(true);
    setFailure(undefined);
    const result = await staffApi(session).post<StaffAccount>('/v1/staff/accounts', {
      staffId: staffId.trim(),
      displayName,
      email: email.trim(),
      role,
    });
    setWorking(false);
    const failed = failureOf(result);
    if (failed) {
      setFailure(failureFrom(failed, ['staffId', 'displayName', 'email', 'role']));
      focusFirstInvalid(form);
      return;
    }
    if (result.kind !== 'ok') return;
    const created = result.data;
    setStaffId('');
    setDisplayName('');
    setEmail('');
    onDone(
      say(created.pendingOfficerGrant ? 'createdPending' : 'created', language, {
        id: created.staffId,
        role: ROLE_LABELS[created.role][language],
        email: created.email,
      }),
    );
  };

  const errors = failure?.placed?.byField ?? {};
  return (
    <section aria-labelledby="create-account">
      <h2 id="create-account">{say('create', language)}</h2>
      <form onSubmit={submit} noValidate>
        <TextInput
          language={language}
          id="create-staff-id"
          label={say('staffId', language)}
          value={staffId}
          onInput={setStaffId}
          errors={errors.staffId}
        />
        <TextInput
          language={language}
          id="create-display-name"
          label={say('displayName', language)}
          value={displayName}
          onInput={setDisplayName}
          errors={errors.displayName}
        />
        <TextInput
          language={language}
          id="create-email"
          email
          label={say('email', language)}
          value={email}
          onInput={setEmail}
          errors={errors.email}
          hint={say('createNote', language)}
        />
        <Select id="create-role" label={say('role', language)} value={role} options={roles} onChange={setRole} />
        <Refusal failure={failure} language={language} id="create-problem" />
        <button type="submit" aria-disabled={working}>
          {working ? say('working', language) : say('createButton', language)}
        </button>
      </form>
    </section>
  );
}

/** A pending officer role's who and when, for the texts above. */
const grantWords = (grant: NonNullable<StaffAccount['pendingOfficerGrant']>, language: Language) => ({
  by: grant.requestedBy,
  at: japanTime(grant.requestedAt, language),
  until: japanTime(grant.expiresAt, language),
});

/** The answer to a change, in words: what now holds, and whether the user pool followed. */
const changeAnswer = (change: AccountChange, done: string) => (language: Language) =>
  change.signInUpdated ? done : `${done} ${say('signInNotUpdated', language)}`;

function ManagePanel({
  session,
  language,
  account,
  onDone,
  onClose,
}: {
  session: StaffSession;
  language: Language;
  account: StaffAccount;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const actions = actionsFor(account, session.staffId);
  const roles = otherRoles(account, STAFF_ROLES);
  const [newRole, setNewRole] = useState<StaffRole>(roles[0] ?? account.role);
  const [roleReason, setRoleReason] = useState('');
  const [disableReason, setDisableReason] = useState<DisableReason>('transfer');
  const [disableNote, setDisableNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [enableReason, setEnableReason] = useState('');
  const [failure, setFailure] = useState<
    { form: 'role' | 'disable' | 'enable' | 'grant'; failure: Failure } | undefined
  >();
  const [working, setWorking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => heading.current?.focus(), [account.staffId]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const path = (action: string) => `/v1/staff/accounts/${encodeURIComponent(account.staffId)}/${action}`;
  const send = async (
    form: 'role' | 'disable' | 'enable' | 'grant',
    action: string,
    body: unknown,
    fields: string[],
    done: (change: AccountChange) => string,
  ) => {
    if (working) return;
    setWorking(true);
    setFailure(undefined);
    const result = await staffApi(session).post<AccountChange>(path(action), body);
    setWorking(false);
    setConfirming(false);
    const failed = failureOf(result);
    if (failed) {
      setFailure({ form, failure: failureFrom(failed, fields) });
      focusFirstInvalid(panel.current);
      return;
    }
    if (result.kind === 'ok') onDone(changeAnswer(result.data, done(result.data))(language));
  };
  const errorsOf = (form: 'role' | 'disable' | 'enable' | 'grant') =>
    failure?.form === form ? failure.failure : undefined;
  const reasonLabel = (r: DisableReason) => DISABLE_REASON_LABELS[r][language];

  return (
    <section aria-labelledby="manage-account" class="manage" ref={panel}>
      <h2 id="manage-account" ref={heading} tabIndex={-1}>
        {say('manageTitle', language, { id: account.staffId })}
      </h2>
      {actions.officerGrant && account.pendingOfficerGrant && (
        <div role="group" aria-labelledby="officer-grant">
          <h3 id="officer-grant">{say('grantTitle', language)}</h3>
          <p>
            {say(
              actions.officerGrant === 'expired' ? 'pendingExpired' : 'pendingGrant',
              language,
              grantWords(account.pendingOfficerGrant, language),
            )}
          </p>
          {actions.officerGrant === 'asked' && (
            <p>
              <strong>{say('awaitsOther', language)}</strong>
            </p>
          )}
          <Refusal failure={errorsOf('grant')} language={language} id="grant-problem" />
          {actions.officerGrant === 'confirm' && (
            <>
              <button
                type="button"
                aria-disabled={working}
                onClick={() =>
                  void send('grant', 'officer-grant-confirmation', { confirm: true }, [], (c) =>
                    say('grantConfirmed', language, { id: c.staffId, by: account.pendingOfficerGrant!.requestedBy }),
                  )
                }
              >
                {say('confirmGrantButton', language)}
              </button>{' '}
            </>
          )}
          <button
            type="button"
            class="quiet"
            aria-disabled={working}
            onClick={() =>
              void send('grant', 'officer-grant-confirmation', { confirm: false }, [], (c) =>
                say('grantDeclined', language, { id: c.staffId, role: ROLE_LABELS[c.role][language] }),
              )
            }
          >
            {say(actions.officerGrant === 'asked' ? 'withdrawGrantButton' : 'declineGrantButton', language)}
          </button>
        </div>
      )}
      {actions.changeRole && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send('role', 'role', { role: newRole, reason: roleReason }, ['role', 'reason'], (c) =>
              say(c.pendingOfficerGrant ? 'rolePending' : 'roleChanged', language, {
                id: c.staffId,
                role: ROLE_LABELS[c.role][language],
              }),
            );
          }}
          noValidate
        >
          <h3>{say('changeRole', language)}</h3>
          <Select
            id="role-new"
            label={say('newRole', language)}
            value={newRole}
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r][language] }))}
            onChange={setNewRole}
          />
          <TextInput
            language={language}
            id="role-reason"
            label={say('reason', language)}
            value={roleReason}
            onInput={setRoleReason}
            hint={say('roleReasonHint', language)}
            errors={errorsOf('role')?.placed?.byField.reason}
          />
          <Refusal failure={errorsOf('role')} language={language} id="role-problem" />
          <button type="submit" aria-disabled={working}>
            {say('changeButton', language)}
          </button>
        </form>
      )}
      {actions.disable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
          noValidate
        >
          <h3>{say('disable', language)}</h3>
          <Select
            id="disable-reason"
            label={say('disableReason', language)}
            value={disableReason}
            options={DISABLE_REASONS.map((r) => ({ value: r, label: reasonLabel(r) }))}
            onChange={setDisableReason}
          />
          <TextInput
            language={language}
            id="disable-note"
            label={say('note', language)}
            value={disableNote}
            onInput={setDisableNote}
            errors={errorsOf('disable')?.placed?.byField.note}
          />
          <Refusal failure={errorsOf('disable')} language={language} id="disable-problem" />
          {confirming ? (
            <div class="confirm" role="group" aria-labelledby="confirm-disable">
              <p id="confirm-disable">
                <strong>
                  {say('confirmDisable', language, { id: account.staffId, reason: reasonLabel(disableReason) })}
                </strong>
              </p>
              <button
                type="button"
                ref={confirmButton}
                aria-disabled={working}
                onClick={() =>
                  void send(
                    'disable',
                    'disabling',
                    { reason: disableReason, ...(disableNote.trim() ? { note: disableNote } : {}) },
                    ['reason', 'note'],
                    (c) => say('disabledDone', language, { id: c.staffId }),
                  )
                }
              >
                {working ? say('working', language) : say('confirmButton', language)}
              </button>{' '}
              <button type="button" class="quiet" onClick={() => setConfirming(false)}>
                {say('cancel', language)}
              </button>
            </div>
          ) : (
            <button type="submit">{say('disableButton', language)}</button>
          )}
        </form>
      )}
      {actions.enable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send('enable', 'enabling', { reason: enableReason }, ['reason'], (c) =>
              say('enabledDone', language, { id: c.staffId }),
            );
          }}
          noValidate
        >
          <h3>{say('enable', language)}</h3>
          <TextInput
            language={language}
            id="enable-reason"
            label={say('reason', language)}
            value={enableReason}
            onInput={setEnableReason}
            hint={say('enableHint', language)}
            errors={errorsOf('enable')?.placed?.byField.reason}
          />
          <Refusal failure={errorsOf('enable')} language={language} id="enable-problem" />
          <button type="submit" aria-disabled={working}>
            {say('enableButton', language)}
          </button>
        </form>
      )}
      <p>
        <button type="button" class="quiet" onClick={onClose}>
          {say('close', language)}
        </button>
      </p>
    </section>
  );
}

export function AccountsPage({
  session,
  language,
}: {
  session: StaffSession;
  language: Language;
  go: (route: DeskRoute) => void;
}) {
  const [accounts, setAccounts] = useState<StaffAccount[] | undefined>();
  const [loadFailure, setLoadFailure] = useState<ProblemDetails | 'network' | undefined>();
  const [managing, setManaging] = useState<string | undefined>();
  const [answer, setAnswer] = useState<string | undefined>();
  const answerRef = useRef<HTMLParagraphElement>(null);

  const load = async () => {
    const result = await staffApi(session).get<{ items: StaffAccount[] }>('/v1/staff/accounts');
    setLoadFailure(failureOf(result));
    if (result.kind === 'ok') setAccounts(sortedAccounts(result.data.items));
  };
  useEffect(() => {
    void load();
  }, [session.idToken]);

  const done = (message: string) => {
    setManaging(undefined);
    setAnswer(message);
    void load();
    requestAnimationFrame(() => answerRef.current?.focus());
  };
  const account = accounts?.find((a) => a.staffId === managing);

  return (
    <>
      <h1 tabIndex={-1}>{say('title', language)}</h1>
      <p>{say('intro', language)}</p>
      <p ref={answerRef} tabIndex={-1} role="status" class={answer ? 'answer' : undefined}>
        {answer}
      </p>
      <section aria-labelledby="account-list">
        <h2 id="account-list">{say('accounts', language)}</h2>
        {loadFailure && (
          <>
            <ProblemNotice problem={loadFailure} language={language} />
            <p>
              <button type="button" onClick={() => void load()}>
                {say('reload', language)}
              </button>
            </p>
          </>
        )}
        {!accounts && !loadFailure && <p>{say('loading', language)}</p>}
        {accounts && (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  {(['staffId', 'displayName', 'email', 'role', 'status', 'passwordChangedAt', 'actions'] as const).map(
                    (k) => (
                      <th key={k} scope="col">
                        {say(k, language)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => {
                  const own = actionsFor(a, session.staffId).own;
                  return (
                    <tr key={a.staffId}>
                      <td class="nowrap">
                        <code>{a.staffId}</code>
                      </td>
                      <td translate={false}>{a.displayName}</td>
                      <td translate={false}>{a.email}</td>
                      <td>
                        {ROLE_LABELS[a.role][language]}
                        {a.pendingOfficerGrant && (
                          <>
                            <br />
                            <span class="note">
                              {say(
                                actionsFor(a, session.staffId).officerGrant === 'expired'
                                  ? 'pendingExpired'
                                  : 'pendingGrant',
                                language,
                                grantWords(a.pendingOfficerGrant, language),
                              )}
                            </span>
                          </>
                        )}
                      </td>
                      <td>
                        <span class="nowrap">{say(a.status, language)}</span>
                        {a.status === 'disabled' && a.disabledAt && (
                          <>
                            <br />
                            <span class="note">
                              {say('disabledSince', language, {
                                at: japanTime(a.disabledAt, language),
                                by: a.disabledBy ?? '—',
                                reason: a.disabledReason ? DISABLE_REASON_LABELS[a.disabledReason][language] : '—',
                              })}
                            </span>
                          </>
                        )}
                      </td>
                      <td>{japanTime(a.passwordChangedAt, language)}</td>
                      <td>
                        <button
                          type="button"
                          class="quiet"
                          disabled={own}
                          aria-describedby={own ? `own-${a.staffId}` : undefined}
                          aria-label={say('manageName', language, { id: a.staffId })}
                          onClick={() => {
                            setAnswer(undefined);
                            setManaging(a.staffId);
                          }}
                        >
                          {say('manage', language)}
                        </button>
                        {own && (
                          <p class="note" id={`own-${a.staffId}`}>
                            {say('own', language)}
                          </p>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {account && (
        <ManagePanel
          key={account.staffId}
          session={session}
          language={language}
          account={account}
          onDone={done}
          onClose={() => setManaging(undefined)}
        />
      )}
      <CreateForm session={session} language={language} onDone={done} />
    </>
  );
}
