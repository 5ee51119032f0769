// A subject's lifecycle (contract end, last activity, cessation flags): one item per subject.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SubjectLifecycle } from '../domain/personal-data/expiry';
import type { SubjectLifecycleReader } from '../domain/personal-data/ports';
import { dynamo, tableName } from './clients';

export const dynamoSubjectLifecycles: SubjectLifecycleReader = {
  async get(subjectId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('subjects'), Key: { subjectId }, ConsistentRead: true }));
    return Item as SubjectLifecycle | undefined;
  },
};
