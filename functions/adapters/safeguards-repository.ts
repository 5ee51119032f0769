// The safeguards table (policy §6(2)): internal rule versions in the partition 'rules', training
// courses in 'courses', and each staff member's acknowledgements and completions in 'staff#<staffId>'
// (functions/adapters/tables.ts). A published version or a course is never overwritten: the put is
// conditional, so of two officers publishing the same version at once one wins and the other is told.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '../domain/kernel/problems';
import type { InternalRuleVersion, RuleAcknowledgement } from '../domain/safeguards/internal-rules';
import type { SafeguardsStore } from '../domain/safeguards/ports';
import type { TrainingCompletion, TrainingCourse } from '../domain/safeguards/training';
import { dynamo, queryAll, tableName } from './clients';

export const RULES_PARTITION = 'rules';
export const COURSES_PARTITION = 'courses';
export const staffPartition = (staffId: string) => `staff#${staffId}`;
const versionPart = (version: number) => `v#${String(version).padStart(4, '0')}`;
export const ruleKey = (ruleId: string, version: number) => `rule#${ruleId}#${versionPart(version)}`;
export const courseKey = (courseId: string) => `course#${courseId}`;
export const acknowledgementKey = (ruleId: string, version: number) => `ack#${ruleId}#${versionPart(version)}`;
export const completionKey = (courseId: string, completedOn: string) => `training#${courseId}#${completedOn}`;

const conditionFailed = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

const partition = <T>(pk: string, prefix: string) =>
  queryAll<Record<string, unknown>>({
    TableName: tableName('safeguards'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: true,
  }).then((items) => items.map((i) => strip<T>(i)));

/** A put that never replaces an item; false when the key was taken. */
async function putNew(pk: string, sk: string, item: object): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName('safeguards'),
        Item: { ...item, pk, sk },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export const dynamoSafeguards: SafeguardsStore = {
  ruleVersions: () => partition<InternalRuleVersion>(RULES_PARTITION, 'rule#'),

  courses: () => partition<TrainingCourse>(COURSES_PARTITION, 'course#'),

  async recordsOf(staffId) {
    const [acknowledgements, completions] = await Promise.all([
      partition<RuleAcknowledgement>(staffPartition(staffId), 'ack#'),
      partition<TrainingCompletion>(staffPartition(staffId), 'training#'),
    ]);
    return { acknowledgements, completions };
  },

  async publishRuleVersion(version) {
    if (!(await putNew(RULES_PARTITION, ruleKey(version.ruleId, version.version), version)))
      throw new StaleWriteError();
  },

  async acknowledge(acknowledgement) {
    // The first acknowledgement is the evidence; a second click keeps its time.
    await putNew(
      staffPartition(acknowledgement.staffId),
      acknowledgementKey(acknowledgement.ruleId, acknowledgement.version),
      acknowledgement,
    );
  },

  async addCourse(course) {
    if (!(await putNew(COURSES_PARTITION, courseKey(course.courseId), course))) throw new StaleWriteError();
  },

  async recordCompletion(completion) {
    // One completion of a course on a day is one fact: recorded again, the first record stays.
    await putNew(
      staffPartition(completion.staffId),
      completionKey(completion.courseId, completion.completedOn),
      completion,
    );
  },
};
