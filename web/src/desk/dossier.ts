// The paper copy of a disclosure as the console prints it: the stored dossier (GET /v1/staff/requests/
// {id}/disclosure as JSON, functions/http/contract.ts dossierResponse) laid out with the headings and
// items of the server's own page (functions/domain/requests/dossier-formats.ts dossierHtml), in the
// person's language. The console cannot show that page itself: its inline style breaks the console's
// CSP, and a link cannot carry the bearer token. test/web/desk/dossier.test.ts checks the two match.
import type { Language } from '../request-form';
import { japanTime } from './officer';

/** The dossier's JSON (contract.ts dossierResponse). */
export interface DossierJson {
  requestId: string;
  language: Language;
  subject: { email: string; name?: string };
  covers: string[];
  records?: Array<{
    category: string;
    /** Missing from copies compiled before the API gave it: the id stands in. */
    categoryLabel?: string;
    value: string;
    source: { kind: string; description: string; detail?: string };
    purposes: Array<{ id: string; description: string }>;
    acquiredAt: string;
    linkedAccessInformation: boolean;
    specialCare: boolean;
  }>;
  purposesOfUse?: Array<{ id: string; description: string }>;
  consents?: Array<{ action: string; purpose?: string; recipient?: string; method: string; at: string }>;
  provisionRecordsLabel?: string;
  provisionRecords?: Array<{ direction: string; counterparty: string; recipient?: string; provider?: string; items: string[]; basis: string; date: string }>;
  withheld?: { categories: Array<{ id: string; label: string }>; grounds: Array<{ id: string; label: string }>; reason: string };
  nothingHeld: boolean;
  generatedAt: string;
}

/** The words of dossier-formats.ts TEXT, in the person's language, plus the request number the paper carries. */
export const DOSSIER_TEXT = {
  ja: {
    title: '保有個人データの開示', requestId: '受付番号', records: '保有個人データ', category: '項目', value: '内容', source: '取得元',
    purposes: '利用目的', acquiredAt: '取得日時', purposesOfUse: '利用目的', consents: '同意の記録',
    none: 'ありません', nothingHeld: '当社はお客様の個人データを保有しておりません。',
    provided: '提供', received: '受領', recipient: '提供先', provider: '提供元', items: '項目', basis: '根拠', date: '年月日',
    withheld: '開示しなかった項目', withheldIntro: '次の項目は、下記の根拠及び理由により開示しておりません（個人情報の保護に関する法律第33条第3項、第36条）。',
    grounds: '根拠', reason: '理由',
    generatedAt: '作成日時',
    linkedMark: 'お客様に紐づくアクセス情報',
    linkedNote: '「お客様に紐づくアクセス情報」と表示した項目は、Cookie、ウェブビーコン、広告識別子等によりサービスのご利用に伴って取得したアクセス情報で、当社がお客様の個人データと紐づけて保有しているものです。そのため、お客様の個人データとして開示しています。',
    specialCareMark: '要配慮個人情報',
    specialCareNote: '「要配慮個人情報」と表示した項目は、個人情報の保護に関する法律第2条第3項に定める要配慮個人情報です。当社は、お客様の同意を得た場合又は同法第20条第2項に定める場合に限り取得しています。',
  },
  en: {
    title: 'Disclosure of your personal data', requestId: 'Request number', records: 'Personal data we hold', category: 'Item', value: 'Content',
    source: 'Source', purposes: 'Purposes of use', acquiredAt: 'Acquired', purposesOfUse: 'Purposes of use',
    consents: 'Consents', none: 'None',
    provided: 'Provided', received: 'Received', recipient: 'Recipient', provider: 'Provider', items: 'Items', basis: 'Basis', date: 'Date',
    withheld: 'Items not disclosed', withheldIntro: 'We have not disclosed the following items, on the grounds and for the reason below (APPI Art. 33(3), 36).',
    grounds: 'Grounds', reason: 'Reason',
    nothingHeld: 'We hold no personal data about you.', generatedAt: 'Compiled',
    linkedMark: 'Access information linked to you',
    linkedNote: 'Items marked "Access information linked to you" are access information collected as you used our services, through cookies, web beacons, advertising identifiers and the like, which we hold linked to your personal data. That is why they are disclosed to you as your personal data.',
    specialCareMark: 'Special care-required',
    specialCareNote: 'Items marked "Special care-required" are special care-required personal information as defined in Article 2(3) of the Act on the Protection of Personal Information. We acquire such information only with your consent or in the cases listed in Article 20(2) of the Act.',
  },
} as const;

