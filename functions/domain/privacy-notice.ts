// GET /v1/privacy-notice: what the policy promises to publish (APPI Art. 21, 32(1)): purposes of
// use as the registry has them today and every change to them with its date (Art. 21(3)), sources,
// access information and its linkage, special care-required information, My Number, third-party
// provision, anonymised-information publications, the desk and its hours.
import { DESK_CLOSES_AT_HOUR, DESK_CONTACT, DESK_OPENS_AT_HOUR, YEAR_END_HOLIDAYS } from './desk';
import { RESPONSE_TARGET_DESK_DAYS } from './law';
import { MY_NUMBER_AFFAIRS } from './my-number/documents';
import { PERSONAL_DATA_CATEGORIES, SPECIAL_CARE_EXCEPTIONS } from './personal-data/categories';
import { ACQUISITION_SOURCES } from './personal-data/sources';
import { publishedView, purposeHistories } from './purposes/publishing';
import type { PurposeVersion } from './purposes/registry';
import { REQUEST_TYPES } from './requests/request-types';

/** The date of the notice's own text; a purpose published later makes that day the notice's version. */
export const PRIVACY_NOTICE_VERSION = '2026-11-25';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const japanDate = (iso: string) => new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString().slice(0, 10);

/** The notice's version: the later of its own text's date and the Japan date of the latest purpose published since the policy. */
export function privacyNoticeVersion(versions: readonly PurposeVersion[]): string {
  return versions.filter((v) => v.publishedBy !== 'policy')
    .map((v) => japanDate(v.effectiveFrom))
    .reduce((latest, date) => (date > latest ? date : latest), PRIVACY_NOTICE_VERSION);
}

const categoriesOfKind = (kind: 'access-information' | 'special-care') =>
  PERSONAL_DATA_CATEGORIES.filter((c) => c.kind === kind).map((c) => ({ id: c.id, ja: c.ja, en: c.en }));

export function privacyNotice(versions: readonly PurposeVersion[]) {
  const histories = purposeHistories(versions).map((h) => ({ current: publishedView(h.current), versions: h.versions.map(publishedView) }));
  return {
    version: privacyNoticeVersion(versions),
    business: 'Mecara LLC',
    purposesOfUse: histories.map((h) => h.current).filter((p) => p.status === 'active')
      .map((p) => ({ id: p.purposeId, ja: p.ja, en: p.en, version: p.version, effectiveFrom: p.effectiveFrom })),
    // APPI Art. 17(2), 21(3); policy §2(3), (4): every purpose added, changed or retired since the policy, newest first.
    purposeChanges: histories.flatMap((h) => h.versions.filter((v) => v.publishedBy !== 'policy').map((v) => {
      const previous = h.versions.find((p) => p.version === v.version - 1);
      return {
        id: v.purposeId,
        version: v.version,
        kind: v.change.kind,
        effectiveFrom: v.effectiveFrom,
        ja: v.ja,
        en: v.en,
        ...(previous && v.change.kind === 'changed' ? { previous: { ja: previous.ja, en: previous.en } } : {}),
      };
    })).sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom)),
    acquisitionSources: ACQUISITION_SOURCES.map((s) => ({ id: s.id, ja: s.ja, en: s.en })),
    // Policy §1: access information and its linkage to the personal information held.
    accessInformation: {
      categories: categoriesOfKind('access-information'),
      linkage: {
        ja: 'Cookie、ウェブビーコン、広告識別子等により取得したアクセス情報は、当社が保有するお客様の個人情報と紐付けて利用することがあります。その場合、紐付けたアクセス情報は個人情報として取り扱います。',
        en: 'Access information collected through cookies, web beacons, advertising identifiers and the like may be linked to the personal information we hold about you; once linked, it is handled as personal information.',
      },
    },
    // APPI Art. 20(2): special care-required information only with prior consent or under an exception.
    specialCareInformation: {
      categories: categoriesOfKind('special-care'),
      policy: {
        ja: '要配慮個人情報は、あらかじめご本人の同意を得た場合、又は個人情報の保護に関する法律第20条第2項各号に該当する場合を除き、取得しません。',
        en: 'Special care-required personal information is acquired only with your prior consent, or in the cases listed in APPI Art. 20(2).',
      },
      exceptions: SPECIAL_CARE_EXCEPTIONS.map((e) => ({ id: e.id, source: e.source, en: e.en })),
    },
    // My Number Act Art. 9, 19, 20: only the statutory affairs, never on consent, erased when no longer required.
    myNumber: {
      affairs: [...MY_NUMBER_AFFAIRS],
      policy: {
        ja: '個人番号（マイナンバー）は、法令で定められた税及び社会保険に関する事務（行政手続における特定の個人を識別するための番号の利用等に関する法律第9条）のためにのみ取得・利用し、ご本人の同意があってもそれ以外に利用・提供しません。法令で定められた保存期間を経過した後は速やかに削除します。',
        en: 'Individual Numbers (My Number) are acquired and used only for the statutory tax and social insurance affairs (My Number Act Art. 9), and are not used or provided for anything else even with consent. They are erased promptly once the statutory retention period has passed.',
      },
    },
    thirdPartyProvision: {
      // Policy §4: no provision without prior consent except the Act's exceptions.
      policy: 'Personal data is not provided to third parties without prior consent, except where the Act allows (APPI Art. 27(1)).',
      optOutItems: [],
    },
    anonymisedInformationPublications: [],
    requests: {
      accepted: REQUEST_TYPES.map((t) => t.type),
      howToRequest: 'POST /v1/requests; the desk e-mails a six-digit code to confirm the requester.',
      inPerson: false,
      fees: [],
      answerWithinDeskDays: RESPONSE_TARGET_DESK_DAYS,
    },
    desk: {
      ...DESK_CONTACT,
      hours: {
        timeZone: 'Asia/Tokyo',
        opens: `${String(DESK_OPENS_AT_HOUR).padStart(2, '0')}:00`,
        closes: `${DESK_CLOSES_AT_HOUR}:00`,
        closedOn: ['Saturday', 'Sunday', 'national holidays',
          `year-end and New Year holidays (${YEAR_END_HOLIDAYS.from.month}/${YEAR_END_HOLIDAYS.from.day}-${YEAR_END_HOLIDAYS.to.month}/${YEAR_END_HOLIDAYS.to.day})`],
      },
    },
  };
}

export type PrivacyNotice = ReturnType<typeof privacyNotice>;
