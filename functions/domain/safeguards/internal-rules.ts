// Policy §6(2)A: the internal rules and manuals for safety management that every employee follows.
// The officer publishes each as numbered versions; each staff member acknowledges the version in force.

/** 規程 (rules the company sets) or マニュアル (a manual saying how to follow them). */
export const INTERNAL_RULE_KINDS = ['rules', 'manual'] as const;
export type InternalRuleKind = (typeof INTERNAL_RULE_KINDS)[number];

/** One published version of an internal rule or manual; a later version supersedes it from its effective day. */
export interface InternalRuleVersion {
  /** Stable across versions, e.g. 'personal-data-handling-rules'. */
  ruleId: string;
  /** 1, 2, … in publication order. */
  version: number;
  kind: InternalRuleKind;
  title: { ja: string; en: string };
  /** The Japan date (YYYY-MM-DD) from which this version is in force. */
  effectiveFrom: string;
  /** The text itself, or a reference to where it is kept (at least one of the two). */
  text?: string;
  reference?: string;
  publishedBy: string;
  publishedAt: string;
}

/** A staff member's statement that they have read and will follow one version. */
export interface RuleAcknowledgement {
  staffId: string;
  ruleId: string;
  version: number;
  acknowledgedAt: string;
}
