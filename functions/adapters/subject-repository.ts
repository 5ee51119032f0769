// A subject's lifecycle (contract end, last activity, cessation flags): one item per subject. Each
// event updates only its own attribute, so it never overwrites a flag a request set meanwhile.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SubjectLifecycle } from '../domain/personal-data/expiry';
import type {
  SubjectLifecycleReader,
  SubjectLifecyclesReader,
  SubjectLifecycleWriter,
} from '../domain/personal-data/ports';
import { dynamo, tableName } from './clients';

async function get(subjectId: string): Promise<SubjectLifecycle | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName('subjects'), Key: { subjectId }, ConsistentRead: true }),
  );
  return Item as SubjectLifecycle | undefined;
}

export const dynamoSubjectLifecycles: SubjectLifecycleReader & SubjectLifecyclesReader & SubjectLifecycleWriter = {
  get,

  /** BatchGetItem, 100 keys a call, consistent as get is: a batch registration reads every subject at once. */
  async lifecyclesOf(subjectIds) {
    const found = new Map<string, SubjectLifecycle>();
    const ids = [...new Set(subjectIds)];
    const table = tableName('subjects');
    await Promise.all(
      Array.from({ length: Math.ceil(ids.length / 100) }, async (_, c) => {
        let keys: Record<string, unknown>[] | undefined = ids
          .slice(c * 100, (c + 1) * 100)
          .map((subjectId) => ({ subjectId }));
        while (keys && keys.length > 0) {
          const page: BatchGetCommandOutput = await dynamo().send(
            new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of (page.Responses?.[table] ?? []) as (SubjectLifecycle & { subjectId: string })[])
            found.set(item.subjectId, item);
          keys = page.UnprocessedKeys?.[table]?.Keys;
        }
      }),
    );
    return found;
  },

  async save(subjectId, change) {
    const [name, at] =
      'contractEndedAt' in change
        ? ['contractEndedAt', change.contractEndedAt]
        : ['lastActivityAt', change.lastActivityAt];
    try {
      const { Attributes } = await dynamo().send(
        new UpdateCommand({
          TableName: tableName('subjects'),
          Key: { subjectId },
          UpdateExpression: 'SET #event = :at',
          // Instants are stored as toISOString(), so comparing them as strings compares the times.
          ...(name === 'lastActivityAt' ? { ConditionExpression: 'attribute_not_exists(#event) OR #event < :at' } : {}),
          ExpressionAttributeNames: { '#event': name },
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes as SubjectLifecycle;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // A later activity was recorded meanwhile: it stands.
      return (await get(subjectId))!;
    }
  },
};
