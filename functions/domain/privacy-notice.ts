// GET /v1/privacy-notice: what the policy promises to publish (APPI Art. 21, 32(1)): purposes of
// use as the registry has them today and every change to them with its date (Art. 21(3)), sources,
// access information and its linkage, special care-required information, My Number, third-party
// provision, anonymised-information publications, the desk and its hours, and how to make a
// request (Art. 32(1) item 3, 37, 38): procedure, who may ask, fees, when the answer is due. The
// business's name, address and representative, its officer and any accredited organisation (Art.
// 32(1)(i), (iv)) come from the company's configuration; the security measures taken (Cabinet Order
// Art. 10(i)) from what the desk enforces.

import type { AnonymisedPublication } from './anonymisation/ports';
import { ANONYMISED_INFORMATION_POLICY } from './anonymisation/words';
import { type Company, DEMO_COMPANY, deskHoursText } from './company';
import { SUBJECT_TOKEN_LIFETIME_SECONDS } from './consents/rules';
import { DEFAULT_DESK_SETTINGS, type DeskSettings } from './desk';
import { japanDay } from './kernel/calendar';
import {
  ACCESS_LOG_RETENTION_SECONDS,
  LATEST_ANSWER_CALENDAR_DAYS,
  SECONDS,
  VERIFICATION_CODE_DIGITS,
  VERIFICATION_CODE_LIFETIME_SECONDS,
  VERIFICATION_MAX_ATTEMPTS,
} from './kernel/law';
import { MY_NUMBER_AFFAIRS } from './my-number/documents';
import { PERSONAL_DATA_CATEGORIES, SPECIAL_CARE_EXCEPTIONS } from './personal-data/categories';
import { USE_EXCEPTION_WORDS } from './personal-data/exception-words';
import { ACQUISITION_SOURCES } from './personal-data/sources';
import { type Recipient, thirdPartyProvisionNotice } from './provisions/recipients';
import { publishedView, purposeHistories } from './purposes/publishing';
import type { PurposeVersion } from './purposes/registry';
import { feeFor } from './requests/fees';
import { REQUESTER_KINDS } from './requests/request';
import type { Label } from './requests/request-type';
import { REQUEST_TYPE_SCHEMAS } from './requests/types/schemas';
import {
  AUTHORITY_DOCUMENT_IDS,
  AUTHORITY_DOCUMENTS,
  IDENTITY_DOCUMENT_IDS,
  IDENTITY_DOCUMENTS,
} from './requests/verify-representative';
import { BUSINESS_NOTICE_WORDS } from './safeguards/measures-words';
import { type SecurityMeasureFacts, securityMeasures } from './safeguards/security-measures';
import { PASSWORD_MAX_AGE_DAYS } from './staff-passwords';

/** The date of the notice's own text; a purpose published later makes that day the notice's version. */
export const PRIVACY_NOTICE_VERSION = '2026-11-26';

/** The notice's version: the later of its own text's date and the Japan date of the latest purpose published since the policy. */
export function privacyNoticeVersion(versions: readonly PurposeVersion[]): string {
  return versions
    .filter((v) => v.publishedBy !== 'policy')
    .map((v) => japanDay(new Date(v.effectiveFrom)))
    .reduce((latest, date) => (date > latest ? date : latest), PRIVACY_NOTICE_VERSION);
}

const categoriesOfKind = (kind: 'access-information' | 'special-care') =>
  PERSONAL_DATA_CATEGORIES.filter((c) => c.kind === kind).map((c) => ({ id: c.id, ja: c.ja, en: c.en }));

/** Policy §7, §8: who may make a request. */
const REQUESTER_LABELS: Record<(typeof REQUESTER_KINDS)[number], Label> = {
  self: { ja: 'ご本人', en: 'The person themselves' },
  'legal-representative': {
    ja: '未成年者又は成年被後見人の法定代理人',
    en: 'A legal representative of a minor or an adult ward',
  },
  agent: { ja: 'ご本人が委任した代理人', en: 'An agent appointed by the person' },
};

