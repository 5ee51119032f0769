// Every refusal the console can meet, in the staff member's words (ja/en), chosen by the problem's
// type (RFC 9457 §3.1: `urn:appi-desk:problem:<slug>`) and its extension members (§3.2), never the
// API's English detail on a Japanese page. A type not listed here is told by its HTTP status.
import {
  OUTSIDE_STAFF_NETWORK_PROBLEM,
  RATE_LIMITED_PROBLEM,
  SAFEGUARDS_LAPSED_PROBLEM,
} from '../../../functions/http/problem-words';
import type { Language, ProblemDetails } from '../request-form';
import { type Label, tooManyRequests } from '../text';
import { japanTime } from './japan-time';
import { waitInWords } from './text';

/** A problem as the console holds it: the members RFC 9457 defines, its extension members, and the Retry-After its answer gave. */
export type StaffProblem = ProblemDetails & { retryAfterSeconds?: number } & Record<string, unknown>;

const type = (slug: string) => `urn:appi-desk:problem:${slug}`;

function unavailable(problem: StaffProblem, language: Language): string {
  const wait = problem.retryAfterSeconds ? waitInWords(problem.retryAfterSeconds, language) : undefined;
  return language === 'ja'
    ? `デスクが利用するサービスが一時的に応答していないため、処理を完了できませんでした。何も変更していません。${wait ? `${wait}に` : '少し待ってから'}、もう一度お試しください。`
    : `A service the desk relies on is not answering just now; nothing was changed. Try again ${wait ?? 'in a moment'}.`;
}

const SESSION_ENDED: Label = {
  ja: 'ログインの有効期限が切れたか、ログインを確認できませんでした。もう一度ログインしてください。',
  en: 'Your sign-in has expired or could not be checked. Please sign in again.',
};

