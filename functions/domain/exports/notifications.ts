// The e-mails of an export request, in Japanese and English in one message (staff have no language
// on file): to the officer when one is made, and to the requester with the decision. The approval
// e-mail carries the link, never the data. How to review, decide and download through the API is in
// the API reference, not in the e-mail.
import type { DeskContact } from '../company';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import { EXPORT_LINK_LIFETIME_HOURS, type ExportRequest } from './rules';

export const EXPORT_TOPIC = 'export';

const exportUrl = (publicBaseUrl: string, exportId: string) => `${publicBaseUrl}/v1/staff/exports/${exportId}`;

export function exportRequestedMessage(
  request: ExportRequest,
  officer: string,
  publicBaseUrl: string,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  const { exportId, requestedBy, subjectIds, categories, format, reason, note } = request;
  const text =
    [
      `${requestedBy} が個人データの持出し（エクスポート）を申請しました。承認又は却下してください。申請者本人は承認できません。`,
      '',
      `申請番号: ${exportId}`,
      `対象者数: ${subjectIds.length}`,
      `項目: ${categories.join(', ')}`,
      `形式: ${format}`,
      `理由: ${reason}`,
      ...(note ? [`備考: ${note}`] : []),
      '',
      `申請の内容: ${exportUrl(publicBaseUrl, exportId)}`,
      '承認又は却下は、この申請番号を指定して行ってください（方法は API リファレンスの「エクスポート」に記載しています）。',
      '',
      `${requestedBy} asks to export personal data. Approve or refuse the request; the requester may not approve it.`,
      '',
      `Export: ${exportId}`,
      `Subjects: ${subjectIds.length}`,
      `Categories: ${categories.join(', ')}`,
      `Format: ${format}`,
      `Reason: ${reason}`,
      ...(note ? [`Note: ${note}`] : []),
      '',
      `The request: ${exportUrl(publicBaseUrl, exportId)}`,
      "Approve or refuse it by its export number (the API reference's exports section says how).",
    ].join('\n') + bilingualSignature(desk);
  return outboxMessage(
    `${EXPORT_TOPIC}-requested-${exportId}`,
    officer,
    { subject: `個人データ持出し申請 / Export request ${exportId}`, text },
    now,
    `${EXPORT_TOPIC}-requested`,
  );
}

export function exportApprovedMessage(
  request: ExportRequest,
  requesterEmail: string,
  token: string,
  publicBaseUrl: string,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  const link = `${exportUrl(publicBaseUrl, request.exportId)}/download/${token}`;
  const until = request.linkExpiresAt!;
  const text =
    [
      `個人データの持出し申請 ${request.exportId} は ${request.decision!.by} により承認されました。`,
      `Export request ${request.exportId} was approved by ${request.decision!.by}.`,
      '',
      `次のリンクから、ご自身のスタッフアカウントでサインインした状態でダウンロードしてください。リンクは1回限り有効で、${formatJapanTime(until, 'ja')}（承認から${EXPORT_LINK_LIFETIME_HOURS}時間）に失効します。`,
      `Download it from this link while signed in with your own staff account. The link works once and expires at ${formatJapanTime(until, 'en')} (${EXPORT_LINK_LIFETIME_HOURS} hours after approval).`,
      '',
      `    ${link}`,
      '',
      'ダウンロードした内容は社内規程に従って管理し、目的を終えたら消去してください。ダウンロードはアクセスログに記録されます。',
      "Keep what you download as the desk's rules require and delete it when its purpose is served. The download is recorded in the access log.",
    ].join('\n') + bilingualSignature(desk);
  return outboxMessage(
    `${EXPORT_TOPIC}-approved-${request.exportId}`,
    requesterEmail,
    { subject: `個人データ持出しの承認 / Export ${request.exportId} approved`, text },
    now,
    `${EXPORT_TOPIC}-approved`,
  );
}

export function exportRefusedMessage(
  request: ExportRequest,
  requesterEmail: string,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  const { by, reason } = request.decision!;
  const text =
    [
      `個人データの持出し申請 ${request.exportId} は ${by} により却下されました。`,
      '',
      `理由: ${reason}`,
      '',
      `Export request ${request.exportId} was refused by ${by}.`,
      '',
      `Reason: ${reason}`,
    ].join('\n') + bilingualSignature(desk);
  return outboxMessage(
    `${EXPORT_TOPIC}-refused-${request.exportId}`,
    requesterEmail,
    { subject: `個人データ持出しの却下 / Export ${request.exportId} refused`, text },
    now,
    `${EXPORT_TOPIC}-refused`,
  );
}
