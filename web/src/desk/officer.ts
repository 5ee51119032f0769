// Helpers shared by the officer's pages (subject view, accounts, access log): where the API's
// problem+json belongs on a form, and times in Japan time, the desk's time (policy §7).
import type { Language, ProblemDetails } from '../request-form';
import { apiMessage } from '../text';

export interface PlacedProblem {
  /** Messages by the form field they name. */
  byField: Record<string, string[]>;
  /** The problem itself when no message names a field of the form. */
  general: boolean;
}

/**
 * Places a problem's messages next to the fields they name: "query.requestId" and "body.staffId"
 * belong to requestId and staffId; a problem without field errors whose detail starts with
 * "<field>: " (the read-reason refusals do) belongs to that field.
 */
export function placeProblem(problem: ProblemDetails, fields: readonly string[]): PlacedProblem {
  const placed: PlacedProblem = { byField: {}, general: false };
  const fieldOf = (path: string) => fields.find((f) => path === f || path.startsWith(`${f}.`));
  for (const error of problem.errors ?? []) {
    const field = fieldOf(error.field.replace(/^(query|body|params)\./, ''));
    if (field) (placed.byField[field] ??= []).push(error.message);
    else placed.general = true;
  }
  if (!problem.errors?.length) {
    const field = fieldOf(/^(\w+): /.exec(problem.detail ?? '')?.[1] ?? '');
    if (field) placed.byField[field] = [problem.detail];
    else placed.general = true;
  }
  return placed;
}

/** A field's messages from the API, once each, in Japanese where the Privacy Center knows them. */
export function fieldMessages(messages: readonly string[], language: Language): string {
  return [...new Set(messages.map((m) => apiMessage(m, language)))].join(' ');
}

/** A datetime-local value read as Japan time, as an ISO instant; undefined when it is not one. */
export function instantOfJapanInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const at = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** An instant in Japan time, to the second, for tables and answers. */
export function japanTime(iso: string, language: 'ja' | 'en'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
  return language === 'ja' ? text : `${text} JST`;
}
