// Every value the desk takes from the law, or sets as its own policy where the law leaves a choice
// to the business, with its unit and where it comes from. The values are the code's own constants, so
// docs/law-constants.md (generated from this list by `npm run docs:law`) always says what the code does.
// Only the generator and its test import this module: no route bundles it.

import { ACCESS_LOG_DIGEST_MAX_MINUTES, ACCESS_LOG_DIGEST_MINUTES } from './access-log/digest';
import { PENDING_OFFICER_GRANT_DAYS } from './accounts/officer-grant';
import { PREFECTURES, PREFECTURES_SOURCE, REGIONS } from './anonymisation/prefectures';
import {
  DEFAULT_AGE_TOP_CODE,
  DEFAULT_K,
  DEFAULT_MAX_SUPPRESSION,
  DELETE_ONLY_CATEGORIES,
  LINKING_CODE_CATEGORIES,
  MAX_LATTICE_NODES,
  MIN_K,
} from './anonymisation/words';
import { ACTION_STATUSES, RESULT_OUTCOMES } from './audits/audit-words';
import { AUDIT_CHECKLIST, CHECKLIST_CATEGORY_WORDS } from './audits/checklist';
import { DEMO_COMPANY } from './company';
import { SUBJECT_TOKEN_LIFETIME_SECONDS } from './consents/rules';
import {
  EXPORT_APPROVER_INDEPENDENCE_DAYS,
  EXPORT_LINK_LIFETIME_HOURS,
  EXPORT_MAX_SUBJECTS,
  EXPORT_MIN_SUBJECTS,
} from './exports/rules';
import {
  FINAL_REPORT_DAYS,
  FINAL_REPORT_WRONGFUL_PURPOSE_DAYS,
  PRELIMINARY_REPORT_DESK_DAYS,
  PRELIMINARY_REPORT_MAX_DESK_DAYS,
} from './incidents/deadlines';
import { ALTERNATIVE_MEASURE_SOURCE, ALTERNATIVE_MEASURES, NOTICE_ITEM_IDS } from './incidents/notice-items';
import { FINAL_REPORT_REQUIRED_ITEMS, PPC_REPORT_ITEMS } from './incidents/report-items';
import { REPORT_REMINDER_LEAD_DESK_DAYS } from './incidents/report-reminders';
import {
  LEAK_REPORT_PERSONS_THRESHOLD,
  MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD,
  REPORTABILITY_RULES,
} from './incidents/reportability';
import {
  ACCESS_LOG_RETENTION_SECONDS,
  ADMINISTRATIVE_YEAR_END_CLOSURE,
  CLOSED_REQUEST_RETENTION_SECONDS,
  DISCLOSURE_LINK_LIFETIME_SECONDS,
  DISCLOSURE_METHODS,
  DISCLOSURE_RECORDS,
  DISCLOSURE_REFUSAL_GROUNDS,
  EVIDENCE_RETENTION_SECONDS,
  LATEST_ANSWER_CALENDAR_DAYS,
  RESPONSE_TARGET_DESK_DAYS,
  SENT_MESSAGE_RETENTION_SECONDS,
  UNVERIFIED_REQUEST_LIFETIME_SECONDS,
  VERIFICATION_CODE_DIGITS,
  VERIFICATION_CODE_LIFETIME_SECONDS,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFICATION_MAX_RESENDS,
  VERIFICATION_RESEND_INTERVAL_SECONDS,
} from './kernel/law';
import { MONITORING_MAX_SUBJECTS_PER_HOUR } from './monitoring/access-analysis';
import {
  MY_NUMBER_AFFAIRS,
  MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD,
  MY_NUMBER_DOCUMENTS,
  MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD,
} from './my-number/documents';
import { RECORD_KEEPING } from './provisions/retention';
import {
  CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS,
  CORPORATE_TAX_FILING_MONTHS,
  DEFAULT_FISCAL_YEAR,
  TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS,
  TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS_BEFORE_2018,
  TAX_BOOKS_RETENTION_YEARS,
} from './purposes/tax-books';
import { REMINDER_DESK_DAYS } from './requests/deadline-reminders';
import { FEE_CHARGEABLE_TYPES } from './requests/fees';
import { CESSATION_OF_PROVISION_GROUNDS } from './requests/types/cessation-of-provision/schema';
import { CESSATION_OF_PROVISION_REFUSAL_GROUNDS } from './requests/types/cessation-of-provision/words';
import { CESSATION_OF_USE_GROUNDS } from './requests/types/cessation-of-use/schema';
import { CESSATION_OF_USE_MEASURES, CESSATION_OF_USE_REFUSAL_GROUNDS } from './requests/types/cessation-of-use/words';
import {
  CORRECTION_CHANGES,
  CORRECTION_REFUSAL_GROUNDS,
  MAX_CORRECTION_ITEMS,
} from './requests/types/correction/words';
import { PURPOSE_NOTIFICATION_REFUSAL_GROUNDS } from './requests/types/purpose-notification/words';
import { STANDING_REMINDER_LEAD_DAYS } from './safeguards/lapse-reminders';
import { SAFEGUARDS_GRACE_DAYS, SAFEGUARDS_MAX_GRACE_DAYS } from './safeguards/standing';
import { DEFAULT_TRAINING_VALIDITY_MONTHS } from './safeguards/training';
import { TRAINING_VALIDITY_MONTHS_MAX, TRAINING_VALIDITY_MONTHS_MIN } from './safeguards/training-validity';
import { PASSWORD_MAX_AGE_DAYS, PASSWORD_MAX_AGE_DAYS_LIMIT, PASSWORD_MIN_LENGTH } from './staff-passwords';

