// Demo safeguards for the local desk (policy §6(2)A-B): the personal data handling rules and their
// manual, in force for a year, and the annual personal data protection training, required. Every demo
// staff member has acknowledged both and holds a current completion, so the console works as before;
// one more operator, operator-lapsed, acknowledged the rules but let the training lapse well past the
// grace period, so every page of personal data refuses them and says why. Dates are counted back from
// the day the desk starts; a restart adds a completion only when a member's has run out (or, for
// operator-lapsed, when there is none), and versions and courses, once published, stay as they were.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../functions/adapters/clients';
import { dynamoSafeguards } from '../functions/adapters/safeguards-repository';
import { japanDay } from '../functions/domain/kernel/calendar';
import { StaleWriteError } from '../functions/domain/kernel/problems';
import type { InternalRuleVersion } from '../functions/domain/safeguards/internal-rules';
import { addDays } from '../functions/domain/safeguards/standing';
import { DEFAULT_TRAINING_VALIDITY_MONTHS, type TrainingCourse } from '../functions/domain/safeguards/training';
import { STAFF_ROLES } from '../functions/domain/staff';
import { hashLocalPassword } from './staff-sign-in';

/** The demo operator whose training lapsed: signs in with the demo password and is refused personal data. */
export const DEMO_LAPSED_STAFF_ID = 'operator-lapsed';

const DEMO_COURSE_ID = 'personal-data-protection';

function demoRules(today: string): InternalRuleVersion[] {
  const effectiveFrom = addDays(today, -365);
  const publishedAt = `${addDays(effectiveFrom, -7)}T01:00:00.000Z`;
  return [
    {
      ruleId: 'personal-data-handling-rules',
      version: 1,
      kind: 'rules',
      title: { ja: '個人情報取扱規程', en: 'Personal data handling rules' },
      effectiveFrom,
      text: '個人データは、公表した利用目的の範囲内でのみ、業務上必要な者が取り扱う。取扱いは記録され、情報セキュリティ責任者が監査する。\nPersonal data is handled only within the published purposes of use, by those whose work needs it; handling is logged and audited by the Information Security Officer.',
      publishedBy: 'officer',
      publishedAt,
    },
    {
      ruleId: 'privacy-desk-manual',
      version: 1,
      kind: 'manual',
      title: { ja: '個人情報相談窓口 業務マニュアル', en: 'Privacy desk operating manual' },
      effectiveFrom,
      reference: 'docs/user-guide.md',
      publishedBy: 'officer',
      publishedAt,
    },
  ];
}

function demoCourse(today: string): TrainingCourse {
  return {
    courseId: DEMO_COURSE_ID,
    title: { ja: '個人情報保護研修（年次）', en: 'Personal data protection training (annual)' },
    validityMonths: DEFAULT_TRAINING_VALIDITY_MONTHS,
    required: true,
    createdBy: 'officer',
    createdAt: `${addDays(today, -400)}T01:00:00.000Z`,
  };
}

/** The last day a completion on `completedOn` is current: the same day `months` later, less one. */
function validUntilOf(completedOn: string, months: number): string {
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d - 1)).toISOString().slice(0, 10);
}

async function keepFirst(publish: () => Promise<void>): Promise<void> {
  try {
    await publish();
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
  }
}

async function seedMember(staffId: string, completedOn: string, today: string, onlyIfNone: boolean) {
  const rules = await dynamoSafeguards.ruleVersions();
  for (const rule of rules)
    await dynamoSafeguards.acknowledge({
      staffId,
      ruleId: rule.ruleId,
      version: rule.version,
      acknowledgedAt: `${addDays(rule.effectiveFrom, 1)}T01:00:00.000Z`,
    });
  const { completions } = await dynamoSafeguards.recordsOf(staffId);
  const held = completions.filter((c) => c.courseId === DEMO_COURSE_ID);
  if (onlyIfNone ? held.length > 0 : held.some((c) => c.validUntil >= today)) return;
  await dynamoSafeguards.recordCompletion({
    staffId,
    courseId: DEMO_COURSE_ID,
    completedOn,
    validUntil: validUntilOf(completedOn, DEFAULT_TRAINING_VALIDITY_MONTHS),
    recordedBy: 'officer',
    recordedAt: `${completedOn}T08:00:00.000Z`,
  });
}

/** The rules, the course and the demo staff's records; call after seedDemoStaff. */
export async function seedDemoSafeguards(password: string, now = new Date()): Promise<void> {
  const today = japanDay(now);
  await Promise.all([
    ...demoRules(today).map((v) => keepFirst(() => dynamoSafeguards.publishRuleVersion(v))),
    keepFirst(() => dynamoSafeguards.addCourse(demoCourse(today))),
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('staff'),
        Key: { staffId: DEMO_LAPSED_STAFF_ID },
        UpdateExpression:
          'SET #role = if_not_exists(#role, :role), #status = if_not_exists(#status, :active), displayName = if_not_exists(displayName, :name), email = if_not_exists(email, :email), passwordChangedAt = :now, localPasswordHash = :hash REMOVE passwordMustChange, failedSignIns, lockedUntil',
        ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
        ExpressionAttributeValues: {
          ':role': 'operator',
          ':active': 'active',
          ':name': 'Demo operator (training lapsed)',
          ':email': `${DEMO_LAPSED_STAFF_ID}@desk.example.jp`,
          ':now': now.toISOString(),
          ':hash': hashLocalPassword(password),
        },
      }),
    ),
  ]);
  // Trained a month ago; operator-lapsed 15 months ago, so the completion ran out 3 months ago.
  await Promise.all([
    ...STAFF_ROLES.map((role) => seedMember(role, addDays(today, -30), today, false)),
    seedMember(DEMO_LAPSED_STAFF_ID, addDays(today, -460), today, true),
  ]);
}
