// Stored dossiers, found by the hash of the link token. An expired one is never served.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DisclosureReader } from '../domain/ports';
import type { StoredDisclosure } from '../domain/requests/disclosure-dossier';
import { dynamo, isLive, tableName } from './clients';

export const dynamoDisclosureReader: DisclosureReader = {
  async get(tokenHash: string, now: Date) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('disclosures'), Key: { tokenHash } }));
    return isLive(Item, now) ? (Item as StoredDisclosure) : undefined;
  },
};
