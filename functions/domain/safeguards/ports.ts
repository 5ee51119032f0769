import type { InternalRuleVersion, RuleAcknowledgement } from './internal-rules';
import type { TrainingCompletion, TrainingCourse } from './training';

/** One staff member's own records: what they acknowledged and which courses they completed. */
export interface StaffSafeguardRecords {
  acknowledgements: RuleAcknowledgement[];
  completions: TrainingCompletion[];
}

export interface SafeguardsReader {
  /** Every version of every internal rule or manual. */
  ruleVersions(): Promise<InternalRuleVersion[]>;
  courses(): Promise<TrainingCourse[]>;
  recordsOf(staffId: string): Promise<StaffSafeguardRecords>;
}

export interface SafeguardsStore extends SafeguardsReader {
  /** Refuses (a conflict) a version number already published for the rule. */
  publishRuleVersion(version: InternalRuleVersion): Promise<void>;
  /** Idempotent: acknowledging the same version twice keeps the first. */
  acknowledge(acknowledgement: RuleAcknowledgement): Promise<void>;
  addCourse(course: TrainingCourse): Promise<void>;
  recordCompletion(completion: TrainingCompletion): Promise<void>;
}
