// The dossier as a page and as CSV: every value escaped, no spreadsheet formula, the person's language,
// linked access information and special care-required records marked and the marks explained.
import { describe, expect, it } from 'vitest';
import type { Holdings } from '../../../../../functions/domain/holdings';
import { POLICY_PURPOSES, registryOf } from '../../../../../functions/domain/purposes/registry';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import { compileDossier as compile } from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierCsv, dossierHtml } from '../../../../../functions/domain/requests/types/disclosure/dossier-formats';
import { NOTHING_HELD, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const compileDossier = (request: DeskRequest, holdings: Holdings, now: Date) =>
  compile(request, holdings, registryOf(POLICY_PURPOSES), now);
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

describe('dossierHtml', () => {
  it('escapes every value taken from the records', () => {
    const html = dossierHtml(compileDossier(receivedRequest(), hostile, NOW), 'ja');
    expect(html).not.toContain('<script>');
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
});

describe('dossierCsv', () => {
  const csv = dossierCsv(compileDossier(receivedRequest(), hostile, NOW));
  const lines = csv.slice(1).split('\r\n');

  it('starts with a byte-order mark and a header, one CRLF-terminated line per row', () => {
    expect(
      csv.startsWith('\uFEFFsection,item,content,source,purposes,date,linked-access-information,special-care\r\n'),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`,recipient: @SUM(A1),`); // not at the start of the cell: harmless
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
      const rows = html.split('<tr>').slice(2);
      const linkedMark = language === 'ja' ? 'お客様に紐づくアクセス情報' : 'Access information linked to you';
      const specialMark = language === 'ja' ? '要配慮個人情報' : 'Special care-required';
      expect(rows[0]).not.toContain('class="mark"');
      expect(rows[1]).toContain(`<small class="mark">※ ${linkedMark}</small>`);
      expect(rows[1]).not.toContain(specialMark);
      expect(rows[2]).toContain(`<small class="mark">※ ${specialMark}</small>`);
      expect(html).toContain(LINKED_NOTE[language]);
      expect(html).toContain(SPECIAL_CARE_NOTE[language]);
    },
  );

  it("names each item by its category in the reader's language", () => {
    expect(dossierHtml(compileDossier(receivedRequest(), marked, NOW), 'ja')).toContain('<td>広告識別子<br>');
    expect(dossierHtml(compileDossier(receivedRequest({ language: 'en' }), marked, NOW), 'en')).toContain(
      '<td>Advertising identifier<br>',
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
  it('has a column for each mark, true or false on every record row and empty on the others', () => {
    const held = { ...marked, consents: HANAKO_HOLDINGS.consents, provisionRecords: HANAKO_HOLDINGS.provisionRecords };
    const rows = dossierCsv(compileDossier(receivedRequest(), held, NOW))
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const marksOf = (section: string) => rows.filter((r) => r[0] === section).map((r) => r.slice(-2));
    expect(marksOf('personal-data')).toEqual([
      ['false', 'false'],
      ['true', 'false'],
      ['false', 'true'],
    ]);
    expect(marksOf('consent')).toEqual([['', '']]);
    expect(marksOf('third-party-provision-record')).toEqual([['', '']]);
  });

  it.each(['ja', 'en'] as const)('in %s: explains each mark a record carries in a note row', (language) => {
    const csv = dossierCsv(compileDossier(receivedRequest({ language }), marked, NOW));
    const notes = csv.split('\r\n').filter((l) => l.startsWith('note,'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^note,linked-access-information,/);
    expect(notes[0]).toContain(LINKED_NOTE[language]);
    expect(notes[1]).toMatch(/^note,special-care,/);
    expect(notes[1]).toContain(SPECIAL_CARE_NOTE[language]);
    expect(dossierCsv(compileDossier(receivedRequest({ language }), HANAKO_HOLDINGS, NOW))).not.toMatch(
      /note,(linked-access-information|special-care),/,
    );
  });
});
