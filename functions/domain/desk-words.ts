// The company and its desk (policy §7) as people read them, in Japanese and English: the one source of
// the name, address, e-mail and hours the notice, the e-mails and the pages print. A leaf with no
// imports, so the web apps may bundle it.

/** The business that handles the personal data (APPI Art. 32(1)(i)): its name in each language. */
export const BUSINESS_NAME = { ja: 'メカラ合同会社', en: 'Mecara LLC' } as const;

/** Policy §7: the desk's name and address as each language writes them (Japanese from the prefecture down). */
export const DESK_CONTACT = {
  name: { ja: 'メカラ合同会社 個人データ開示相談窓口', en: 'Mecara LLC Personal Data Disclosure Consultation Desk' },
  address: {
    ja: '〒101-0054 東京都千代田区神田錦町1-23-8 9階',
    en: '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan',
  },
  email: 'info@aimicros.com',
} as const;

/** Policy §7: desk hours, Japan Standard Time (UTC+9, no daylight saving). */
export const DESK_OPENS_AT_HOUR = 9;
export const DESK_CLOSES_AT_HOUR = 17;
/** Policy §7: year-end and New Year holidays, 29 December to 3 January inclusive. */
export const YEAR_END_HOLIDAYS = { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } as const;

/** The desk's hours, for the notice and the e-mails' signature alike (each puts its own "hours" before it). */
export const DESK_HOURS_TEXT = {
  ja: `${DESK_OPENS_AT_HOUR}:00〜${DESK_CLOSES_AT_HOUR}:00（日本時間。土曜日、日曜日、祝日及び年末年始（${YEAR_END_HOLIDAYS.from.month}月${YEAR_END_HOLIDAYS.from.day}日〜${YEAR_END_HOLIDAYS.to.month}月${YEAR_END_HOLIDAYS.to.day}日）を除く）`,
  en: `${DESK_OPENS_AT_HOUR}:00-${DESK_CLOSES_AT_HOUR}:00 Japan time, except Saturdays, Sundays, national holidays and the year-end and New Year holidays (${YEAR_END_HOLIDAYS.from.day} December-${YEAR_END_HOLIDAYS.to.day} January)`,
} as const;
