// What a person reading the notice, an e-mail or a page should never meet: the API's own words. Routes,
// methods, headers, media types and JSON field names belong in the API reference. A link is a link
// (its path is the address, not a word), so URLs are left out before the scan.

const SIGNS: { what: string; pattern: RegExp }[] = [
  { what: 'route path', pattern: /(?<![\w.])\/(?:v1|local)\/[\w{}<>\-/.?=&]*/g },
  { what: 'HTTP method', pattern: /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g },
  { what: 'HTTP header', pattern: /\b(?:Authorization|Bearer|Content-Type|Accept|Retry-After)\b/g },
  { what: 'media type', pattern: /\b(?:application|text)\/[a-z][\w.+-]*/g },
  // camelCase (requestId, statusToken): a JSON field's name, never a word of Japanese or English.
  { what: 'field name', pattern: /(?<![\w-])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?![\w-])/g },
];

const URL = /\b(?:https?|mailto):\S+/g;

/** Each API word found in the text, as `<what>: <token>`, with the line it is on. */
export function apiWordsIn(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const bare = line.replace(URL, ' ');
    for (const { what, pattern } of SIGNS) {
      for (const match of bare.matchAll(pattern)) found.push(`${what}: ${match[0]} — in "${line.trim()}"`);
    }
  }
  return found;
}

/** Every string value of a JSON document (its keys are the API's own and are left out). */
export function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringValues);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringValues);
  return [];
}
