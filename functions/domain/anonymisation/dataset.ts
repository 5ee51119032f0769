// What a run of a definition produces: the anonymised rows, the risk report, and the processing
// method, which is kept apart from the rows (APPI Art. 43(2); Enforcement Rules Art. 35).
import type { DatasetDefinition } from './definition';

type Words = { ja: string; en: string };

/** One subject's input: the latest live value of each category the definition names. */
export interface SourceRecord {
  subjectId: string;
  values: Readonly<Partial<Record<string, string>>>;
}

/** A column of the output: the item of information about individuals that is published (Art. 43(3)). */
export interface DatasetColumn {
  /** The attribute's category id. */
  category: string;
  treatment: 'replace' | 'generalise' | 'keep';
  /** The hierarchy level the search chose (0 for kept and replaced columns). */
  level: number;
  /** The item as published, e.g. {ja: '年齢（10歳階級）', en: 'Age (10-year bands)'}. */
  item: Words;
}

export interface RiskReport {
  model: { k: number; l?: number; maxSuppression: number };
  /** Subjects that went in. */
  records: number;
  released: number;
  suppressed: number;
  suppressedShare: number;
  classes: number;
  smallestClass: number;
  /** The prosecutor re-identification risk of the riskiest record: 1 / smallestClass. */
  highestRisk: number;
  /** The average of 1 / class size over released records. */
  averageRisk: number;
  /** The share of released records whose risk exceeds 1/k (0 when the model is met). */
  recordsAtRiskShare: number;
  informationLoss: { metric: 'ncp'; value: number };
  /** The generalisation lattice: nodes in it, nodes whose privacy was computed rather than inferred. */
  lattice: { nodes: number; checked: number };
}

/**
 * How the dataset was made: the definition as it stood, the level chosen for each quasi-identifier, the
 * day ages were counted on. No correspondence table, key or seed exists: replaced codes are row numbers
 * in the output's own order, so nothing here restores a person's data.
 */
export interface ProcessingMethod {
  definition: DatasetDefinition;
  levels: Record<string, number>;
  referenceDate: string;
}

export interface AnonymisedDataset {
  columns: DatasetColumn[];
  /** In column order, sorted by their values: the order says nothing of the input's. */
  rows: string[][];
  report: RiskReport;
  method: ProcessingMethod;
}
