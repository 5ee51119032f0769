// The notify step (APPI Art. 26(2); Enforcement Rules Art. 10): how many linked persons a notice would
// go to, the alternative measure for those the desk cannot reach (the proviso), and a confirmation
// before anything is sent, since an e-mail cannot be taken back. The desk writes each person in the
// language it holds for them and never tells anyone twice.
import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod';
import { ALTERNATIVE_MEASURE_WORDS } from '../../../functions/domain/incidents/notice-words';
import type { noticePreviewResponse } from '../../../functions/http/contract/incident-notices';
import { TextField } from './incident-form';
import { incidentPath } from './incidents';
import { type IncidentsTextKey, iw } from './incidents-text';
import { placeProblem } from './officer';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import type { StaffSession } from './session';
import { staffApi } from './staff-api';
import type { Language } from './text';

type NoticePreview = z.output<typeof noticePreviewResponse>;

/** The incident's fields a notice needs (Rules Art. 10), by the names the facts form gives them. */
const FIELD_WORDS: Record<string, IncidentsTextKey> = {
  summary: 'summary',
  categories: 'categories',
  dataItems: 'dataItemsShown',
  cause: 'cause',
  secondaryDamage: 'secondaryDamage',
};

type MeasureKind = keyof typeof ALTERNATIVE_MEASURE_WORDS;
const MEASURE_KINDS = Object.keys(ALTERNATIVE_MEASURE_WORDS) as MeasureKind[];
export type AlternativeMeasure = { kinds: MeasureKind[]; description: string };

export function NotifyStep({
  session,
  incidentId,
  version,
  language,
  toNotify,
  problem,
  reload,
  send,
}: {
  session: StaffSession;
  incidentId: string;
  /** The incident's version: a new one previews the notice again. */
  version: number;
  language: Language;
  /** Linked persons without a notice yet. */
  toNotify: number;
  problem: DeskProblemDetails | 'network' | undefined;
  reload: () => void;
  send: (measure: AlternativeMeasure | undefined) => Promise<void>;
}) {
  const [measure, setMeasure] = useState<AlternativeMeasure>({ kinds: [], description: '' });
  const [confirming, setConfirming] = useState(false);
  const [preview, setPreview] = useState<NoticePreview>();
  const [previewProblem, setPreviewProblem] = useState<DeskProblemDetails | 'network'>();
  useEffect(() => {
    void staffApi(session)
      .get<NoticePreview>(`${incidentPath(incidentId)}/notice-preview`)
      .then((result) => {
        setPreviewProblem(failureOf(result));
        setPreview(result.kind === 'ok' ? result.data : undefined);
      });
  }, [incidentId, version]);
  const missing = preview?.missing ?? [];
  const errors = problem && problem !== 'network' ? placeProblem(problem, ['alternativeMeasure']).byField : {};
  const given = measure.kinds.length > 0 || measure.description.trim() !== '';
  return (
    <section aria-labelledby="incident-notify">
      <h2 id="incident-notify">{iw('notify', language)}</h2>
      <p>{iw('notifyIntro', language)}</p>
      {problem &&
        (problem !== 'network' && problem.status === 409 ? (
          <div class="summary" role="alert">
            <p>
              <strong>{iw('staleHeading', language)}</strong>
            </p>
            <p>{iw('stale', language)}</p>
            <button type="button" onClick={reload}>
              {iw('reload', language)}
            </button>
          </div>
        ) : (
          <ProblemNotice problem={problem} language={language} />
        ))}
      <p>
        <strong>{toNotify > 0 ? iw('notifyCount', language, { n: toNotify }) : iw('notifyNone', language)}</strong>
      </p>
      {previewProblem && <ProblemNotice problem={previewProblem} language={language} />}
      {toNotify > 0 && missing.length > 0 && (
        <div class="notice">
          <p>{iw('noticeMissing', language)}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.field}>{FIELD_WORDS[m.field] ? iw(FIELD_WORDS[m.field]!, language) : m.item}</li>
            ))}
          </ul>
        </div>
      )}
      {toNotify > 0 && preview && (
        <details class="notice-mail">
          <summary>{iw('noticeMail', language)}</summary>
          <p>
            <strong translate={false}>{preview.subject}</strong>
          </p>
          <pre translate={false}>{preview.text}</pre>
        </details>
      )}
      {toNotify > 0 && preview && missing.length === 0 && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!confirming) {
              setConfirming(true);
              return;
            }
            setConfirming(false);
            void send(given ? { kinds: measure.kinds, description: measure.description.trim() } : undefined);
          }}
        >
          <fieldset
            id="incident-notify-measure"
            aria-describedby={errors.alternativeMeasure?.length ? 'incident-notify-measure-error' : undefined}
          >
            <legend>{iw('alternative', language)}</legend>
            <p class="note">{iw('alternativeHint', language)}</p>
            {MEASURE_KINDS.map((k) => (
              <label key={k} class="choice factor">
                <input
                  type="checkbox"
                  checked={measure.kinds.includes(k)}
                  onChange={(e) =>
                    setMeasure({
                      ...measure,
                      kinds: (e.currentTarget as HTMLInputElement).checked
                        ? MEASURE_KINDS.filter((x) => x === k || measure.kinds.includes(x))
                        : measure.kinds.filter((x) => x !== k),
                    })
                  }
                />{' '}
                {ALTERNATIVE_MEASURE_WORDS[k][language]}
              </label>
            ))}
            <TextField
              id="incident-notify-measure-description"
              label={iw('alternativeWhat', language)}
              value={measure.description}
              onInput={(description) => setMeasure({ ...measure, description })}
              errors={errors.alternativeMeasure}
              language={language}
              rows={2}
            />
          </fieldset>
          {confirming ? (
            <div class="confirm" role="alert">
              <p id="incident-notify-confirm">{iw('notifyConfirm', language, { n: toNotify })}</p>
              <button type="submit">{iw('notifyGo', language)}</button>{' '}
              <button type="button" class="quiet" onClick={() => setConfirming(false)}>
                {iw('notifyCancel', language)}
              </button>
            </div>
          ) : (
            <button type="submit">{iw('notify', language)}</button>
          )}
        </form>
      )}
    </section>
  );
}
