// The audit checklist (checklist-words.ts holds the items and their words, for the console too): the
// law it comes from, the ids a plan may name, and an item by id.
import { AUDIT_CHECKLIST, type ChecklistItem } from './checklist-words';

export {
  AUDIT_CHECKLIST,
  CHECKLIST_CATEGORIES,
  CHECKLIST_CATEGORY_WORDS,
  type ChecklistCategory,
  type ChecklistItem,
  EVIDENCE_SOURCES,
  EVIDENCE_WORDS,
  type EvidenceSource,
} from './checklist-words';

export const CHECKLIST_SOURCE = 'APPI Art. 23; PPC General Guidelines (通則編) 10 (別添) 講ずべき安全管理措置の内容';

export const CHECKLIST_ITEM_IDS: readonly string[] = AUDIT_CHECKLIST.map((item) => item.id);

export const checklistItem = (id: string): ChecklistItem | undefined => AUDIT_CHECKLIST.find((item) => item.id === id);
