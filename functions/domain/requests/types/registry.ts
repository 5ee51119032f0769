// The registry of request types, with what decides and fulfils each. A type is a folder here (words,
// schema, definition); adding one is adding its folder, a line below and a line in schemas.ts, the
// light list every route but the decision uses. test/domain/requests/types/registry.test.ts names
// every other list that must know it.
import type { RequestTypeDefinition } from '../request-type';
import { cessationOfProvision } from './cessation-of-provision/definition';
import { cessationOfUse } from './cessation-of-use/definition';
import { complaint } from './complaint/definition';
import { correction } from './correction/definition';
import { disclosure } from './disclosure/definition';
import { purposeNotification } from './purpose-notification/definition';

export const REQUEST_TYPES: readonly RequestTypeDefinition[] = [
  disclosure,
  purposeNotification,
  correction,
  cessationOfUse,
  cessationOfProvision,
  complaint,
];

export function requestType(type: string): RequestTypeDefinition | undefined {
  return REQUEST_TYPES.find((t) => t.type === type);
}
