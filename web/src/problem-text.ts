// Every problem the Privacy Center can meet, in the reader's language, from the problem's type
// (urn:appi-desk:problem:<slug>, RFC 9457 §3.1.1) and its extension members (§3.2): the API's English
// `detail` is for API callers and is never shown on a Japanese page. A type the page does not know is
// said by its HTTP status, so a new problem is still told in the person's words.
import type { FieldSpec, Language, PlacedErrors, ProblemDetails } from './request-form';
import { FIELD_LABELS, formatTime, type Label, localised, tooManyRequests } from './text';

/** Where a problem was met: a generic type (not found, conflict) means different things on each step. */
export type ProblemContext =
  | 'request-form'
  | 'code'
  | 'resend'
  | 'status'
  | 'withdrawal'
  | 'consents-address'
  | 'consents-code'
  | 'consents-list'
  | 'consent-withdrawal'
  | 'notice';

export interface Refusal {
  problem: ProblemDetails;
  retryAfterSeconds?: number;
}

const PREFIX = 'urn:appi-desk:problem:';

/** The slug of a problem's type ("wrong-code"); a type from elsewhere, or none, gives undefined. */
export function problemSlug(problem: ProblemDetails): string | undefined {
  return problem.type?.startsWith(PREFIX) ? problem.type.slice(PREFIX.length) : undefined;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A wait the API gave (Retry-After) in words, rounded up so that trying then works. */
function waitFor(seconds: number | undefined, language: Language): string {
  if (seconds === undefined) return language === 'ja' ? 'しばらく待ってから' : 'Wait a little';
  const [amount, ja, en] =
    seconds < 60 ? [Math.max(1, seconds), '秒', 'second'] : [Math.ceil(seconds / 60), '分', 'minute'];
  return language === 'ja' ? `約${amount}${ja}待ってから` : `Wait ${amount} ${en}${amount === 1 ? '' : 's'}`;
}

const UNAVAILABLE: Label = {
  ja: 'ただいま当社のシステムの一部が応答していないため、完了できませんでした。入力内容はそのまま残っています。{wait}、もう一度お試しください。',
  en: 'Part of our system is not answering just now, so this was not completed. What you typed is kept. {wait}, then try again.',
};

/** The words of each problem type, by slug; `{name}` is filled from the problem's extension members. */
const BY_TYPE: Record<string, Label> = {
  validation: { ja: '入力内容を確認してください。', en: 'Please check what you entered.' },
  'body-too-large': {
    ja: '送信内容が大きすぎます（上限 {maxKiB} KB）。文章を短くするか、いくつかのお申出に分けてください。入力内容はそのまま残っています。',
    en: 'What you sent is too large (at most {maxKiB} KB). Shorten the text, or split it into several requests. What you typed is kept.',
  },
  'gateway-REQUEST_TOO_LARGE': {
    ja: '送信内容が大きすぎます。文章を短くするか、いくつかのお申出に分けてください。入力内容はそのまま残っています。',
    en: 'What you sent is too large. Shorten the text, or split it into several requests. What you typed is kept.',
  },
  'not-own-address': {
    ja: 'ご本人からのお申出は、当社にご登録のご本人のメールアドレスからお送りください。',
    en: 'A request from the person themselves must come from the address registered with us.',
  },
  'wrong-code': {
    ja: '確認コードが違います。あと{attemptsLeft}回入力できます。',
    en: 'That code is not the one we sent. You can try {attemptsLeft} more times.',
  },
  'code-locked': {
    ja: '確認コードの誤りが続いたため、このコードでは確認できなくなりました。新しい確認コードを受け取ってください。',
    en: 'The code was wrong too many times, so it can no longer be used. Ask for a new code.',
  },
  'code-expired': {
    ja: '確認コードの有効期限（30分）が過ぎました。新しい確認コードを受け取ってください。',
    en: 'The code has expired (it is valid for 30 minutes). Ask for a new code.',
  },
  'code-resend-too-soon': {
    ja: '新しい確認コードは{resendAt}からお送りできます。先にお送りしたコードが届くまで、少しお待ちください。',
    en: 'A new code can be sent from {resendAt}. The code already sent may still arrive; please wait a little.',
  },
  'code-resend-limit': {
    ja: 'このお申出でお送りできる新しい確認コードは{maxResends}回までです。お手数ですが、フォームからもう一度お申し出ください。入力内容は残っています。',
    en: 'A request can have at most {maxResends} new codes. Please send the form again; what you typed is kept.',
  },
  'request-closed': {
    ja: 'このお申出はすでに「{requestStatus}」のため、取り下げることはできません。',
    en: 'This is already "{requestStatus}", so it can no longer be withdrawn.',
  },
  'session-expired': {
    ja: '確認の有効期限が切れました。もう一度メールアドレスを入力してください。',
    en: 'Your confirmation has expired. Enter your e-mail address again.',
  },
  'consent-not-found': {
    ja: 'この同意は、ご入力のメールアドレスでは見つかりませんでした。画面を更新して、もう一度お試しください。',
    en: 'This consent is not held under your address. Reload the list and try again.',
  },
  unavailable: UNAVAILABLE,
  'access-log-busy': UNAVAILABLE,
  internal: {
    ja: '当社のシステムで問題が発生したため、完了できませんでした。何も変更されていません。時間をおいて、もう一度お試しください。',
    en: 'Something went wrong on our side and nothing was changed. Please try again later.',
  },
  'body-missing': {
    ja: '送信内容を読み取れませんでした。もう一度送信してください。',
    en: 'What was sent could not be read. Please send it again.',
  },
};
BY_TYPE['malformed-json'] = BY_TYPE['body-missing']!;
BY_TYPE['unsupported-media-type'] = BY_TYPE['body-missing']!;

/** A generic type (not found, conflict, locked) in the words of the step it was met on. */
const IN_CONTEXT: Partial<Record<ProblemContext, Record<string, Label>>> = {
  code: {
    'not-found': {
      ja: 'この受付番号で確認コードをお待ちしているお申出はありません。確認が済んでいるか、お申出から24時間が過ぎて失効しています。失効した場合は、フォームからもう一度お申し出ください。',
      en: 'Nothing with this number is waiting for a code: it is confirmed already, or it lapsed 24 hours after it was made. If it lapsed, please send the form again.',
    },
    conflict: {
      ja: 'ほかの操作と同時に処理されたため、確認できませんでした。もう一度入力してください。',
      en: 'This was handled at the same moment as another step, so it was not confirmed. Enter the code again.',
    },
  },
  status: {
    'not-found': {
      ja: 'このお申出を表示できません。鍵が正しくないか、保存期間が過ぎています。受付の際にお送りしたメールのリンクから開いてください。',
      en: 'This cannot be shown: the key does not match, or it is no longer kept. Open it from the link in the e-mail confirming it.',
    },
  },
  'consents-code': {
    'not-found': {
      ja: '確認コードの有効期限が切れたか、すでに使われています。もう一度メールアドレスを入力してください。',
      en: 'The code has expired or was used already. Enter your e-mail address again.',
    },
    'code-locked': {
      ja: '確認コードの誤りが続いたため、この確認は無効になりました。もう一度メールアドレスを入力して、新しいコードを受け取ってください。',
      en: 'The code was wrong too many times, so this confirmation no longer works. Enter your e-mail address again to get a new code.',
    },
  },
};
IN_CONTEXT.resend = IN_CONTEXT.code;
IN_CONTEXT.withdrawal = {
  ...IN_CONTEXT.status,
  conflict: {
    ja: 'お申出の状況が変わったため、取り下げられませんでした。最新の状況を確認して、必要ならもう一度お試しください。',
    en: 'Its status changed meanwhile, so it was not withdrawn. Look at the latest status and try again if need be.',
  },
};

/** The problem types the page has words of its own for, in any context. */
export function knownProblemSlugs(): string[] {
  return [...new Set([...Object.keys(BY_TYPE), ...Object.values(IN_CONTEXT).flatMap((words) => Object.keys(words))])];
}

/** What each HTTP status means when the type is one the page does not know. */
function byStatus(status: number): Label {
  if (status === 413) return BY_TYPE['gateway-REQUEST_TOO_LARGE']!;
  if (status === 503 || status === 502 || status === 504) return UNAVAILABLE;
  if (status >= 500) return BY_TYPE.internal!;
  if (status === 404 || status === 410)
    return {
      ja: 'お探しのものが見つからないか、有効期限が過ぎています。',
      en: 'What you are looking for was not found, or it has expired.',
    };
  if (status === 409)
    return {
      ja: 'ほかの操作と同時に処理されたため、完了できませんでした。状況を確認して、もう一度お試しください。',
      en: 'This was handled at the same moment as something else, so it was not completed. Check, then try again.',
    };
  if (status === 401 || status === 403)
    return {
      ja: 'この操作を行うことができません。最初からやり直してください。',
      en: 'This cannot be done from here. Please start again.',
    };
  return {
    ja: 'このお申出を処理できませんでした。入力内容を確認して、もう一度お試しください。',
    en: 'This could not be processed. Check what you entered and try again.',
  };
}

/** Labels of statuses for "already withdrawn"; given by the caller (text.ts STATUS_LABELS). */
export type StatusWords = Record<string, Label>;

/**
 * A refusal in the reader's words: the firewall's or the desk's wait, the words of the problem's type
 * filled with its members (a time in Japan time), else what its status means.
 */
export function problemMessage(
  refusal: Refusal,
  language: Language,
  context: ProblemContext,
  statusWords: StatusWords = {},
): string {
  const { problem, retryAfterSeconds } = refusal;
  const slug = problemSlug(problem);
  // The firewall's and the gateway's 429s: the wait from Retry-After; the desk's own "too soon" has words of its own.
  if (problem.status === 429 && slug !== 'code-resend-too-soon')
    return tooManyRequests(retryAfterSeconds, language, { typed: context === 'request-form' || context === 'code' });
  const words = (slug ? (IN_CONTEXT[context]?.[slug] ?? BY_TYPE[slug]) : undefined) ?? byStatus(problem.status);
  const maxBytes = numberOf(problem.maxBytes);
  const resendAt = stringOf(problem.resendAvailableAt);
  const requestStatus = stringOf(problem.requestStatus);
  return fill(words[language], {
    wait: waitFor(retryAfterSeconds, language),
    attemptsLeft: numberOf(problem.attemptsLeft) ?? '',
    maxKiB: maxBytes !== undefined ? Math.floor(maxBytes / 1024) : '',
    maxResends: numberOf(problem.maxResends) ?? '',
    resendAt: resendAt ? formatTime(resendAt, language) : '',
    requestStatus: requestStatus ? localised(statusWords[requestStatus], language) || requestStatus : '',
  });
}

/** The API's field messages (http/problem.ts, the contract's schemas) in Japanese; matched by their words. */
const FIELD_MESSAGES_JA: Array<[RegExp, string]> = [
  [/^is required$|^must not be empty$|^must say what happened$/, '入力してください。'],
  [/^must be an e-mail address/, 'メールアドレスを入力してください（例: hanako@example.jp）。'],
  [/^must be the six digits from the e-mail$/, 'メールでお送りした6桁の数字を入力してください。'],
  [/^is required for a paper copy/, '書面の送付先のご住所を入力してください。'],
  [/^must be one of/, '選択肢から選んでください。'],
  [/^must be the same address as subject\.email/, BY_TYPE['not-own-address']!.ja],
  [/well-formed/, '使用できない文字が含まれています。'],
];

/** One field's message in the reader's words; a too-long value says the field's maximum. */
export function fieldMessage(error: { message: string; maximum?: number | undefined }, language: Language): string {
  const maximum = error.maximum ?? Number(/^must be at most (\d+) characters/.exec(error.message)?.[1] ?? Number.NaN);
  if (Number.isFinite(maximum))
    return language === 'ja' ? `${maximum}文字以内で入力してください。` : `Use at most ${maximum} characters.`;
  if (language === 'en') {
    if (/^must be the same address as subject\.email/.test(error.message)) return BY_TYPE['not-own-address']!.en;
    return /^(is|must) /.test(error.message) ? `This ${error.message}.`.replace(/\.\.$/, '.') : error.message;
  }
  return FIELD_MESSAGES_JA.find(([pattern]) => pattern.test(error.message))?.[1] ?? '入力内容を確認してください。';
}

/** The label of a field the API named ("body.details.items.0.content"), in the reader's words. */
function fieldLabel(field: string, language: Language): string | undefined {
  const path = field.replace(/^body\./, '').replace(/\.\d+\./g, '.#.');
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const label = localised(FIELD_LABELS[p], language);
    if (label) return label;
  }
  return undefined;
}

/**
 * The problem placed on the form: each field's messages next to the field, in the reader's words;
 * what names no field shown goes to the summary, by the field's label, never its JSON path.
 */
export function placeProblem(
  refusal: Refusal,
  fields: readonly Pick<FieldSpec, 'path'>[],
  language: Language,
  context: ProblemContext,
): PlacedErrors {
  const { problem } = refusal;
  const shown = new Set(fields.map((f) => f.path));
  const placed: PlacedErrors = { byField: {}, general: [] };
  for (const error of problem.errors ?? []) {
    let path = error.field.replace(/^body\./, '');
    if (!shown.has(path) && path.startsWith('subject.')) path = path.replace(/^subject\./, 'requester.');
    while (!shown.has(path) && path.includes('.')) path = path.slice(0, path.lastIndexOf('.'));
    const message = fieldMessage(error, language);
    if (shown.has(path)) (placed.byField[path] ??= []).push(message);
    else {
      const label = fieldLabel(error.field, language);
      placed.general.push(label ? `${label}: ${message}` : message);
    }
  }
  if (!problem.errors?.length) placed.general.push(problemMessage(refusal, language, context));
  placed.general = [...new Set(placed.general)];
  return placed;
}
