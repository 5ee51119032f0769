// The reports to the PPC (APPI Art. 26(1); Enforcement Rules Art. 8), generated from one version of an
// incident: the preliminary report (速報, Art. 8(1)) with what is known at the time, an item not yet
// known marked 調査中, and the final report (確報, Art. 8(2)) with every item. The report is in
// Japanese, as the PPC's form is; the officer copies it into that form, which is outside the desk.
// A report carries counts of persons, never who they are.
import type { Company } from '../company';
import { DeskProblem, type ProblemField } from '../kernel/problems';
import { PERSONAL_DATA_CATEGORIES } from '../personal-data/category-words';
import { dossierTime } from '../requests/types/disclosure/dossier-text';
import type {
  Incident,
  IncidentKind,
  IncidentState,
  IncidentSubject,
  Reportability,
  ReportKind,
  ReportSubmission,
  RuleFinding,
} from './incident';
import { INCIDENT_KIND_WORDS } from './incident-words';
import { PPC_REPORT_ITEMS, type ReportItemDefinition, type ReportItemKey } from './report-items';
import {
  REPORT_LINE_WORDS as LINE,
  NOT_KNOWN,
  NOTHING_FURTHER,
  REPORT_KIND_WORDS,
  REPORT_TITLE,
  UNDER_INVESTIGATION,
} from './report-words';
import { actsAsReportable } from './reportability';

/** stated: the incident says it; under-investigation: not yet known (preliminary only); none: item (ix) with nothing to add. */
export const REPORT_ITEM_STATES = ['stated', 'under-investigation', 'none'] as const;
export type ReportItemState = (typeof REPORT_ITEM_STATES)[number];

export interface ReportItem {
  number: number;
  key: ReportItemKey;
  heading: string;
  headingEn: string;
  source: string;
  state: ReportItemState;
  /** Japanese, one line per fact, ready to copy into the PPC's form. */
  text: string;
}

/** How the linked persons were told (Art. 26(2)): counts only, and the measures taken where they could not be. */
export interface NoticeCounts {
  linked: number;
  sent: number;
  pending: number;
  unreachable: number;
  notYetNotified: number;
  alternativeMeasures: string[];
}

export interface PpcReport {
  kind: ReportKind;
  /** 漏えい等報告（速報）. */
  title: string;
  /** The Rules' paragraph it answers. */
  basis: string;
  /** The reporting business (APPI Art. 26(1); Rules Art. 8: name, address, representative), from the company's configuration. */
  business: {
    name: string;
    nameEn: string;
    address: string;
    addressEn: string;
    representative: string;
    representativeEn: string;
  };
  incidentId: string;
  /** The incident version it was generated from: a submission records it. */
  version: number;
  state: IncidentState;
  kinds: IncidentKind[];
  awareAt: string;
  occurredAt?: string;
  /** When this report falls due (the incident's deadlines). */
  dueAt: string;
  generatedAt: string;
  reportability: {
    /** The answer the desk acts on: the officer's override where there is one. */
    reportable: boolean;
    /** The desk's own answer from the rules. */
    assessed: boolean;
    underMyNumberAct: boolean;
    rulesMet: RuleFinding[];
    override?: Reportability['override'];
  };
  persons: { estimated?: number; confirmed?: number; linked: number };
  notices: NoticeCounts;
  /** Rules Art. 8(1)(i)-(ix), in order. */
  items: ReportItem[];
  /** Numbers of the items marked 調査中 (a preliminary report only). */
  underInvestigation: number[];
  /** Every item the final report needs is stated: this version could be reported as final. */
  complete: boolean;
  /** The submission recorded for this kind, if any. */
  submission?: ReportSubmission;
}

const count = (n: number) => `${new Intl.NumberFormat('ja-JP').format(n)}${LINE.persons.ja}`;
const line = (label: { ja: string }, value: string) => `${label.ja}：${value}`;
const time = (iso: string) => `${dossierTime(iso, 'ja')}（${LINE.japanTime.ja}）`;
const categoryName = (id: string) => PERSONAL_DATA_CATEGORIES.find((c) => c.id === id)?.ja ?? id;

