// A dossier as a person reads it: a page for the browser the e-mailed link opens in, or CSV for a
// spreadsheet. JSON is the dossier itself.
import type { Dossier } from './disclosure-dossier';
import type { Language } from './request';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TEXT = {
  ja: {
    title: '保有個人データの開示', records: '保有個人データ', category: '項目', value: '内容', source: '取得元',
    purposes: '利用目的', acquiredAt: '取得日時', purposesOfUse: '利用目的', consents: '同意の記録',
    provisions: '第三者提供・受領の記録', none: 'ありません', nothingHeld: '当社はお客様の個人データを保有しておりません。',
    generatedAt: '作成日時',
  },
  en: {
    title: 'Disclosure of your personal data', records: 'Personal data we hold', category: 'Item', value: 'Content',
    source: 'Source', purposes: 'Purposes of use', acquiredAt: 'Acquired', purposesOfUse: 'Purposes of use',
    consents: 'Consents', provisions: 'Records of provision to or receipt from third parties', none: 'None',
    nothingHeld: 'We hold no personal data about you.', generatedAt: 'Compiled',
  },
} as const;

export function dossierHtml(dossier: Dossier, language: Language): string {
  const t = TEXT[language];
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : `<p>${t.none}</p>`);
  const rows = dossier.records.map((r) => `<tr><td>${escapeHtml(r.category)}</td><td>${escapeHtml(r.value)}</td><td>${escapeHtml(r.source.description)}${r.source.detail ? `<br><small>${escapeHtml(r.source.detail)}</small>` : ''}</td><td>${escapeHtml(r.purposes.map((p) => p.description).join(' / '))}</td><td>${escapeHtml(r.acquiredAt)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>${t.title}</h1>
<p>${escapeHtml(dossier.subject.name ?? '')} &lt;${escapeHtml(dossier.subject.email)}&gt; · ${t.generatedAt}: ${escapeHtml(dossier.generatedAt)}</p>
${dossier.nothingHeld ? `<p><strong>${t.nothingHeld}</strong></p>` : ''}
<h2>${t.records}</h2>
${dossier.records.length ? `<table><thead><tr><th>${t.category}</th><th>${t.value}</th><th>${t.source}</th><th>${t.purposes}</th><th>${t.acquiredAt}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${t.none}</p>`}
<h2>${t.purposesOfUse}</h2>
${list(dossier.purposesOfUse.map((p) => p.description))}
<h2>${t.consents}</h2>
${list(dossier.consents.map((c) => [c.at, c.action, c.purpose ?? c.recipient ?? '', c.method].join(' · ')))}
<h2>${t.provisions}</h2>
${list(dossier.provisionRecords.map((p) => [p.date, p.direction, p.counterparty, p.items.join(', '), p.basis].join(' · ')))}
</body></html>`;
}

/** RFC 4180 fields; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function dossierCsv(dossier: Dossier): string {
  const header = ['section', 'item', 'content', 'source', 'purposes', 'date'];
  const rows: string[][] = [
    ...dossier.records.map((r) => ['personal-data', r.category, r.value, [r.source.description, r.source.detail].filter(Boolean).join(': '), r.purposes.map((p) => p.description).join(' / '), r.acquiredAt]),
    ...dossier.consents.map((c) => ['consent', c.purpose ?? c.recipient ?? '', c.action, c.method, '', c.at]),
    ...dossier.provisionRecords.map((p) => ['provision-record', p.items.join(' / '), `${p.direction}: ${p.counterparty}`, p.basis, '', p.date]),
  ];
  // A byte-order mark so spreadsheet software reads the Japanese text as UTF-8.
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
