// All-or-nothing writes: a state change and the notification that reports it commit in one
// DynamoDB transaction (docs/architecture.md), each conditional on the state it was decided from.
import type { DeskWrite, DeskWriter } from '../domain/requests/ports';
import { tableName } from './clients';
import { disclosureItems, NO_SUBJECT } from './disclosure-repository';
import { outboxPut } from './outbox-repository';
import type { TableName } from './tables';
import { type TransactItem, transactOrStale } from './transactions';

/**
 * The table each kind of write goes to. A request type declares the kinds its fulfilment writes, so
 * the decide route's grants must cover these tables (test/domain/requests/types/registry.test.ts).
 */
export const WRITE_TABLES: { readonly [K in DeskWrite['kind']]: TableName } = {
  request: 'requests',
  outbox: 'outbox',
  disclosure: 'disclosures',
  'disclosure-holder-results': 'disclosures',
  'cessation-of-provision': 'subjects',
  'cessation-of-use': 'subjects',
  'personal-data-correction': 'personal-data',
  'personal-data-addition': 'personal-data',
  'personal-data-deletion': 'personal-data',
  suppression: 'suppressions',
  'fulfilment-task': 'fulfilment-tasks',
};

function toTransactItem(write: DeskWrite): TransactItem | TransactItem[] {
  switch (write.kind) {
    case 'request':
      return {
        Put: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Item: write.request,
          ...(write.expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(requestId)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': write.expectedVersion },
              }),
        },
      };
    case 'outbox':
      return outboxPut(write.message);
    case 'fulfilment-task':
      // A whole-item Put: what the task no longer carries (identities once accepted) is gone from it.
      return {
        Put: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Item: write.task,
          ...(write.expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(taskId)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': write.expectedVersion },
              }),
        },
      };
    case 'disclosure':
      // One item per subject whose data the dossier copies, so erasing any of them finds the copy.
      return disclosureItems(write.disclosure).map((Item) => ({
        Put: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Item,
          ConditionExpression: 'attribute_not_exists(tokenHash)',
        },
      }));
    case 'disclosure-holder-results':
      // Appended to each item of the copy; the task's own conditional write in the same transaction
      // makes it once. An item gone (erased) or expired fails the transaction, and the caller rereads.
      return (write.subjectIds.length > 0 ? write.subjectIds : [NO_SUBJECT]).map((subjectId) => ({
        Update: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Key: { tokenHash: write.tokenHash, subjectId },
          UpdateExpression:
            'SET dossier.holderResults = list_append(if_not_exists(dossier.holderResults, :none), :part)',
          ConditionExpression: 'attribute_exists(tokenHash) AND expiresAt > :now',
          ExpressionAttributeValues: { ':none': [], ':part': [write.results], ':now': epochSeconds(write.at) },
        },
      }));
    case 'cessation-of-provision': {
      // An update creates the subject's item if absent; it holds only if the cessation read is still
      // there, so two decisions or a decision and a lift never overwrite each other.
      const set = [
        ...(write.cessation ? ['cessationOfProvision = :cessation'] : []),
        ...(write.lift
          ? ['cessationOfProvisionLifts = list_append(if_not_exists(cessationOfProvisionLifts, :none), :lift)']
          : []),
      ];
      return {
        Update: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Key: { subjectId: write.subjectId },
          UpdateExpression: [
            set.length ? `SET ${set.join(', ')}` : '',
            write.cessation ? '' : 'REMOVE cessationOfProvision',
          ]
            .filter(Boolean)
            .join(' '),
          ConditionExpression: write.expected
            ? 'cessationOfProvision = :expected'
            : 'attribute_not_exists(cessationOfProvision)',
          ExpressionAttributeValues: {
            ...(write.cessation ? { ':cessation': write.cessation } : {}),
            ...(write.lift ? { ':lift': [write.lift], ':none': [] } : {}),
            ...(write.expected ? { ':expected': write.expected } : {}),
          },
        },
      };
    }
    case 'cessation-of-use': {
      // The subjects stream hands a flag newly saying erase to the erase-on-request worker.
      const flag = { requestId: write.requestId, at: write.at, measure: write.measure };
      return {
        Update: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Key: { subjectId: write.subjectId },
          UpdateExpression:
            write.measure === 'erase'
              ? 'SET cessationOfUse = :flag'
              : 'SET cessationOfUse = if_not_exists(cessationOfUse, :flag)',
          ExpressionAttributeValues: { ':flag': flag },
        },
      };
    }
    case 'personal-data-correction':
      return {
        Update: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Key: { subjectId: write.subjectId, recordId: write.recordId },
          UpdateExpression: 'SET #value = :value, lookupKey = :lookupKey, correctedAt = :at, correctedBy = :requestId',
          ConditionExpression: LIVE_RECORD,
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: {
            ':value': write.value,
            ':lookupKey': write.lookupKey,
            ':at': write.at,
            ':requestId': write.requestId,
            ':now': epochSeconds(write.at),
          },
        },
      };
    case 'personal-data-addition':
      return {
        Put: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Item: write.record,
          ConditionExpression: 'attribute_not_exists(recordId)',
        },
      };
    case 'personal-data-deletion':
      // Expired now, so no read serves it from this commit on; the TTL removes it and the stream
      // consumer certifies the removal with the reason it carries.
      return {
        Update: {
          TableName: tableName(WRITE_TABLES[write.kind]),
          Key: { subjectId: write.subjectId, recordId: write.recordId },
          UpdateExpression: 'SET expiresAt = :now, erasureReason = :request',
          ConditionExpression: LIVE_RECORD,
          ExpressionAttributeValues: { ':now': epochSeconds(write.at), ':request': 'request' },
        },
      };
    case 'suppression':
      // One item per identifier and request: deciding again is impossible (the request's version), so
      // the item is new; a put keeps the write idempotent all the same.
      return { Put: { TableName: tableName(WRITE_TABLES[write.kind]), Item: write.suppression } };
  }
}

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A record changed on request must still be stored, live, and not being erased; `:now` is the commit's instant. */
const LIVE_RECORD =
  'attribute_exists(recordId) AND attribute_not_exists(erasureReason) AND (attribute_not_exists(expiresAt) OR expiresAt > :now)';

export const dynamoDeskWriter: DeskWriter = {
  async commit(writes: DeskWrite[]) {
    await transactOrStale(writes.flatMap(toTransactItem));
  },
};