const codeMinutes = VERIFICATION_CODE_LIFETIME_SECONDS / SECONDS.MINUTE;

const tokenMinutes = SUBJECT_TOKEN_LIFETIME_SECONDS / SECONDS.MINUTE;

/**
 * Routes and fields are for the companies' systems and belong in the API reference, which the
 * notice names in words; the Privacy Center serves it beside its pages.
 */
export const API_REFERENCE = {
  href: '/docs/api',
  ja: '当社のシステムや開発者の方が、請求、同意の確認等をプログラムから行う方法は、API リファレンスに記載しています。',
  en: "For companies' systems and developers, the API reference describes how to make requests and see consents from a program.",
} as const;

/** Policy §2(2), §5; APPI Art. 27(1), 28(1): how the person sees the consents they gave and withdraws one, without an account. */
const yourConsents = {
  steps: [
    {
      ja: `プライバシーセンターの「同意の確認・撤回」のページで、ご登録のメールアドレスを入力してください。${VERIFICATION_CODE_DIGITS}桁の確認コードをお送りします。`,
      en: `On the Privacy Center's consents page, enter the e-mail address you gave us; a ${VERIFICATION_CODE_DIGITS}-digit confirmation code is e-mailed to it.`,
    },
    {
      ja: `確認コードを${codeMinutes}分以内に入力すると、その後${tokenMinutes}分間、同意の一覧（有効なもの及び撤回したもの）をご覧いただけます。`,
      en: `Enter the code within ${codeMinutes} minutes; for the next ${tokenMinutes} minutes you can see your consents, in force and withdrawn.`,
    },
    {
      ja: '有効な同意を撤回できます。撤回は次の利用及び提供の確認から効力を生じ、撤回の受領書をメールでお送りします。',
      en: 'Withdraw a consent in force. The withdrawal takes effect from the next check of a use or provision, and a receipt is e-mailed to you.',
    },
  ],
  ja: '同意はいつでも撤回できます。ご自身の同意は、次の手順でプライバシーセンターから確認及び撤回できます。当窓口へのご連絡でも承ります。',
  en: 'You may withdraw a consent at any time. You can see and withdraw your consents in the Privacy Center as follows, or by contacting the desk.',
};

