// The incident register as the console reads it: the answer the desk acts on, the next report due and
// whether it is overdue, a rule's finding in the page's language, and what the forms send. The
// deadlines themselves come from the API; this only marks them.

import type * as z from 'zod';
import type {
  IncidentFactors,
  IncidentKind,
  ReportKind,
  RuleFinding,
} from '../../../functions/domain/incidents/incident';
import {
  findingSentence,
  REPORTABILITY_RULE_IDS,
  type ReportabilityRuleId,
} from '../../../functions/domain/incidents/reportability-words';
import type { incidentDossierResponse, incidentResponse } from '../../../functions/http/contract/incidents';
import { instantOfJapanInput } from './officer';

/** One incident as the API shows it: its current version and the answer the desk acts on. */
export type IncidentView = z.output<typeof incidentResponse>;
/** The incident with every version and the persons linked, with their notices. */
export type IncidentDossier = z.output<typeof incidentDossierResponse>;
type Incident = IncidentDossier['versions'][number];
type IncidentSubject = IncidentDossier['subjects'][number];

export const INCIDENTS_PATH = '/v1/staff/incidents';
export const incidentPath = (incidentId: string) => `${INCIDENTS_PATH}/${encodeURIComponent(incidentId)}`;

/** The answer the desk acts on: the officer's override where given, else its own. */
export function actsAsReportable(incident: Pick<Incident, 'reportability'> & { reportable?: boolean }): boolean {
  return incident.reportable ?? incident.reportability.override?.reportable ?? incident.reportability.reportable;
}

/** The next report the PPC is owed, if any: the preliminary until it is submitted, then the final. */
export function nextReport(
  incident: IncidentView,
  now: Date,
): { kind: ReportKind; dueAt: string; overdue: boolean } | undefined {
  if (incident.state === 'closed' || !actsAsReportable(incident)) return undefined;
  const kind: ReportKind | undefined = !incident.reports.preliminary
    ? 'preliminary'
    : !incident.reports.final
      ? 'final'
      : undefined;
  if (!kind) return undefined;
  const dueAt = kind === 'preliminary' ? incident.deadlines.preliminaryDueAt : incident.deadlines.finalDueAt;
  return { kind, dueAt, overdue: Date.parse(dueAt) < now.getTime() };
}

/** A report is overdue once its due instant passed without a submission on record. */
export function reportOverdue(incident: IncidentView, kind: ReportKind, now: Date): boolean {
  if (incident.state === 'closed' || !actsAsReportable(incident) || incident.reports[kind]) return false;
  const dueAt = kind === 'preliminary' ? incident.deadlines.preliminaryDueAt : incident.deadlines.finalDueAt;
  return Date.parse(dueAt) < now.getTime();
}

const RULES: readonly string[] = REPORTABILITY_RULE_IDS;

/** A rule's finding in the page's language, from the rule's words; the kept sentence for a rule they do not know. */
export function findingInWords(
  finding: RuleFinding & { count?: number; countFrom?: 'confirmed' | 'estimated' | 'linked' },
  factors: IncidentFactors,
  language: 'ja' | 'en',
): string {
  if (!RULES.includes(finding.rule)) return finding.because;
  return findingSentence(
    {
      rule: finding.rule as ReportabilityRuleId,
      met: finding.met,
      ...(finding.count !== undefined ? { count: finding.count } : {}),
      ...(finding.countFrom ? { countFrom: finding.countFrom } : {}),
      individualNumbers: factors.individualNumbers,
    },
    language,
  );
}

/** Subjects linked but neither told nor covered by an alternative measure: whom a notice would go to. */
export function unnotified(subjects: readonly IncidentSubject[]): IncidentSubject[] {
  return subjects.filter((s) => !s.notice);
}

/** The facts form: what the page edits, as text, before it becomes the body the API takes. */
export interface FactsForm {
  kinds: IncidentKind[];
  awareAt: string;
  awareHow: string;
  occurredAt: string;
  summary: string;
  categories: string[];
  dataItems: string;
  estimated: string;
  confirmed: string;
  factors: IncidentFactors;
  cause: string;
  secondaryDamage: string;
  measuresTaken: string;
  publication: string;
  recurrencePrevention: string;
  other: string;
  reason: string;
}

export const NO_FACTORS: IncidentFactors = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};

export const emptyFactsForm = (): FactsForm => ({
  kinds: [],
  awareAt: '',
  awareHow: '',
  occurredAt: '',
  summary: '',
  categories: [],
  dataItems: '',
  estimated: '',
  confirmed: '',
  factors: { ...NO_FACTORS },
  cause: '',
  secondaryDamage: '',
  measuresTaken: '',
  publication: '',
  recurrencePrevention: '',
  other: '',
  reason: '',
});

const JAPAN_INPUT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as a datetime-local value in Japan time ("2026-12-07T09:30"). */
export function japanInputOf(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : JAPAN_INPUT.format(at).replace(' ', 'T');
}

export function factsFormOf(incident: Incident): FactsForm {
  return {
    kinds: [...incident.kinds],
    awareAt: japanInputOf(incident.awareAt),
    awareHow: incident.awareHow,
    occurredAt: japanInputOf(incident.occurredAt),
    summary: incident.summary,
    categories: [...incident.categories],
    dataItems: incident.dataItems.join('\n'),
    estimated: incident.persons.estimated === undefined ? '' : String(incident.persons.estimated),
    confirmed: incident.persons.confirmed === undefined ? '' : String(incident.persons.confirmed),
    factors: { ...NO_FACTORS, ...incident.factors },
    cause: incident.cause,
    secondaryDamage: incident.secondaryDamage,
    measuresTaken: incident.measuresTaken,
    publication: incident.publication,
    recurrencePrevention: incident.recurrencePrevention,
    other: incident.other,
    reason: '',
  };
}

/** A count as typed: a whole number, else the text as it is, for the API to refuse naming the field. */
function countOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A datetime-local value as an ISO instant; what was typed when it is not one, for the API to refuse. */
function instantOf(text: string): string | undefined {
  if (!text.trim()) return undefined;
  return instantOfJapanInput(text) ?? text;
}

/** What opening a draft and changing an incident send: the facts as they now stand. */
export function factsBody(form: FactsForm) {
  const estimated = countOf(form.estimated);
  const confirmed = countOf(form.confirmed);
  const occurredAt = instantOf(form.occurredAt);
  return {
    kinds: form.kinds,
    awareAt: instantOf(form.awareAt) ?? '',
    awareHow: form.awareHow,
    ...(occurredAt ? { occurredAt } : {}),
    summary: form.summary,
    categories: form.categories,
    dataItems: form.dataItems
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean),
    persons: {
      ...(estimated !== undefined ? { estimated } : {}),
      ...(confirmed !== undefined ? { confirmed } : {}),
    },
    factors: form.factors,
    cause: form.cause,
    secondaryDamage: form.secondaryDamage,
    measuresTaken: form.measuresTaken,
    publication: form.publication,
    recurrencePrevention: form.recurrencePrevention,
    other: form.other,
  };
}

/** Subject ids as typed, one a line (commas and spaces too), each once. */
export function subjectIdsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,、]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}