/** Words by problem type. A function gets the problem for the values its words need. */
const BY_TYPE: Record<string, Label | ((problem: StaffProblem, language: Language) => string)> = {
  // Sign-in (local/staff-sign-in.ts; Cognito says its own).
  [type('sign-in-failed')]: { ja: 'ユーザー名又はパスワードが正しくありません。', en: 'Wrong username or password.' },
  [type('account-locked')]: (problem, language) => {
    const until = typeof problem.lockedUntil === 'string' ? japanTime(problem.lockedUntil, language) : undefined;
    const when = until
      ? language === 'ja'
        ? `${until}以降`
        : `after ${until}`
      : problem.retryAfterSeconds
        ? waitInWords(problem.retryAfterSeconds, language)
        : undefined;
    return language === 'ja'
      ? `パスワードの誤りが続いたため、このアカウントはロックされています。${when ? `${when}に、もう一度お試しください。` : ''}お急ぎの場合は個人情報保護管理者にお問い合わせください。`
      : `This account is locked after too many wrong passwords.${when ? ` Try again ${when}.` : ''} If it cannot wait, ask the Information Security Officer.`;
  },
  [type('password-too-short')]: (problem, language) => {
    const min = String(problem.minLength ?? 14);
    const max = problem.maxLength ? String(problem.maxLength) : undefined;
    return language === 'ja'
      ? `新しいパスワードの長さが足りないか、長すぎます。${min}文字以上${max ? `${max}文字以下` : ''}にしてください。`
      : `The new password is too short or too long: use ${min}${max ? ` to ${max}` : ' or more'} characters.`;
  },
  [type('password-unchanged')]: {
    ja: '新しいパスワードは、現在のパスワードと異なるものにしてください。',
    en: 'The new password must differ from the current one.',
  },
  [type('password-changed-meanwhile')]: {
    ja: 'パスワードが別の操作で変更されました。最新のパスワードでログインしてください。',
    en: 'The password was changed meanwhile. Sign in with the newest password.',
  },
  [type('password-change-required')]: {
    ja: 'このパスワードは変更が必要です（仮パスワード）。新しいパスワードを設定してください。',
    en: 'This is a temporary password; please set a new one.',
  },
  [type('password-expired')]: {
    ja: 'パスワードの有効期限が切れています。新しいパスワードを設定してください。',
    en: 'The password has expired; please set a new one.',
  },
  [type('account-disabled')]: (problem, language) =>
    problem.status === 409
      ? language === 'ja'
        ? 'このアカウントは無効にされているため、管理者の役割を付与できません。'
        : 'That account is disabled, so it cannot be given the officer role.'
      : language === 'ja'
        ? 'このアカウントは無効にされています。個人情報保護管理者にお問い合わせください。'
        : 'This account is disabled. Ask the Information Security Officer.',
  [type('unauthenticated')]: SESSION_ENDED,
  [type('foreign-token')]: SESSION_ENDED,
  [type('forbidden-role')]: {
    ja: 'この操作はあなたの役割では行えません。役割が変わった場合は、ログインし直してください。',
    en: 'Your role cannot do this. If your role has changed, sign in again.',
  },
  // The safeguards gate (policy §6(2)): the banner above the page lists what is missing.
  [SAFEGUARDS_LAPSED_PROBLEM]: (problem, language) => {
    const rules = Number(problem.unacknowledgedRules ?? 0) > 0;
    const training = Number(problem.lapsedTrainings ?? 0) > 0;
    const what =
      language === 'ja'
        ? [rules ? '内部規程の確認' : '', training ? '研修の受講' : ''].filter(Boolean).join('と')
        : [rules ? 'acknowledging the rules' : '', training ? 'your training' : ''].filter(Boolean).join(' and ');
    return language === 'ja'
      ? `${what || '内部規程の確認又は研修の受講'}の期限が過ぎているため、個人データを扱う画面は利用できません。何も表示・変更していません。内部規程はコンソールで確認を記録し、研修の受講は個人情報保護管理者に記録を依頼してください。`
      : `The time for ${what || 'acknowledging the rules or your training'} has passed, so pages of personal data are refused to you; nothing was shown or changed. Record your acknowledgement of the rules in the console, and ask the Information Security Officer to record your training.`;
  },
  // The firewall and the platform.
  [RATE_LIMITED_PROBLEM]: (problem, language) => tooManyRequests(problem.retryAfterSeconds, language, { typed: false }),
  [OUTSIDE_STAFF_NETWORK_PROBLEM]: {
    ja: '担当者向けの機能は、社内のネットワークからのみ利用できます。社内のネットワークに接続してから、もう一度お試しください。',
    en: "Staff routes are reachable only from the company's network. Connect to it, then try again.",
  },
  [type('unavailable')]: (problem, language) => unavailable(problem, language),
  [type('access-log-busy')]: {
    ja: 'アクセス記録が混み合っていて記録できなかったため、何も表示・変更していません。少し待ってから、もう一度お試しください。',
    en: 'The access log could not take the entry just now, so nothing was shown or changed. Try again in a moment.',
  },
  [type('internal')]: {
    ja: 'デスクの側で問題が発生しました。何も変更していません。時間をおいてもう一度お試しください。続く場合は管理者に連絡してください。',
    en: 'Something went wrong on the desk’s side and nothing was changed. Try again later; if it persists, tell the administrator.',
  },
  [type('body-too-large')]: {
    ja: '送信内容が大きすぎるため、受け付けられませんでした。入力を短くしてください。',
    en: 'What was sent is too large to be taken. Shorten it.',
  },
  [type('validation')]: {
    ja: '入力内容に誤りがあります。各項目の説明を確認して、もう一度送信してください。',
    en: 'Some of what was sent is not valid. Check the fields, then send again.',
  },
  // Requests.
  [type('request-not-found')]: {
    ja: 'この受付番号の請求はありません（確認コードが入力されていない請求は表示されません）。請求一覧から開いてください。',
    en: 'There is no request with this number (a request whose code was never entered is not shown). Open it from the queue.',
  },
  [type('not-a-paper-disclosure')]: {
    ja: 'この請求の開示は電磁的記録（メールで送ったリンク）によるもので、印刷・郵送する書面はありません。',
    en: 'This disclosure is the electronic record the person was e-mailed a link to; there is nothing to print or post.',
  },
  // Reading a subject's data (functions/domain/personal-data/).
  [type('not-an-open-request')]: {
    ja: 'この受付番号の請求は対応中ではありません（完了・取下げ済み又は存在しません）。何も読み出していません。',
    en: 'That request is not open (closed, withdrawn or unknown). Nothing was read.',
  },
  [type('request-about-someone-else')]: {
    ja: 'この請求は、読み出そうとした本人についての請求ではありません。その本人についての請求を選ぶか、利用目的を選んでください。何も読み出していません。',
    en: 'That request is not about the person you are reading. Choose the request about them, or a purpose of use. Nothing was read.',
  },
  [type('not-a-purpose-of-use')]: {
    ja: '公表している有効な利用目的ではありません。何も読み出していません。',
    en: 'That is not a published, active purpose of use. Nothing was read.',
  },
  [type('one-reason-needed')]: {
    ja: '請求か利用目的のどちらか一つを選んでください。',
    en: 'Give one reason: a request or a purpose of use.',
  },
  [type('nothing-held')]: {
    ja: 'この本人IDの下に保有しているデータはありません（IDの誤り、又は消去済み）。',
    en: 'Nothing is held under this subject id (a wrong id, or everything is erased).',
  },
  // A correction's addition an earlier request of the person stopped (functions/domain/personal-data/suppression.ts).
  [type('suppressed-by-request')]: (problem, language) => {
    const request = typeof problem.requestId === 'string' ? problem.requestId : undefined;
    const when = typeof problem.decidedAt === 'string' ? japanTime(problem.decidedAt, language) : undefined;
    const which = request
      ? language === 'ja'
        ? `（受付番号 ${request}${when ? `、${when}決定` : ''}）`
        : ` (${request}${when ? `, decided ${when}` : ''})`
      : '';
    return language === 'ja'
      ? `本人の以前の請求${which}により、この個人データの消去又は利用停止が決まっているため、追加できません。何も変更していません。追加をやめるか、停止された利用目的以外の目的で追加してください。`
      : `An earlier request of the person${which} erased this data or stopped its use, so it cannot be added. Nothing was changed. Leave the addition out, or add it for a purpose whose use was not stopped.`;
  },
  // Lifting a cessation of provision.
  [type('no-cessation-of-provision-stands')]: {
    ja: 'この本人について停止中の第三者提供はありません。解除するものはありません。',
    en: 'No cessation of provision stands for this person; there is nothing to lift.',
  },
  [type('cessation-changed-meanwhile')]: {
    ja: '解除の間に、決定又は他の解除によりこの本人の停止が変更されました。何も解除していません。表示を消して読み直し、必要なら再度解除してください。',
    en: "A decision or another lift changed this person's cessation meanwhile; nothing was lifted. Hide the data, read it again, and lift again if it still applies.",
  },
  [type('no-such-cessation')]: {
    ja: '選んだ提供先への停止はありません（すべての第三者への停止は「すべての停止」で解除します）。何も解除していません。',
    en: 'No stop to a recipient chosen stands (a stop to every third party is lifted with "Every stop"). Nothing was lifted.',
  },
  // Staff accounts (functions/domain/accounts/).
  [type('account-exists')]: {
    ja: 'このユーザー名のアカウントは既にあります。別のユーザー名にするか、既存のアカウントの役割を変更してください。',
    en: "An account with this username exists. Choose another username, or change that account's role.",
  },
  [type('e-mail-in-use')]: {
    ja: 'このメールアドレスは他のアカウントで使われています。アカウントごとに、その本人のメールアドレスを登録してください。',
    en: 'Another account has this e-mail address. Each account needs the address of the person who signs in with it.',
  },
  [type('already-disabled')]: {
    ja: 'このアカウントは既に無効です。一覧を再読み込みしてください。',
    en: 'The account is already disabled. Reload the list.',
  },
  [type('already-active')]: {
    ja: 'このアカウントは既に有効です。一覧を再読み込みしてください。',
    en: 'The account is already active. Reload the list.',
  },
  [type('role-unchanged')]: {
    ja: 'このアカウントは既にその役割です。',
    en: 'The account already has that role.',
  },
  [type('changed-meanwhile')]: {
    ja: '操作中に他の人がこのアカウント（又はあなたのアカウント）を変更しました。一覧を再読み込みし、必要ならやり直してください。',
    en: 'Someone changed this account, or yours, meanwhile. Reload the list and try again if still needed.',
  },
  [type('not-your-own-account')]: {
    ja: 'ご自身のアカウントは無効化・役割変更できません。常に有効な管理者が必要なため、他の管理者に依頼してください。',
    en: 'You cannot disable or demote your own account: the desk must always keep an active officer. Ask another officer.',
  },
  [type('not-by-the-officer-who-asked')]: {
    ja: 'ご自身が申請した管理者の役割は確認できません。他の管理者が確認します。',
    en: 'You cannot confirm an officer role you asked for; another officer must.',
  },
  [type('no-officer-grant-pending')]: {
    ja: '確認を待つ管理者の役割の申請はありません。一覧を再読み込みしてください。',
    en: 'No officer role awaits confirmation. Reload the list.',
  },
  [type('officer-grant-expired')]: {
    ja: 'この申請は期限が切れています。必要なら改めて申請してください。',
    en: 'This request has expired; ask again if still needed.',
  },
  [type('officer-role-already-asked')]: {
    ja: 'この管理者の役割は既に申請中です。他の管理者の確認を待ってください。',
    en: 'The officer role is already asked for; it awaits another officer.',
  },
  [type('no-such-account')]: {
    ja: 'そのアカウントはありません。一覧を再読み込みしてください。',
    en: 'There is no such account. Reload the list.',
  },
  // The access log and the report.
  [type('empty-window')]: {
    ja: '期間の開始は終了より前にしてください。',
    en: 'The start of the period must be before its end.',
  },
  [type('window-too-wide')]: {
    ja: '一度に表示できる期間を超えています。期間を狭めてください。',
    en: 'The period is wider than one listing shows. Narrow it.',
  },
  [type('cursor-not-recognised')]: {
    ja: '続きのページを読み込めませんでした。最初から表示し直してください。',
    en: 'The next page could not be loaded. Show the list again from the start.',
  },
  [type('cursor-and-filters-differ')]: {
    ja: '条件が変わったため、続きのページを読み込めませんでした。最初から表示し直してください。',
    en: 'The filters changed, so the next page could not be loaded. Show the list again from the start.',
  },
  [type('too-much-to-verify-in-one-call')]: {
    ja: 'アクセス記録が長すぎて、一度に検証できません。最近のダイジェストの日付から検証してください。',
    en: 'The access log is too long to verify in one go. Verify from a recent digest date.',
  },
  [type('no-digest-of-that-date')]: {
    ja: 'その日付のダイジェストはありません。別の日付を選ぶか、日付を空にして最初から検証してください。',
    en: 'There is no digest of that date. Choose another date, or leave it empty to verify from the start.',
  },
  // The incident register (APPI Art. 26).
  [type('no-such-incident')]: {
    ja: 'この番号の事案はありません。事案の一覧から開いてください。',
    en: 'There is no incident with this number. Open it from the list of incidents.',
  },
  [type('incident-changed-meanwhile')]: {
    ja: 'あなたが開いた後に、他の人がこの事案を変更したため、何も保存していません。再読み込みして最新の内容を確認し、必要ならやり直してください。',
    en: 'Someone changed this incident after you opened it, so nothing was saved. Reload to see the latest, then try again if still needed.',
  },
  [type('incident-closed')]: {
    ja: 'この事案は終了しているため、変更できません。',
    en: 'This incident is closed, so it cannot be changed.',
  },
  [type('incident-registered-already')]: {
    ja: 'この事案は既に登録されています。再読み込みしてください。',
    en: 'This incident is registered already. Reload the page.',
  },
  [type('incident-already-opened')]: (problem, language) => {
    const id = typeof problem.incidentId === 'string' ? problem.incidentId : '';
    return language === 'ja'
      ? `この警告からは既に事案の下書き${id ? `（${id}）` : ''}が作成されています。`
      : `A draft incident${id ? ` (${id})` : ''} was already opened from this alert.`;
  },
  [type('no-such-alert')]: {
    ja: 'この警告は見つかりませんでした。一覧を再読み込みしてください。',
    en: 'This alert was not found. Reload the list.',
  },
  [type('range-ends-before-it-starts')]: {
    ja: '期間の開始日は終了日以前にしてください。',
    en: 'The first day must be on or before the last day.',
  },
  // Anonymously processed information: why a run was refused (nothing written, nothing published).
  [type('anonymisation-model-unmet')]: {
    ja: 'プライバシーモデル（k-匿名性・l-多様性）を、削除（抑制）してよい記録の上限の範囲では満たせませんでした。一般化の階層を粗くするか、準識別子を減らすか、上限を見直した定義で作成してください。',
    en: 'The privacy model (k-anonymity, l-diversity) could not be met within the share of records that may be left out. Define a dataset with coarser hierarchies, fewer quasi-identifiers or another limit.',
  },
  [type('anonymisation-definition-taken')]: {
    ja: 'この識別子の定義は既にあります。定義は置き換えられないため、別の識別子にしてください。',
    en: 'A definition with this identifier exists, and a definition is never replaced: choose another identifier.',
  },
  [type('anonymisation-definition-not-found')]: {
    ja: 'この定義は見つかりませんでした。匿名加工情報の一覧から開き直してください。',
    en: 'This definition was not found. Open it again from the list of definitions.',
  },
  [type('anonymisation-run-under-way')]: {
    ja: 'この定義の匿名加工情報は、いま作成中です。作成が終わってから、もう一度お試しください。何も変更していません。',
    en: 'A dataset of this definition is being created just now; try again once it is done. Nothing was changed.',
  },
  [type('anonymised-dataset-not-found')]: {
    ja: 'この匿名加工情報は見つかりませんでした。定義のページから開き直してください。',
    en: "This dataset was not found. Open it again from its definition's page.",
  },
  [type('anonymised-dataset-not-a-reader')]: {
    ja: 'この匿名加工情報を読めるのは、個人情報保護管理者と定義が指定した役割だけです。必要な場合は個人情報保護管理者に依頼してください。',
    en: 'Only the officer and the roles its definition names may read this dataset. Ask the officer if you need it.',
  },
  [type('anonymised-dataset-not-published')]: {
    ja: 'この匿名加工情報は公表されていない（作成中か、作成できなかった）ため、行はありません。',
    en: 'This dataset is not published (it is being made, or it was not created), so it has no rows.',
  },
  [type('anonymisation-hierarchy-gap')]: {
    ja: '一般化の階層が覆っていない値が登録簿にありました。その項目の階層（対応表の値、年齢の上限、区間）を見直した定義で作成してください。',
    en: 'The registry holds values a generalisation hierarchy does not cover. Define a dataset whose hierarchy for that item covers them (the table’s values, the top age, the intervals).',
  },
};