/** A table cell: its text, and the small lines under it (marks, a source's detail). */
export interface PrintedCell { text: string; small: string[] }

export type PrintedBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: PrintedCell[][] };

export interface PrintedSection { heading: string; blocks: PrintedBlock[] }

export interface PrintedDossier {
  language: Language;
  title: string;
  /** Who it is about, the request, and when it was compiled. */
  lines: string[];
  nothingHeld?: string;
  sections: PrintedSection[];
}

const cell = (text: string, small: string[] = []): PrintedCell => ({ text, small });

/** The dossier laid out as the server's page lays it out: sections in its order, "none" where a part is empty. */
export function printedDossier(dossier: DossierJson): PrintedDossier {
  const language = dossier.language;
  const t = DOSSIER_TEXT[language];
  const list = (items: string[]): PrintedBlock => (items.length ? { kind: 'list', items } : { kind: 'paragraph', text: t.none });
  const sections: PrintedSection[] = [];

  if (dossier.records) {
    const records = dossier.records;
    const rows = records.map((r) => [
      cell(r.categoryLabel ?? r.category, [r.linkedAccessInformation ? t.linkedMark : '', r.specialCare ? t.specialCareMark : ''].filter(Boolean).map((mark) => `※ ${mark}`)),
      cell(r.value),
      cell(r.source.description, r.source.detail ? [r.source.detail] : []),
      cell(r.purposes.map((p) => p.description).join(' / ')),
      cell(japanTime(r.acquiredAt, language)),
    ]);
    const notes = [
      records.some((r) => r.linkedAccessInformation) ? t.linkedNote : '',
      records.some((r) => r.specialCare) ? t.specialCareNote : '',
    ].filter(Boolean).map((text): PrintedBlock => ({ kind: 'note', text: `※ ${text}` }));
    sections.push(
      {
        heading: t.records,
        blocks: [
          rows.length ? { kind: 'table', head: [t.category, t.value, t.source, t.purposes, t.acquiredAt], rows } : { kind: 'paragraph', text: t.none },
          ...notes,
        ],
      },
      { heading: t.purposesOfUse, blocks: [list((dossier.purposesOfUse ?? []).map((p) => p.description))] },
      { heading: t.consents, blocks: [list((dossier.consents ?? []).map((c) => [japanTime(c.at, language), c.action, c.purpose ?? c.recipient ?? '', c.method].join(' · ')))] },
    );
  }

  if (dossier.provisionRecords) {
    const rows = dossier.provisionRecords.map((p) => [
      cell(p.direction === 'provided' ? t.provided : t.received),
      cell(p.recipient ? `${t.recipient}: ${p.recipient}` : `${t.provider}: ${p.provider ?? p.counterparty}`),
      cell(p.date),
      cell(p.items.join(', ')),
      cell(p.basis),
    ]);
    sections.push({
      heading: dossier.provisionRecordsLabel ?? '',
      blocks: [rows.length ? { kind: 'table', head: ['', `${t.recipient} / ${t.provider}`, t.date, t.items, t.basis], rows } : { kind: 'paragraph', text: t.none }],
    });
  }

  if (dossier.withheld) {
    sections.push({
      heading: t.withheld,
      blocks: [
        { kind: 'paragraph', text: t.withheldIntro },
        list(dossier.withheld.categories.map((c) => c.label)),
        { kind: 'paragraph', text: `${t.grounds}:` },
        list(dossier.withheld.grounds.map((g) => g.label)),
        { kind: 'paragraph', text: `${t.reason}: ${dossier.withheld.reason}` },
      ],
    });
  }

  const subject = dossier.subject.name ? `${dossier.subject.name} <${dossier.subject.email}>` : `<${dossier.subject.email}>`;
  return {
    language,
    title: t.title,
    lines: [subject, `${t.requestId}: ${dossier.requestId}`, `${t.generatedAt}: ${japanTime(dossier.generatedAt, language)}`],
    ...(dossier.nothingHeld ? { nothingHeld: t.nothingHeld } : {}),
    sections,
  };
}
