// E-mails about staff accounts: to the Information Security Officer for every change (bilingual in
// one message), and to a new member of staff with their local temporary password.
import type { DeskContact } from '../company';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import type { StaffMember } from '../staff';
import { PASSWORD_MIN_LENGTH } from '../staff-passwords';

export interface AccountChangeNotice {
  staffId: string;
  by: string;
  at: string;
  what: { ja: string; en: string };
  reason?: string;
}

export function accountChangeMessage(
  messageId: string,
  recipients: readonly string[],
  notice: AccountChangeNotice,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  const reason = notice.reason
    ? { ja: `\n理由: ${notice.reason}`, en: `\nReason: ${notice.reason}` }
    : { ja: '', en: '' };
  const message = outboxMessage(
    messageId,
    recipients[0]!,
    {
      subject: `スタッフアカウントの変更 / Staff account changed: ${notice.staffId}`,
      text:
        [
          `スタッフアカウント ${notice.staffId} を変更しました: ${notice.what.ja}`,
          `変更者: ${notice.by}\n日時: ${formatJapanTime(notice.at, 'ja')}${reason.ja}`,
          'お心当たりのない変更は、直ちにデスクの画面の「アクセスログ」を確認してください。',
          '',
          `The staff account ${notice.staffId} was changed: ${notice.what.en}`,
          `By: ${notice.by}\nAt: ${formatJapanTime(notice.at, 'en')}${reason.en}`,
          'If you do not recognise this change, check the access log in the desk console at once.',
        ].join('\n') + bilingualSignature(desk),
    },
    now,
    'staff-account',
  );
  return { ...message, to: [...recipients] };
}

export function temporaryPasswordMessage(
  messageId: string,
  account: StaffMember,
  temporaryPassword: string,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  return outboxMessage(
    messageId,
    account.email,
    {
      subject: '個人データ窓口 スタッフアカウントの仮パスワード / Your temporary desk password',
      text:
        [
          `${account.displayName} 様`,
          `個人データ窓口のスタッフアカウント（ユーザー名 ${account.staffId}）を作成しました。仮パスワードは次のとおりです。`,
          `\n    ${temporaryPassword}\n`,
          `デスクの画面でこの仮パスワードでサインインすると、新しいパスワード（${PASSWORD_MIN_LENGTH}文字以上）への変更を求められます。変更してからご利用ください。`,
          '',
          `Dear ${account.displayName},`,
          `a desk staff account (username ${account.staffId}) was created for you. Your temporary password is above.`,
          `Sign in to the desk console with it: you will be asked to choose a new password of at least ${PASSWORD_MIN_LENGTH} characters before you go on.`,
        ].join('\n') + bilingualSignature(desk),
    },
    now,
    'staff-temporary-password',
  );
}