/** Where a value comes from: the law fixes it, or the desk chose it within what the law leaves open. */
export type LawConstantKind = 'law' | 'desk policy';

export interface LawConstant {
  /** The constant's name in the code. */
  name: string;
  value: number | string | readonly string[];
  /** seconds, minutes, hours, days, desk days, calendar days, years, digits, attempts, items, … or 'list'. */
  unit: string;
  kind: LawConstantKind;
  /** The article or rule: "APPI Art. 39(1)", "Enforcement Rules Art. 21", "policy §7". */
  source: string;
  note: string;
}

export interface LawConstantGroup {
  title: string;
  constants: readonly LawConstant[];
}

const timeOfDay = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const monthDay = ({ month, day }: { month: number; day: number }) =>
  `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const LAW_CONSTANTS: readonly LawConstantGroup[] = [
  {
    title: 'Answering requests',
    constants: [
      {
        name: 'RESPONSE_TARGET_DESK_DAYS',
        value: RESPONSE_TARGET_DESK_DAYS,
        unit: 'desk days',
        kind: 'desk policy',
        source: 'APPI Art. 32(2), 33(2), 34(2), 35(3)-(7), 40: "without delay" (遅滞なく)',
        note: 'The Act names no number of days; the default answer target, settable per deployment (1–13).',
      },
      {
        name: 'LATEST_ANSWER_CALENDAR_DAYS',
        value: LATEST_ANSWER_CALENDAR_DAYS,
        unit: 'calendar days',
        kind: 'law',
        source: 'APPI Art. 39(1)',
        note: 'The person may sue two weeks after the request arrives; the desk answers by the last desk closing on or before day 13.',
      },
      {
        name: 'company.desk.hours.opensAtHour',
        value: timeOfDay(DEMO_COMPANY.desk.hours.opensAtHour),
        unit: 'Japan time',
        kind: 'desk policy',
        source: 'policy §7',
        note: "Desk hours open. Configured per company (context company); the default is the demo company's.",
      },
      {
        name: 'company.desk.hours.closesAtHour',
        value: timeOfDay(DEMO_COMPANY.desk.hours.closesAtHour),
        unit: 'Japan time',
        kind: 'desk policy',
        source: 'policy §7',
        note: "Desk hours close; a due date is this hour on a desk day. Configured per company; the default is the demo company's.",
      },
      {
        name: 'company.desk.hours.yearEndClosure',
        value: `${monthDay(DEMO_COMPANY.desk.hours.yearEndClosure.from)} to ${monthDay(DEMO_COMPANY.desk.hours.yearEndClosure.to)}`,
        unit: 'month-day, inclusive',
        kind: 'desk policy',
        source: 'policy §7',
        note: "The desk is also closed on weekends and national holidays (Act on National Holidays). Configured per company; the default is the demo company's.",
      },
      {
        name: 'REMINDER_DESK_DAYS',
        value: REMINDER_DESK_DAYS,
        unit: 'desk days',
        kind: 'desk policy',
        source: 'desk policy; the Act sets no reminders',
        note: 'Operators are reminded of an open request due within this many desk days.',
      },
      {
        name: 'FEE_CHARGEABLE_TYPES',
        value: FEE_CHARGEABLE_TYPES,
        unit: 'request types',
        kind: 'law',
        source: 'APPI Art. 38(1)',
        note: 'Only these may carry a fee; the amount must be reasonable in view of the actual cost (Art. 38(2)). No fee by default.',
      },
    ],
  },
  {
    title: 'Confirming the requester',
    constants: [
      {
        name: 'VERIFICATION_CODE_DIGITS',
        value: VERIFICATION_CODE_DIGITS,
        unit: 'digits',
        kind: 'desk policy',
        source: 'APPI Art. 37(1), Cabinet Order Art. 12',
        note: 'The business sets how the requester is confirmed: a code e-mailed to them.',
      },
      {
        name: 'VERIFICATION_CODE_LIFETIME_SECONDS',
        value: VERIFICATION_CODE_LIFETIME_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'under APPI Art. 37(1)',
        note: 'How long an e-mailed code stays valid.',
      },
      {
        name: 'VERIFICATION_MAX_ATTEMPTS',
        value: VERIFICATION_MAX_ATTEMPTS,
        unit: 'attempts',
        kind: 'desk policy',
        source: 'under APPI Art. 37(1)',
        note: 'Wrong codes allowed before the request locks.',
      },
      {
        name: 'VERIFICATION_RESEND_INTERVAL_SECONDS',
        value: VERIFICATION_RESEND_INTERVAL_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'under APPI Art. 37(1)',
        note: 'A new code for the same request at most this often; it goes only to the address on the request.',
      },
      {
        name: 'VERIFICATION_MAX_RESENDS',
        value: VERIFICATION_MAX_RESENDS,
        unit: 'codes',
        kind: 'desk policy',
        source: 'under APPI Art. 37(1)',
        note: 'New codes one request may ask for, each with fresh attempts; past it, the request is made again.',
      },
      {
        name: 'UNVERIFIED_REQUEST_LIFETIME_SECONDS',
        value: UNVERIFIED_REQUEST_LIFETIME_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'desk policy; the Act sets no period',
        note: 'An unconfirmed request holds only what was typed, and is erased (TTL) after this.',
      },
      {
        name: 'SUBJECT_TOKEN_LIFETIME_SECONDS',
        value: SUBJECT_TOKEN_LIFETIME_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'under APPI Art. 37(1)',
        note: "A person's self-service session to see and withdraw consents.",
      },
    ],
  },
  {
    title: 'Disclosure and the grounds of each request type',
    constants: [
      {
        name: 'DISCLOSURE_METHODS',
        value: DISCLOSURE_METHODS,
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 33(1), Enforcement Rules Art. 30',
        note: 'The person chooses electronic record or a paper copy.',
      },
      {
        name: 'DISCLOSURE_RECORDS',
        value: DISCLOSURE_RECORDS,
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 33(1),(5)',
        note: 'Retained personal data, and the records of provision and receipt kept under Art. 29 and 30.',
      },
      {
        name: 'DISCLOSURE_LINK_LIFETIME_SECONDS',
        value: DISCLOSURE_LINK_LIFETIME_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'under APPI Art. 33(1), Enforcement Rules Art. 30',
        note: 'The stored dossier and its link; less when everything in it expires sooner.',
      },
      {
        name: 'DISCLOSURE_REFUSAL_GROUNDS',
        value: DISCLOSURE_REFUSAL_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 33(2)(i)-(iii), policy §7',
        note: 'Grounds to refuse disclosure in whole or in part.',
      },
      {
        name: 'PURPOSE_NOTIFICATION_REFUSAL_GROUNDS',
        value: PURPOSE_NOTIFICATION_REFUSAL_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 32(2)(i)-(ii), Art. 21(4)(i)-(iii), policy §8(2)',
        note: 'Grounds to decline notifying the purposes of use.',
      },
      {
        name: 'CORRECTION_CHANGES',
        value: CORRECTION_CHANGES,
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 34(1)',
        note: 'Correction, addition or deletion of content.',
      },
      {
        name: 'CORRECTION_REFUSAL_GROUNDS',
        value: CORRECTION_REFUSAL_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 34(1),(2)',
        note: 'Content found true, not necessary for the purposes, or a special procedure under another law.',
      },
      {
        name: 'MAX_CORRECTION_ITEMS',
        value: MAX_CORRECTION_ITEMS,
        unit: 'items',
        kind: 'desk policy',
        source: 'under APPI Art. 34',
        note: 'Items one request may name and changes one decision may make (one transaction holds 100 items).',
      },
      {
        name: 'CESSATION_OF_USE_GROUNDS',
        value: CESSATION_OF_USE_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 35(1) (Art. 18, 19, 20(1), 20(2)), Art. 35(5)',
        note: 'What the person may cite to stop use or have data erased.',
      },
      {
        name: 'CESSATION_OF_USE_MEASURES',
        value: CESSATION_OF_USE_MEASURES,
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 35(1),(5)',
        note: 'Cessation of use (利用停止) or erasure (消去).',
      },
      {
        name: 'CESSATION_OF_USE_REFUSAL_GROUNDS',
        value: CESSATION_OF_USE_REFUSAL_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 35(2),(6)',
        note: 'The second needs the alternative measure taken, told to the person.',
      },
      {
        name: 'CESSATION_OF_PROVISION_GROUNDS',
        value: CESSATION_OF_PROVISION_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 35(3) (Art. 27(1), 28), Art. 35(5)',
        note: 'What the person may cite to stop provision to third parties.',
      },
      {
        name: 'CESSATION_OF_PROVISION_REFUSAL_GROUNDS',
        value: CESSATION_OF_PROVISION_REFUSAL_GROUNDS,
        unit: 'grounds',
        kind: 'law',
        source: 'APPI Art. 35(4),(6)',
        note: 'The second needs the alternative measure taken, told to the person.',
      },
    ],
  },
  {
    title: 'Retention',
    constants: [
      {
        name: 'CLOSED_REQUEST_RETENTION_SECONDS',
        value: CLOSED_REQUEST_RETENTION_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'evidence of APPI Art. 36 reasons and Art. 40 complaints',
        note: 'A closed request and its history; the Act sets no period.',
      },
      {
        name: 'EVIDENCE_RETENTION_SECONDS',
        value: EVIDENCE_RETENTION_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'matches Enforcement Rules Art. 21 (3 years)',
        note: 'Erasure certificates, export requests, use-exception and consent evidence.',
      },
      ...RECORD_KEEPING.map(
        (r): LawConstant => ({
          name: `RECORD_KEEPING ${r.id}`,
          value: r.years,
          unit: 'years',
          kind: 'law',
          source: `APPI Art. 29(2), 30(4); ${r.source.split(': ')[0]}`,
          note: `Records of provision and receipt kept ${r.id === 'per-provision' ? 'one per provision' : r.id === 'bulk' ? 'as one bulk record' : 'as the contract'}: ${r.source.split(': ')[1]}, counted as the Civil Code counts periods (Art. 140, 143(2)).`,
        }),
      ),
      {
        name: 'TAX_BOOKS_RETENTION_YEARS',
        value: TAX_BOOKS_RETENTION_YEARS,
        unit: 'calendar years',
        kind: 'law',
        source: 'Corporation Tax Act Art. 126(1), Enforcement Regulations Art. 59',
        note: 'Billing and settlement records: from the day after the filing deadline of the final return for the fiscal year the contract ended in (Civil Code Art. 140, 143), leap days included.',
      },
      {
        name: 'TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS',
        value: TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS,
        unit: 'calendar years',
        kind: 'law',
        source: 'Corporation Tax Act Art. 57, Enforcement Regulations Art. 26-3',
        note: `Instead, for a fiscal year whose loss is carried forward (a deployment setting); ${TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS_BEFORE_2018} years where that year began before 1 April 2018.`,
      },
      {
        name: 'CORPORATE_TAX_FILING_MONTHS',
        value: CORPORATE_TAX_FILING_MONTHS,
        unit: 'months',
        kind: 'law',
        source: 'Corporation Tax Act Art. 74(1); Act on General Rules for National Taxes Art. 10(2)',
        note: 'The final return is due two months after the fiscal year ends; a deadline on a Saturday, Sunday, holiday or 29 December-3 January moves to the next open day.',
      },
      {
        name: 'CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS',
        value: CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS,
        unit: 'months',
        kind: 'law',
        source: 'Corporation Tax Act Art. 75-2(1)',
        note: 'An extension of the filing deadline the tax office granted, set per deployment (0 when none).',
      },
      {
        name: 'DEFAULT_FISCAL_YEAR',
        value: `ends in month ${DEFAULT_FISCAL_YEAR.endMonth}, extension ${DEFAULT_FISCAL_YEAR.filingExtensionMonths} months, no loss year`,
        unit: 'setting',
        kind: 'desk policy',
        source: "the company's articles; Corporation Tax Act Art. 13",
        note: 'The fiscal year the tax-law periods count from when a deployment sets none (April to March).',
      },
      {
        name: 'SENT_MESSAGE_RETENTION_SECONDS',
        value: SENT_MESSAGE_RETENTION_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'desk policy; the Act sets no period',
        note: 'A sent e-mail stays in the outbox this long for tracing, then TTL erases it.',
      },
      {
        name: 'ACCESS_LOG_RETENTION_SECONDS',
        value: ACCESS_LOG_RETENTION_SECONDS,
        unit: 'seconds',
        kind: 'desk policy',
        source: 'policy §6(1) "long-term storage of access logs"',
        note: 'The Act sets no period; entries and digests are kept this long (settable per deployment).',
      },
    ],
  },
  {
    title: 'My Number (Individual Numbers)',
    constants: [
      {
        name: 'MY_NUMBER_AFFAIRS',
        value: MY_NUMBER_AFFAIRS,
        unit: 'list',
        kind: 'law',
        source: 'My Number Act Art. 9, 19',
        note: 'Accepted only for these statutory affairs, never on consent.',
      },
      ...MY_NUMBER_DOCUMENTS.map(
        (d): LawConstant => ({
          name: `MY_NUMBER_DOCUMENTS ${d.id}`,
          value: d.source.split(': ')[1] ?? d.source,
          unit: 'period',
          kind: 'law',
          source: d.source.split(': ')[0]!,
          note: `${d.en} (${d.ja}); counted from ${d.countedFrom === 'tax-year' ? 'the tax year it is for, not the day it was filed' : 'the day its procedure was completed'}, in calendar years (Civil Code Art. 140, 143); the number is kept only as long as the document (My Number Act Art. 20).`,
        }),
      ),
      {
        name: 'MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD',
        value: MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD,
        unit: 'days',
        kind: 'desk policy',
        source: 'under My Number Act Art. 20',
        note: "A later document date would only stretch the number's retention.",
      },
      {
        name: 'MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD',
        value: MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD,
        unit: 'years',
        kind: 'desk policy',
        source: 'under My Number Act Art. 20',
        note: "A tax document's tax year is at most next year, and at most a year after its date (a declaration for next year is filed in December).",
      },
    ],
  },
  {
    title: 'Notices to the persons of a leak, loss or damage',
    constants: [
      {
        name: 'NOTICE_ITEMS',
        value: NOTICE_ITEM_IDS,
        unit: 'items',
        kind: 'law',
        source: 'APPI Art. 26(2), Enforcement Rules Art. 10 (of Art. 8(1): (i), (ii), (iv), (v), (ix))',
        note: 'What the e-mail to each person of a reportable incident states; "other" only when the incident says something there. A notice is refused until the incident states the others.',
      },
      {
        name: 'ALTERNATIVE_MEASURES',
        value: ALTERNATIVE_MEASURES,
        unit: 'list',
        kind: 'law',
        source: ALTERNATIVE_MEASURE_SOURCE,
        note: 'Where a person cannot be told (no address the desk can reach), the measure taken instead, named by the officer with what was done.',
      },
    ],
  },
  {
    title: 'Safeguards (policy §6)',
    constants: [
      {
        name: 'SAFEGUARDS_GRACE_DAYS',
        value: SAFEGUARDS_GRACE_DAYS,
        unit: 'calendar days',
        kind: 'desk policy',
        source:
          'policy §6(2)A-B; PPC General Guidelines 10-2 (internal rules) and 10-4 (human safety management measures: training)',
        note: `A staff member may still handle personal data to the end of the day an obligation arose (a rule version in force, a required course added, their account created, the day after their training expired) plus these days (Japan dates); refused from the next day. Settable per deployment from 0 to ${SAFEGUARDS_MAX_GRACE_DAYS}.`,
      },
      {
        name: 'STANDING_REMINDER_LEAD_DAYS',
        value: STANDING_REMINDER_LEAD_DAYS,
        unit: 'calendar days',
        kind: 'desk policy',
        source: 'policy §6(2)A-B',
        note: 'The officer is e-mailed this many days before a member would be refused, and once more when they are; once each per lapse.',
      },
      {
        name: 'ACCESS_LOG_DIGEST_MINUTES',
        value: ACCESS_LOG_DIGEST_MINUTES,
        unit: 'minutes',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: `Between digests of the access log's chain heads; settable up to ${ACCESS_LOG_DIGEST_MAX_MINUTES} minutes.`,
      },
      {
        name: 'MONITORING_MAX_SUBJECTS_PER_HOUR',
        value: MONITORING_MAX_SUBJECTS_PER_HOUR,
        unit: 'subjects per hour',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: 'Distinct subjects one person may read in an hour before the officer is e-mailed.',
      },
      {
        name: 'EXPORT_MIN_SUBJECTS',
        value: EXPORT_MIN_SUBJECTS,
        unit: 'subjects',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: 'From this many subjects on, taking data out is an export approved by the officer.',
      },
      {
        name: 'EXPORT_MAX_SUBJECTS',
        value: EXPORT_MAX_SUBJECTS,
        unit: 'subjects',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: 'One export request covers at most this many subjects.',
      },
      {
        name: 'EXPORT_LINK_LIFETIME_HOURS',
        value: EXPORT_LINK_LIFETIME_HOURS,
        unit: 'hours',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: "An approved export's download link works once, within this time.",
      },
      {
        name: 'EXPORT_APPROVER_INDEPENDENCE_DAYS',
        value: EXPORT_APPROVER_INDEPENDENCE_DAYS,
        unit: 'days',
        kind: 'desk policy',
        source: 'policy §6(1)',
        note: 'An officer whose account or role the requester granted within this time may not approve.',
      },
      {
        name: 'PENDING_OFFICER_GRANT_DAYS',
        value: PENDING_OFFICER_GRANT_DAYS,
        unit: 'days',
        kind: 'desk policy',
        source: 'policy §6(1) (limiting access privileges)',
        note: "An officer role asked for waits this long for a second officer's confirmation.",
      },
      {
        name: 'PASSWORD_MAX_AGE_DAYS',
        value: PASSWORD_MAX_AGE_DAYS,
        unit: 'days',
        kind: 'desk policy',
        source: 'policy §6(1) "periodic password changes"',
        note: `Settable per deployment, at most ${PASSWORD_MAX_AGE_DAYS_LIMIT} days.`,
      },
      {
        name: 'PASSWORD_MIN_LENGTH',
        value: PASSWORD_MIN_LENGTH,
        unit: 'characters',
        kind: 'desk policy',
        source: 'CIS AWS Foundations Benchmark (IAM password policy)',
        note: "The staff pool's and the local sign-in's minimum.",
      },
      {
        name: 'DEFAULT_TRAINING_VALIDITY_MONTHS',
        value: DEFAULT_TRAINING_VALIDITY_MONTHS,
        unit: 'months',
        kind: 'desk policy',
        source: 'policy §6(2)B (training)',
        note: `A training completion stays current this long unless its course says otherwise (${TRAINING_VALIDITY_MONTHS_MIN}–${TRAINING_VALIDITY_MONTHS_MAX} months); through the day before the corresponding day (Civil Code Art. 143(2)).`,
      },
      {
        name: 'TRAINING_VALIDITY_MONTHS_MAX',
        value: TRAINING_VALIDITY_MONTHS_MAX,
        unit: 'months',
        kind: 'desk policy',
        source: 'policy §6(2)B (training)',
        note: 'The longest validity a course may be given: staff are trained again at least this often.',
      },
    ],
  },
  {
    title: 'Leak incidents (APPI Art. 26)',
    constants: [
      {
        name: 'REPORTABILITY_RULES',
        value: REPORTABILITY_RULES.map((rule) => `${rule.id} (${rule.source})`),
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 26(1); Enforcement Rules Art. 7; My Number Act Art. 29-4(1), My Number leak rules Art. 2',
        note: 'An incident is reportable when a rule other than the exemption is met and the exemption is not; the officer may override with a reason.',
      },
      {
        name: 'LEAK_REPORT_PERSONS_THRESHOLD',
        value: LEAK_REPORT_PERSONS_THRESHOLD,
        unit: 'persons',
        kind: 'law',
        source: 'Enforcement Rules Art. 7(4)',
        note: 'Reportable when the persons involved exceed it (1,001 is, 1,000 is not): the confirmed count, else the estimate, else the linked subjects.',
      },
      {
        name: 'MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD',
        value: MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD,
        unit: 'persons',
        kind: 'law',
        source: 'My Number leak rules Art. 2(4)',
        note: 'Where Individual Numbers are involved, reportable when the persons involved exceed it.',
      },
      {
        name: 'PRELIMINARY_REPORT_DESK_DAYS',
        value: PRELIMINARY_REPORT_DESK_DAYS,
        unit: 'desk days',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 8(1) "promptly"; PPC General Guidelines 3-5-3-3',
        note: `The preliminary report is due at the end of this desk day after the day of awareness; settable per deployment from 1 to ${PRELIMINARY_REPORT_MAX_DESK_DAYS} (the guidelines' "about 3-5 days").`,
      },
      {
        name: 'FINAL_REPORT_DAYS',
        value: FINAL_REPORT_DAYS,
        unit: 'calendar days',
        kind: 'law',
        source: 'Enforcement Rules Art. 8(2); PPC General Guidelines 3-5-3-4',
        note: 'The day of awareness is day one; due at the end of the last day (Japan time).',
      },
      {
        name: 'FINAL_REPORT_WRONGFUL_PURPOSE_DAYS',
        value: FINAL_REPORT_WRONGFUL_PURPOSE_DAYS,
        unit: 'calendar days',
        kind: 'law',
        source: 'Enforcement Rules Art. 8(2), 7(3)',
        note: 'Instead of 30 days where the incident may have been caused for a wrongful purpose.',
      },
      {
        name: 'REPORT_REMINDER_LEAD_DESK_DAYS',
        value: REPORT_REMINDER_LEAD_DESK_DAYS,
        unit: 'desk days',
        kind: 'desk policy',
        source: 'APPI Art. 26(1); Enforcement Rules Art. 8',
        note: "The officer is e-mailed at the desk's opening this many desk days before a report's due day, and again once it is overdue.",
      },
      {
        name: 'ADMINISTRATIVE_YEAR_END_CLOSURE',
        value: `${monthDay(ADMINISTRATIVE_YEAR_END_CLOSURE.from)} to ${monthDay(ADMINISTRATIVE_YEAR_END_CLOSURE.to)}`,
        unit: 'month-day',
        kind: 'law',
        source: '行政機関の休日に関する法律 Art. 1(1), 2',
        note: 'With Saturdays, Sundays and national holidays, the days the offices are closed: a report deadline on one moves to the next open day.',
      },
    ],
  },
  {
    title: 'Reports to the PPC (APPI Art. 26(1))',
    constants: [
      {
        name: 'PPC_REPORT_ITEMS',
        value: PPC_REPORT_ITEMS.map((i) => `(${i.numeral}) ${i.heading}`),
        unit: 'list',
        kind: 'law',
        source: 'Enforcement Rules Art. 8(1)',
        note: "The items of both reports, in the Rules' words; the preliminary report (Art. 8(1)) marks an item not yet known 調査中.",
      },
      {
        name: 'FINAL_REPORT_REQUIRED_ITEMS',
        value: FINAL_REPORT_REQUIRED_ITEMS,
        unit: 'items',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 8(2) (every item of Art. 8(1))',
        note: 'The final report is not prepared while one of these is empty; (ix) other matters may be empty and then reads なし.',
      },
    ],
  },
  {
    title: 'Audits of the safety management measures (APPI Art. 23; policy §6(2)A)',
    constants: [
      {
        name: 'AUDIT_CHECKLIST',
        value: AUDIT_CHECKLIST.map((item) => `${item.section} ${item.ja} (${item.id})`),
        unit: 'list',
        kind: 'law',
        source: 'APPI Art. 23; PPC General Guidelines (通則編) 10 (別添) 講ずべき安全管理措置の内容, 10-1 to 10-7',
        note: `The items an audit may cover, in the guideline's order and words, grouped as ${Object.values(
          CHECKLIST_CATEGORY_WORDS,
        )
          .map((c) => `${c.section} ${c.ja}`)
          .join(', ')}; a plan covers all of them unless the officer chooses some.`,
      },
      {
        name: 'RESULT_OUTCOMES',
        value: RESULT_OUTCOMES,
        unit: 'list',
        kind: 'desk policy',
        source: 'PPC General Guidelines 10-3(5) (監査)',
        note: "The auditor's answer per item; does-not-conform needs a note saying what does not conform.",
      },
      {
        name: 'ACTION_STATUSES',
        value: ACTION_STATUSES,
        unit: 'list',
        kind: 'desk policy',
        source: 'PPC General Guidelines 10-3(5) (安全管理措置の見直し)',
        note: 'A corrective action moves forward only; done needs what was done. Not done by the end of its due day (Japan time), it is overdue: the officer is e-mailed once per action and due day, and the desk report lists it.',
      },
    ],
  },
  {
    title: 'Anonymously processed information (APPI Art. 43; Enforcement Rules Art. 34; policy §3)',
    constants: [
      {
        name: 'DEFAULT_K',
        value: DEFAULT_K,
        unit: 'records per class',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(iv), (v); policy §3',
        note: 'The Act sets no number: the measures must suit the database. A definition sets its own k; k = 5 is the common practice of statistical disclosure control.',
      },
      {
        name: 'MIN_K',
        value: MIN_K,
        unit: 'records per class',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(iv), (v)',
        note: 'No definition goes below it: with k = 1 every record may be alone in its class, identifiable by its quasi-identifiers.',
      },
      {
        name: 'DEFAULT_MAX_SUPPRESSION',
        value: DEFAULT_MAX_SUPPRESSION,
        unit: 'share of records',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(iv) (suppression of idiosyncratic records)',
        note: 'Records whose class fails the model are left out, up to this share unless the definition sets another (at most 0.5); past it the run is refused.',
      },
      {
        name: 'DEFAULT_AGE_TOP_CODE',
        value: DEFAULT_AGE_TOP_CODE,
        unit: 'years',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(iv) (top coding)',
        note: "Ages from this one up are one value at every level of the age hierarchy unless the definition sets another; ages are completed years on the run's Japan day, one born on 29 February older from 1 March in a common year (Civil Code Art. 143(2)).",
      },
      {
        name: 'MAX_LATTICE_NODES',
        value: MAX_LATTICE_NODES,
        unit: 'nodes',
        kind: 'desk policy',
        source: 'desk policy; the Act sets no method',
        note: 'A definition whose combinations of generalisation levels exceed this is refused: the optimal search must be able to cover the lattice.',
      },
      {
        name: 'DELETE_ONLY_CATEGORIES',
        value: DELETE_ONLY_CATEGORIES,
        unit: 'categories',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(i), (ii)',
        note: 'Descriptions and codes that identify a person: a definition only deletes them. My Number is never an input (My Number Act Art. 9, 19).',
      },
      {
        name: 'LINKING_CODE_CATEGORIES',
        value: LINKING_CODE_CATEGORIES,
        unit: 'categories',
        kind: 'desk policy',
        source: 'Enforcement Rules Art. 34(iii)',
        note: 'Codes linking to the original data: deleted, or replaced by the row number of the sorted output, so no correspondence table exists.',
      },
      {
        name: 'PREFECTURES',
        value: Object.entries(REGIONS).map(
          ([id, region]) =>
            `${region.ja}: ${PREFECTURES.filter((p) => p.region === id)
              .map((p) => p.ja)
              .join('、')}`,
        ),
        unit: 'list',
        kind: 'desk policy',
        source: PREFECTURES_SOURCE,
        note: 'The address hierarchy: municipality, prefecture, then region; an address that does not start with a prefecture is not covered and the run is refused.',
      },
    ],
  },
];
