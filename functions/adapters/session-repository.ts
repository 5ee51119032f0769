// Self-service sessions (table `sessions`): a code session keyed `code#<sessionId>` and, once the
// code is right, a token grant keyed `token#<hash of the token>`. Both carry expiresAt, so the TTL
// removes them; every read also checks it. A spent session keeps no code hash.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CodeSession, SessionStore, SubjectTokenGrant } from '../domain/consents/ports';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, isLive, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

const codeKey = (sessionId: string) => `code#${sessionId}`;
const tokenKey = (tokenHash: string) => `token#${tokenHash}`;
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function getLive<T>(sessionKey: string, now: Date): Promise<(T & { expiresAt?: number }) | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName('sessions'), Key: { sessionKey }, ConsistentRead: true }),
  );
  const item = Item as (T & { expiresAt?: number }) | undefined;
  return isLive(item, now) ? item : undefined;
}

export const dynamoSessions: SessionStore = {
  async open(session, message) {
    await transactOrStale([
      {
        Put: {
          TableName: tableName('sessions'),
          Item: { sessionKey: codeKey(session.sessionId), ...session, expiresAt: epochSeconds(session.codeExpiresAt) },
          ConditionExpression: 'attribute_not_exists(sessionKey)',
        },
      },
      outboxPut(message),
    ]);
  },

  async get(sessionId, now) {
    const item = await getLive<CodeSession & { sessionKey: string }>(codeKey(sessionId), now);
    if (!item?.codeHash) return undefined;
    const { sessionKey: _key, expiresAt: _expiresAt, ...session } = item;
    return session;
  },

  async countWrongCode(sessionId, expectedAttemptsLeft) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('sessions'),
          Key: { sessionKey: codeKey(sessionId) },
          UpdateExpression: 'SET attemptsLeft = :left',
          ConditionExpression: 'attemptsLeft = :expected AND attribute_exists(codeHash)',
          ExpressionAttributeValues: { ':left': expectedAttemptsLeft - 1, ':expected': expectedAttemptsLeft },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new StaleWriteError();
      throw error;
    }
  },

  async exchange(sessionId, expectedAttemptsLeft, grant) {
    await transactOrStale([
      {
        Update: {
          TableName: tableName('sessions'),
          Key: { sessionKey: codeKey(sessionId) },
          UpdateExpression: 'REMOVE codeHash',
          ConditionExpression: 'attemptsLeft = :expected AND attribute_exists(codeHash)',
          ExpressionAttributeValues: { ':expected': expectedAttemptsLeft },
        },
      },
      {
        Put: {
          TableName: tableName('sessions'),
          Item: {
            sessionKey: tokenKey(grant.tokenHash),
            tokenHash: grant.tokenHash,
            email: grant.email,
            language: grant.language,
            tokenExpiresAt: grant.expiresAt,
            expiresAt: epochSeconds(grant.expiresAt),
          },
          ConditionExpression: 'attribute_not_exists(sessionKey)',
        },
      },
    ]);
  },

  async grant(tokenHash, now) {
    const item = await getLive<Omit<SubjectTokenGrant, 'expiresAt'> & { tokenExpiresAt: string }>(
      tokenKey(tokenHash),
      now,
    );
    if (!item || Date.parse(item.tokenExpiresAt) <= now.getTime()) return undefined;
    return { tokenHash: item.tokenHash, email: item.email, language: item.language, expiresAt: item.tokenExpiresAt };
  },
};
