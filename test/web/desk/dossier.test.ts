// The console's print view of a paper disclosure (web/src/desk/dossier.ts) says what the server's page
// says (functions/domain/requests/types/disclosure/dossier-formats.ts): the same headings, table heads, rows, lists and
// notes in the same order and language; only times are written in Japan time instead of ISO.
import { describe, expect, it } from 'vitest';
import type { Holdings, PersonalDataRecord } from '../../../functions/domain/holdings';
import { POLICY_PURPOSES, registryOf } from '../../../functions/domain/purposes/registry';
import {
  compileDossier,
  type Dossier,
  type DossierOptions,
} from '../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierHtml } from '../../../functions/domain/requests/types/disclosure/dossier-formats';
import { type DossierJson, type PrintedDossier, printedDossier } from '../../../web/src/desk/dossier';
import { NOTHING_HELD, receivedRequest } from '../../domain/doubles';
import { HANAKO_HOLDINGS } from '../../domain/holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');

const held = (
  record: Partial<PersonalDataRecord> & Pick<PersonalDataRecord, 'recordId' | 'category' | 'value'>,
): PersonalDataRecord => ({
  subjectId: 'subj-hanako-1',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2025-04-01T00:00:00.000Z',
  ...record,
});

const HOLDINGS: Holdings = {
  ...HANAKO_HOLDINGS,
  records: [
    ...HANAKO_HOLDINGS.records,
    held({
      recordId: 'r-cookie',
      category: 'cookie-id',
      value: 'ck-91a2',
      source: 'service-use',
      sourceDetail: 'cookie on www.example.jp',
      purposes: ['usage-analysis'],
    }),
    held({
      recordId: 'r-health',
      category: 'health-check-result',
      value: 'fit for work',
      basis: { kind: 'consent', consentId: 'ev-health' },
    }),
    held({ recordId: 'r-phone', category: 'phone', value: '03-1234-5678' }),
  ],
  provisionRecords: [
    ...HANAKO_HOLDINGS.provisionRecords,
    {
      subjectId: 'subj-hanako-1',
      recordId: 'prov-2',
      direction: 'received',
      counterparty: 'Example Credit Bureau',
      items: ['credit-information'],
      basis: 'Art. 27(5)(ii)',
      date: '2025-07-01',
    },
  ],
};

const PARTIAL: DossierOptions = {
  covers: ['personal-data', 'provision-records'],
  withheld: {
    categories: ['phone'],
    grounds: [
      {
        id: 'harm-to-others',
        label: {
          ja: '第三者の権利利益を害するおそれ（第33条第2項第1号）',
          en: 'May harm a third party (Art. 33(2)(i))',
        },
      },
    ],
    reason: '通話相手の情報を含むため。',
  },
};

function dossierOf(language: 'ja' | 'en', holdings: Holdings, options?: DossierOptions): Dossier {
  return compileDossier(receivedRequest({ language }), holdings, registryOf(POLICY_PURPOSES), NOW, options);
}

/** The server's page from its first section on, as text in document order; ISO instants as DATE. */
function pageOutline(html: string): string[] {
  const body = html.slice(html.indexOf('<h2>'), html.indexOf('</body>'));
  const unescapeHtml = (text: string) =>
    text.replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
    );
  return [...body.matchAll(/<(h2|p|li|th|td)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g)]
    .map(([, , inner]) =>
      unescapeHtml(inner!.replace(/<br>/g, ' ').replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .map((text) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, 'DATE'));
}

/** The print view's sections as the same text; its Japan times as DATE. */
function printOutline(printed: PrintedDossier): string[] {
  return printed.sections
    .flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) => {
        switch (block.kind) {
          case 'paragraph':
          case 'note':
            return [block.text];
          case 'list':
            return block.items;
          case 'table':
            return [...block.head, ...block.rows.flat().map((c) => [c.text, ...c.small].join(' '))];
        }
      }),
    ])
    .map((text) => text.replace(/(\d{4}\/\d{2}\/\d{2}|\d{2}\/\d{2}\/\d{4},) \d{2}:\d{2}:\d{2}( JST)?/g, 'DATE'));
}

/** What the console receives: the JSON of the dossier. */
const asJson = (dossier: Dossier): DossierJson => JSON.parse(JSON.stringify(dossier)) as DossierJson;

describe('printedDossier', () => {
  const nothing = dossierOf('ja', NOTHING_HELD);
  // The console's type takes the domain's dossier as it is.
  const typed: DossierJson = nothing;

  it.each(['ja', 'en'] as const)(
    "says what the server's page says, in order (%s): records with marks, purposes, consents, provision records, what was withheld",
    (language) => {
      const dossier = dossierOf(language, HOLDINGS, PARTIAL);
      const outline = printOutline(printedDossier(asJson(dossier)));
      expect(outline).toEqual(pageOutline(dossierHtml(dossier, language)));
      expect(outline.join('\n')).not.toContain('03-1234-5678');
    },
  );

  it('heads the copy with the person, the request and when it was compiled, in Japan time', () => {
    const printed = printedDossier(asJson(dossierOf('ja', HOLDINGS, PARTIAL)));
    expect(printed.title).toBe('保有個人データの開示');
    expect(printed.lines).toEqual([
      '山田 花子 <hanako.yamada@example.jp>',
      '受付番号: req-1',
      '作成日時: 2026/11/12 14:30:00',
    ]);
    expect(printed.nothingHeld).toBeUndefined();
    const en = printedDossier(asJson(dossierOf('en', HOLDINGS)));
    expect(en.lines[2]).toBe('Compiled: 12/11/2026, 14:30:00 JST');
  });

  it("names categories in the person's language, marks linked access information and special care-required data", () => {
    const rows = printedDossier(asJson(dossierOf('ja', HOLDINGS))).sections[0]!.blocks[0]!;
    expect(rows.kind).toBe('table');
    const cells = rows.kind === 'table' ? rows.rows.map((r) => r[0]!) : [];
    expect(cells.find((c) => c.text === 'Cookie識別子')!.small).toEqual(['※ お客様に紐づくアクセス情報']);
    expect(cells.find((c) => c.text === '氏名')!.small).toEqual([]);
    expect(cells.some((c) => c.small.includes('※ 要配慮個人情報'))).toBe(true);
  });

  it('falls back to the category id for a copy compiled before the API named categories', () => {
    const json = asJson(dossierOf('ja', HOLDINGS));
    for (const record of json.records!) delete record.categoryLabel;
    const table = printedDossier(json).sections[0]!.blocks[0]!;
    expect(table.kind === 'table' && table.rows[0]![0]!.text).toBe('name');
  });

  it('says when nothing is held, and "none" for each empty part', () => {
    const printed = printedDossier(typed);
    expect(printed.nothingHeld).toBe('当社はお客様の個人データを保有しておりません。');
    expect(printOutline(printed)).toEqual(pageOutline(dossierHtml(nothing, 'ja')));
    expect(printOutline(printed)).toContain('ありません');
  });

  it('leaves out the parts the person did not ask for', () => {
    const onlyProvisions = dossierOf('en', HOLDINGS, { covers: ['provision-records'] });
    const printed = printedDossier(asJson(onlyProvisions));
    expect(printed.sections.map((s) => s.heading)).toEqual([
      'Records of provision to and receipt from third parties (APPI Art. 33(5))',
    ]);
    expect(printOutline(printed)).toEqual(pageOutline(dossierHtml(onlyProvisions, 'en')));
  });
});
