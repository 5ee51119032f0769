// The dossier as a page and as CSV: every value escaped, no spreadsheet formula, the person's language
// and Japan time throughout, codes named from their one source of words, linked access information
// and special care-required records marked and the marks explained, landmarks, the desk to contact,
// and a page that runs only the style and script its CSP names by hash.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSENT_ACTION_LABELS, CONSENT_METHOD_LABELS } from '../../../../../functions/domain/consents/consent-words';
import { CONSENT_METHODS } from '../../../../../functions/domain/consents/rules';
import type { Holdings } from '../../../../../functions/domain/holdings';
import { PROVISION_BASES } from '../../../../../functions/domain/provisions/permit-provision';
import { PROVISION_BASIS_LABELS } from '../../../../../functions/domain/provisions/provision-words';
import { RECEIPT_BASES } from '../../../../../functions/domain/provisions/record-receipt';
import { POLICY_PURPOSES, registryOf } from '../../../../../functions/domain/purposes/registry';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import {
  compileDossier as compile,
  type Dossier,
  holderResultsPart,
  servedDossier,
} from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import {
  DOSSIER_PAGE_POLICY,
  DOSSIER_PAGE_SCRIPT,
  DOSSIER_PAGE_STYLE,
  dossierCsv,
  dossierHtml,
} from '../../../../../functions/domain/requests/types/disclosure/dossier-formats';
import {
  dossierDate,
  dossierLayout,
  dossierSortableTime,
  dossierTime,
} from '../../../../../functions/domain/requests/types/disclosure/dossier-text';
import { DEMO_DESK } from '../../../../support/company';
import { NOTHING_HELD, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');
/** The dossier as the link serves it. */
const compileDossier = (request: DeskRequest, holdings: Holdings, now: Date): Dossier =>
  servedDossier(compile(request, holdings, registryOf(POLICY_PURPOSES), now), now, DEMO_DESK);
const hostile: Holdings = {
  ...NOTHING_HELD,
  subjectIds: ['s'],
  records: [
    {
      ...HANAKO_HOLDINGS.records[0]!,
      category: 'nickname',
      value: '<script>alert("x")</script>',
      sourceDetail: '<b>form</b>',
    },
    { ...HANAKO_HOLDINGS.records[0]!, category: 'memo', value: '=HYPERLINK("http://evil.example","click")' },
    { ...HANAKO_HOLDINGS.records[0]!, category: 'note', value: 'a, "quoted"\nline' },
  ],
  consents: [{ ...HANAKO_HOLDINGS.consents[0]!, method: '<img src=x onerror=alert(1)>' }],
  provisionRecords: [{ ...HANAKO_HOLDINGS.provisionRecords[0]!, counterparty: '@SUM(A1)' }],
};
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('Japan time', () => {
  it('writes an instant as a person reads it in Japan, never as a UTC instant', () => {
    expect(dossierTime('2026-12-07T07:05:00.000Z', 'ja')).toBe('2026年12月7日 16:05');
    expect(dossierTime('2026-12-07T07:05:00.000Z', 'en')).toBe('7 Dec 2026, 16:05 JST');
    // 20:30 UTC is the next day in Japan.
    expect(dossierTime('2026-12-31T20:30:00.000Z', 'ja')).toBe('2027年1月1日 5:30');
    expect(dossierDate('2025-05-01', 'ja')).toBe('2025年5月1日');
    expect(dossierDate('2025-05-01', 'en')).toBe('1 May 2025');
    expect(dossierSortableTime('2026-12-31T20:30:00.000Z')).toBe('2027-01-01 05:30');
    expect(dossierTime('not a time', 'ja')).toBe('not a time');
  });
});

describe('dossierHtml', () => {
  it('escapes every value taken from the records', () => {
    const html = dossierHtml(compileDossier(receivedRequest(), hostile, NOW), 'ja');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>form</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it("is written in the request's language, and says so when nothing is held", () => {
    const ja = dossierHtml(compileDossier(receivedRequest(), NOTHING_HELD, NOW), 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('当社はお客様の個人データを保有しておりません。');
    const en = dossierHtml(compileDossier(receivedRequest({ language: 'en' }), NOTHING_HELD, NOW), 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('We hold no personal data about you.');
    expect(dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja')).not.toContain(
      '保有しておりません',
    );
  });

  it.each(['ja', 'en'] as const)(
    'in %s: Japan time everywhere, the request number, consents, provision items and bases in words, the desk to contact',
    (language) => {
      const html = dossierHtml(compileDossier(receivedRequest({ language }), HANAKO_HOLDINGS, NOW), language);
      expect(html).not.toMatch(ISO_INSTANT);
      expect(html).toContain(language === 'ja' ? '2026年11月12日 14:30' : '12 Nov 2026, 14:30 JST');
      expect(html).toContain(language === 'ja' ? '2025年4月1日 9:00' : '1 Apr 2025, 09:00 JST');
      expect(html).toContain(
        `<dt>${language === 'ja' ? '受付番号' : 'Request number'}</dt><dd><span translate="no">req-1</span></dd>`,
      );
      expect(html).toContain(`<h3>${CONSENT_ACTION_LABELS.given[language]}</h3>`);
      expect(html).toContain(PROVISION_BASIS_LABELS.consent[language]);
      expect(html).toContain(language === 'ja' ? '<li>メールアドレス</li>' : '<li>E-mail address</li>');
      expect(html).not.toMatch(/>(given|consent|provided|name, email)</);
      expect(html).toContain('<footer>');
      expect(html).toMatch(/<a href="mailto:[^"]+@[^"]+">/);
      expect(html).toContain(language === 'ja' ? 'お問い合わせ先' : 'Contact');
      // The desk as the notice names it, in the page's language: name, address, hours.
      expect(html).toContain(DEMO_DESK.name[language]);
      expect(html).toContain(`<dd>${DEMO_DESK.address[language]}</dd>`);
      expect(html).toContain(`<dd>${DEMO_DESK.hoursText[language]}</dd>`);
    },
  );

  it('has landmarks, one h1, and values kept as registered marked translate="no"', () => {
    const html = dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja');
    expect(html.match(/<header>/g)).toHaveLength(1);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html.match(/<footer>/g)).toHaveLength(1);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<span translate="no">山田 花子</span>');
    expect(html).toContain('<span translate="no">ad-5f2c</span>');
    expect(html).not.toContain('<table');
  });

  it('offers print and downloads of the same copy by links, and runs only the style and script its CSP names', () => {
    const html = dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja', { downloads: true });
    expect(html).toContain('<a href="?format=json" download>');
    expect(html).toContain('<a href="?format=csv" download>');
    expect(html).toContain('<button type="button" id="print" hidden>印刷する</button>');
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(scripts).toEqual([DOSSIER_PAGE_SCRIPT]);
    expect(styles).toEqual([DOSSIER_PAGE_STYLE]);
    expect(DOSSIER_PAGE_POLICY).toContain(`script-src ${hash(DOSSIER_PAGE_SCRIPT)}`);
    expect(DOSSIER_PAGE_POLICY).toContain(`style-src ${hash(DOSSIER_PAGE_STYLE)}`);
    expect(DOSSIER_PAGE_POLICY).toMatch(/^default-src 'none'/);
    expect(DOSSIER_PAGE_POLICY).not.toContain('unsafe');
    // A style attribute would need 'unsafe-inline'; an inline handler would need it for scripts.
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
    // The staff's print view has no downloads: a link there carries no token.
    expect(dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja')).not.toContain('?format=');
  });
});

describe('words of codes, from their one source', () => {
  it('names every provision and receipt basis and every consent method and action in both languages', () => {
    for (const basis of [...PROVISION_BASES, ...RECEIPT_BASES]) {
      expect(PROVISION_BASIS_LABELS[basis], basis).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
    }
    for (const { id } of CONSENT_METHODS) expect(CONSENT_METHOD_LABELS[id], id).toBeDefined();
    expect(Object.keys(CONSENT_ACTION_LABELS).sort()).toEqual(['given', 'withdrawn']);
  });

  it('keeps a code the desk has no word for as it is, marked as data', () => {
    const html = dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja');
    // The fixture's consent method "web-form" is not one the desk records today.
    expect(html).toContain('<dt>方法</dt><dd><span translate="no">web-form</span></dd>');
  });
});

describe('dossierCsv', () => {
  const csv = dossierCsv(compileDossier(receivedRequest(), hostile, NOW));
  const lines = csv.slice(1).split('\r\n');

  it("starts with a byte-order mark and a header in the person's language, one CRLF-terminated line per row", () => {
    expect(
      csv.startsWith(
        '\uFEFF区分,項目,内容,取得元・根拠,利用目的,日時（日本時間）,お客様に紐づくアクセス情報,要配慮個人情報\r\n',
      ),
    ).toBe(true);
    expect(
      dossierCsv(compileDossier(receivedRequest({ language: 'en' }), NOTHING_HELD, NOW)).startsWith(
        '\uFEFFSection,Item,Content,Source or basis,Purposes of use,Date (Japan time),Access information linked to you,Special care-required\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes times in Japan time, sortable, never as UTC instants', () => {
    const full = dossierCsv(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW));
    expect(full).not.toMatch(ISO_INSTANT);
    expect(full).toContain(',2025-04-01 09:00,');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`,提供先: @SUM(A1),`); // not at the start of the cell: harmless
    expect(lines.some((l) => l.split(',').some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csv).toContain('"a, ""quoted""\nline"');
  });
});

const marked: Holdings = {
  ...NOTHING_HELD,
  subjectIds: ['s'],
  records: [
    { ...HANAKO_HOLDINGS.records[0]! },
    {
      ...HANAKO_HOLDINGS.records[0]!,
      recordId: 'r-ad',
      category: 'advertising-identifier',
      value: 'ad-77',
      source: 'service-use',
      purposes: ['advertising'],
    },
    {
      ...HANAKO_HOLDINGS.records[0]!,
      recordId: 'r-med',
      category: 'medical-history',
      value: 'asthma',
      basis: { kind: 'consent', consentId: 'ev-9' },
    },
  ],
};
const LINKED_NOTE = {
  ja: 'お客様の個人データと紐づけて保有しているもの',
  en: 'which we hold linked to your personal data',
};
const SPECIAL_CARE_NOTE = { ja: '第2条第3項に定める要配慮個人情報', en: 'as defined in Article 2(3) of the Act' };

describe('dossierHtml: marks', () => {
  it.each(['ja', 'en'] as const)(
    'in %s: marks the linked access information and the special care-required record, and explains both',
    (language) => {
      const html = dossierHtml(compileDossier(receivedRequest({ language }), marked, NOW), language);
      const cards = html.split('<li class="card">').slice(1);
      const linkedMark = language === 'ja' ? 'お客様に紐づくアクセス情報' : 'Access information linked to you';
      const specialMark = language === 'ja' ? '要配慮個人情報' : 'Special care-required';
      expect(cards[0]).not.toContain('class="mark"');
      expect(cards[1]).toContain(`<p class="mark">※ ${linkedMark}</p>`);
      expect(cards[1]).not.toContain(specialMark);
      expect(cards[2]).toContain(`<p class="mark">※ ${specialMark}</p>`);
      expect(html).toContain(LINKED_NOTE[language]);
      expect(html).toContain(SPECIAL_CARE_NOTE[language]);
    },
  );

  it("names each item by its category in the reader's language", () => {
    expect(dossierHtml(compileDossier(receivedRequest(), marked, NOW), 'ja')).toContain('<h3>広告識別子</h3>');
    expect(dossierHtml(compileDossier(receivedRequest({ language: 'en' }), marked, NOW), 'en')).toContain(
      '<h3>Advertising identifier</h3>',
    );
  });

  it('explains no mark that no record carries', () => {
    const html = dossierHtml(
      compileDossier(receivedRequest(), { ...marked, records: marked.records.slice(0, 1) }, NOW),
      'ja',
    );
    expect(html).not.toContain(LINKED_NOTE.ja);
    expect(html).not.toContain(SPECIAL_CARE_NOTE.ja);
  });
});

describe('dossierCsv: marks', () => {
  it('has a column for each mark, yes or no on every record row and empty on the others', () => {
    const held = { ...marked, consents: HANAKO_HOLDINGS.consents, provisionRecords: HANAKO_HOLDINGS.provisionRecords };
    const rows = dossierCsv(compileDossier(receivedRequest(), held, NOW))
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const marksOf = (section: string) => rows.filter((r) => r[0] === section).map((r) => r.slice(-2));
    expect(marksOf('保有個人データ')).toEqual([
      ['いいえ', 'いいえ'],
      ['はい', 'いいえ'],
      ['いいえ', 'はい'],
    ]);
    expect(marksOf('同意の記録')).toEqual([['', '']]);
    expect(marksOf('第三者への提供')).toEqual([['', '']]);
  });

  it.each(['ja', 'en'] as const)('in %s: explains each mark a record carries in a note row', (language) => {
    const csv = dossierCsv(compileDossier(receivedRequest({ language }), marked, NOW));
    const note = language === 'ja' ? '注記' : 'Note';
    const notes = csv.split('\r\n').filter((l) => l.startsWith(`${note},`));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain(LINKED_NOTE[language]);
    expect(notes[1]).toContain(SPECIAL_CARE_NOTE[language]);
    expect(dossierCsv(compileDossier(receivedRequest({ language }), HANAKO_HOLDINGS, NOW))).not.toContain(
      LINKED_NOTE[language],
    );
  });
});

describe("the other holders' parts", () => {
  /** Hanako's copy with two holders' parts merged: one returned records (one special care-required, one hostile), one could not be reached. */
  const withHolders = (language: 'ja' | 'en') => {
    const request = receivedRequest({ language });
    const stored = compile(request, HANAKO_HOLDINGS, registryOf(POLICY_PURPOSES), NOW);
    return servedDossier(
      {
        ...stored,
        holderResults: [
          holderResultsPart(
            'Mecara CRM',
            ['email', 'medical-history', 'memo'],
            [
              { category: 'email', value: 'hanako@crm.example' },
              { category: 'medical-history', value: 'asthma' },
              { category: 'memo', value: '=HYPERLINK("http://evil.example")<b>' },
              { category: 'name', value: 'not asked for' },
            ],
            language,
            NOW,
          ),
          holderResultsPart('Billing <Ltd>', ['email'], undefined, language, NOW),
        ],
      },
      NOW,
      DEMO_DESK,
    );
  };

  it('a part per holder, its heading and its source naming the holder, after the personal data and before Art. 33(5); only what it was asked for', () => {
    const layout = dossierLayout(withHolders('en'));
    expect(layout.sections.map((s) => s.id)).toEqual([
      'records',
      'purposes',
      'consents',
      'holder-1',
      'holder-2',
      'provision-records',
    ]);
    const [crm, billing] = layout.sections.filter((s) => s.id.startsWith('holder-'));
    expect(crm!.heading).toBe('Data held by Mecara CRM');
    expect(crm!.blocks[0]).toEqual({ kind: 'labelled', label: 'Held by', value: { text: 'Mecara CRM', data: true } });
    const cards = crm!.blocks.find((b) => b.kind === 'cards');
    expect(cards?.kind === 'cards' && cards.cards.map((c) => c.title.text)).toEqual([
      'E-mail address',
      'Medical history',
      'memo',
    ]);
    expect(cards?.kind === 'cards' && cards.cards[1]!.marks).toEqual(['Special care-required']);
    expect(crm!.blocks.some((b) => b.kind === 'note' && b.text.includes('Article 2(3)'))).toBe(true);
    expect(billing!.blocks).toContainEqual({
      kind: 'paragraph',
      text: 'The data held by Billing <Ltd> could not be obtained and is not part of this disclosure.',
    });
  });

  it('the page and CSV in Japanese: the holder named, values escaped and defused, special care marked and explained', () => {
    const dossier = withHolders('ja');
    const html = dossierHtml(dossier, 'ja');
    expect(html).toContain('<h2 id="holder-1">Mecara CRMが保有するデータ</h2>');
    expect(html).toContain('保有元: <span translate="no">Mecara CRM</span>');
    expect(html).toContain('Billing &lt;Ltd&gt;が保有するデータは、取得できなかったため、この開示に含まれていません。');
    expect(html).toContain('<span translate="no">asthma</span>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('not asked for');
    const csv = dossierCsv(dossier).split('\r\n');
    const crmRows = csv.filter((line) => line.startsWith('Mecara CRMが保有するデータ,'));
    expect(crmRows).toHaveLength(3);
    expect(crmRows[1]).toBe('Mecara CRMが保有するデータ,病歴,asthma,保有元: Mecara CRM,,,いいえ,はい');
    expect(crmRows[2]).toContain(`'=HYPERLINK`);
    expect(csv.some((line) => line.startsWith('Billing <Ltd>が保有するデータ,,Billing <Ltd>が保有するデータは'))).toBe(
      true,
    );
    expect(csv.some((line) => line.startsWith('注記,要配慮個人情報,'))).toBe(true);
  });
});