export function noticeCounts(subjects: readonly IncidentSubject[]): NoticeCounts {
  const states = subjects.map((s) => s.notice?.state);
  const measures = subjects.flatMap((s) =>
    s.notice?.state === 'unreachable' && s.notice.alternativeMeasure ? [s.notice.alternativeMeasure] : [],
  );
  return {
    linked: subjects.length,
    sent: states.filter((s) => s === 'sent').length,
    pending: states.filter((s) => s === 'pending').length,
    unreachable: states.filter((s) => s === 'unreachable').length,
    notYetNotified: states.filter((s) => s === undefined).length,
    alternativeMeasures: [...new Set(measures)],
  };
}

/** What the incident says for one item: its lines, or none when nothing is known yet. */
function stated(definition: ReportItemDefinition, incident: Incident, notices: NoticeCounts, kind: ReportKind) {
  const text = (s: string) => (s.trim() === '' ? [] : [s.trim()]);
  switch (definition.key) {
    case 'overview': {
      if (incident.summary.trim() === '') return [];
      const unknown = kind === 'preliminary' ? UNDER_INVESTIGATION.ja : NOT_KNOWN.ja;
      return [
        line(LINE.kinds, incident.kinds.map((k) => INCIDENT_KIND_WORDS[k].ja).join('、')),
        line(LINE.occurredAt, incident.occurredAt ? time(incident.occurredAt) : unknown),
        line(LINE.awareAt, time(incident.awareAt)),
        line(LINE.awareHow, incident.awareHow.trim()),
        line(LINE.summary, incident.summary.trim()),
      ];
    }
    case 'dataItems': {
      const lines: string[] = [];
      if (incident.categories.length > 0)
        lines.push(line(LINE.categories, incident.categories.map(categoryName).join('、')));
      return [...lines, ...incident.dataItems.flatMap(text)];
    }
    case 'persons': {
      const { confirmed, estimated, linked } = incident.persons;
      const lines: string[] = [];
      if (confirmed !== undefined) lines.push(line(LINE.confirmed, count(confirmed)));
      if (estimated !== undefined) lines.push(line(LINE.estimated, `${LINE.about.ja}${count(estimated)}`));
      if (lines.length === 0 && linked === 0) return [];
      if (linked > 0) lines.push(line(LINE.linked, count(linked)));
      return lines;
    }
    case 'responseToPersons': {
      const lines = text(incident.measuresTaken);
      if (notices.linked === 0 || notices.linked === notices.notYetNotified) return lines;
      const parts = [
        `${LINE.sent.ja} ${count(notices.sent)}`,
        `${LINE.pending.ja} ${count(notices.pending)}`,
        `${LINE.unreachable.ja} ${count(notices.unreachable)}`,
        `${LINE.notYetNotified.ja} ${count(notices.notYetNotified)}`,
      ];
      lines.push(line(LINE.notices, parts.join('、')));
      if (notices.alternativeMeasures.length > 0)
        lines.push(line(LINE.alternativeMeasures, notices.alternativeMeasures.join('／')));
      return lines;
    }
    case 'cause':
      return text(incident.cause);
    case 'secondaryDamage':
      return text(incident.secondaryDamage);
    case 'publication':
      return text(incident.publication);
    case 'recurrencePrevention':
      return text(incident.recurrencePrevention);
    case 'other':
      return text(incident.other);
  }
}

const unprocessable = (title: string, detail: string, errors: ProblemField[]) =>
  new DeskProblem('unprocessable', title, detail, errors);

/** The items of the final report that the incident leaves empty (Rules Art. 8(2): every item). */
export function missingForFinal(incident: Incident, subjects: readonly IncidentSubject[]): ReportItemDefinition[] {
  const notices = noticeCounts(subjects);
  return PPC_REPORT_ITEMS.filter((d) => !d.mayBeEmpty && stated(d, incident, notices, 'final').length === 0);
}

