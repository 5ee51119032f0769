// The staff directory, read on every staff call so a disabled account is refused at once, and the
// officer's account changes, each written with its e-mails in one transaction.
import { GetCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AccountWrite, EmailInUseError, type StaffAccountStore } from '../domain/accounts/ports';
import type { PasswordChanges } from '../domain/accounts/sign-in-gate';
import { StaleWriteError } from '../domain/kernel/problems';
import type { OutboxMessage } from '../domain/outbox';
import type { StaffDirectory } from '../domain/staff';
import { normalisedStaffEmail, type StaffMember } from '../domain/staff';
import { dynamo, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import type { TransactItem } from './transactions';

/**
 * An e-mail address is held by one account: an item keyed `email#<address>` claims it, written in the
 * account's own transaction (a check before the write would let two creations at once both pass).
 * No staff id contains "#", so a claim is never taken for an account.
 */
const emailClaimKey = (email: string) => `email#${normalisedStaffEmail(email)}`;
const isClaim = (item: Record<string, unknown>) => 'emailClaimOf' in item;

export const dynamoStaffDirectory: StaffDirectory = {
  async get(staffId: string) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('staff'), Key: { staffId }, ConsistentRead: true }),
    );
    return Item && !isClaim(Item) ? (Item as StaffMember) : undefined;
  },
};

function emailClaim(account: StaffMember): TransactItem {
  return {
    Put: {
      TableName: tableName('staff'),
      Item: { staffId: emailClaimKey(account.email), emailClaimOf: account.staffId },
      ConditionExpression: 'attribute_not_exists(staffId)',
    },
  };
}

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
      ]
        .join(' ')
        .trim(),
      // Accounts seeded before the account routes carry no version: they count as version 0.
      ConditionExpression:
        write.expectedVersion === 0
          ? 'attribute_exists(staffId) AND attribute_not_exists(#version)'
          : 'attribute_exists(staffId) AND #version = :expected',
      ExpressionAttributeNames: Object.fromEntries([
        ...entries.map(([name]) => [`#${name}`, name]),
        ['#version', 'version'],
      ]),
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
      const page = await dynamo().send(
        new ScanCommand({ TableName: tableName('staff'), ConsistentRead: true, ExclusiveStartKey }),
      );
      items.push(...((page.Items ?? []).filter((item) => !isClaim(item)) as StaffMember[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  },

  async commit(write: AccountWrite, officer: string, messages: OutboxMessage[], at: string) {
    const claim = write.kind === 'create' ? [emailClaim(write.account)] : [];
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [accountItem(write), officerStillActive(officer, at), ...claim, ...messages.map(outboxPut)],
        }),
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
      // The account and the acting officer still as read, but the address is another account's.
      if (claim.length > 0 && failed(2) && !failed(0) && !failed(1)) throw new EmailInUseError();
      // Two officers changing the same accounts at once: DynamoDB cancels one transaction outright.
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'))
        throw new StaleWriteError();
      throw error;
    }
  },
};

export const dynamoPasswordChanges: PasswordChanges = {
  async record(staffId: string, at: string) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('staff'),
          Key: { staffId },
          UpdateExpression: 'SET passwordChangedAt = :at',
          ConditionExpression: 'attribute_exists(staffId)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      // A pool user without a staff account has no password age to keep; the pre-authentication trigger refuses it anyway.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  },
};
