// The words of a notification of the purposes of use (APPI Art. 32(2)): its name and the grounds on
// which the desk may decline. No imports, so the web apps bundle it as it is.

export const PURPOSE_NOTIFICATION_LABEL = { ja: '保有個人データの利用目的の通知', en: 'purpose-of-use notification' };

/**
 * Policy §8(2), APPI Art. 32(2) items (i)-(ii), the latter through Art. 21(4)(i)-(iii): the only
 * grounds on which the desk may decline to notify the purposes of use.
 */
export const PURPOSE_NOTIFICATION_REFUSAL_GROUNDS = [
  'purpose-already-clear',
  'harm-to-person-or-third-party',
  'harm-to-company-rights-or-interests',
  'cooperation-with-public-body',
] as const;
export type PurposeNotificationRefusalGround = (typeof PURPOSE_NOTIFICATION_REFUSAL_GROUNDS)[number];

export const PURPOSE_NOTIFICATION_REFUSAL_GROUND_LABELS = {
  // APPI Art. 32(2)(i) with Art. 32(1) and Art. 21(4)(iv).
  'purpose-already-clear': {
    ja: '取得の状況等からみて利用目的が明らかである場合（第32条第2項第1号）',
    en: 'The purpose of use is already clear to you, for instance from the circumstances in which the data was acquired (Art. 32(2)(i))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(i).
  'harm-to-person-or-third-party': {
    ja: '利用目的を通知することにより本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合（第32条第2項第2号、第21条第4項第1号）',
    en: 'Notifying the purpose could harm the life, body, property or other rights or interests of you or a third party (Art. 32(2)(ii), Art. 21(4)(i))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(ii).
  'harm-to-company-rights-or-interests': {
    ja: '利用目的を通知することにより当社の権利又は正当な利益を害するおそれがある場合（第32条第2項第2号、第21条第4項第2号）',
    en: 'Notifying the purpose could harm our rights or legitimate interests (Art. 32(2)(ii), Art. 21(4)(ii))',
  },
  // APPI Art. 32(2)(ii), Art. 21(4)(iii).
  'cooperation-with-public-body': {
    ja: '国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要がある場合であって、利用目的を通知することにより当該事務の遂行に支障を及ぼすおそれがある場合（第32条第2項第2号、第21条第4項第3号）',
    en: 'We must cooperate with a national or local public body performing duties prescribed by law, and notifying the purpose could impede those duties (Art. 32(2)(ii), Art. 21(4)(iii))',
  },
};
