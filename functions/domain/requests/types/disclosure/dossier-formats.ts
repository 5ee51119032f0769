// A dossier as a person reads it: a page for the browser the e-mailed link opens in, or CSV for a
// spreadsheet; staff print the page for a paper disclosure. JSON is the dossier itself. Both say
// which records are access information linked to the person (policy §1) and which are special
// care-required (APPI Art. 2(3)), and explain the marks; both label the Art. 33(5) provision records
// and say what a partial decision withheld, on which grounds and why (Art. 33(3), 36). Times are
// Japan time; codes are named in the person's language; the desk to contact is on the page.
import { createHash } from 'node:crypto';
import type { Language } from '../../request';
import type { Dossier } from './disclosure-dossier';
import {
  type DossierBlock,
  type DossierCard,
  type DossierValue,
  dossierLayout,
  dossierNoticeText,
  dossierSortableTime,
  DOSSIER_TEXT as TEXT,
} from './dossier-text';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A value as shown; a registered value is marked to stay as it is in any language (HTML translate="no"). */
const shown = (value: DossierValue) =>
  value.data ? `<span translate="no">${escapeHtml(value.text)}</span>` : escapeHtml(value.text);

/**
 * Cards that stack on a phone and sit side by side on a desktop, nothing wider than the screen; a
 * print stylesheet leaves out the buttons. Served with its hash in the CSP, so no other style runs.
 */
export const DOSSIER_PAGE_STYLE = `*{box-sizing:border-box}
body{margin:0;color:#1a1a1a;background:#fff;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif}
header,main,footer{max-width:62rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #bbb}
footer{border-top:1px solid #bbb;margin-top:1.5rem}
h1{font-size:1.6rem;line-height:1.3;margin:.25rem 0 .75rem}
h2{font-size:1.3rem;line-height:1.3;margin:1.75rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #2b4c7e}
h3{font-size:1.05rem;margin:0 0 .25rem}
dd{margin:0;overflow-wrap:anywhere}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0}
.facts dt{font-weight:600}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr))}
.card{border:1px solid #bbb;border-radius:.5rem;padding:.75rem 1rem;break-inside:avoid;min-width:0}
.card dl{margin:0}
.card dt{font-size:.875rem;color:#4a4a4a;margin-top:.5rem}
.card ul{margin:0;padding-left:1.25rem}
.mark{color:#8a3b00;font-size:.875rem;margin:0}
.detail{display:block;color:#4a4a4a;font-size:.875rem}
.note{font-size:.9rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0 0}
.actions a,.actions button{display:inline-block;padding:.5rem .9rem;border:1px solid #2b4c7e;border-radius:.4rem;color:#2b4c7e;background:#fff;font:inherit;text-decoration:none;cursor:pointer}
.actions button{color:#fff;background:#2b4c7e}
a{color:#1d4f91}
a:focus-visible,button:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
[hidden]{display:none!important}
@media print{.actions,.print-hint{display:none!important}header,main,footer{max-width:none;padding:0 0 .5rem}body{font-size:10.5pt}.cards{display:block}.card{margin:0 0 .5rem}h2{break-after:avoid}a{color:inherit;text-decoration:none}}`;

/** Shows the print button (hidden without script, where the hint stands instead). Served with its hash in the CSP. */
export const DOSSIER_PAGE_SCRIPT =
  "document.getElementById('print-hint').hidden=true;var b=document.getElementById('print');b.hidden=false;b.addEventListener('click',function(){window.print()});";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy: only its own style and its own one script (by hash), nothing
 * loaded, no form, no frame (CSP Level 3); the dossier is personal data.
 */
