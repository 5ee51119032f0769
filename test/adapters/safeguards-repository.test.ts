// The safeguards table against DynamoDB Local: a published version or a course is never replaced (the
// second of two publications of one version is a StaleWriteError), acknowledgements and completions
// are idempotent and kept per staff member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSafeguards } from '../../functions/adapters/safeguards-repository';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import type { InternalRuleVersion } from '../../functions/domain/safeguards/internal-rules';
import type { TrainingCourse } from '../../functions/domain/safeguards/training';
import { freshTables } from '../support/desk';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
});
afterAll(() => dropTables(prefix));

const AT = '2026-12-07T01:00:00.000Z';
const rule = (overrides: Partial<InternalRuleVersion> = {}): InternalRuleVersion => ({
  ruleId: 'handling-rules',
  version: 1,
  kind: 'rules',
  title: { ja: '個人データ取扱規程', en: 'Personal data handling rules' },
  effectiveFrom: '2026-12-07',
  text: 'Personal data is handled only for the purposes notified.',
  publishedBy: 'officer',
  publishedAt: AT,
  ...overrides,
});
const course = (overrides: Partial<TrainingCourse> = {}): TrainingCourse => ({
  courseId: 'appi-basics',
  title: { ja: '個人情報保護の基礎', en: 'APPI basics' },
  validityMonths: 12,
  required: true,
  createdBy: 'officer',
  createdAt: AT,
  ...overrides,
});

describe('safeguards-repository', () => {
  it('keeps every version under the foundation keys; the same version again is a StaleWriteError, the first kept', async () => {
    await dynamoSafeguards.publishRuleVersion(rule());
    await dynamoSafeguards.publishRuleVersion(rule({ version: 2, effectiveFrom: '2027-01-01' }));
    await expect(dynamoSafeguards.publishRuleVersion(rule({ text: 'another text' }))).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(await dynamoSafeguards.ruleVersions()).toEqual([rule(), rule({ version: 2, effectiveFrom: '2027-01-01' })]);
    const keys = (await scanAll('safeguards')).filter((i) => i.pk === 'rules').map((i) => i.sk);
    expect(keys).toEqual(['rule#handling-rules#v#0001', 'rule#handling-rules#v#0002']);
  });

  it('of two publications of one version at once, exactly one is stored', async () => {
    const results = await Promise.allSettled([
      dynamoSafeguards.publishRuleVersion(rule({ ruleId: 'race', publishedBy: 'officer-a' })),
      dynamoSafeguards.publishRuleVersion(rule({ ruleId: 'race', publishedBy: 'officer-b' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StaleWriteError);
    expect((await dynamoSafeguards.ruleVersions()).filter((v) => v.ruleId === 'race')).toHaveLength(1);
  });

  it('adds a course once', async () => {
    await dynamoSafeguards.addCourse(course());
    await expect(dynamoSafeguards.addCourse(course({ validityMonths: 6 }))).rejects.toBeInstanceOf(StaleWriteError);
    expect(await dynamoSafeguards.courses()).toEqual([course()]);
  });

  it("keeps each member's acknowledgements and completions apart; acknowledging twice keeps the first", async () => {
    const ack = { staffId: 'operator', ruleId: 'handling-rules', version: 1, acknowledgedAt: AT };
    await dynamoSafeguards.acknowledge(ack);
    await dynamoSafeguards.acknowledge({ ...ack, acknowledgedAt: '2026-12-08T01:00:00.000Z' });
    const completion = {
      staffId: 'operator',
      courseId: 'appi-basics',
      completedOn: '2026-12-01',
      validUntil: '2027-11-30',
      recordedBy: 'officer',
      recordedAt: AT,
    };
    await dynamoSafeguards.recordCompletion(completion);
    await dynamoSafeguards.recordCompletion({ ...completion, recordedBy: 'officer-2' });
    await dynamoSafeguards.recordCompletion({ ...completion, completedOn: '2025-12-01', validUntil: '2026-11-30' });
    const records = await dynamoSafeguards.recordsOf('operator');
    expect(records.acknowledgements).toEqual([ack]);
    expect(records.completions).toEqual([
      { ...completion, completedOn: '2025-12-01', validUntil: '2026-11-30' },
      completion,
    ]);
    expect(await dynamoSafeguards.recordsOf('auditor')).toEqual({ acknowledgements: [], completions: [] });
    const keys = (await scanAll('safeguards')).filter((i) => i.pk === 'staff#operator').map((i) => i.sk);
    expect(keys.sort()).toEqual([
      'ack#handling-rules#v#0001',
      'training#appi-basics#2025-12-01',
      'training#appi-basics#2026-12-01',
    ]);
  });
});
