// What access monitoring reads and keeps: access-log entries by time through the byDay index,
// projected to who, role, action, subjects and time (never fields or reasons); the cursor of the
// last analysed hour, an item of the evidence table moved with its alert in one transaction; and each
// alert's record, an evidence item of its own written in that same transaction, its id first on the
// cursor's list of recent alerts (the evidence table has no index to list by).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { japanDay } from '../domain/kernel/calendar';
import type { AccessLogReader, MonitoredAccess, MonitoringStore } from '../domain/monitoring/access-analysis';
import {
  type AccessAlert,
  type AccessAlertReader,
  alertExpiresAt,
  MONITORING_RECENT_ALERTS,
} from '../domain/monitoring/alerts';
import { dynamo, isLive, notExpired, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { type TransactItem, transactOrStale } from './transactions';

/** The cursor's evidence id: one item, kept for good, saying how far the log has been analysed. */
export const MONITORING_CURSOR_ID = 'access-monitoring-cursor';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Japan days an interval [from, to) touches, each once. */
function japanDaysOf(from: Date, to: Date): string[] {
  const days = new Set<string>();
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) days.add(japanDay(new Date(t)));
  days.add(japanDay(new Date(to.getTime() - 1)));
  return [...days];
}

export const dynamoMonitoredAccessLog: AccessLogReader = {
  async entriesBetween(from, to, now) {
    const live = notExpired(now);
    // BETWEEN is inclusive: the last millisecond before `to` closes the interval.
    const last = new Date(to.getTime() - 1).toISOString();
    const pages = await Promise.all(
      japanDaysOf(from, to).map((day) =>
        queryAll<MonitoredAccess>({
          TableName: tableName('access-log'),
          IndexName: 'byDay',
          KeyConditionExpression: '#day = :day AND #at BETWEEN :from AND :to',
          FilterExpression: live.FilterExpression,
          ProjectionExpression: 'actor, #role, #action, subjects, #at',
          ExpressionAttributeNames: { '#day': 'day', '#at': 'at', '#role': 'role', '#action': 'action' },
          ExpressionAttributeValues: {
            ...live.ExpressionAttributeValues,
            ':day': day,
            ':from': from.toISOString(),
            ':to': last,
          },
        }),
      ),
    );
    return pages.flat();
  },
};

export const dynamoMonitoringStore: MonitoringStore = {
  async cursor() {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('evidence'),
        Key: { evidenceId: MONITORING_CURSOR_ID },
        ConsistentRead: true,
      }),
    );
    return Item
      ? {
          analysedThrough: Item.analysedThrough as string,
          ...(Item.recentAlerts ? { recentAlerts: Item.recentAlerts as string[] } : {}),
        }
      : undefined;
  },

  async advance(previous, analysedThrough, alert, now) {
    const recentAlerts = [...(alert ? [alert.record.alertId] : []), ...(previous?.recentAlerts ?? [])].slice(
      0,
      MONITORING_RECENT_ALERTS,
    );
    const move: TransactItem = {
      Put: {
        TableName: tableName('evidence'),
        Item: {
          evidenceId: MONITORING_CURSOR_ID,
          kind: 'access-monitoring-cursor',
          analysedThrough,
          updatedAt: now.toISOString(),
          ...(alert ? { lastAlert: alert.message.messageId } : {}),
          ...(recentAlerts.length ? { recentAlerts } : {}),
        },
        ConditionExpression: previous ? 'analysedThrough = :previous' : 'attribute_not_exists(evidenceId)',
        ...(previous ? { ExpressionAttributeValues: { ':previous': previous.analysedThrough } } : {}),
      },
    };
    if (!alert) return transactOrStale([move]);
    // Its id is its window's first hour, which only this committed move analyses: never taken before.
    const record: TransactItem = {
      Put: {
        TableName: tableName('evidence'),
        Item: {
          evidenceId: alert.record.alertId,
          kind: 'access-alert',
          ...alert.record,
          expiresAt: alertExpiresAt(alert.record),
        },
        ConditionExpression: 'attribute_not_exists(evidenceId)',
      },
    };
    await transactOrStale([move, record, outboxPut(alert.message)]);
  },
};

const ALERT_FIELDS: (keyof AccessAlert)[] = [
  'alertId',
  'raisedAt',
  'from',
  'to',
  'limit',
  'messageId',
  'findings',
  'findingCount',
  'subjects',
  'subjectCount',
];

export const dynamoAccessAlerts: AccessAlertReader = {
  async recentAlertIds() {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('evidence'),
        Key: { evidenceId: MONITORING_CURSOR_ID },
        ProjectionExpression: 'recentAlerts',
      }),
    );
    return (Item?.recentAlerts as string[] | undefined) ?? [];
  },

  async alerts(alertIds, now) {
    const items = await Promise.all(
      alertIds.map(async (alertId) => {
        const { Item } = await dynamo().send(
          new GetCommand({ TableName: tableName('evidence'), Key: { evidenceId: alertId } }),
        );
        if (Item?.kind !== 'access-alert' || !isLive(Item, now)) return undefined;
        return Object.fromEntries(ALERT_FIELDS.map((f) => [f, Item[f]])) as unknown as AccessAlert;
      }),
    );
    return items.filter((a): a is AccessAlert => a !== undefined);
  },
};
