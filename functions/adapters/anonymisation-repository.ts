// Anonymously processed information in its tables. In 'anonymisation': each definition is the item
// pk 'definitions', sk <definitionId>, holding runningDatasetId (and runningSince) while a run of it is requested; each run
// is pk 'definition#<definitionId>', sk 'dataset#<datasetId>'; pk 'dataset#<datasetId>', sk 'dataset'
// points a dataset id to its definition. Starting, publishing and refusing are each one transaction
// conditional on runningDatasetId, so of two runs started at once one wins, and a stream retry of a
// finished run changes nothing. 'anonymised-publications' holds what the privacy notice publishes.
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AnonymisationStore,
  AnonymisedPublication,
  DatasetRun,
  PublicationReader,
  RegistryReader,
  RegistryValue,
  StoredDefinition,
} from '../domain/anonymisation/ports';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, queryAll, tableName } from './clients';
import { transactOrStale } from './transactions';

const DEFINITIONS = 'definitions';
const runPk = (definitionId: string) => `definition#${definitionId}`;
const runSk = (datasetId: string) => `dataset#${datasetId}`;
const pointerPk = (datasetId: string) => `dataset#${datasetId}`;
const POINTER_SK = 'dataset';

const table = () => tableName('anonymisation');

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, runningDatasetId: _running, runningSince: _since, ...rest } = item;
  return rest as T;
}

/** A definition with the run that holds it, if any, and since when. */
type HeldDefinition = StoredDefinition & { runningDatasetId?: string; runningSince?: string };

async function definition(definitionId: string): Promise<HeldDefinition | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: { pk: DEFINITIONS, sk: definitionId }, ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    ...strip<StoredDefinition>(Item)!,
    ...(Item.runningDatasetId ? { runningDatasetId: Item.runningDatasetId, runningSince: Item.runningSince } : {}),
  };
}

/** The run's finishing write: its new state, the definition free again, on condition it was requested. */
async function finish(run: DatasetRun, publication?: AnonymisedPublication): Promise<boolean> {
  const { datasetId, definitionId, ...rest } = run;
  try {
    await transactOrStale([
      {
        Put: {
          TableName: table(),
          Item: { pk: runPk(definitionId), sk: runSk(datasetId), datasetId, definitionId, ...rest },
          ConditionExpression: '#state = :requested',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':requested': 'requested' },
        },
      },
      {
        Update: {
          TableName: table(),
          Key: { pk: DEFINITIONS, sk: definitionId },
          UpdateExpression: 'REMOVE runningDatasetId, runningSince',
          ConditionExpression: 'runningDatasetId = :id',
          ExpressionAttributeValues: { ':id': datasetId },
        },
      },
      ...(publication
        ? [
            {
              Put: {
                TableName: tableName('anonymised-publications'),
                Item: publication,
                ConditionExpression: 'attribute_not_exists(datasetId)',
              },
            },
          ]
        : []),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StaleWriteError) return false;
    throw error;
  }
}

