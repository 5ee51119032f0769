// The safeguards store in memory, keeping the adapter's promises: versions and courses never replaced,
// acknowledgements and completions kept once.
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { InternalRuleVersion, RuleAcknowledgement } from '../../../functions/domain/safeguards/internal-rules';
import type { SafeguardsStore } from '../../../functions/domain/safeguards/ports';
import type { TrainingCompletion, TrainingCourse } from '../../../functions/domain/safeguards/training';

export class MemorySafeguards implements SafeguardsStore {
  readonly versions: InternalRuleVersion[] = [];
  readonly courseList: TrainingCourse[] = [];
  readonly acks: RuleAcknowledgement[] = [];
  readonly completions: TrainingCompletion[] = [];
  async ruleVersions() {
    return [...this.versions];
  }
  async courses() {
    return [...this.courseList];
  }
  async recordsOf(staffId: string) {
    return {
      acknowledgements: this.acks.filter((a) => a.staffId === staffId),
      completions: this.completions.filter((c) => c.staffId === staffId),
    };
  }
  async publishRuleVersion(version: InternalRuleVersion) {
    if (this.versions.some((v) => v.ruleId === version.ruleId && v.version === version.version))
      throw new StaleWriteError();
    this.versions.push(version);
  }
  async acknowledge(ack: RuleAcknowledgement) {
    if (!this.acks.some((a) => a.staffId === ack.staffId && a.ruleId === ack.ruleId && a.version === ack.version))
      this.acks.push(ack);
  }
  async addCourse(course: TrainingCourse) {
    if (this.courseList.some((c) => c.courseId === course.courseId)) throw new StaleWriteError();
    this.courseList.push(course);
  }
  async recordCompletion(c: TrainingCompletion) {
    if (
      !this.completions.some(
        (x) => x.staffId === c.staffId && x.courseId === c.courseId && x.completedOn === c.completedOn,
      )
    )
      this.completions.push(c);
  }
}
