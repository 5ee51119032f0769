// The staff directory, read on every staff call so a disabled account is refused at once, and the
// officer's account changes, each written with its e-mails in one transaction.
import { GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountWrite, StaffAccountStore } from '../domain/accounts/ports';
import type { PasswordChanges } from '../domain/accounts/sign-in-gate';
import type { OutboxMessage } from '../domain/outbox';
import type { StaffDirectory } from '../domain/ports';
import { StaleWriteError } from '../domain/problems';
import type { StaffMember } from '../domain/staff';
import { dynamo, tableName } from './clients';
import { outboxPut, transactOrStale, type TransactItem } from './transactions';

export const dynamoStaffDirectory: StaffDirectory = {
  async get(staffId: string) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('staff'), Key: { staffId }, ConsistentRead: true }));
    return Item as StaffMember | undefined;
  },
};

function accountItem(write: AccountWrite): TransactItem {
  if (write.kind === 'create') {
    return {
      Put: {
        TableName: tableName('staff'),
        Item: { ...write.signIn, ...write.account },
        ConditionExpression: 'attribute_not_exists(staffId)',
      },
    };
  }
  const entries = Object.entries(write.fields);
  const set = entries.filter(([, value]) => value !== undefined);
  const remove = entries.filter(([, value]) => value === undefined);
  return {
    Update: {
      TableName: tableName('staff'),
      Key: { staffId: write.staffId },
      UpdateExpression: [
        `SET ${[...set.map(([name]) => `#${name} = :${name}`), '#version = :next'].join(', ')}`,
        remove.length ? `REMOVE ${remove.map(([name]) => `#${name}`).join(', ')}` : '',
      ].join(' ').trim(),
      // Accounts seeded before the account routes carry no version: they count as version 0.
      ConditionExpression: write.expectedVersion === 0
        ? 'attribute_exists(staffId) AND attribute_not_exists(#version)'
        : 'attribute_exists(staffId) AND #version = :expected',
      ExpressionAttributeNames: Object.fromEntries([...entries.map(([name]) => [`#${name}`, name]), ['#version', 'version']]),
      ExpressionAttributeValues: {
        ...Object.fromEntries(set.map(([name, value]) => [`:${name}`, value])),
        ':next': write.expectedVersion + 1,
        ...(write.expectedVersion === 0 ? {} : { ':expected': write.expectedVersion }),
      },
    },
  };
}

/**
 * The acting officer's own item, stamped, on the condition that they are still an active officer.
 * An update rather than a condition check: the functions are granted puts and updates, and the stamp
 * says when the officer last changed an account.
 */
function officerStillActive(officer: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName('staff'),
      Key: { staffId: officer },
      UpdateExpression: 'SET lastAccountChangeAt = :at',
      ConditionExpression: '#status = :active AND #role = :officer',
      ExpressionAttributeNames: { '#status': 'status', '#role': 'role' },
      ExpressionAttributeValues: { ':at': at, ':active': 'active', ':officer': 'officer' },
    },
  };
}

export const dynamoStaffAccounts: StaffAccountStore = {
  get: dynamoStaffDirectory.get,

  async list() {
    const items: StaffMember[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new ScanCommand({ TableName: tableName('staff'), ConsistentRead: true, ExclusiveStartKey }));
      items.push(...((page.Items ?? []) as StaffMember[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  },

  async commit(write: AccountWrite, officer: string, messages: OutboxMessage[], at: string) {
    try {
      await transactOrStale([accountItem(write), officerStillActive(officer, at), ...messages.map(outboxPut)]);
    } catch (error) {
      // Two officers changing the same accounts at once: DynamoDB cancels one transaction outright.
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw new StaleWriteError();
      throw error;
    }
  },
};

export const dynamoPasswordChanges: PasswordChanges = {
  async record(staffId: string, at: string) {
    try {
      await dynamo().send(new UpdateCommand({
        TableName: tableName('staff'),
        Key: { staffId },
        UpdateExpression: 'SET passwordChangedAt = :at',
        ConditionExpression: 'attribute_exists(staffId)',
        ExpressionAttributeValues: { ':at': at },
      }));
    } catch (error) {
      // A pool user without a staff account has no password age to keep; the pre-authentication trigger refuses it anyway.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  },
};