/** Refuses a report the law does not ask for: the answer the desk acts on is "not reportable". */
export function refuseUnreportable(incident: Incident): void {
  if (actsAsReportable(incident.reportability)) return;
  const why = incident.reportability.override
    ? "the officer's override says it is not reportable"
    : 'no rule of Enforcement Rules Art. 7 (or of the My Number Act) is met, and no officer has overridden that';
  throw unprocessable(
    'Not reportable',
    `reportability: incident ${incident.incidentId} (version ${incident.version}) is not reportable to the PPC: ${why}. A report is made only for a reportable incident; if it is one, correct the facts or override the answer with a reason.`,
    [{ field: 'reportability', message: `is not reportable: ${why}.` }],
  );
}

/** Refuses a final report while an item it needs is empty, naming each (Rules Art. 8(2)). */
export function refuseIncompleteFinal(incident: Incident, subjects: readonly IncidentSubject[]): void {
  const missing = missingForFinal(incident, subjects);
  if (missing.length === 0) return;
  const names = missing.map((d) => `(${d.numeral}) ${d.heading} (${d.headingEn.toLowerCase()})`);
  throw unprocessable(
    'Final report incomplete',
    `The final report carries every item of Enforcement Rules Art. 8(1) (Art. 8(2)); incident ${incident.incidentId} (version ${incident.version}) leaves ${missing.length === 1 ? 'this item' : 'these items'} empty: ${names.join('; ')}. State ${missing.length === 1 ? 'it' : 'them'} in a new version of the incident (if something stays unknown after investigation, say so), then make the final report.`,
    missing.map((d) => ({
      field: d.fields[0] as string,
      message: `item (${d.numeral}) ${d.heading} is empty: state it before the final report.`,
    })),
  );
}

/**
 * The report of one kind from one version of the incident, with the linked subjects' notices as
 * they stand. Refuses (422) an incident not reportable, and a final report with an empty item.
 */
export function generateReport(
  kind: ReportKind,
  incident: Incident,
  subjects: readonly IncidentSubject[],
  now: Date,
  company: Company,
): PpcReport {
  refuseUnreportable(incident);
  if (kind === 'final') refuseIncompleteFinal(incident, subjects);
  const notices = noticeCounts(subjects);
  const items: ReportItem[] = PPC_REPORT_ITEMS.map((d) => {
    const lines = stated(d, incident, notices, kind);
    const state: ReportItemState =
      lines.length > 0 ? 'stated' : d.mayBeEmpty && kind === 'final' ? 'none' : 'under-investigation';
    const text = state === 'stated' ? lines.join('\n') : state === 'none' ? NOTHING_FURTHER.ja : UNDER_INVESTIGATION.ja;
    return {
      number: d.number,
      key: d.key,
      heading: d.heading,
      headingEn: d.headingEn,
      source: d.source,
      state,
      text,
    };
  });
  const r = incident.reportability;
  const submission = incident.reports[kind];
  return {
    kind,
    title: `${REPORT_TITLE.ja}（${REPORT_KIND_WORDS[kind].ja}）`,
    basis: kind === 'preliminary' ? 'Enforcement Rules Art. 8(1)' : 'Enforcement Rules Art. 8(2)',
    business: {
      name: company.name.ja,
      nameEn: company.name.en,
      address: company.address.ja,
      addressEn: company.address.en,
      representative: company.representative.ja,
      representativeEn: company.representative.en,
    },
    incidentId: incident.incidentId,
    version: incident.version,
    state: incident.state,
    kinds: [...incident.kinds],
    awareAt: incident.awareAt,
    ...(incident.occurredAt ? { occurredAt: incident.occurredAt } : {}),
    dueAt: kind === 'preliminary' ? incident.deadlines.preliminaryDueAt : incident.deadlines.finalDueAt,
    generatedAt: now.toISOString(),
    reportability: {
      reportable: actsAsReportable(r),
      assessed: r.reportable,
      underMyNumberAct: r.underMyNumberAct,
      rulesMet: r.findings.filter((f) => f.met),
      ...(r.override ? { override: r.override } : {}),
    },
    persons: { ...incident.persons },
    notices,
    items,
    underInvestigation: items.filter((i) => i.state === 'under-investigation').map((i) => i.number),
    complete: missingForFinal(incident, subjects).length === 0,
    ...(submission ? { submission } : {}),
  };
}