export const DOSSIER_PAGE_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(DOSSIER_PAGE_STYLE)}`,
  `script-src ${sha256(DOSSIER_PAGE_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DossierPageOptions {
  /** Links to the same copy as JSON and CSV (the e-mailed link's page); the staff's print view has none. */
  downloads?: boolean;
}

function cardHtml(card: DossierCard): string {
  const marks = card.marks.map((mark) => `<p class="mark">※ ${escapeHtml(mark)}</p>`).join('');
  const fields = card.fields
    .map((f) => {
      const value = f.list
        ? f.list.length
          ? `<ul>${f.list.map((item) => `<li>${shown(item)}</li>`).join('')}</ul>`
          : ''
        : f.value
          ? shown(f.value)
          : '';
      const detail = f.detail ? `<span class="detail">${shown(f.detail)}</span>` : '';
      return `<dt>${escapeHtml(f.label)}</dt><dd>${value}${detail}</dd>`;
    })
    .join('');
  return `<li class="card"><h3>${shown(card.title)}</h3>${marks}<dl>${fields}</dl></li>`;
}

function blockHtml(block: DossierBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'labelled':
      return `<p>${escapeHtml(block.label)}: ${shown(block.value)}</p>`;
    case 'cards':
      return `<ul class="cards">${block.cards.map(cardHtml).join('')}</ul>`;
  }
}

/** The page, in the dossier's language: a header with the request and the buttons, the parts, and the desk in the footer. */
export function dossierHtml(
  dossier: Dossier,
  language: Language,
  { downloads = false }: DossierPageOptions = {},
): string {
  const t = TEXT[language];
  const layout = dossierLayout({ ...dossier, language });
  const facts = layout.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${shown(f.value)}</dd>`).join('');
  const actions = `<p class="actions"><button type="button" id="print" hidden>${t.print}</button>${
    downloads
      ? `<a href="?format=json" download>${t.downloadJson}</a><a href="?format=csv" download>${t.downloadCsv}</a>`
      : ''
  }</p>
<p class="print-hint" id="print-hint">${t.printHint}</p>`;
  const sections = layout.sections
    .map(
      (s) =>
        `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${escapeHtml(s.heading)}</h2>
${s.blocks.map(blockHtml).join('\n')}
</section>`,
    )
    .join('\n');
  const contact = layout.contact
    ? `<footer>
<h2>${escapeHtml(layout.contact.heading)}</h2>
<p>${escapeHtml(layout.contact.intro)}</p>
<p><strong>${escapeHtml(layout.contact.name)}</strong></p>
<dl class="facts">${
        layout.contact.address ? `<dt>${t.deskAddress}</dt><dd>${escapeHtml(layout.contact.address)}</dd>` : ''
      }${
        layout.contact.hours ? `<dt>${t.deskHours}</dt><dd>${escapeHtml(layout.contact.hours)}</dd>` : ''
      }<dt>${t.deskEmail}</dt><dd><a href="mailto:${escapeHtml(layout.contact.email)}">${escapeHtml(layout.contact.email)}</a></dd></dl>
</footer>`
    : '';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`${layout.title} ${dossier.requestId}`)}</title>
<style>${DOSSIER_PAGE_STYLE}</style>
</head><body>
<header>
<h1>${escapeHtml(layout.title)}</h1>
<dl class="facts">${facts}</dl>
<p>${layout.timeNote}</p>
${actions}
</header>
<main>
${layout.nothingHeld ? `<p><strong>${layout.nothingHeld}</strong></p>` : ''}
${sections}
</main>
${contact}
<script>${DOSSIER_PAGE_SCRIPT}</script>
</body></html>`;
}

/** RFC 4180 fields; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The dossier as a spreadsheet, in the person's language: one row per record, consent, provision record, withheld item and note. */
export function dossierCsv(dossier: Dossier): string {
  const t = TEXT[dossier.language];
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const header = [
    t.csvSection,
    t.csvItem,
    t.csvContent,
    t.csvSource,
    t.csvPurposes,
    t.csvDate,
    t.linkedMark,
    t.specialCareMark,
  ];
  const records = dossier.records ?? [];
  const holderRecords = (dossier.holderResults ?? []).flatMap((h) => h.records);
  const rows: string[][] = [
    ...records.map((r) => [
      t.records,
      r.categoryLabel ?? r.category,
      r.value,
      [r.source.description, r.source.detail].filter(Boolean).join(': '),
      r.purposes.map((p) => p.description).join(' / '),
      dossierSortableTime(r.acquiredAt),
      yesNo(r.linkedAccessInformation),
      yesNo(r.specialCare),
    ]),
    // Each other holder's records, the holder named as their source; one that could not be obtained, said so.
    ...(dossier.holderResults ?? []).flatMap((h) =>
      h.available
        ? h.records.map((r) => [
            h.heading ?? h.holder,
            r.categoryLabel ?? r.category,
            r.value,
            `${t.holderSource}: ${h.holder}`,
            '',
            '',
            yesNo(r.linkedAccessInformation),
            yesNo(r.specialCare),
          ])
        : [[h.heading ?? h.holder, '', h.notAvailable ?? '', `${t.holderSource}: ${h.holder}`, '', '', '', '']],
    ),
    ...(dossier.consents ?? []).map((c) => [
      t.consents,
      c.purpose
        ? `${t.consentPurpose}: ${c.purposeDescription ?? c.purpose}`
        : c.recipient
          ? `${t.consentRecipient}: ${c.recipientName ?? c.recipient}`
          : (c.linkageLabel ?? c.linkage ?? ''),
      c.actionLabel ?? c.action,
      c.methodLabel ?? c.method,
      '',
      dossierSortableTime(c.at),
      '',
      '',
    ]),
    ...(dossier.provisionRecords ?? []).map((p) => [
      p.direction === 'provided' ? t.providedTo : t.receivedFrom,
      (p.itemLabels ?? p.items).join(' / '),
      p.direction === 'provided'
        ? `${t.recipient}: ${p.recipient ?? p.counterparty}`
        : `${t.provider}: ${p.provider ?? p.counterparty}`,
      p.basisLabel ?? p.basis,
      '',
      p.date,
      '',
      '',
    ]),
    ...(dossier.incidents ?? []).map((i) => [
      t.incidents,
      i.incidentId,
      dossierNoticeText(i.notice, dossier.language),
      (i.kindLabels ?? i.kinds).join(' / '),
      '',
      dossierSortableTime(i.awareAt),
      '',
      '',
    ]),
    ...(dossier.myNumberDocuments ?? []).map((d) => [
      t.myNumberDocuments,
      d.name,
      `${t.myNumberKeptUntil}: ${d.keptUntil}`,
      d.affairLabel,
      '',
      d.taxYear !== undefined ? `${t.myNumberTaxYear}: ${d.taxYear}` : (d.completedOn ?? ''),
      '',
      '',
    ]),
    ...(dossier.myNumberNote ? [[t.csvNote, t.myNumberDocuments, dossier.myNumberNote, '', '', '', '', '']] : []),
    ...(dossier.withheld?.categories ?? []).map((c) => [
      t.withheld,
      c.label,
      '',
      dossier.withheld!.grounds.map((g) => g.label).join(' / '),
      '',
      '',
      '',
      '',
    ]),
    // The marks, the Art. 33(5) part and what was withheld explained, in the person's language.
    ...([...records, ...holderRecords].some((r) => r.linkedAccessInformation)
      ? [[t.csvNote, t.linkedMark, t.linkedNote, '', '', '', '', '']]
      : []),
    ...([...records, ...holderRecords].some((r) => r.specialCare)
      ? [[t.csvNote, t.specialCareMark, t.specialCareNote, '', '', '', '', '']]
      : []),
    ...(dossier.provisionRecords?.length
      ? [[t.csvNote, `${t.providedTo} / ${t.receivedFrom}`, dossier.provisionRecordsLabel ?? '', '', '', '', '', '']]
      : []),
    ...(dossier.withheld
      ? [[t.csvNote, t.withheld, `${t.withheldIntro} ${t.reason}: ${dossier.withheld.reason}`, '', '', '', '', '']]
      : []),
  ];
  // A byte-order mark so spreadsheet software reads the Japanese text as UTF-8.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
