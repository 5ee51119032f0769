// Whether an incident must be reported to the PPC (APPI Art. 26(1); My Number Act Art. 29-4(1)), as a
// table of rules: each names its source and the facts it reads, and gives "met / not met, because …".
// The desk keeps the answer with the incident's version; the officer may override it with a reason.
import type { IncidentFactors, PersonsInvolved, Reportability, RuleFinding } from './incident';
import {
  findingSentence,
  LEAK_REPORT_PERSONS_THRESHOLD,
  MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD,
  type PersonsCountSource,
  REPORTABILITY_RULE_IDS,
  REPORTABILITY_RULE_WORDS,
  type ReportabilityRuleId,
} from './reportability-words';

export { LEAK_REPORT_PERSONS_THRESHOLD, MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD };

/** A fact a rule reads: one of the incident's factors, or the number of persons involved. */
export type RuleFact = keyof IncidentFactors | 'persons';

export interface ReportabilityRule {
  id: ReportabilityRuleId;
  /** The Act the rule comes from: a My Number rule met means the report is due under that Act too. */
  act: 'appi' | 'my-number';
  source: string;
  reads: readonly RuleFact[];
  /** A trigger makes the incident reportable; the exemption takes data out of every trigger. */
  role: 'trigger' | 'exemption';
  applies(factors: IncidentFactors, persons: PersonsCount): boolean;
}

export interface PersonsCount {
  count: number;
  from: PersonsCountSource;
}

/**
 * The count the persons rules read. The confirmed count, once the investigation has one, is what the
 * business knows; before that the estimate, because the rules count a feared leak like a leak
 * (「発生したおそれがある事態」, Rules Art. 7); with neither, the subjects linked so far, the least
 * the desk knows for certain.
 */
export function personsCount(persons: PersonsInvolved): PersonsCount {
  if (persons.confirmed !== undefined) return { count: persons.confirmed, from: 'confirmed' };
  if (persons.estimated !== undefined) return { count: persons.estimated, from: 'estimated' };
  return { count: persons.linked, from: 'linked' };
}

const source = (id: ReportabilityRuleId) => REPORTABILITY_RULE_WORDS[id].source.en;

/**
 * The rules. The My Number rules read the same count of persons as Art. 7(4): the desk records one
 * count per incident, so where only some persons' Individual Numbers are involved it errs towards
 * reporting; the officer's override, with its reason, corrects that.
 */
export const REPORTABILITY_RULES: readonly ReportabilityRule[] = [
  {
    id: 'rules-7-1-special-care',
    act: 'appi',
    source: source('rules-7-1-special-care'),
    reads: ['specialCareRequired'],
    role: 'trigger',
    applies: (f) => f.specialCareRequired,
  },
  {
    id: 'rules-7-2-financial-loss',
    act: 'appi',
    source: source('rules-7-2-financial-loss'),
    reads: ['financialLoss'],
    role: 'trigger',
    applies: (f) => f.financialLoss,
  },
  {
    // As amended in 2024: personal information the business is acquiring (e.g. skimmed from its web
    // form) and means to handle as personal data counts too.
    id: 'rules-7-3-wrongful-purpose',
    act: 'appi',
    source: source('rules-7-3-wrongful-purpose'),
    reads: ['wrongfulPurpose'],
    role: 'trigger',
    applies: (f) => f.wrongfulPurpose,
  },
  {
    // 「千人を超える」: 1,000 is not reportable, 1,001 is.
    id: 'rules-7-4-persons',
    act: 'appi',
    source: source('rules-7-4-persons'),
    reads: ['persons'],
    role: 'trigger',
    applies: (_f, p) => p.count > LEAK_REPORT_PERSONS_THRESHOLD,
  },
  {
    id: 'my-number-2-1-systems',
    act: 'my-number',
    source: source('my-number-2-1-systems'),
    reads: ['individualNumbers', 'myNumberSystem'],
    role: 'trigger',
    applies: (f) => f.individualNumbers && f.myNumberSystem === true,
  },
  {
    id: 'my-number-2-2-wrongful-purpose',
    act: 'my-number',
    source: source('my-number-2-2-wrongful-purpose'),
    reads: ['individualNumbers', 'wrongfulPurpose'],
    role: 'trigger',
    applies: (f) => f.individualNumbers && f.wrongfulPurpose,
  },
  {
    id: 'my-number-2-3-publicly-viewable',
    act: 'my-number',
    source: source('my-number-2-3-publicly-viewable'),
    reads: ['individualNumbers', 'publiclyViewable'],
    role: 'trigger',
    applies: (f) => f.individualNumbers && f.publiclyViewable,
  },
  {
    // 「百人を超える」: 100 is not reportable, 101 is.
    id: 'my-number-2-4-persons',
    act: 'my-number',
    source: source('my-number-2-4-persons'),
    reads: ['individualNumbers', 'persons'],
    role: 'trigger',
    applies: (f, p) => f.individualNumbers && p.count > MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD,
  },
  {
    // Both rules exclude, in a parenthesis that holds for the whole article, data protected by advanced
    // encryption or an equivalent measure; not where the key leaked too (PPC General Guidelines 3-5-3-1).
    id: 'encryption-exemption',
    act: 'appi',
    source: source('encryption-exemption'),
    reads: ['advancedEncryption'],
    role: 'exemption',
    applies: (f) => f.advancedEncryption,
  },
];

// The table and the words list the same rules in the same order.
if (REPORTABILITY_RULES.map((r) => r.id).join() !== REPORTABILITY_RULE_IDS.join()) {
  throw new Error('REPORTABILITY_RULES and REPORTABILITY_RULE_IDS differ');
}

/** The desk's answer for the facts as known at `now`: reportable or not, with a finding per rule. */
export function assessReportability(factors: IncidentFactors, persons: PersonsInvolved, now: Date): Reportability {
  const counted = personsCount(persons);
  const findings: RuleFinding[] = [];
  let triggered = false;
  let myNumber = false;
  let exempt = false;
  for (const rule of REPORTABILITY_RULES) {
    const met = rule.applies(factors, counted);
    if (rule.role === 'exemption') exempt ||= met;
    else if (met) {
      triggered = true;
      if (rule.act === 'my-number') myNumber = true;
    }
    const readsPersons = rule.reads.includes('persons');
    const facts = {
      rule: rule.id,
      met,
      ...(readsPersons ? { count: counted.count, countFrom: counted.from } : {}),
      ...(rule.act === 'my-number' ? { individualNumbers: factors.individualNumbers } : {}),
    };
    findings.push({
      rule: rule.id,
      met,
      because: findingSentence(facts, 'en'),
      ...(readsPersons && (rule.act === 'appi' || factors.individualNumbers)
        ? { count: counted.count, countFrom: counted.from }
        : {}),
    });
  }
  return {
    reportable: triggered && !exempt,
    underMyNumberAct: myNumber && !exempt,
    findings,
    assessedAt: now.toISOString(),
  };
}

/** The answer the desk acts on: the officer's override where there is one, else its own. */
export function actsAsReportable(reportability: Reportability): boolean {
  return reportability.override?.reportable ?? reportability.reportable;
}
