// The e-mail telling a person that a leak, loss or damage involved their personal data (APPI Art. 26(2),
// Enforcement Rules Art. 10): the Rules' items from the incident's current version, and the desk to
// contact. The registry holds no language per person, so, like the purpose-change notice, it is written
// in Japanese and then English. It is the same text for every person of the incident: it names no one,
// so it can never carry another person's data.

import { createHash } from 'node:crypto';
import type { DeskContact } from '../company';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { categoryById } from '../personal-data/categories';
import { bilingualSignature } from '../requests/notifications';
import type { Incident } from './incident';
import { INCIDENT_KIND_WORDS } from './incident-words';
import { NOTICE_ITEMS, type NoticeItemId } from './notice-items';
import { NOTICE_ITEM_WORDS } from './notice-words';

export const INCIDENT_NOTICE_TOPIC = 'incident-notice';

/** One message per person per incident, whichever decision reaches them: a second put of it is refused. */
export function incidentNoticeMessageId(incidentId: string, subjectId: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([incidentId, subjectId]), 'utf8')
    .digest('hex');
  return `${INCIDENT_NOTICE_TOPIC}-${digest}`;
}

type Language = 'ja' | 'en';

function itemText(incident: Incident, id: NoticeItemId, language: Language): string {
  switch (id) {
    case 'overview':
      return incident.summary.trim();
    case 'data-items':
      return [
        ...incident.categories.map((c) => categoryById(c)?.[language] ?? c),
        ...incident.dataItems.map((d) => d.trim()),
      ]
        .map((line) => `- ${line}`)
        .join('\n');
    case 'cause':
      return incident.cause.trim();
    case 'secondary-damage':
      return incident.secondaryDamage.trim();
    case 'other':
      return incident.other.trim();
  }
}

/** The Rules' items the incident states, numbered, in one language; an optional item left empty is left out. */
export function noticeItemsText(incident: Incident, language: Language): string {
  return NOTICE_ITEMS.map((item) => ({ item, text: itemText(incident, item.id, language) }))
    .filter(({ item, text }) => item.required || text !== '')
    .map(({ item, text }, n) => `${n + 1}. ${NOTICE_ITEM_WORDS[item.id][language]}\n${text}`)
    .join('\n\n');
}

function kindsText(incident: Incident, language: Language): string {
  return incident.kinds.map((k) => INCIDENT_KIND_WORDS[k][language]).join(language === 'ja' ? '・' : ', ');
}

export function incidentNoticeText(incident: Incident, desk: DeskContact): { subject: string; text: string } {
  const ja = [
    'お客様',
    '',
    `このたび、当社が取り扱うお客様の個人データについて、${kindsText(incident, 'ja')}が発生し、又は発生したおそれがあることが判明しました。個人情報の保護に関する法律第26条第2項に基づき、次のとおりお知らせいたします。お客様には多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。`,
    '',
    noticeItemsText(incident, 'ja'),
    '',
    `事案番号: ${incident.incidentId}`,
    'ご不明な点は、事案番号を添えて下記の窓口までお問い合わせください。',
  ];
  const en = [
    'Dear customer,',
    '',
    `We have found that personal data of yours that we handle was or may have been affected by a ${kindsText(incident, 'en').toLowerCase()}. As the Act on the Protection of Personal Information requires (Art. 26(2)), we tell you the following. We sincerely apologise for the trouble and concern this causes you.`,
    '',
    noticeItemsText(incident, 'en'),
    '',
    `Incident reference: ${incident.incidentId}`,
    'If you have any questions, contact the desk below and quote the incident reference.',
  ];
  return {
    subject: '個人データの漏えい等に関するお知らせ / Notice about your personal data',
    text: `${ja.join('\n')}\n\n----\n\n${en.join('\n')}${bilingualSignature(desk)}`,
  };
}

export function incidentNoticeMessage(
  incident: Incident,
  subjectId: string,
  address: string,
  now: Date,
  desk: DeskContact,
): OutboxMessage {
  return outboxMessage(
    incidentNoticeMessageId(incident.incidentId, subjectId),
    address,
    incidentNoticeText(incident, desk),
    now,
    INCIDENT_NOTICE_TOPIC,
  );
}
