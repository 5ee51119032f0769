// Helpers shared by the officer's pages (subject view, accounts, access log): where the API's
// problem+json belongs on a form, and times in Japan time, the desk's time (policy §7).
import type { Language, ProblemDetails } from '../request-form';
import { apiMessage } from '../text';
import { japanTime } from './japan-time';
import { knownProblemType, problemWords } from './problem-text';

export { japanTime };

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
    // A type the console has words for is kept as its type, said in the page's language (fieldMessageList).
    if (field) placed.byField[field] = [knownProblemType(problem) ? problem.type! : problem.detail];
    else placed.general = true;
  }
  return placed;
}

/** Kana and kanji: a message with none is English a Japanese reader would be left with. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const CHECK_FIELD = '入力内容を確認してください。';

/** The API's field messages, once each, in Japanese where the Privacy Center knows them; on a Japanese page any other is one plain request to check the field. */
export function fieldMessageList(messages: readonly string[], language: Language): string[] {
  const said = messages.map((m) =>
    knownProblemType({ type: m })
      ? problemWords({ type: m, title: '', status: 0, detail: '' }, language)
      : apiMessage(m, language),
  );
  return [...new Set(language === 'ja' ? said.map((m) => (JAPANESE.test(m) ? m : CHECK_FIELD)) : said)];
}

/** A field's messages from the API as one text (fieldMessageList). */
export function fieldMessages(messages: readonly string[], language: Language): string {
  return fieldMessageList(messages, language).join(' ');
}

/** A datetime-local value read as Japan time, as an ISO instant; undefined when it is not one. */
export function instantOfJapanInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const at = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
