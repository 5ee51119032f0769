// The staff directory against DynamoDB Local, read consistently on every staff call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStaffDirectory } from '../../functions/adapters/staff-repository';
import { seedDemoStaff } from '../../local/seed';
import { freshTables } from '../support/desk';
import { dropTables, setAttributes } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

describe('staff-repository', () => {
  it('returns the seeded demo staff, one per role', async () => {
    for (const role of ['operator', 'officer', 'auditor'] as const) {
      expect(await dynamoStaffDirectory.get(role)).toMatchObject({
        staffId: role,
        role,
        status: 'active',
        email: `${role}@desk.example.jp`,
      });
    }
  });

  it('sees a change made a moment ago', async () => {
    await setAttributes('staff', { staffId: 'officer' }, { status: 'disabled' });
    expect(await dynamoStaffDirectory.get('officer')).toMatchObject({ status: 'disabled' });
  });

  it('an unknown id: nothing', async () => {
    expect(await dynamoStaffDirectory.get('nobody')).toBeUndefined();
  });

  it('re-seeding keeps a changed role and status (seedDemoStaff only resets the password)', async () => {
    await setAttributes('staff', { staffId: 'auditor' }, { status: 'disabled' });
    await seedDemoStaff('another-password');
    expect(await dynamoStaffDirectory.get('auditor')).toMatchObject({ status: 'disabled' });
  });
});
