// The privacy notice texts consents were given under, in the evidence table keyed by version. Kept
// without expiry, like the purpose registry: a notice holds no personal data, and a consent must be
// readable against the text shown for as long as the consent is kept.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeArchive } from '../domain/consents/ports';
import { dynamo, tableName } from './clients';

const evidenceIdOf = (version: string) => `privacy-notice-${version}`;

export const dynamoNoticeArchive: NoticeArchive = {
  async keep(version, notice, at) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('evidence'),
          Item: { evidenceId: evidenceIdOf(version), kind: 'privacy-notice', version, notice, keptAt: at },
          ConditionExpression: 'attribute_not_exists(evidenceId)',
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  },

  async isKept(version) {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('evidence'),
        Key: { evidenceId: evidenceIdOf(version) },
        ConsistentRead: true,
      }),
    );
    return Item?.kind === 'privacy-notice';
  },
};
