// The purposes table against DynamoDB Local: the policy's versions come from code, published ones
// from the table; a version is put once; a rollout's progress is saved only over the progress read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dynamoPurposePublisher,
  dynamoPurposeVersions,
  dynamoRolloutStore,
} from '../../functions/adapters/purpose-repository';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import { POLICY_PURPOSES, type PurposeVersion } from '../../functions/domain/purposes/registry';
import { freshTables } from '../support/desk';
import { dropTables, getItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const version = (purposeId: string, overrides: Partial<PurposeVersion> = {}): PurposeVersion => ({
  ...POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!,
  purposeId,
  version: 2,
  effectiveFrom: '2026-12-01T03:00:00.000Z',
  publishedBy: 'officer',
  change: { kind: 'changed', note: 'Receipts are part of settlement.' },
  rollout: { kind: 'notify', state: 'pending', processed: 0 },
  ...overrides,
});

describe('dynamoPurposePublisher', () => {
  it('puts a version once; publishing the same version again is stale', async () => {
    const first = version('billing', { ja: 'first' });
    await dynamoPurposePublisher.publish(first);
    await expect(dynamoPurposePublisher.publish(version('billing', { ja: 'second' }))).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(await getItem('purposes', { purposeId: 'billing', version: 2 })).toEqual(first);
  });

  it("the reader returns the policy's own versions and every stored one", async () => {
    await dynamoPurposePublisher.publish(version('service-improvement'));
    const versions = await dynamoPurposeVersions.versions();
    expect(versions.slice(0, POLICY_PURPOSES.length)).toEqual([...POLICY_PURPOSES]);
    expect(versions.filter((v) => v.purposeId === 'service-improvement').map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('dynamoRolloutStore', () => {
  it('saves progress over the progress it read, and not over a job that moved on or is done', async () => {
    const published = version('usage-analysis');
    await dynamoPurposePublisher.publish(published);
    const step = {
      kind: 'notify' as const,
      state: 'pending' as const,
      processed: 3,
      cursor: { subjectId: 's-1', recordId: 'r-9' },
    };
    expect(await dynamoRolloutStore.save(published, step, 0)).toBe(true);
    expect(await dynamoRolloutStore.save(published, { ...step, processed: 5 }, 0)).toBe(false);
    expect(await dynamoRolloutStore.save(published, { kind: 'notify', state: 'done', processed: 4 }, 3)).toBe(true);
    expect(await dynamoRolloutStore.save(published, { kind: 'notify', state: 'pending', processed: 9 }, 4)).toBe(false);
    expect((await getItem('purposes', { purposeId: 'usage-analysis', version: 2 }))!.rollout).toEqual({
      kind: 'notify',
      state: 'done',
      processed: 4,
    });
  });

  it('saves nothing for a version never published', async () => {
    expect(
      await dynamoRolloutStore.save(version('no-such-purpose'), { kind: 'notify', state: 'done', processed: 1 }, 0),
    ).toBe(false);
    expect(await getItem('purposes', { purposeId: 'no-such-purpose', version: 2 })).toBeUndefined();
  });
});
