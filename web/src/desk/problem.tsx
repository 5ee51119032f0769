// A refusal from the API, shown where the person acted: its title and detail (problem+json), or the
// network failure. role="alert" so a screen reader says it at once.
import type { ApiResult } from '../api';
import type { ProblemDetails } from '../request-form';
import { apiMessage } from '../text';
import { type Language, refusalInWords, t } from './text';

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
  const refusal = refusalInWords(problem, language);
  if (refusal)
    return (
      <div class="summary" role="alert" id={id}>
        <p>{refusal}</p>
      </div>
    );
  const messages = [...new Set((problem.errors ?? []).map((e) => apiMessage(e.message, language)))];
  return (
    <div class="summary" role="alert" id={id}>
      <p>
        <strong>{problem.title}</strong>
        {problem.detail ? `: ${problem.detail}` : ''}
      </p>
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
