// The small staff steps on a request, each a form of its own: assignment, a handling note, the check of
// a representative, and the posting of a paper disclosure. The API's answer is placed next to the field
// it names; on a network failure what was typed stays, and the page reloads the request after success.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formFieldId, type PlacedErrors, placeErrors } from '../schema-form';
import type { Label } from '../text';
import { useTextDraft } from './decision-draft';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { AUTHORITY_DOCUMENTS, IDENTITY_DOCUMENTS, type RequestTextKey, rt } from './request-text';
import { describedBy, FieldMessages } from './schema-fields';
import type { StaffSession } from './session';
import type { StaffApi } from './staff-api';
import type { Language } from './text';

export interface ActionProps {
  api: StaffApi;
  requestId: string;
  language: Language;
  /** Called after the API accepted the step; the page reloads the request. */
  onDone: () => void;
}

/** One form's round trip: sending once at a time, the answer placed by field, focus to the first error. */
export function useAction(form: string, fields: readonly string[]) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors>();
  const [outcome, setOutcome] = useState<'network' | 'done'>();
  const summary = useRef<HTMLDivElement>(null);
  const shown = [form, ...fields.map((f) => `${form}.${f}`)];

  const run = async (send: () => ReturnType<StaffApi['post']>, onOk: () => void) => {
    if (sending) return;
    setSending(true);
    setOutcome(undefined);
    const result = await send();
    setSending(false);
    if (result.kind === 'ok') {
      setErrors(undefined);
      setOutcome('done');
      onOk();
      return;
    }
    if (result.kind === 'network') {
      setOutcome('network');
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const placed = placeErrors(result.problem, shown, form);
    setErrors(placed);
    const first = shown.find((path) => placed.byPath[path]);
    requestAnimationFrame(() =>
      first && first !== form && !placed.general.length
        ? document.getElementById(formFieldId(first))?.focus()
        : summary.current?.focus(),
    );
  };

  const summaryOf = (language: Language) => (
    <div
      ref={summary}
      tabIndex={-1}
      role={outcome === 'done' ? 'status' : 'alert'}
      class={outcome === 'network' || errors ? 'summary' : undefined}
    >
      {outcome === 'network' && <p>{rt('network', language)}</p>}
      {outcome === 'done' && <p>{rt('done', language)}</p>}
      {errors && (
        <>
          <p>{rt('fixBelow', language)}</p>
          {(errors.general.length > 0 || errors.byPath[form]) && (
            <ul>
              {[...errors.general, ...(errors.byPath[form] ?? [])].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
  return { sending, byPath: errors?.byPath ?? {}, run, summaryOf };
}

export function TextField({
  path,
  label,
  value,
  onChange,
  errors,
  language,
  multiline,
  type = 'text',
  hint,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Record<string, string[]>;
  language: Language;
  multiline?: boolean;
  type?: 'text' | 'date';
  hint?: string;
}) {
  const id = formFieldId(path);
  const attributes = {
    id,
    name: path,
    value,
    ...describedBy(path, errors, hint ? `${id}-hint` : undefined),
    onInput: (e: Event) => onChange((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...attributes} rows={3} />
      ) : type === 'date' ? (
        <input {...attributes} type="date" />
      ) : (
        <input {...attributes} type="text" />
      )}
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessages path={path} errors={errors} language={language} />
    </div>
  );
}

function SelectField({
  path,
  label,
  options,
  value,
  onChange,
  errors,
  language,
}: {
  path: string;
  label: string;
  options: Record<string, Label>;
  value: string;
  onChange: (value: string) => void;
  errors: Record<string, string[]>;
  language: Language;
}) {
  const id = formFieldId(path);
  return (
    <div class="field">
      <label for={id}>
        {label}
        <span class="required">（{rt('required', language)}）</span>
      </label>
      <select
        id={id}
        name={path}
        value={value}
        aria-required
        {...describedBy(path, errors)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{rt('choose', language)}</option>
        {Object.entries(options).map(([key, label]) => (
          <option key={key} value={key}>
            {label[language]}
          </option>
        ))}
      </select>
      <FieldMessages path={path} errors={errors} language={language} />
    </div>
  );
}

function Section({
  id,
  heading,
  language,
  children,
}: {
  id: string;
  heading: RequestTextKey;
  language: Language;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{rt(heading, language)}</h2>
      {children}
    </section>
  );
}

const stepPath = (requestId: string, step: string) => `/v1/staff/requests/${encodeURIComponent(requestId)}/${step}`;

/** The assignment's own words (staff-facing; the section's heading and the shared ones are in request-text.ts). */
const A = {
  assignedToYou: { ja: 'この請求はあなたの担当です。', en: 'This request is assigned to you.' },
  assignOther: { ja: '別の担当者に割り当てる', en: 'Assign to someone else' },
  assignTo: { ja: '割り当てる担当者', en: 'Assign to' },
  loadingStaff: { ja: '担当者の一覧を読み込み中…', en: 'Loading the staff list…' },
  noOtherStaff: {
    ja: '割り当てられる担当者（有効な窓口担当者）がほかにいません。',
    en: 'There is no other staff member (active operator) to assign it to.',
  },
  staffLogged: {
    ja: '担当者の一覧（氏名）を開くと、アクセス記録に残ります。',
    en: 'Opening the staff list (names) is recorded in the access log.',
  },
} satisfies Record<string, Label>;

type AssigneeOption = { staffId: string; displayName: string };

export function AssignmentForm({
  api,
  requestId,
  language,
  onDone,
  session,
  assignee: current,
}: ActionProps & { session: StaffSession; assignee?: string | undefined }) {
  const [assignee, setAssignee] = useState('');
  const [staff, setStaff] = useState<AssigneeOption[] | 'loading' | 'network' | DeskProblemDetails>();
  const action = useAction('assignment', ['assignee']);
  const assign = (to: string) =>
    action.run(
      () => api.post(stepPath(requestId, 'assignment'), { assignee: to }),
      () => {
        setAssignee('');
        onDone();
      },
    );
  // The list names colleagues, a read the API logs: it is fetched only when someone opens the picker.
  const loadStaff = async () => {
    if (staff === 'loading' || Array.isArray(staff)) return;
    setStaff('loading');
    const result = await api.get<{ items: AssigneeOption[] }>('/v1/staff/assignees');
    setStaff(result.kind === 'ok' ? result.data.items : (failureOf(result) ?? 'network'));
  };
  const others = Array.isArray(staff) ? staff.filter((s) => s.staffId !== current) : [];
  const id = formFieldId('assignment.assignee');
  return (
    <Section id="assignment-heading" heading="assignment" language={language}>
      {action.summaryOf(language)}
      {current === session.staffId && <p>{A.assignedToYou[language]}</p>}
      {session.role === 'operator' && current !== session.staffId && (
        <p>
          <button type="button" aria-disabled={action.sending} onClick={() => void assign(session.staffId)}>
            {rt('assignToMe', language)}
          </button>
        </p>
      )}
      <details
        class="assign-other"
        onToggle={(e) => {
          if ((e.currentTarget as HTMLDetailsElement).open) void loadStaff();
        }}
      >
        <summary>{A.assignOther[language]}</summary>
        <p class="note">{A.staffLogged[language]}</p>
        {staff === 'loading' && <p role="status">{A.loadingStaff[language]}</p>}
        {staff !== undefined && staff !== 'loading' && !Array.isArray(staff) && (
          <ProblemNotice problem={staff} language={language} />
        )}
        {Array.isArray(staff) && others.length === 0 && <p role="status">{A.noOtherStaff[language]}</p>}
        {others.length > 0 && (
          <form
            class="inline-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void assign(assignee);
            }}
          >
            <div class="field">
              <label for={id}>
                {A.assignTo[language]}
                <span class="required">（{rt('required', language)}）</span>
              </label>
              <select
                id={id}
                name="assignment.assignee"
                value={assignee}
                aria-required
                {...describedBy('assignment.assignee', action.byPath)}
                onChange={(e) => setAssignee(e.currentTarget.value)}
              >
                <option value="">{rt('choose', language)}</option>
                {others.map((s) => (
                  <option key={s.staffId} value={s.staffId} translate={false}>
                    {language === 'ja' ? `${s.displayName}（${s.staffId}）` : `${s.displayName} (${s.staffId})`}
                  </option>
                ))}
              </select>
              <FieldMessages path="assignment.assignee" errors={action.byPath} language={language} />
            </div>
            <button type="submit" aria-disabled={action.sending}>
              {rt('assign', language)}
            </button>
          </form>
        )}
      </details>
    </Section>
  );
}

/** `draftKey`: where the note being typed is kept, so a forced sign-in does not lose it (decision-draft.ts). */
export function NoteForm({ api, requestId, language, onDone, draftKey }: ActionProps & { draftKey: string }) {
  const [text, setText] = useTextDraft(draftKey);
  const action = useAction('note', ['text']);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(
          () => api.post(stepPath(requestId, 'notes'), { text }),
          () => {
            setText('');
            onDone();
          },
        );
      }}
    >
      {action.summaryOf(language)}
      <TextField
        path="note.text"
        label={rt('noteText', language)}
        value={text}
        onChange={setText}
        errors={action.byPath}
        language={language}
        multiline
      />
      <button type="submit" aria-disabled={action.sending}>
        {action.sending ? rt('sending', language) : rt('addNote', language)}
      </button>
    </form>
  );
}

export function RepresentativeForm({
  api,
  requestId,
  language,
  onDone,
  requesterKind,
}: ActionProps & { requesterKind: string }) {
  const [authorityDocument, setAuthority] = useState('');
  const [identityDocument, setIdentity] = useState('');
  const action = useAction('representative', ['authorityDocument', 'identityDocument']);
  const authorities = Object.fromEntries(
    Object.entries(AUTHORITY_DOCUMENTS).filter(([, d]) => d.for.includes(requesterKind)),
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          ...(authorityDocument ? { authorityDocument } : {}),
          ...(identityDocument ? { identityDocument } : {}),
        };
        void action.run(() => api.post(stepPath(requestId, 'representative-verification'), body), onDone);
      }}
    >
      <p class="notice">{rt('representativeNeeded', language)}</p>
      {action.summaryOf(language)}
      <SelectField
        path="representative.authorityDocument"
        label={rt('authorityDocument', language)}
        options={authorities}
        value={authorityDocument}
        onChange={setAuthority}
        errors={action.byPath}
        language={language}
      />
      <SelectField
        path="representative.identityDocument"
        label={rt('identityDocument', language)}
        options={IDENTITY_DOCUMENTS}
        value={identityDocument}
        onChange={setIdentity}
        errors={action.byPath}
        language={language}
      />
      <button type="submit" aria-disabled={action.sending}>
        {rt('recordCheck', language)}
      </button>
    </form>
  );
}

export function PostingForm({ api, requestId, language, onDone }: ActionProps) {
  const [postedOn, setPostedOn] = useState('');
  const [trackingNumber, setTracking] = useState('');
  const action = useAction('posting', ['postedOn', 'trackingNumber']);
  return (
    <Section id="posting-heading" heading="posting" language={language}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = { ...(postedOn ? { postedOn } : {}), ...(trackingNumber.trim() ? { trackingNumber } : {}) };
          void action.run(() => api.post(stepPath(requestId, 'posting'), body), onDone);
        }}
      >
        {action.summaryOf(language)}
        <TextField
          path="posting.postedOn"
          label={rt('postedOn', language)}
          type="date"
          value={postedOn}
          onChange={setPostedOn}
          errors={action.byPath}
          language={language}
          hint={rt('postingHint', language)}
        />
        <TextField
          path="posting.trackingNumber"
          label={rt('trackingNumber', language)}
          value={trackingNumber}
          onChange={setTracking}
          errors={action.byPath}
          language={language}
        />
        <button type="submit" aria-disabled={action.sending}>
          {rt('recordPosting', language)}
        </button>
      </form>
    </Section>
  );
}