function requestProcedures(settings: DeskSettings) {
  const deskDays = settings.responseDeskDays;
  return {
    accepted: REQUEST_TYPE_SCHEMAS.map((t) => t.type),
    procedure: {
      ja: '請求及び苦情は、プライバシーセンターの請求フォームに、請求の種類、請求者、対象となるご本人のメールアドレス及び必要な事項を入力して送信してください。',
      en: "Make a request or complaint with the Privacy Center's form, giving the type of request, who is asking, the e-mail address of the person concerned and the details the type needs.",
    },
    // APPI Art. 37(1), Cabinet Order Art. 12: how the requester is confirmed.
    verification: {
      method: 'e-mailed-code',
      codeDigits: VERIFICATION_CODE_DIGITS,
      codeValidMinutes: codeMinutes,
      attempts: VERIFICATION_MAX_ATTEMPTS,
      ja: `送信後、請求者のメールアドレスに${VERIFICATION_CODE_DIGITS}桁の確認コードをお送りします。${codeMinutes}分以内に入力していただき、請求者が確認された時点で受付となり、回答期限をお知らせします（${VERIFICATION_MAX_ATTEMPTS}回誤ると請求は無効となり、改めて請求していただきます）。`,
      en: `The desk then e-mails a ${VERIFICATION_CODE_DIGITS}-digit confirmation code to the requester, to be entered within ${codeMinutes} minutes; once it is, the request is received and you are told when the answer is due (after ${VERIFICATION_MAX_ATTEMPTS} wrong codes the request is locked and must be made again).`,
    },
    // APPI Art. 37(3), Cabinet Order Art. 13: a request may be made through a representative.
    whoMayRequest: REQUESTER_KINDS.map((kind) => ({ kind, ...REQUESTER_LABELS[kind] })),
    representatives: {
      ja: '代理人による請求の場合、当窓口が回答の前に代理権及び代理人ご本人であることを確認し、確認の方法を記録します。本人確認書類の写しは保管しません。',
      en: 'When a representative makes the request, the desk confirms their authority and identity before answering and records how it did so; it keeps no copies of identity documents.',
      authorityDocuments: AUTHORITY_DOCUMENT_IDS.map((id) => ({
        id,
        ja: AUTHORITY_DOCUMENTS[id].ja,
        en: AUTHORITY_DOCUMENTS[id].en,
      })),
      identityDocuments: IDENTITY_DOCUMENT_IDS.map((id) => ({ id, ...IDENTITY_DOCUMENTS[id] })),
    },
    // Policy §8: requests are never accepted at the office.
    inPerson: false,
    inPersonNotice: {
      ja: 'いずれの請求も、当社事務所へのご来社によるお申し出はお受けしておりません。',
      en: 'No request of any kind is accepted in person at our office.',
    },
    fees: REQUEST_TYPE_SCHEMAS.map((t) => ({ type: t.type, fee: feeFor(settings.fees, t.type) ?? 'none' })),
    feePolicy: {
      ja: '手数料は、利用目的の通知及び開示の請求に限り、実費を勘案して合理的と認められる範囲内で頂く場合があります（個人情報の保護に関する法律第38条）。その他の請求及び苦情は無料です。',
      en: 'A fee may be charged only for notification of the purpose of use and for disclosure, within an amount reasonable in view of the actual cost (APPI Art. 38). All other requests and complaints are free.',
    },
    answerWithinDeskDays: deskDays,
    // APPI Art. 39(1): the person may sue two weeks after the request reached the business.
    answerAtLatestCalendarDays: LATEST_ANSWER_CALENDAR_DAYS,
    answerTimeline: {
      ja: `受付から当窓口の営業日で${deskDays}日以内に回答します（受付時間外に届いた請求は次の受付開始時から数えます）。ただし、請求が当社に到達した日から${LATEST_ANSWER_CALENDAR_DAYS}日を超えることはありません。`,
      en: `The desk answers within ${deskDays} desk days of receiving a request (a request that arrives outside desk hours counts from the next opening), and never later than ${LATEST_ANSWER_CALENDAR_DAYS} calendar days after the request reached us.`,
    },
  };
}

/** The settings the security measures are stated from when a caller gives none: the defaults, region unknown. */
export const DEFAULT_SECURITY_FACTS: SecurityMeasureFacts = {
  accessLogRetentionDays: ACCESS_LOG_RETENTION_SECONDS / SECONDS.DAY,
  passwordMaxAgeDays: PASSWORD_MAX_AGE_DAYS,
  staffIpAllowList: false,
  region: undefined,
};

/** APPI Art. 32(1)(i), (iv): the business, its representative, its officer and any accredited organisation. */
function businessItems(company: Company) {
  return {
    name: company.name,
    address: company.address,
    representative: company.representative,
    securityOfficer: company.securityOfficer,
    accreditedOrganisation: company.accreditedOrganisation ?? null,
    ...(company.accreditedOrganisation
      ? {}
      : { noAccreditedOrganisation: BUSINESS_NOTICE_WORDS.noAccreditedOrganisation }),
  };
}

