// Text must be well-formed Unicode. A lone surrogate (e.g. "\ud800" in JSON) passes JSON.parse and
// every length check, but cannot be encoded as UTF-8: SES refuses it, so an e-mail quoting it failed
// on every retry. One schema checks every string and key of an input, at any depth, so no field of
// the contract (or one added later) can let such a string in.
import * as z from 'zod';

export const NOT_WELL_FORMED =
  'must be well-formed Unicode text: it holds a lone surrogate (half of a character); send the whole character or remove it';

const LONE_SURROGATE = /\p{Cs}/u;

function check(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx, depth: number): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: 'custom', message: NOT_WELL_FORMED, path });
    return;
  }
  // JSON.parse's own nesting is the only bound needed; this just avoids walking absurd depths twice.
  if (value === null || typeof value !== 'object' || depth > 64) return;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) ctx.addIssue({ code: 'custom', message: NOT_WELL_FORMED, path: [...path, key] });
    check(item, [...path, Array.isArray(value) ? Number(key) : key], ctx, depth + 1);
  }
}

/** Accepts any input whose strings and keys are all well-formed Unicode. */
export const wellFormedText = z.unknown().superRefine((value, ctx) => check(value, [], ctx, 0));
