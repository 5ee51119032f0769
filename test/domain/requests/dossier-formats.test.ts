// The dossier as a page and as CSV: every value escaped, no spreadsheet formula, the person's language.
import { describe, expect, it } from 'vitest';
import type { Holdings } from '../../../functions/domain/holdings';
import { compileDossier } from '../../../functions/domain/requests/disclosure-dossier';
import { dossierCsv, dossierHtml } from '../../../functions/domain/requests/dossier-formats';
import { NOTHING_HELD, receivedRequest } from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const hostile: Holdings = {
  ...NOTHING_HELD,
  subjectIds: ['s'],
  records: [
    { ...HANAKO_HOLDINGS.records[0]!, category: 'nickname', value: '<script>alert("x")</script>', sourceDetail: '<b>form</b>' },
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

  it('is written in the request\'s language, and says so when nothing is held', () => {
    const ja = dossierHtml(compileDossier(receivedRequest(), NOTHING_HELD, NOW), 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('当社はお客様の個人データを保有しておりません。');
    const en = dossierHtml(compileDossier(receivedRequest({ language: 'en' }), NOTHING_HELD, NOW), 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('We hold no personal data about you.');
    expect(dossierHtml(compileDossier(receivedRequest(), HANAKO_HOLDINGS, NOW), 'ja')).not.toContain('保有しておりません');
  });
});

describe('dossierCsv', () => {
  const csv = dossierCsv(compileDossier(receivedRequest(), hostile, NOW));
  const lines = csv.slice(1).split('\r\n');

  it('starts with a byte-order mark and a header, one CRLF-terminated line per row', () => {
    expect(csv.startsWith('\uFEFFsection,item,content,source,purposes,date\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`,provided: @SUM(A1),`); // not at the start of the cell: harmless
    expect(lines.some((l) => l.split(',').some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csv).toContain('"a, ""quoted""\nline"');
  });
});
