// The paper copy of a disclosure as the console prints it: the stored dossier (GET /v1/staff/requests/
// {id}/disclosure as JSON, functions/http/contract.ts dossierResponse) laid out with the headings and
// items of the server's own page (functions/domain/requests/types/disclosure/dossier-formats.ts dossierHtml), in the
// person's language. The console cannot show that page itself: its inline style breaks the console's
// CSP, and a link cannot carry the bearer token. test/web/desk/dossier.test.ts checks the two match.
import { DOSSIER_TEXT as SERVER_TEXT } from '../../../functions/domain/requests/types/disclosure/dossier-text';
import type { DossierJson as ContractDossier } from '../api-types';
import type { Language } from '../request-form';
import { japanTime } from './officer';

/**
 * The dossier's JSON (GET /v1/staff/requests/{id}/disclosure), with the shape of the consents and
 * provision records the contract leaves open (the dossier's compiler writes them).
 */
export type DossierJson = Omit<ContractDossier, 'consents' | 'provisionRecords'> & {
  consents?: Array<{ action: string; purpose?: string; recipient?: string; method: string; at: string }>;
  provisionRecords?: Array<{
    direction: string;
    counterparty: string;
    recipient?: string;
    provider?: string;
    items: string[];
    basis: string;
    date: string;
  }>;
};

/** The dossier's own words (shared with the server's page), plus the request number the paper carries. */
export const DOSSIER_TEXT = {
  ja: { ...SERVER_TEXT.ja, requestId: '受付番号' },
  en: { ...SERVER_TEXT.en, requestId: 'Request number' },
} as const;

/** A table cell: its text, and the small lines under it (marks, a source's detail). */
export interface PrintedCell {
  text: string;
  small: string[];
}

export type PrintedBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: PrintedCell[][] };

export interface PrintedSection {
  heading: string;
  blocks: PrintedBlock[];
}

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
  const list = (items: string[]): PrintedBlock =>
    items.length ? { kind: 'list', items } : { kind: 'paragraph', text: t.none };
  const sections: PrintedSection[] = [];

  if (dossier.records) {
    const records = dossier.records;
    const rows = records.map((r) => [
      cell(
        r.categoryLabel ?? r.category,
        [r.linkedAccessInformation ? t.linkedMark : '', r.specialCare ? t.specialCareMark : '']
          .filter(Boolean)
          .map((mark) => `※ ${mark}`),
      ),
      cell(r.value),
      cell(r.source.description, r.source.detail ? [r.source.detail] : []),
      cell(r.purposes.map((p) => p.description).join(' / ')),
      cell(japanTime(r.acquiredAt, language)),
    ]);
    const notes = [
      records.some((r) => r.linkedAccessInformation) ? t.linkedNote : '',
      records.some((r) => r.specialCare) ? t.specialCareNote : '',
    ]
      .filter(Boolean)
      .map((text): PrintedBlock => ({ kind: 'note', text: `※ ${text}` }));
    sections.push(
      {
        heading: t.records,
        blocks: [
          rows.length
            ? { kind: 'table', head: [t.category, t.value, t.source, t.purposes, t.acquiredAt], rows }
            : { kind: 'paragraph', text: t.none },
          ...notes,
        ],
      },
      { heading: t.purposesOfUse, blocks: [list((dossier.purposesOfUse ?? []).map((p) => p.description))] },
      {
        heading: t.consents,
        blocks: [
          list(
            (dossier.consents ?? []).map((c) =>
              [japanTime(c.at, language), c.action, c.purpose ?? c.recipient ?? '', c.method].join(' · '),
            ),
          ),
        ],
      },
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
      blocks: [
        rows.length
          ? { kind: 'table', head: ['', `${t.recipient} / ${t.provider}`, t.date, t.items, t.basis], rows }
          : { kind: 'paragraph', text: t.none },
      ],
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

  const subject = dossier.subject.name
    ? `${dossier.subject.name} <${dossier.subject.email}>`
    : `<${dossier.subject.email}>`;
  return {
    language,
    title: t.title,
    lines: [
      subject,
      `${t.requestId}: ${dossier.requestId}`,
      `${t.generatedAt}: ${japanTime(dossier.generatedAt, language)}`,
    ],
    ...(dossier.nothingHeld ? { nothingHeld: t.nothingHeld } : {}),
    sections,
  };
}
