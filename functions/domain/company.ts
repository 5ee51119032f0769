// The business that deploys the desk, as one validated configuration: its name, address and
// representative (APPI Art. 32(1)(i)), its desk and the desk's hours (policy §7), its Information
// Security Officer (policy §6(2)A) and any accredited personal information protection organisation
// it belongs to (APPI Art. 32(1)(iv), Cabinet Order Art. 10(iii)). These are the company's values,
// not the law's: a deployment sets them (functions/adapters/company.ts), Mecara's are the demo.
import { z } from 'zod';

const text = z.string().trim().min(1).max(300);
const bilingual = z.strictObject({ ja: text, en: text });

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthDay = z
  .strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .refine((d) => d.day <= (DAYS_IN_MONTH[d.month - 1] ?? 0), { message: 'is not a day of that month' });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, YYYY-MM-DD' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'is not a calendar date',
    },
  );

/** When the desk works, in Japan Standard Time; it is also closed on weekends and national holidays. */
export const deskHoursSchema = z
  .strictObject({
    /** The hour (0-23) the desk opens. */
    opensAtHour: z.number().int().min(0).max(23),
    /** The hour (1-24) the desk closes, after it opens. */
    closesAtHour: z.number().int().min(1).max(24),
    /** The year-end and New Year closure, both days included; it may run across 1 January. */
    yearEndClosure: z.strictObject({ from: monthDay, to: monthDay }),
  })
  .refine((h) => h.closesAtHour > h.opensAtHour, { message: 'closesAtHour must be after opensAtHour' });

export type DeskHours = z.infer<typeof deskHoursSchema>;

export const companySchema = z.strictObject({
  /** APPI Art. 32(1)(i): the business's name. */
  name: bilingual,
  /** APPI Art. 32(1)(i): its address. */
  address: bilingual,
  /** APPI Art. 32(1)(i): for a corporation, the name of its representative. */
  representative: bilingual,
  /** Policy §7; APPI Art. 32(1)(iii): where requests and complaints go. */
  desk: z.strictObject({
    name: bilingual,
    address: bilingual,
    email: z.email(),
    hours: deskHoursSchema,
  }),
  /** Policy §6(2)A: the Information Security Officer, by name or title, and since when. */
  securityOfficer: z.strictObject({ name: bilingual, since: isoDate }),
  /** APPI Art. 32(1)(iv), Cabinet Order Art. 10(iii): the accredited organisation and where it takes complaints. */
  accreditedOrganisation: z.strictObject({ name: bilingual, complaintsContact: bilingual }).optional(),
});

export type Company = z.infer<typeof companySchema>;

/**
 * The demo company, Mecara (policy §7 and its desk). The policy names no representative; a 合同会社
 * is represented by its 代表社員 (Companies Act Art. 599), so the demo names the title.
 */
export const DEMO_COMPANY: Company = {
  name: { ja: 'メカラ合同会社', en: 'Mecara LLC' },
  address: {
    ja: '〒101-0054 東京都千代田区神田錦町1-23-8 9階',
    en: '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan',
  },
  representative: { ja: '代表社員', en: 'Representative Member' },
  desk: {
    name: { ja: 'メカラ合同会社 個人データ開示相談窓口', en: 'Mecara LLC Personal Data Disclosure Consultation Desk' },
    address: {
      ja: '〒101-0054 東京都千代田区神田錦町1-23-8 9階',
      en: '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan',
    },
    email: 'info@aimicros.com',
    // Policy §7: 9:00-17:00 except weekends, national holidays and the year-end and New Year holidays.
    hours: {
      opensAtHour: 9,
      closesAtHour: 17,
      yearEndClosure: { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } },
    },
  },
  securityOfficer: { name: { ja: '情報セキュリティ責任者', en: 'Information Security Officer' }, since: '2026-04-01' },
};

/** A zod issue as a person fixes it: the field's path in words, e.g. "company.representative.ja is required". */
function issueText(issue: z.core.$ZodIssue, root: string): string {
  const path = [root, ...issue.path.map(String)].join('.');
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${path} is required`;
  if (issue.code === 'unrecognized_keys') return `${path} has fields it does not know: ${issue.keys.join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return `${path} is required`;
  const message = issue.message.replace(/^Invalid input: /, '');
  return `${path} ${/^(is|must|closesAtHour)\b/.test(message) ? message : `is invalid: ${message}`}`;
}

/** The company from a configuration, or an error naming every field that is missing or wrong. */
export function parseCompany(value: unknown, root = 'company'): Company {
  const parsed = companySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((issue) => issueText(issue, root)).join('; '));
}

/** The desk's hours as people read them, for the notice and the e-mails' signatures (each puts its own "hours" before it). */
export function deskHoursText(hours: DeskHours): { ja: string; en: string } {
  const { from, to } = hours.yearEndClosure;
  const month = (m: number) =>
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][m - 1];
  return {
    ja: `${hours.opensAtHour}:00〜${hours.closesAtHour}:00（日本時間。土曜日、日曜日、祝日及び年末年始（${from.month}月${from.day}日〜${to.month}月${to.day}日）を除く）`,
    en: `${hours.opensAtHour}:00-${hours.closesAtHour}:00 Japan time, except Saturdays, Sundays, national holidays and the year-end and New Year holidays (${from.day} ${month(from.month)}-${to.day} ${month(to.month)})`,
  };
}

/** The desk as the e-mails and the dossier name it. */
export interface DeskContact {
  name: { ja: string; en: string };
  address: { ja: string; en: string };
  email: string;
  hoursText: { ja: string; en: string };
}

export const deskContact = (company: Company): DeskContact => ({
  name: company.desk.name,
  address: company.desk.address,
  email: company.desk.email,
  hoursText: deskHoursText(company.desk.hours),
});