export function privacyNotice(
  versions: readonly PurposeVersion[],
  settings: DeskSettings = DEFAULT_DESK_SETTINGS,
  recipients: readonly Recipient[] = [],
  company: Company = DEMO_COMPANY,
  facts: SecurityMeasureFacts = DEFAULT_SECURITY_FACTS,
  anonymised: readonly AnonymisedPublication[] = [],
) {
  const { hours } = company.desk;
  const closure = hours.yearEndClosure;
  const histories = purposeHistories(versions).map((h) => ({
    current: publishedView(h.current),
    versions: h.versions.map(publishedView),
  }));
  return {
    version: privacyNoticeVersion(versions),
    business: company.name,
    businessDetails: businessItems(company),
    // Cabinet Order Art. 10(i): the measures taken, stated from what the desk enforces.
    securityMeasures: securityMeasures(company, facts),
    purposesOfUse: histories
      .map((h) => h.current)
      .filter((p) => p.status === 'active')
      .map((p) => ({ id: p.purposeId, ja: p.ja, en: p.en, version: p.version, effectiveFrom: p.effectiveFrom })),
    // APPI Art. 17(2), 21(3); policy §2(3), (4): every purpose added, changed or retired since the policy, newest first.
    purposeChanges: histories
      .flatMap((h) =>
        h.versions
          .filter((v) => v.publishedBy !== 'policy')
          .map((v) => {
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
          }),
      )
      .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom)),
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
      exceptions: SPECIAL_CARE_EXCEPTIONS.map((e) => ({
        id: e.id,
        source: e.source,
        citation: e.citation,
        ja: e.ja,
        en: e.en,
      })),
    },
    // APPI Art. 18(3): the cases in which data is used beyond its purposes without consent.
    useBeyondPurposes: {
      policy: {
        ja: '個人情報は、あらかじめご本人の同意を得た場合、又は個人情報の保護に関する法律第18条第3項各号に該当する場合を除き、利用目的の達成に必要な範囲を超えて取り扱いません。',
        en: 'Personal information is not handled beyond what the purposes of use require, except with your prior consent or in the cases listed in APPI Art. 18(3).',
      },
      exceptions: USE_EXCEPTION_WORDS.map((e) => ({
        id: e.id,
        source: e.source,
        citation: e.citation,
        ja: e.ja,
        en: e.en,
      })),
    },
    // My Number Act Art. 9, 19, 20: only the statutory affairs, never on consent, erased when no longer required.
    myNumber: {
      affairs: [...MY_NUMBER_AFFAIRS],
      policy: {
        ja: '個人番号（マイナンバー）は、法令で定められた税及び社会保険に関する事務（行政手続における特定の個人を識別するための番号の利用等に関する法律第9条）のためにのみ取得・利用し、ご本人の同意があってもそれ以外に利用・提供しません。法令で定められた保存期間を経過した後は速やかに削除します。',
        en: 'Individual Numbers (My Number) are acquired and used only for the statutory tax and social insurance affairs (My Number Act Art. 9), and are not used or provided for anything else even with consent. They are erased promptly once the statutory retention period has passed.',
      },
    },
    consents: yourConsents,
    // Policy §4; APPI Art. 27(2), 27(5)(iii): joint use and opt-out provision are published.
    thirdPartyProvision: thirdPartyProvisionNotice(
      { name: company.name, address: company.address, representative: company.representative },
      recipients,
    ),
    // Policy §3; APPI Art. 43(3), Enforcement Rules Art. 36: each dataset created, its items and date.
    anonymisedInformationPublications: {
      policy: ANONYMISED_INFORMATION_POLICY,
      datasets: anonymised.map(({ datasetId, title, items, createdOn }) => ({ datasetId, title, items, createdOn })),
    },
    requests: requestProcedures(settings),
    desk: {
      name: company.desk.name,
      address: company.desk.address,
      email: company.desk.email,
      hours: {
        timeZone: 'Asia/Tokyo',
        opens: `${String(hours.opensAtHour).padStart(2, '0')}:00`,
        closes: `${String(hours.closesAtHour).padStart(2, '0')}:00`,
        closedOn: [
          'Saturday',
          'Sunday',
          'national holidays',
          `year-end and New Year holidays (${closure.from.month}/${closure.from.day}-${closure.to.month}/${closure.to.day})`,
        ],
      },
      hoursText: deskHoursText(hours),
    },
    apiReference: API_REFERENCE,
  };
}

export type PrivacyNotice = ReturnType<typeof privacyNotice>;
