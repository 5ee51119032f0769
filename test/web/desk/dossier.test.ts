// The console's print view of a paper disclosure (web/src/desk/dossier.ts) lays the dossier out with
// the server page's own layout (functions/domain/requests/types/disclosure/dossier-text.ts), from the
// JSON the staff's read serves: the same sections, cards, words and Japan times as the person's page.

import { describe, expect, it } from 'vitest';
import type { Holdings, PersonalDataRecord } from '../../../functions/domain/holdings';
import { POLICY_PURPOSES, registryOf } from '../../../functions/domain/purposes/registry';
import {
  compileDossier,
  type Dossier,
  type DossierHolderResults,
  type DossierOptions,
  holderResultsPart,
  servedDossier,
} from '../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierHtml } from '../../../functions/domain/requests/types/disclosure/dossier-formats';
import { type DossierJson, type DossierLayout, printedDossier } from '../../../web/src/desk/dossier';
import { NOTHING_HELD, receivedRequest } from '../../domain/doubles';
import { HANAKO_HOLDINGS } from '../../domain/holdings-fixture';
import { DEMO_DESK } from '../../support/company';

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

function dossierOf(
  language: 'ja' | 'en',
  holdings: Holdings,
  options?: DossierOptions,
  holders: DossierHolderResults[] = [],
): Dossier {
  const stored = compileDossier(receivedRequest({ language }), holdings, registryOf(POLICY_PURPOSES), NOW, options);
  return servedDossier(holders.length ? { ...stored, holderResults: holders } : stored, NOW, DEMO_DESK);
}

/** Two other holders' parts: the CRM's records (one special care-required), and a holder that could not be reached. */
const holderParts = (language: 'ja' | 'en') => [
  holderResultsPart(
    'Mecara CRM',
    ['email', 'medical-history'],
    [
      { category: 'email', value: 'hanako@crm.example' },
      { category: 'medical-history', value: '喘息' },
    ],
    language,
    NOW,
  ),
  holderResultsPart('Billing', ['email'], undefined, language, NOW),
];

/** The text of a layout's sections in order, as a reader meets it. */
function outline(layout: DossierLayout): string[] {
  return layout.sections.flatMap((section) => [
    section.heading,
    ...section.blocks.flatMap((block) => {
      switch (block.kind) {
        case 'paragraph':
        case 'note':
          return [block.text];
        case 'list':
          return block.items;
        case 'labelled':
          return [`${block.label}: ${block.value.text}`];
        case 'cards':
          return block.cards.flatMap((card) => [
            card.title.text,
            ...card.marks,
            ...card.fields.flatMap((f) => [
              f.label,
              ...(f.value ? [f.value.text] : []),
              ...(f.list ?? []).map((v) => v.text),
              ...(f.detail ? [f.detail.text] : []),
            ]),
          ]);
      }
    }),
  ]);
}

/** What the console receives: the JSON of the dossier. */
const asJson = (dossier: Dossier): DossierJson => JSON.parse(JSON.stringify(dossier)) as DossierJson;

const unescapeHtml = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

describe('printedDossier', () => {
  const nothing = dossierOf('ja', NOTHING_HELD);
  // The console's type takes the domain's dossier as it is.
  const typed: DossierJson = nothing;

  it.each(['ja', 'en'] as const)(
    "says everything the person's page says, in its order (%s): records with marks, purposes, consents, other holders' parts, provision records, what was withheld",
    (language) => {
      const dossier = dossierOf(language, HOLDINGS, PARTIAL, holderParts(language));
      const text = outline(printedDossier(asJson(dossier)));
      expect(text).toContain(language === 'ja' ? 'Mecara CRMが保有するデータ' : 'Data held by Mecara CRM');
      expect(text).toContain(language === 'ja' ? '保有元: Mecara CRM' : 'Held by: Mecara CRM');
      expect(text).toContain(
        language === 'ja'
          ? 'Billingが保有するデータは、取得できなかったため、この開示に含まれていません。'
          : 'The data held by Billing could not be obtained and is not part of this disclosure.',
      );
      const page = unescapeHtml(dossierHtml(dossier, language).replace(/<[^>]+>/g, ''));
      let from = 0;
      for (const line of text) {
        const at = page.indexOf(line, from);
        expect(at, `${line} on the page, in order`).toBeGreaterThanOrEqual(0);
        from = at;
      }
      expect(text.join('\n')).not.toContain('03-1234-5678');
    },
  );

  it('heads the copy with the request, the person and when it was compiled, in Japan time', () => {
    const printed = printedDossier(asJson(dossierOf('ja', HOLDINGS, PARTIAL)));
    expect(printed.title).toBe('保有個人データの開示');
    expect(printed.facts.map((f) => `${f.label}: ${f.value.text}`)).toEqual([
      '受付番号: req-1',
      'ご本人: 山田 花子 <hanako.yamada@example.jp>',
      '作成日時: 2026年11月12日 14:30',
    ]);
    expect(printed.facts.map((f) => f.value.data === true)).toEqual([true, true, false]);
    expect(printed.nothingHeld).toBeUndefined();
    const en = printedDossier(asJson(dossierOf('en', HOLDINGS)));
    expect(en.facts[2]!.value.text).toBe('12 Nov 2026, 14:30 JST');
    expect(en.timeNote).toBe('All dates and times are Japan time (JST).');
  });

  it("names categories in the person's language, marks linked access information and special care-required data", () => {
    const block = printedDossier(asJson(dossierOf('ja', HOLDINGS))).sections[0]!.blocks[0]!;
    expect(block.kind).toBe('cards');
    const cards = block.kind === 'cards' ? block.cards : [];
    expect(cards.find((c) => c.title.text === 'Cookie識別子')!.marks).toEqual(['お客様に紐づくアクセス情報']);
    expect(cards.find((c) => c.title.text === '氏名')!.marks).toEqual([]);
    expect(cards.some((c) => c.marks.includes('要配慮個人情報'))).toBe(true);
    const name = cards.find((c) => c.title.text === '氏名')!;
    expect(name.fields.find((f) => f.label === '内容')!.value).toEqual({ text: '山田 花子', data: true });
    expect(name.fields.find((f) => f.label === '取得日時')!.value!.text).toBe('2025年4月1日 9:00');
  });

  it('names the desk to contact', () => {
    const printed = printedDossier(asJson(dossierOf('ja', HOLDINGS)));
    expect(printed.contact?.heading).toBe('お問い合わせ先');
    expect(printed.contact?.email).toMatch(/@/);
    expect(printed.contact?.name).toMatch(/窓口/);
  });

  it('says when nothing is held, and "none" for each empty part', () => {
    const printed = printedDossier(typed);
    expect(printed.nothingHeld).toBe('当社はお客様の個人データを保有しておりません。');
    expect(outline(printed)).toContain('ありません');
  });

  it('leaves out the parts the person did not ask for', () => {
    const onlyProvisions = dossierOf('en', HOLDINGS, { covers: ['provision-records'] });
    const printed = printedDossier(asJson(onlyProvisions));
    expect(printed.sections.map((s) => s.heading)).toEqual([
      'Records of provision to and receipt from third parties (APPI Art. 33(5))',
    ]);
  });
});
