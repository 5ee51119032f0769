// The e-mail telling a person that a purpose of use of their data changed (APPI Art. 21(3), policy
// §2(3)). The desk does not know each person's language, so it is written in Japanese and English.

import { createHash } from 'node:crypto';
import type { DeskContact } from '../company';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import type { PurposeVersion } from './registry';

export const PURPOSE_CHANGE_TOPIC = 'purpose-change';

/** One message per person per published version, whichever run or record reaches them first. */
export function purposeChangeMessageId(purposeId: string, version: number, subjectId: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([purposeId, version, subjectId]), 'utf8')
    .digest('hex');
  return `${PURPOSE_CHANGE_TOPIC}-${digest}`;
}

export function purposeChangeMessage(
  changed: PurposeVersion,
  previous: PurposeVersion | undefined,
  subjectId: string,
  addresses: readonly [string, ...string[]],
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  const before = previous ?? changed;
  const text =
    [
      `お客様の個人情報の利用目的を、変更前の利用目的と関連性を有すると合理的に認められる範囲内で、${formatJapanTime(changed.effectiveFrom, 'ja')}から次のとおり変更いたしました。`,
      '',
      `変更前: ${before.ja}`,
      `変更後: ${changed.ja}`,
      '',
      '変更後の利用目的は、当社の「個人情報の取扱いについて」で公表しております。ご不明な点は下記の窓口までお問い合わせください。',
      '',
      `We have changed a purpose of use of your personal information, within the scope reasonably related to the previous purpose, with effect from ${formatJapanTime(changed.effectiveFrom, 'en')}:`,
      '',
      `Before: ${before.en}`,
      `After: ${changed.en}`,
      '',
      'The purposes of use as changed are published in our privacy notice. If you have any questions, please contact the desk below.',
    ].join('\n') + bilingualSignature(desk);
  const message = outboxMessage(
    purposeChangeMessageId(changed.purposeId, changed.version, subjectId),
    addresses[0],
    { subject: '個人情報の利用目的の変更のお知らせ / Change to a purpose of use of your personal information', text },
    now,
    PURPOSE_CHANGE_TOPIC,
  );
  return { ...message, to: [...addresses] };
}
