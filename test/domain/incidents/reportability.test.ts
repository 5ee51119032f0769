// Reportability against worked examples: each trigger alone, the thresholds either side, the encryption
// exemption, the My Number rules, and the officer's override.
import { describe, expect, it } from 'vitest';
import type { IncidentFactors, PersonsInvolved, Reportability } from '../../../functions/domain/incidents/incident';
import {
  actsAsReportable,
  assessReportability,
  LEAK_REPORT_PERSONS_THRESHOLD,
  MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD,
  personsCount,
  REPORTABILITY_RULES,
} from '../../../functions/domain/incidents/reportability';
import { findingSentence, REPORTABILITY_RULE_IDS } from '../../../functions/domain/incidents/reportability-words';

const NOW = new Date('2026-12-07T03:00:00.000Z');
const NONE: IncidentFactors = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};
const FEW: PersonsInvolved = { confirmed: 5, linked: 5 };

const assess = (factors: Partial<IncidentFactors>, persons: PersonsInvolved = FEW) =>
  assessReportability({ ...NONE, ...factors }, persons, NOW);
const met = (r: Reportability) => r.findings.filter((f) => f.met).map((f) => f.rule);

describe('the rules of reportability', () => {
  it('are the thresholds the law gives: more than 1,000 persons, more than 100 under the My Number Act', () => {
    expect(LEAK_REPORT_PERSONS_THRESHOLD).toBe(1000);
    expect(MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD).toBe(100);
  });

  it('each name a source and the facts they read', () => {
    expect(REPORTABILITY_RULES.map((r) => r.id)).toEqual([...REPORTABILITY_RULE_IDS]);
    for (const rule of REPORTABILITY_RULES) {
      expect(rule.source).toMatch(/Art\. \d/);
      expect(rule.reads.length).toBeGreaterThan(0);
    }
  });

  it('find nothing for five persons and no trigger: not reportable, a finding for every rule', () => {
    const r = assess({});
    expect(r.reportable).toBe(false);
    expect(r.underMyNumberAct).toBe(false);
    expect(r.findings.map((f) => f.rule)).toEqual([...REPORTABILITY_RULE_IDS]);
    expect(met(r)).toEqual([]);
    expect(r.assessedAt).toBe(NOW.toISOString());
  });

  it.each([
    ['specialCareRequired', 'rules-7-1-special-care'],
    ['financialLoss', 'rules-7-2-financial-loss'],
    ['wrongfulPurpose', 'rules-7-3-wrongful-purpose'],
  ] as const)('%s alone makes it reportable under %s', (factor, rule) => {
    const r = assess({ [factor]: true });
    expect(r.reportable).toBe(true);
    expect(r.underMyNumberAct).toBe(false);
    expect(met(r)).toEqual([rule]);
    expect(r.findings.find((f) => f.rule === rule)?.because).toContain(
      `Enforcement Rules Art. 7(${rule.split('-')[2]})`,
    );
  });

  it('counts "more than 1,000": 1,000 persons are not reportable, 1,001 are', () => {
    expect(assess({}, { confirmed: 1000, linked: 0 }).reportable).toBe(false);
    const r = assess({}, { confirmed: 1001, linked: 0 });
    expect(r.reportable).toBe(true);
    expect(met(r)).toEqual(['rules-7-4-persons']);
    const finding = r.findings.find((f) => f.rule === 'rules-7-4-persons');
    expect(finding).toMatchObject({ count: 1001, countFrom: 'confirmed' });
    expect(finding?.because).toBe(
      'Enforcement Rules Art. 7(4) (More than 1,000 persons): met, because the persons involved exceed 1,000 (the confirmed count: 1,001).',
    );
  });

  it('reads the confirmed count, else the estimate, else the linked subjects', () => {
    expect(personsCount({ confirmed: 900, estimated: 5000, linked: 3 })).toEqual({ count: 900, from: 'confirmed' });
    expect(personsCount({ estimated: 5000, linked: 3 })).toEqual({ count: 5000, from: 'estimated' });
    expect(personsCount({ linked: 3 })).toEqual({ count: 3, from: 'linked' });
    expect(personsCount({ confirmed: 0, estimated: 5000, linked: 0 })).toEqual({ count: 0, from: 'confirmed' });
    // A feared leak of an estimated 5,000 is reportable until a count confirms fewer.
    expect(assess({}, { estimated: 5000, linked: 3 }).reportable).toBe(true);
    expect(assess({}, { confirmed: 900, estimated: 5000, linked: 3 }).reportable).toBe(false);
    expect(assess({}, { linked: 1001 }).reportable).toBe(true);
  });

  it('exempts data protected by advanced encryption from every trigger', () => {
    const all = {
      specialCareRequired: true,
      financialLoss: true,
      wrongfulPurpose: true,
      individualNumbers: true,
      publiclyViewable: true,
      myNumberSystem: true,
      advancedEncryption: true,
    };
    const r = assess(all, { confirmed: 50_000, linked: 0 });
    expect(r.reportable).toBe(false);
    expect(r.underMyNumberAct).toBe(false);
    expect(r.findings.find((f) => f.rule === 'encryption-exemption')).toMatchObject({ met: true });
    expect(r.findings.find((f) => f.rule === 'encryption-exemption')?.because).toContain('exempt, because');
    // The findings still say which triggers the facts meet, so the officer sees what the exemption answers.
    expect(met(r)).toContain('rules-7-1-special-care');
    expect(assess({ ...all, advancedEncryption: false }).reportable).toBe(true);
  });

  describe('under the My Number Act', () => {
    it('Individual Numbers of five persons with no trigger are not reportable', () => {
      const r = assess({ individualNumbers: true });
      expect(r.reportable).toBe(false);
      expect(r.underMyNumberAct).toBe(false);
    });

    it('counts "more than 100": 100 persons are not reportable, 101 are (and under the My Number Act)', () => {
      expect(assess({ individualNumbers: true }, { confirmed: 100, linked: 0 }).reportable).toBe(false);
      const r = assess({ individualNumbers: true }, { confirmed: 101, linked: 0 });
      expect(r).toMatchObject({ reportable: true, underMyNumberAct: true });
      expect(met(r)).toEqual(['my-number-2-4-persons']);
      // Without Individual Numbers, 101 persons are nothing to report.
      expect(assess({}, { confirmed: 101, linked: 0 }).reportable).toBe(false);
    });

    it('viewable by many unspecified people, with five persons, is reportable', () => {
      const r = assess({ individualNumbers: true, publiclyViewable: true });
      expect(r).toMatchObject({ reportable: true, underMyNumberAct: true });
      expect(met(r)).toEqual(['my-number-2-3-publicly-viewable']);
      expect(assess({ publiclyViewable: true }).reportable).toBe(false);
    });

    it('a wrongful purpose meets both Acts', () => {
      const r = assess({ individualNumbers: true, wrongfulPurpose: true });
      expect(r).toMatchObject({ reportable: true, underMyNumberAct: true });
      expect(met(r)).toEqual(['rules-7-3-wrongful-purpose', 'my-number-2-2-wrongful-purpose']);
    });

    it('the systems the rule names: reportable whatever the count', () => {
      const r = assess({ individualNumbers: true, myNumberSystem: true });
      expect(met(r)).toEqual(['my-number-2-1-systems']);
      expect(r.underMyNumberAct).toBe(true);
    });

    it('a My Number rule without Individual Numbers says so', () => {
      const finding = assess({}).findings.find((f) => f.rule === 'my-number-2-4-persons');
      expect(finding?.because).toContain('no Individual Numbers');
      expect(finding?.count).toBeUndefined();
    });
  });

  it('words every finding in Japanese too, naming the rule', () => {
    for (const finding of assess({ individualNumbers: true }, { estimated: 2000, linked: 1 }).findings) {
      const ja = findingSentence(
        { ...finding, rule: finding.rule as (typeof REPORTABILITY_RULE_IDS)[number], individualNumbers: true },
        'ja',
      );
      expect(ja).toMatch(/規則/);
      expect(ja).not.toMatch(/[a-z]{3}/);
    }
    expect(findingSentence({ rule: 'rules-7-4-persons', met: true, count: 2000, countFrom: 'estimated' }, 'ja')).toBe(
      '個人情報保護法施行規則第7条第4号（本人の数が1,000人を超える）：該当する。本人の数が1,000人を超えるため（推定の人数（確定していないため）：2,000人）。',
    );
  });

  it("acts on the officer's override where there is one", () => {
    const r = assess({ wrongfulPurpose: true });
    expect(actsAsReportable(r)).toBe(true);
    const override = {
      reportable: false,
      reason: 'The "attack" was our own penetration test.',
      by: 'officer',
      at: NOW.toISOString(),
    };
    expect(actsAsReportable({ ...r, override })).toBe(false);
    expect(actsAsReportable({ ...assess({}), override: { ...override, reportable: true } })).toBe(true);
  });
});
