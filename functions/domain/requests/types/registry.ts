// The registry of request types. A type is a folder here (words, schema, definition); adding one is
// adding its folder, a line below and a line in schemas.ts (test/domain/requests/types/registry.test.ts
// names every other list that must know it).
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

/** The grounds as the Act words them, in both languages, so pages show the law's text, not codes. */
export function groundLabels(type: string, grounds: readonly string[]) {
  const labels = requestType(type)?.refusalGrounds ?? {};
  return grounds.map((id) => ({ id, ...(Object.hasOwn(labels, id) ? labels[id]! : { ja: id, en: id }) }));
}