/** When the type says nothing the console knows: what the HTTP status means for the person. */
const BY_STATUS: Record<number, Label> = {
  400: BY_TYPE[type('validation')] as Label,
  401: SESSION_ENDED,
  403: BY_TYPE[type('forbidden-role')] as Label,
  404: {
    ja: '見つかりませんでした。既に削除されたか、番号が誤っています。一覧から開き直してください。',
    en: 'It was not found: it is gone or the number is wrong. Open it again from the list.',
  },
  409: {
    ja: '他の操作により内容が変わっていたため、何も変更していません。再読み込みして確認し、必要ならやり直してください。',
    en: 'It was changed by someone else meanwhile, so nothing was changed. Reload, check, and try again if still needed.',
  },
  410: {
    ja: '期限が過ぎたため、利用できなくなりました。',
    en: 'It is no longer available: its time has passed.',
  },
  413: BY_TYPE[type('body-too-large')] as Label,
  415: BY_TYPE[type('validation')] as Label,
  422: {
    ja: 'この内容では処理できません。入力内容を確認してください。何も変更していません。',
    en: 'This cannot be done as sent; check what you entered. Nothing was changed.',
  },
  423: {
    ja: 'ロックされているため、今は処理できません。時間をおいてお試しください。',
    en: 'It is locked just now; try again later.',
  },
  500: BY_TYPE[type('internal')] as Label,
};

const UNKNOWN: Label = {
  ja: 'この操作は受け付けられませんでした。内容を確認し、続く場合は管理者に連絡してください。',
  en: 'This was not accepted. Check what you sent; if it persists, tell the administrator.',
};

/** The problem in the person's words: by its type, else by its HTTP status. */
export function problemWords(problem: StaffProblem, language: Language): string {
  const known = problem.type ? BY_TYPE[problem.type] : undefined;
  if (typeof known === 'function') return known(problem, language);
  if (known) return known[language];
  if (problem.status === 429) return tooManyRequests(problem.retryAfterSeconds, language, { typed: false });
  if (problem.status === 503) return unavailable(problem, language);
  return (BY_STATUS[problem.status] ?? UNKNOWN)[language];
}

/** Whether the console has words of its own for this type (not only for its status). */
export const knownProblemType = (problem: { type?: string }) => Boolean(problem.type && BY_TYPE[problem.type]);
