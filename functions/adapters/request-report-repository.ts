// The desk's deadlines and report: summaries of requests read without any personal data (projected
// to ids, type, status and dates), reminder marks written with their e-mail, and the staff to remind.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type {
  OpenRequestSummary,
  ReminderKind,
  ReminderStore,
  StaffRoster,
} from '../domain/requests/deadline-reminders';
import { OPEN_STATUSES, type RequestStatus } from '../domain/requests/request';
import type { RequestReportReader } from '../domain/requests/request-report';
import type { StaffRole } from '../domain/staff';
import { dynamo, notExpired, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

const REMINDER_ATTRIBUTE: Record<ReminderKind, string> = {
  'due-soon': 'remindedDueSoonAt',
  overdue: 'remindedOverdueAt',
};
const OPEN_VALUES = Object.fromEntries(OPEN_STATUSES.map((status, i) => [`:open${i}`, status]));

function queryByStatus<T>(
  status: RequestStatus,
  projection: string,
  now: Date,
  created?: { from: Date; to: Date },
): Promise<T[]> {
  const live = notExpired(now);
  return queryAll<T>({
    TableName: tableName('requests'),
    IndexName: 'byStatus',
    KeyConditionExpression: created ? '#status = :status AND createdAt BETWEEN :from AND :to' : '#status = :status',
    FilterExpression: live.FilterExpression,
    ProjectionExpression: projection,
    ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
    ExpressionAttributeValues: {
      ...live.ExpressionAttributeValues,
      ':status': status,
      ...(created ? { ':from': created.from.toISOString(), ':to': created.to.toISOString() } : {}),
    },
  });
}

export const dynamoRequestReportReader: RequestReportReader = {
  async byStatus(status, range, now) {
    const items = await queryByStatus<{ decision?: { decidedAt?: string } } & Record<string, string>>(
      status,
      'requestId, #type, #status, createdAt, receivedAt, dueAt, decision.decidedAt',
      now,
      range,
    );
    return items.map(({ decision, requestId, type, createdAt, receivedAt, dueAt }) => ({
      requestId: requestId!,
      type: type!,
      status,
      createdAt: createdAt!,
      ...(receivedAt ? { receivedAt } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(decision?.decidedAt ? { decidedAt: decision.decidedAt } : {}),
    }));
  },
};

export const dynamoReminderStore: ReminderStore = {
  async openRequests(now) {
    const found = await Promise.all(
      OPEN_STATUSES.map((status) =>
        queryByStatus<OpenRequestSummary>(
          status,
          'requestId, #type, #status, dueAt, remindedDueSoonAt, remindedOverdueAt',
          now,
        ),
      ),
    );
    return found.flat().filter((r) => r.dueAt);
  },

  async recordReminder(kind, requestIds, messages, now) {
    // Only the reminder mark is written, never the version: a decision taken at the same moment must
    // not fail because a reminder went out. The mark's own absence is the condition that makes it once.
    const marks = requestIds.map((requestId) => ({
      Update: {
        TableName: tableName('requests'),
        Key: { requestId },
        UpdateExpression: 'SET #mark = :now',
        ConditionExpression: `attribute_not_exists(#mark) AND #status IN (${Object.keys(OPEN_VALUES).join(', ')})`,
        ExpressionAttributeNames: { '#mark': REMINDER_ATTRIBUTE[kind], '#status': 'status' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ...OPEN_VALUES },
      },
    }));
    await transactOrStale([...marks, ...messages.map(outboxPut)]);
  },
};

/** The staff table is a few dozen people: a scan, projected to the address, is the simplest read. */
export const dynamoStaffRoster: StaffRoster = {
  async activeEmails(role: StaffRole) {
    const emails: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({
          TableName: tableName('staff'),
          ConsistentRead: true,
          FilterExpression: '#role = :role AND #status = :active',
          ProjectionExpression: 'email',
          ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
          ExpressionAttributeValues: { ':role': role, ':active': 'active' },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) if (typeof item.email === 'string') emails.push(item.email);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return [...new Set(emails)].sort();
  },
};
