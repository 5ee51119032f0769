// The words of the console's frame and sign-in, in Japanese (the default) and English. Each page keeps
// its own table next to it.
import { OUTSIDE_STAFF_NETWORK_PROBLEM } from '../../../functions/http/problem-words';
import type { Language } from '../request-form';
import { type Label, tooManyRequests } from '../text';
import type { StaffRole } from './session';

export type { Language };

const T = {
  consoleName: { ja: 'プライバシーデスク 担当者コンソール', en: 'Privacy desk console' },
  skip: { ja: '本文へ移動', en: 'Skip to the content' },
  navigation: { ja: 'コンソールのメニュー', en: 'Console menu' },
  language: { ja: '表示言語', en: 'Language' },
  signedInAs: { ja: 'ログイン中', en: 'Signed in as' },
  role: { ja: '役割', en: 'Role' },
  signOut: { ja: 'ログアウト', en: 'Sign out' },
  navQueue: { ja: '請求一覧', en: 'Request queue' },
  navSubjects: { ja: '本人の検索', en: 'Subjects' },
  navAccounts: { ja: '担当者アカウント', en: 'Staff accounts' },
  navAccessLog: { ja: 'アクセス記録', en: 'Access log' },
  navReport: { ja: '対応状況レポート', en: 'Request report' },
  navHolders: { ja: '保有先', en: 'Holders' },
  navIncidents: { ja: '漏えい等の事案', en: 'Incidents' },
  navAudits: { ja: '監査', en: 'Audits' },
  navAnonymisation: { ja: '匿名加工情報', en: 'Anonymised information' },
  navInternalRules: { ja: '社内規程・マニュアル', en: 'Internal rules' },
  navTraining: { ja: '教育・研修', en: 'Training' },
  notFound: { ja: 'ページが見つかりません。', en: 'Page not found.' },
  notAllowed: { ja: 'このページはあなたの役割では利用できません。', en: 'Your role cannot use this page.' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  network: {
    ja: 'サーバーに接続できませんでした。時間をおいて、もう一度お試しください。',
    en: 'The server could not be reached. Please try again in a moment.',
  },
  signInTitle: { ja: '担当者ログイン', en: 'Staff sign-in' },
  username: { ja: 'ユーザー名', en: 'Username' },
  password: { ja: 'パスワード', en: 'Password' },
  signIn: { ja: 'ログイン', en: 'Sign in' },
  signInWithCognito: { ja: '組織のアカウントでログイン', en: 'Sign in with your organisation account' },
  signingIn: { ja: 'ログインしています…', en: 'Signing in…' },
  expired: {
    ja: 'ログインの有効期限が切れました。もう一度ログインしてください。ログイン後、開いていたページに戻ります。',
    en: 'Your sign-in has expired. Please sign in again; you will return to the page you were on.',
  },
  signedOut: { ja: 'ログアウトしました。', en: 'You have signed out.' },
  mustChange: {
    ja: 'このパスワードは変更が必要です（仮パスワード又は有効期限切れ）。新しいパスワードを設定してください。',
    en: 'This password must be changed (a temporary or expired password). Please set a new one.',
  },
  newPassword: { ja: '新しいパスワード', en: 'New password' },
  changePassword: { ja: 'パスワードを変更してログイン', en: 'Change the password and sign in' },
  callbackFailed: {
    ja: 'ログインを完了できませんでした。もう一度ログインしてください。',
    en: 'The sign-in could not be completed. Please sign in again.',
  },
  outsideStaffNetwork: {
    ja: '担当者向けの機能は、社内のネットワークからのみ利用できます。社内のネットワークに接続してから、もう一度お試しください。',
    en: "Staff routes are reachable only from the company's network. Connect to it, then try again.",
  },
} satisfies Record<string, Label>;

export type DeskTextKey = keyof typeof T;

export function t(key: DeskTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The firewall's refusals in the console's words; undefined for a problem shown as the API put it. */
export function refusalInWords(
  problem: { status: number; type?: string; retryAfterSeconds?: number },
  language: Language,
): string | undefined {
  if (problem.status === 429) return tooManyRequests(problem.retryAfterSeconds, language, { typed: false });
  if (problem.type === OUTSIDE_STAFF_NETWORK_PROBLEM) return t('outsideStaffNetwork', language);
  return undefined;
}

export const ROLE_LABELS: Record<StaffRole, Label> = {
  operator: { ja: '窓口担当者', en: 'Operator' },
  officer: { ja: '個人情報保護管理者', en: 'Officer' },
  auditor: { ja: '監査担当者', en: 'Auditor' },
};

/** A wait in seconds (a Retry-After) in words: "in about 15 minutes", rounded up to the minute. */
export function waitInWords(seconds: number, language: Language): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60)
    return language === 'ja' ? `約${minutes}分後` : `in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return language === 'ja' ? `約${hours}時間後` : `in about ${hours} hour${hours === 1 ? '' : 's'}`;
}
