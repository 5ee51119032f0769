// What a person reads when a value fails a zod schema: a sentence fragment after the field's name.
// Shared by the HTTP contract (400s) and use cases that validate a type-specific part (422s).
import type * as z from 'zod';

const oneOf = (values: readonly unknown[]) => `must be one of: ${values.map(String).join(', ')}`;

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_type': {
      // Needs the input on the issue: validate with { reportInput: true }.
      const { input } = issue as { input?: unknown };
      if (input === undefined) return 'is required';
      const received = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, not ${received}`;
    }
    case 'invalid_value':
      // A schema's own message (e.g. why a value is not allowed by law) says more than the list.
      return issue.message.startsWith('Invalid') ? oneOf(issue.values) : issue.message;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? oneOf(options) : issue.message;
    }
    case 'too_big':
      // zod's own words ("Too big: expected string to have <=200 characters") read as a developer's.
      return issue.origin === 'string' && issue.message.startsWith('Too big')
        ? `must be at most ${issue.maximum} characters`
        : issue.message;
    case 'too_small':
      return issue.origin === 'string' && issue.message.startsWith('Too small') && Number(issue.minimum) === 1
        ? 'must not be empty'
        : issue.message;
    default:
      return issue.message;
  }
}
