// Fault injection with aws-sdk-client-mock while everything else still reaches the emulators.
// The handlers use DynamoDBDocumentClient, whose commands never pass through DynamoDBClient#send,
// so DynamoDB faults are injected on the document client; the stub's default calls the real send.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Send = (this: DynamoDBDocumentClient, command: unknown) => Promise<unknown>;

/** Mocks DynamoDBDocumentClient#send; commands without a behaviour of their own go to DynamoDB Local. */
export function mockDocumentClient() {
  const realSend = DynamoDBDocumentClient.prototype.send as unknown as Send;
  const mock = mockClient(DynamoDBDocumentClient);
  mock.send.callsFake(function (this: DynamoDBDocumentClient, command: unknown) {
    return realSend.call(this, command);
  } as never);
  /** Sends a command for real, from inside a fake. */
  const passThrough = <T>(client: unknown, command: unknown) =>
    realSend.call(client as DynamoDBDocumentClient, command) as Promise<T>;
  return { mock, passThrough };
}
