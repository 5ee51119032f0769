// The audit checklist against the PPC General Guidelines' section 10 (別添): every group of measures
// present, ids unique, each item's section within its group's, the groups in the guideline's order.
import { describe, expect, it } from 'vitest';
import {
  AUDIT_CHECKLIST,
  CHECKLIST_CATEGORIES,
  CHECKLIST_CATEGORY_WORDS,
  EVIDENCE_SOURCES,
  EVIDENCE_WORDS,
} from '../../../functions/domain/audits/checklist';

describe('the audit checklist', () => {
  it('covers every group of measures of the guideline, 10-1 to 10-7, in its order', () => {
    expect(CHECKLIST_CATEGORIES.map((c) => CHECKLIST_CATEGORY_WORDS[c].section)).toEqual([
      '10-1',
      '10-2',
      '10-3',
      '10-4',
      '10-5',
      '10-6',
      '10-7',
    ]);
    for (const category of CHECKLIST_CATEGORIES)
      expect(
        AUDIT_CHECKLIST.some((item) => item.category === category),
        category,
      ).toBe(true);
    expect(CHECKLIST_CATEGORY_WORDS.organisational.ja).toBe('組織的安全管理措置');
    expect(CHECKLIST_CATEGORY_WORDS.human.ja).toBe('人的安全管理措置');
    expect(CHECKLIST_CATEGORY_WORDS.physical.ja).toBe('物理的安全管理措置');
    expect(CHECKLIST_CATEGORY_WORDS.technical.ja).toBe('技術的安全管理措置');
  });

  it('gives each item a unique id and a section within its group, in order', () => {
    expect(new Set(AUDIT_CHECKLIST.map((i) => i.id)).size).toBe(AUDIT_CHECKLIST.length);
    for (const item of AUDIT_CHECKLIST) {
      const group = CHECKLIST_CATEGORY_WORDS[item.category].section;
      expect(item.section === group || item.section.startsWith(`${group}(`), item.id).toBe(true);
      expect(
        item.ja.trim() && item.en.trim() && item.question.ja.trim() && item.question.en.trim(),
        item.id,
      ).toBeTruthy();
    }
    expect(AUDIT_CHECKLIST.map((i) => i.section)).toEqual([
      '10-1',
      '10-2',
      '10-3(1)',
      '10-3(2)',
      '10-3(3)',
      '10-3(4)',
      '10-3(5)',
      '10-4',
      '10-5(1)',
      '10-5(2)',
      '10-5(3)',
      '10-5(4)',
      '10-6(1)',
      '10-6(2)',
      '10-6(3)',
      '10-6(4)',
      '10-7',
    ]);
  });

  it("words the items as the guideline's headings", () => {
    const heading = (section: string) => AUDIT_CHECKLIST.find((i) => i.section === section)?.ja;
    expect(heading('10-3(1)')).toBe('組織体制の整備');
    expect(heading('10-3(4)')).toBe('漏えい等事案に対応する体制の整備');
    expect(heading('10-3(5)')).toBe('取扱状況の把握及び安全管理措置の見直し');
    expect(heading('10-4')).toBe('従業者の教育');
    expect(heading('10-5(4)')).toBe('個人データの削除及び機器、電子媒体等の廃棄');
    expect(heading('10-6(2)')).toBe('アクセス者の識別と認証');
    expect(heading('10-7')).toBe('外的環境の把握');
  });

  it('points the auditor only to records the desk keeps, each with words', () => {
    for (const source of EVIDENCE_SOURCES) expect(EVIDENCE_WORDS[source].ja.trim()).not.toBe('');
    const pointed = new Set(AUDIT_CHECKLIST.flatMap((i) => i.evidence));
    expect([...pointed].every((s) => (EVIDENCE_SOURCES as readonly string[]).includes(s))).toBe(true);
    // The training records bear on the education of employees; the access log on access control.
    expect(AUDIT_CHECKLIST.find((i) => i.id === 'human-training')?.evidence).toContain('training');
    expect(AUDIT_CHECKLIST.find((i) => i.id === 'technical-access-control')?.evidence).toContain('access-log');
  });
});
