// The staff directory, read on every staff call so a disabled account is refused at once.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffDirectory } from '../domain/ports';
import type { StaffMember } from '../domain/staff';
import { dynamo, tableName } from './clients';

export const dynamoStaffDirectory: StaffDirectory = {
  async get(staffId: string) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName('staff'), Key: { staffId }, ConsistentRead: true }));
    return Item as StaffMember | undefined;
  },
};
