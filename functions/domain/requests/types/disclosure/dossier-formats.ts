// A dossier as a person reads it: a page for the browser the e-mailed link opens in, or CSV for a
// spreadsheet; staff print the page for a paper disclosure. JSON is the dossier itself. Both say
// which records are access information linked to the person (policy §1) and which are special
// care-required (APPI Art. 2(3)), and explain the marks; both label the Art. 33(5) provision records
// and say what a partial decision withheld, on which grounds and why (Art. 33(3), 36).
import { categoryById } from '../../../personal-data/categories';
import type { Language } from '../../request';
import type { Dossier } from './disclosure-dossier';
import { DOSSIER_TEXT as TEXT } from './dossier-text';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function dossierHtml(dossier: Dossier, language: Language): string {
  const t = TEXT[language];
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : `<p>${t.none}</p>`;
  const records = dossier.records ?? [];
  const marks = (r: (typeof records)[number]) =>
    [r.linkedAccessInformation ? t.linkedMark : '', r.specialCare ? t.specialCareMark : '']
      .filter(Boolean)
      .map((mark) => `<br><small class="mark">※ ${escapeHtml(mark)}</small>`)
      .join('');
  const notes = [
    records.some((r) => r.linkedAccessInformation) ? t.linkedNote : '',
    records.some((r) => r.specialCare) ? t.specialCareNote : '',
  ]
    .filter(Boolean)
    .map((note) => `<p class="note">※ ${escapeHtml(note)}</p>`)
    .join('\n');
  const rows = records
    .map(
      (r) =>
        `<tr><td>${escapeHtml(categoryById(r.category)?.[language] ?? r.category)}${marks(r)}</td><td>${escapeHtml(r.value)}</td><td>${escapeHtml(r.source.description)}${r.source.detail ? `<br><small>${escapeHtml(r.source.detail)}</small>` : ''}</td><td>${escapeHtml(r.purposes.map((p) => p.description).join(' / '))}</td><td>${escapeHtml(r.acquiredAt)}</td></tr>`,
    )
    .join('');
  const personalData = dossier.records
    ? `<h2>${t.records}</h2>
${records.length ? `<table><thead><tr><th>${t.category}</th><th>${t.value}</th><th>${t.source}</th><th>${t.purposes}</th><th>${t.acquiredAt}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${t.none}</p>`}
${notes}
<h2>${t.purposesOfUse}</h2>
${list((dossier.purposesOfUse ?? []).map((p) => p.description))}
<h2>${t.consents}</h2>
${list((dossier.consents ?? []).map((c) => [c.at, c.action, c.purpose ?? c.recipient ?? '', c.method].join(' · ')))}
`
    : '';
  const provisionRows = (dossier.provisionRecords ?? [])
    .map(
      (p) =>
        `<tr><td>${p.direction === 'provided' ? t.provided : t.received}</td><td>${escapeHtml(p.recipient ? `${t.recipient}: ${p.recipient}` : `${t.provider}: ${p.provider ?? p.counterparty}`)}</td><td>${escapeHtml(p.date)}</td><td>${escapeHtml(p.items.join(', '))}</td><td>${escapeHtml(p.basis)}</td></tr>`,
    )
    .join('');
  const provisions = dossier.provisionRecords
    ? `<h2>${escapeHtml(dossier.provisionRecordsLabel ?? '')}</h2>
${provisionRows ? `<table><thead><tr><th></th><th>${t.recipient} / ${t.provider}</th><th>${t.date}</th><th>${t.items}</th><th>${t.basis}</th></tr></thead><tbody>${provisionRows}</tbody></table>` : `<p>${t.none}</p>`}
`
    : '';
  const withheld = dossier.withheld
    ? `<h2>${t.withheld}</h2>
<p>${t.withheldIntro}</p>
${list(dossier.withheld.categories.map((c) => c.label))}
<p>${t.grounds}:</p>
${list(dossier.withheld.grounds.map((g) => g.label))}
<p>${t.reason}: ${escapeHtml(dossier.withheld.reason)}</p>
`
    : '';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}.mark{color:#8a3b00}.note{font-size:.9rem}@media print{body{margin:0;max-width:none;font-size:11pt}tr{break-inside:avoid}}</style>
</head><body>
<h1>${t.title}</h1>
<p>${escapeHtml(dossier.subject.name ?? '')} &lt;${escapeHtml(dossier.subject.email)}&gt; · ${t.generatedAt}: ${escapeHtml(dossier.generatedAt)}</p>
${dossier.nothingHeld ? `<p><strong>${t.nothingHeld}</strong></p>` : ''}
${personalData}${provisions}${withheld}</body></html>`;
}

/** RFC 4180 fields; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A record's mark as a CSV cell; rows that are not personal-data records leave it empty. */
const flag = (value: boolean) => (value ? 'true' : 'false');

export function dossierCsv(dossier: Dossier): string {
  const t = TEXT[dossier.language];
  const header = [
    'section',
    'item',
    'content',
    'source',
    'purposes',
    'date',
    'linked-access-information',
    'special-care',
  ];
  const records = dossier.records ?? [];
  const rows: string[][] = [
    ...records.map((r) => [
      'personal-data',
      r.category,
      r.value,
      [r.source.description, r.source.detail].filter(Boolean).join(': '),
      r.purposes.map((p) => p.description).join(' / '),
      r.acquiredAt,
      flag(r.linkedAccessInformation),
      flag(r.specialCare),
    ]),
    ...(dossier.consents ?? []).map((c) => [
      'consent',
      c.purpose ?? c.recipient ?? '',
      c.action,
      c.method,
      '',
      c.at,
      '',
      '',
    ]),
    ...(dossier.provisionRecords ?? []).map((p) => [
      'third-party-provision-record',
      p.items.join(' / '),
      p.recipient ? `recipient: ${p.recipient}` : `provider: ${p.provider ?? p.counterparty}`,
      p.basis,
      '',
      p.date,
      '',
      '',
    ]),
    ...(dossier.withheld?.categories ?? []).map((c) => [
      'withheld',
      c.id,
      c.label,
      dossier.withheld!.grounds.map((g) => g.label).join(' / '),
      '',
      '',
      '',
      '',
    ]),
    // The marks, the Art. 33(5) part and what was withheld explained, in the person's language.
    ...(records.some((r) => r.linkedAccessInformation)
      ? [['note', 'linked-access-information', t.linkedNote, '', '', '', '', '']]
      : []),
    ...(records.some((r) => r.specialCare) ? [['note', 'special-care', t.specialCareNote, '', '', '', '', '']] : []),
    ...(dossier.provisionRecords?.length
      ? [['note', 'third-party-provision-records', dossier.provisionRecordsLabel ?? '', '', '', '', '', '']]
      : []),
    ...(dossier.withheld
      ? [['note', 'withheld', `${t.withheldIntro} ${t.reason}: ${dossier.withheld.reason}`, '', '', '', '', '']]
      : []),
  ];
  // A byte-order mark so spreadsheet software reads the Japanese text as UTF-8.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
