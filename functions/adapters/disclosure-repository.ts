// Stored dossiers. A dossier is stored once per subject whose data it copies (sort key subjectId,
// NO_SUBJECT when it holds nobody), so erasing a subject finds every copy through the bySubject
// index; any one item serves the link. An expired one is never served.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DisclosureReader } from '../domain/requests/ports';
import type { StoredDisclosure } from '../domain/requests/types/disclosure/disclosure-dossier';
import { dynamo, isLive, tableName } from './clients';

/** The sort key of a dossier that holds no one's data (nothing held about the requester). */
export const NO_SUBJECT = 'none';

/** A dossier as stored: one item per subject. */
export type DisclosureItem = StoredDisclosure & { subjectId: string };

export function disclosureItems(disclosure: StoredDisclosure): DisclosureItem[] {
  const subjects = disclosure.subjectIds.length > 0 ? disclosure.subjectIds : [NO_SUBJECT];
  return subjects.map((subjectId) => ({ ...disclosure, subjectId }));
}

export const dynamoDisclosureReader: DisclosureReader = {
  async get(tokenHash: string, now: Date) {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: tableName('disclosures'),
        KeyConditionExpression: 'tokenHash = :token',
        ExpressionAttributeValues: { ':token': tokenHash },
        Limit: 1,
      }),
    );
    const item = Items?.[0] as DisclosureItem | undefined;
    if (!item || !isLive(item, now)) return undefined;
    const { subjectId: _subjectId, ...disclosure } = item;
    return disclosure;
  },
};
