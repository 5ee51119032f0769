// The audit register in the audits table: per audit, the plan 'plan', each item's result
// 'result#<itemId>', each finding 'finding#<findingId>' and each overdue reminder sent
// 'reminder#<findingId>#<due>'. Writes are conditional (on the version read, on the plan still being
// planned), so of two people acting at once one wins and the other is told.
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditFinding, AuditPlan, AuditResult } from '../domain/audits/audit';
import type { AuditStore, CorrectiveActionReminders } from '../domain/audits/ports';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const PLAN = 'plan';
export const resultKey = (itemId: string) => `result#${itemId}`;
export const findingKey = (findingId: string) => `finding#${findingId}`;
export const actionReminderKey = (findingId: string, dueOn: string) => `reminder#${findingId}#${dueOn}`;

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { itemKey: _itemKey, ...rest } = item;
  return rest as T;
}

const queryPrefix = <T>(auditId: string, prefix: string) =>
  queryAll<Record<string, unknown>>({
    TableName: tableName('audits'),
    KeyConditionExpression: 'auditId = :id AND begins_with(itemKey, :prefix)',
    ExpressionAttributeValues: { ':id': auditId, ':prefix': prefix },
    ConsistentRead: true,
  }).then((items) => items.map((i) => strip<T>(i)!));

/** The register is small (a few audits a year): scanned whole for the items of one kind. */
async function scanPrefix<T>(prefix: string): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName('audits'),
        FilterExpression: 'begins_with(itemKey, :prefix)',
        ExpressionAttributeValues: { ':prefix': prefix },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []).map((i) => strip<T>(i)!));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

async function conditionalPut(
  Item: Record<string, unknown>,
  ConditionExpression: string,
  values?: Record<string, unknown>,
) {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName('audits'),
        Item,
        ConditionExpression,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The plan must still be planned for a result or a finding to be added to it. */
const stillPlanned = (auditId: string) => ({
  ConditionCheck: {
    TableName: tableName('audits'),
    Key: { auditId, itemKey: PLAN },
    ConditionExpression: '#state = :planned',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':planned': 'planned' },
  },
});

export const dynamoAudits: AuditStore = {
  async get(auditId) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('audits'), Key: { auditId, itemKey: PLAN }, ConsistentRead: true }),
    );
    return strip<AuditPlan>(Item);
  },

  async list() {
    const plans = await scanPrefix<AuditPlan>(PLAN);
    return plans.sort((a, b) => b.plannedOn.localeCompare(a.plannedOn) || b.auditId.localeCompare(a.auditId));
  },

  results: (auditId) => queryPrefix<AuditResult>(auditId, 'result#'),

  findings: (auditId) => queryPrefix<AuditFinding>(auditId, 'finding#'),

  allFindings: () => scanPrefix<AuditFinding>('finding#'),

  add: (plan) => conditionalPut({ ...plan, itemKey: PLAN }, 'attribute_not_exists(auditId)'),

  async recordResult(result) {
    await transactOrStale([
      stillPlanned(result.auditId),
      {
        Put: {
          TableName: tableName('audits'),
          Item: { ...result, itemKey: resultKey(result.itemId) },
          ...(result.version === 1
            ? { ConditionExpression: 'attribute_not_exists(auditId)' }
            : {
                ConditionExpression: 'version = :previous',
                ExpressionAttributeValues: { ':previous': result.version - 1 },
              }),
        },
      },
    ]);
  },

  async addFinding(finding) {
    const key = { auditId: finding.auditId, itemKey: findingKey(finding.findingId) };
    const taken = await dynamo().send(
      new GetCommand({ TableName: tableName('audits'), Key: key, ConsistentRead: true }),
    );
    if (taken.Item) return false;
    await transactOrStale([
      stillPlanned(finding.auditId),
      {
        Put: {
          TableName: tableName('audits'),
          Item: { ...finding, itemKey: key.itemKey },
          ConditionExpression: 'attribute_not_exists(auditId)',
        },
      },
    ]);
    return true;
  },

  async replaceFinding(finding) {
    const stored = await conditionalPut({ ...finding, itemKey: findingKey(finding.findingId) }, 'version = :previous', {
      ':previous': finding.version - 1,
    });
    if (!stored) throw new StaleWriteError();
  },

  async replacePlan(plan) {
    const stored = await conditionalPut({ ...plan, itemKey: PLAN }, 'version = :previous', {
      ':previous': plan.version - 1,
    });
    if (!stored) throw new StaleWriteError();
  },
};

export const dynamoActionReminders: CorrectiveActionReminders = {
  async remind(finding, message, now) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('audits'),
            Item: {
              auditId: finding.auditId,
              itemKey: actionReminderKey(finding.findingId, finding.action.dueOn),
              messageId: message.messageId,
              at: now.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(auditId)',
          },
        },
        outboxPut(message),
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },
};
