// A refusal from the API, shown where the person acted, in their words (problem-text.ts): from the
// problem's type and extension members, never the API's English detail on a Japanese page; in
// English the API's own title and detail when the console has no words of its own. role="alert" so a
// screen reader says it at once.
import type { ApiResult } from '../api';
import type { ProblemDetails } from '../request-form';
import { fieldMessageList } from './officer';
import { knownProblemType, problemWords, type StaffProblem } from './problem-text';
import { type Language, t } from './text';

/** A problem as the console shows it: the firewall's 429 also brings the wait its Retry-After gave. */
export type DeskProblemDetails = ProblemDetails & { retryAfterSeconds?: number };

export function ProblemNotice({
  problem,
  language,
  id,
}: {
  problem: DeskProblemDetails | 'network';
  language: Language;
  id?: string;
}) {
  if (problem === 'network')
    return (
      <div class="summary" role="alert" id={id}>
        <p>{t('network', language)}</p>
      </div>
    );
  // In English the API's own title and detail say more than a word for its status would.
  const words =
    language === 'en' && !knownProblemType(problem) && problem.status !== 429 && problem.status !== 503
      ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`
      : problemWords(problem as StaffProblem, language);
  const messages = fieldMessageList(
    (problem.errors ?? []).map((e) => e.message),
    language,
  ).filter((m) => m !== words);
  return (
    <div class="summary" role="alert" id={id} data-problem={problem.type}>
      <p>{words}</p>
      {messages.length > 0 && (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The failure of a call, for ProblemNotice; undefined when it succeeded. */
export function failureOf(result: ApiResult<unknown>): DeskProblemDetails | 'network' | undefined {
  if (result.kind === 'ok') return undefined;
  if (result.kind === 'network') return 'network';
  return result.retryAfterSeconds === undefined
    ? result.problem
    : { ...result.problem, retryAfterSeconds: result.retryAfterSeconds };
}