export const dynamoAnonymisation: AnonymisationStore = {
  async createDefinition(stored) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: table(),
            Item: { pk: DEFINITIONS, sk: stored.definitionId, ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      return 'created';
    } catch (error) {
      if (error instanceof StaleWriteError) return 'taken';
      throw error;
    }
  },

  async definition(definitionId) {
    const found = await definition(definitionId);
    if (!found) return undefined;
    const { runningDatasetId: _running, runningSince: _since, ...stored } = found;
    return stored;
  },

  async definitions() {
    const items = await queryAll<Record<string, unknown>>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': DEFINITIONS },
      ConsistentRead: true,
    });
    return items.map((i) => strip<StoredDefinition>(i)!);
  },

  async runsOf(definitionId) {
    const items = await queryAll<Record<string, unknown>>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': runPk(definitionId), ':prefix': 'dataset#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<DatasetRun>(i)!);
  },

  async run(datasetId) {
    const { Item: pointer } = await dynamo().send(
      new GetCommand({ TableName: table(), Key: { pk: pointerPk(datasetId), sk: POINTER_SK }, ConsistentRead: true }),
    );
    if (!pointer) return undefined;
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: table(),
        Key: { pk: runPk(pointer.definitionId as string), sk: runSk(datasetId) },
        ConsistentRead: true,
      }),
    );
    return strip<DatasetRun>(Item);
  },

  async startRun(run, lost) {
    const held = await definition(run.definitionId);
    // A run requested before lost.before never finished: refused in the same transaction as the new
    // one takes the definition, on condition that it still holds it.
    const replaced =
      held?.runningDatasetId && held.runningSince !== undefined && held.runningSince < lost.before
        ? held.runningDatasetId
        : undefined;
    try {
      await transactOrStale([
        {
          Update: {
            TableName: table(),
            Key: { pk: DEFINITIONS, sk: run.definitionId },
            UpdateExpression: 'SET runningDatasetId = :id, runningSince = :since',
            ConditionExpression: replaced
              ? 'runningDatasetId = :replaced'
              : 'attribute_exists(pk) AND attribute_not_exists(runningDatasetId)',
            ExpressionAttributeValues: {
              ':id': run.datasetId,
              ':since': run.requestedAt,
              ...(replaced ? { ':replaced': replaced } : {}),
            },
          },
        },
        ...(replaced
          ? [
              {
                Update: {
                  TableName: table(),
                  Key: { pk: runPk(run.definitionId), sk: runSk(replaced) },
                  UpdateExpression: 'SET #state = :refused, problem = :problem, finishedAt = :at',
                  ConditionExpression: '#state = :requested',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: {
                    ':refused': 'refused',
                    ':requested': 'requested',
                    ':problem': lost.problem,
                    ':at': run.requestedAt,
                  },
                },
              },
            ]
          : []),
        {
          Put: {
            TableName: table(),
            Item: { pk: runPk(run.definitionId), sk: runSk(run.datasetId), ...run },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: {
              pk: pointerPk(run.datasetId),
              sk: POINTER_SK,
              datasetId: run.datasetId,
              definitionId: run.definitionId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      return { outcome: 'started', ...(replaced ? { replaced } : {}) };
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      const running = (await definition(run.definitionId))?.runningDatasetId;
      return { outcome: 'running', ...(running ? { datasetId: running } : {}) };
    }
  },

  async publish(run, publication) {
    return (await finish(run, publication)) ? 'published' : 'stale';
  },

  async refuse(run) {
    return (await finish(run)) ? 'refused' : 'stale';
  },
};

export const dynamoAnonymisedPublications: PublicationReader = {
  async list() {
    const items: AnonymisedPublication[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({ TableName: tableName('anonymised-publications'), ExclusiveStartKey }),
      );
      items.push(...((page.Items ?? []) as AnonymisedPublication[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort((a, b) => b.createdOn.localeCompare(a.createdOn) || a.datasetId.localeCompare(b.datasetId));
  },
};

/**
 * The registry as a run reads it: a Scan of the personal-data table projecting the keys, category,
 * value and dates only (never the purposes, source or basis), filtered to the categories named.
 * Scanning the whole table is the path to 100,000 records in one invocation; beyond that the export
 * path of docs/operating.md applies.
 */
export const dynamoRegistryReader: RegistryReader = {
  async *values(categories) {
    const names = categories.map((_, i) => `:c${i}`);
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({
          TableName: tableName('personal-data'),
          ProjectionExpression: 'subjectId, category, #value, acquiredAt, expiresAt',
          FilterExpression: `category IN (${names.join(', ')})`,
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: Object.fromEntries(categories.map((c, i) => [names[i], c])),
          ExclusiveStartKey,
        }),
      );
      yield (page.Items ?? []) as RegistryValue[];
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  },

  async ceasedSubjects() {
    const ceased = new Set<string>();
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({
          TableName: tableName('subjects'),
          ProjectionExpression: 'subjectId',
          FilterExpression: 'attribute_exists(cessationOfUse)',
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) ceased.add(item.subjectId as string);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return ceased;
  },
};
