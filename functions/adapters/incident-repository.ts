// The incident register in the incidents table: the current version is the item 'incident', each
// version a copy 'version#0001'… kept for good, each linked subject 'subject#<subjectId>' with the
// notice given to them (the bySubject index sees these alone: only they carry subjectId). Every write
// is one transaction conditional on the version read, so of two officers acting at once one wins.
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Incident, IncidentSubject } from '../domain/incidents/incident';
import { INCIDENT_LINKS_PER_CALL, INCIDENT_NOTICES_PER_CALL } from '../domain/incidents/limits';
import type { IncidentStore } from '../domain/incidents/ports';
import type { RegisteredSubjects } from '../domain/incidents/register';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, isLive, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { type TransactItem, transactOrStale } from './transactions';

export const CURRENT = 'incident';
export const versionKey = (version: number) => `version#${String(version).padStart(4, '0')}`;
export const subjectKey = (subjectId: string) => `subject#${subjectId}`;

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { itemKey: _itemKey, ...rest } = item;
  return rest as T;
}

const queryPrefix = <T>(incidentId: string, prefix: string) =>
  queryAll<Record<string, unknown>>({
    TableName: tableName('incidents'),
    KeyConditionExpression: 'incidentId = :id AND begins_with(itemKey, :prefix)',
    ExpressionAttributeValues: { ':id': incidentId, ':prefix': prefix },
    ConsistentRead: true,
  }).then((items) => items.map((i) => strip<T>(i)!));

const versionPut = (incident: Incident): TransactItem => ({
  Put: {
    TableName: tableName('incidents'),
    Item: { ...incident, itemKey: versionKey(incident.version) },
    ConditionExpression: 'attribute_not_exists(incidentId)',
  },
});

/** The current item, replaced only when it still holds the version before this one. */
const currentPut = (incident: Incident): TransactItem => ({
  Put: {
    TableName: tableName('incidents'),
    Item: { ...incident, itemKey: CURRENT },
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':previous': incident.version - 1 },
  },
});

/** A new link; a subject linked meanwhile fails the whole write. */
const linkPut = (link: IncidentSubject): TransactItem => ({
  Put: {
    TableName: tableName('incidents'),
    Item: { ...link, itemKey: subjectKey(link.subjectId) },
    ConditionExpression: 'attribute_not_exists(incidentId)',
  },
});

function checkLinks(link: readonly IncidentSubject[]) {
  // The domain refuses more with a 422 before it gets here; this only keeps the transaction whole.
  if (link.length > INCIDENT_LINKS_PER_CALL)
    throw new Error(`At most ${INCIDENT_LINKS_PER_CALL} subjects are linked in one write`);
}

export const dynamoIncidents: IncidentStore = {
  async get(incidentId) {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('incidents'),
        Key: { incidentId, itemKey: CURRENT },
        ConsistentRead: true,
      }),
    );
    return strip<Incident>(Item);
  },

  async list() {
    // The register is small (a company has a handful of incidents a year): the current items, read whole.
    const items: Incident[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new ScanCommand({
          TableName: tableName('incidents'),
          FilterExpression: 'itemKey = :current',
          ExpressionAttributeValues: { ':current': CURRENT },
          ExclusiveStartKey,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map((i) => strip<Incident>(i)!));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort((a, b) => b.awareAt.localeCompare(a.awareAt) || b.incidentId.localeCompare(a.incidentId));
  },

  versions: (incidentId) => queryPrefix<Incident>(incidentId, 'version#'),

  subjects: (incidentId) => queryPrefix<IncidentSubject>(incidentId, 'subject#'),

  async incidentsOf(subjectId) {
    const items = await queryAll<Record<string, unknown>>({
      TableName: tableName('incidents'),
      IndexName: 'bySubject',
      KeyConditionExpression: 'subjectId = :subject',
      ExpressionAttributeValues: { ':subject': subjectId },
    });
    return items.map((i) => strip<IncidentSubject>(i)!);
  },

  async add(incident, link) {
    checkLinks(link);
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('incidents'),
            Item: { ...incident, itemKey: CURRENT },
            ConditionExpression: 'attribute_not_exists(incidentId)',
          },
        },
        versionPut(incident),
        ...link.map(linkPut),
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },

  async replace(incident, link) {
    checkLinks(link);
    await transactOrStale([currentPut(incident), versionPut(incident), ...link.map(linkPut)]);
  },

  async notify(incident, notices, messages) {
    if (notices.length > INCIDENT_NOTICES_PER_CALL || messages.length > INCIDENT_NOTICES_PER_CALL)
      throw new Error(`At most ${INCIDENT_NOTICES_PER_CALL} persons are notified in one write`);
    await transactOrStale([
      currentPut(incident),
      versionPut(incident),
      // Only a linked subject not yet noticed: a second notice fails the whole, so no one is told twice.
      ...notices.map(
        (n): TransactItem => ({
          Put: {
            TableName: tableName('incidents'),
            Item: { ...n, itemKey: subjectKey(n.subjectId) },
            ConditionExpression: 'attribute_exists(incidentId) AND attribute_not_exists(notice)',
          },
        }),
      ),
      ...messages.map(outboxPut),
    ]);
  },
};

/**
 * Which of the ids the registry holds anything live under: a query of each subject's records that
 * projects only the key and expiry (the values are never read), stopping at the first live one.
 */
export const dynamoRegisteredSubjects: RegisteredSubjects = {
  async registered(subjectIds, now) {
    const found = await Promise.all(
      subjectIds.map(async (subjectId) => {
        const items = await queryAll<{ category: string; expiresAt?: number }>({
          TableName: tableName('personal-data'),
          KeyConditionExpression: 'subjectId = :subject',
          ExpressionAttributeValues: { ':subject': subjectId },
          // Keys, category and expiry only: never a value.
          ProjectionExpression: 'subjectId, category, expiresAt',
        });
        const categories = [...new Set(items.filter((i) => isLive(i, now)).map((i) => i.category))].sort();
        return categories.length > 0 ? ([subjectId, categories] as const) : undefined;
      }),
    );
    return new Map(found.filter((f) => f !== undefined));
  },
};
