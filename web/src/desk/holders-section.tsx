// The request page's section on the holders: each task of a decided request at the company's own
// systems and subcontractors (holder, what it was asked, its state, the last contact), where the
// answer to the person stands, and the two steps staff take: answering now with what is known, and
// recording what was done by hand at a holder the desk could not ask automatically.
import { useState } from 'preact/hooks';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import type { StaffRequestView } from '../api-types';
import { ANSWER_STATE_LABELS, CONTACT_KIND_LABELS, ht, INSTRUCTION_LABELS, TASK_STATE_LABELS } from './holders-text';
import { type ActionProps, TextField, useAction } from './request-actions';
import { labelOf, rt } from './request-text';
import type { StaffSession } from './session';
import type { Language } from './text';

type Fulfilment = NonNullable<StaffRequestView['fulfilment']>;
type Task = Fulfilment['tasks'][number];

const CATEGORY_NAMES = new Map<string, { ja: string; en: string }>(PERSONAL_DATA_CATEGORIES.map((c) => [c.id, c]));

function when(iso: string | undefined, format: (iso: string | undefined) => string, language: Language) {
  return iso ? format(iso) : ht('none', language);
}

function AnswerNow({ api, requestId, language, onDone }: ActionProps) {
  const action = useAction('answer', []);
  return (
    <form
      class="answer-now"
      aria-labelledby="answer-now-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api.post(`/v1/staff/requests/${encodeURIComponent(requestId)}/answer`, {}), onDone);
      }}
    >
      <h3 id="answer-now-heading">{ht('answerNowHeading', language)}</h3>
      <p>{ht('answerNowIntro', language)}</p>
      {action.summaryOf(language)}
      <button type="submit" aria-disabled={action.sending}>
        {action.sending ? rt('sending', language) : ht('answerNow', language)}
      </button>
    </form>
  );
}

function CloseByHand({ api, task, language, onDone }: Omit<ActionProps, 'requestId'> & { task: Task }) {
  const form = `closure-${task.taskId}`;
  const action = useAction(form, ['note']);
  const [note, setNote] = useState('');
  const headingId = `${form}-heading`;
  return (
    <form
      class="close-by-hand"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(
          () => api.post(`/v1/staff/fulfilment-tasks/${encodeURIComponent(task.taskId)}/closure`, { note }),
          () => {
            setNote('');
            onDone();
          },
        );
      }}
    >
      <h3 id={headingId}>{ht('closeHeading', language, { holder: task.holderName })}</h3>
      <p>{ht('closeIntro', language)}</p>
      {action.summaryOf(language)}
      <TextField
        path={`${form}.note`}
        label={ht('closeNote', language)}
        value={note}
        onChange={setNote}
        errors={action.byPath}
        language={language}
        multiline
      />
      <button type="submit" aria-disabled={action.sending}>
        {action.sending ? rt('sending', language) : ht('close', language)}
      </button>
    </form>
  );
}

export function HoldersSection({
  fulfilment,
  session,
  format,
  ...actionProps
}: ActionProps & {
  fulfilment: Fulfilment;
  session: StaffSession;
  /** YYYY-MM-DD HH:mm in Japan time, as the rest of the page shows times. */
  format: (iso: string | undefined) => string;
}) {
  const { language } = actionProps;
  const mayAct = session.role === 'operator' || session.role === 'officer';
  const byHand = fulfilment.tasks.filter((t) => t.state === 'needs-person');
  const categories = (ids: string[]) =>
    ids.map((id) => CATEGORY_NAMES.get(id)?.[language] ?? id).join(language === 'ja' ? '、' : ', ');
  return (
    <section aria-labelledby="holders-heading" class="holders">
      <h2 id="holders-heading">{ht('heading', language)}</h2>
      {fulfilment.answer && (
        <p class={fulfilment.answer === 'awaiting-holders' ? 'notice' : 'success'} id="answer-state">
          {labelOf(ANSWER_STATE_LABELS, fulfilment.answer, language)}
        </p>
      )}
      <p>{ht('intro', language)}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus, or a keyboard cannot scroll the table on a narrow screen (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={ht('table', language)}>
        <table class="holder-tasks">
          <thead>
            <tr>
              <th scope="col">{ht('holder', language)}</th>
              <th scope="col">{ht('instruction', language)}</th>
              <th scope="col">{ht('categories', language)}</th>
              <th scope="col">{ht('state', language)}</th>
              <th scope="col">{ht('lastContact', language)}</th>
              <th scope="col">{ht('expected', language)}</th>
              <th scope="col">{ht('results', language)}</th>
            </tr>
          </thead>
          <tbody>
            {fulfilment.tasks.map((t) => (
              <tr key={t.taskId} data-task={t.taskId}>
                <th scope="row" translate={false}>
                  {t.holderName}
                </th>
                <td>{labelOf(INSTRUCTION_LABELS, t.instruction, language)}</td>
                <td>{categories(t.categories)}</td>
                <td class={`task-state task-${t.state}`}>{labelOf(TASK_STATE_LABELS, t.state, language)}</td>
                <td>
                  {t.lastContact ? (
                    <>
                      {format(t.lastContact.at)} {labelOf(CONTACT_KIND_LABELS, t.lastContact.kind, language)}
                      {': '}
                      <code translate={false}>{t.lastContact.outcome}</code>
                    </>
                  ) : (
                    ht('none', language)
                  )}
                  {t.closedByPerson && (
                    <p class="note-text">
                      {ht('byHand', language)} ({t.closedByPerson.by}):{' '}
                      <span translate={false}>{t.closedByPerson.note}</span>
                    </p>
                  )}
                </td>
                <td>{when(t.expectedCompletionAt, format, language)}</td>
                <td>
                  {t.resultsCount !== undefined
                    ? ht('resultsCount', language, { n: t.resultsCount })
                    : ht('none', language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayAct && byHand.map((t) => <CloseByHand key={t.taskId} {...actionProps} task={t} />)}
      {mayAct && fulfilment.answer === 'awaiting-holders' && <AnswerNow {...actionProps} />}
    </section>
  );
}
