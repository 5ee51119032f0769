// 教育・研修 (policy §6(2)B): the courses, and each member's latest completion of each with its last
// valid day. The officer sets up courses and records completions; the officer and auditors see every
// member, anyone else their own.
import './officer.css';
import './safeguards.css';
import { useEffect, useState } from 'preact/hooks';
import type { StandingStatus } from '../../../functions/domain/safeguards/standing';
import { STANDING_STATUS_WORDS } from '../../../functions/domain/safeguards/words';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { SafeguardField } from './safeguards-form';
import { sw } from './safeguards-text';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import type { Language } from './text';

export const TRAINING_PATH = '/v1/staff/training';
export const STANDINGS_PATH = '/v1/staff/safeguards/standings';

interface StandingView {
  staffId: string;
  status: StandingStatus;
  lapsesOn?: string;
}

interface CourseView {
  courseId: string;
  title: { ja: string; en: string };
  validityMonths: number;
  required: boolean;
}
interface CompletionView {
  courseId: string;
  completedOn: string;
  validUntil: string;
  current: boolean;
}
interface TrainingList {
  today: string;
  validity: { defaultMonths: number; minMonths: number; maxMonths: number };
  courses: CourseView[];
  members: { staffId: string; displayName: string; completions: CompletionView[] }[];
}

const COURSE_FIELDS = ['courseId', 'title', 'validityMonths', 'required'] as const;
const RECORD_FIELDS = ['staffId', 'courseId', 'completedOn'] as const;
const emptyCourse = () => ({
  courseId: '',
  titleJa: '',
  titleEn: '',
  validityMonths: '',
  required: true,
});
const emptyRecord = (today: string) => ({ staffId: '', courseId: '', completedOn: today });

type Problem = DeskProblemDetails | 'network' | undefined;
const byField = (problem: Problem, fields: readonly string[]) =>
  problem && problem !== 'network' ? placeProblem(problem, fields).byField : ({} as Record<string, string[]>);

function Status({ completion, language }: { completion?: CompletionView; language: Language }) {
  if (!completion) return <>{sw('notTaken', language)}</>;
  return (
    <>
      <span class="date">{completion.validUntil}</span>{' '}
      {completion.current ? (
        <span class="done">({sw('current', language)})</span>
      ) : (
        <span class="lapsed">({sw('lapsed', language)})</span>
      )}
    </>
  );
}

function StandingCell({ standing, language }: { standing?: StandingView; language: Language }) {
  if (!standing) return <>—</>;
  return (
    <>
      <span class={standing.status === 'lapsed' ? 'lapsed' : standing.status === 'current' ? 'done' : undefined}>
        {STANDING_STATUS_WORDS[standing.status][language]}
      </span>
      {standing.status === 'in-grace' && standing.lapsesOn && (
        <>
          <br />
          {sw('lapsesOn', language, { day: standing.lapsesOn })}
        </>
      )}
    </>
  );
}

export function TrainingPage({ session, language }: DeskPageProps) {
  const api = staffApi(session);
  const officer = session.role === 'officer';
  const everyone = officer || session.role === 'auditor';
  const [training, setTraining] = useState<TrainingList>();
  const [standings, setStandings] = useState<StandingView[]>();
  const [problem, setProblem] = useState<Problem>();
  const [course, setCourse] = useState(emptyCourse);
  const [courseProblem, setCourseProblem] = useState<Problem>();
  const [courseNote, setCourseNote] = useState<string>();
  const [completion, setCompletion] = useState(emptyRecord(''));
  const [recordProblem, setRecordProblem] = useState<Problem>();
  const [recordNote, setRecordNote] = useState<string>();

  const load = async () => {
    const [result, standing] = await Promise.all([
      api.get<TrainingList>(TRAINING_PATH),
      everyone ? api.get<{ items: StandingView[] }>(STANDINGS_PATH) : Promise.resolve(undefined),
    ]);
    if (standing?.kind === 'ok') setStandings(standing.data.items);
    else if (standing) setProblem(failureOf(standing));
    if (result.kind === 'ok') {
      setTraining(result.data);
      setCompletion((c) => (c.completedOn ? c : { ...c, completedOn: result.data.today }));
    } else setProblem(failureOf(result));
  };
  useEffect(() => void load(), []);

  const addCourse = async (e: Event) => {
    e.preventDefault();
    setCourseNote(undefined);
    const months = course.validityMonths.trim();
    const result = await api.post(`${TRAINING_PATH}/courses`, {
      courseId: course.courseId.trim(),
      title: { ja: course.titleJa, en: course.titleEn },
      ...(months ? { validityMonths: Number(months) } : {}),
      required: course.required,
    });
    setCourseProblem(failureOf(result));
    if (result.kind === 'ok') {
      setCourseNote(sw('courseAdded', language));
      setCourse(emptyCourse());
      await load();
    }
  };
  const record = async (e: Event) => {
    e.preventDefault();
    setRecordNote(undefined);
    const result = await api.post<CompletionView>(`${TRAINING_PATH}/completions`, completion);
    setRecordProblem(failureOf(result));
    if (result.kind === 'ok') {
      setRecordNote(sw('recorded', language, { day: result.data.validUntil }));
      setCompletion(emptyRecord(training?.today ?? ''));
      await load();
    }
  };
  const courseErrors = byField(courseProblem, COURSE_FIELDS);
  const recordErrors = byField(recordProblem, RECORD_FIELDS);
  const courses = training?.courses ?? [];

  return (
    <>
      <h1 tabIndex={-1}>{sw('trainingTitle', language)}</h1>
      <p>{sw('trainingIntro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!training && !problem && <p>{sw('loading', language)}</p>}
      {training && (
        <>
          <p class="note">{sw('today', language, { day: training.today })}</p>
          <section aria-labelledby="training-courses">
            <h2 id="training-courses">{sw('courses', language)}</h2>
            {courses.length === 0 ? (
              <p>{sw('coursesNone', language)}</p>
            ) : (
              <ScrollRegion label={sw('courses', language)}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{sw('course', language)}</th>
                      <th scope="col">{sw('validity', language)}</th>
                      <th scope="col">{sw('kind', language)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {courses.map((c) => (
                      <tr key={c.courseId}>
                        <th scope="row">{c.title[language]}</th>
                        <td>{sw('months', language, { n: c.validityMonths })}</td>
                        <td>{sw(c.required ? 'requiredCourse' : 'optionalCourse', language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
          {courses.length > 0 && (
            <section aria-labelledby="training-members">
              <h2 id="training-members">{sw(everyone ? 'membersTitle' : 'ownTitle', language)}</h2>
              <ScrollRegion label={sw(everyone ? 'membersTitle' : 'ownTitle', language)}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{sw('member', language)}</th>
                      {standings && <th scope="col">{sw('standing', language)}</th>}
                      {courses.map((c) => (
                        <th scope="col" key={c.courseId}>
                          {c.title[language]}
                          <br />
                          <span class="note">{sw('validUntil', language)}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {training.members.map((m) => (
                      <tr key={m.staffId}>
                        <th scope="row">
                          <span translate={false}>
                            {m.displayName} ({m.staffId})
                          </span>
                        </th>
                        {standings && (
                          <td>
                            <StandingCell
                              standing={standings.find((x) => x.staffId === m.staffId)}
                              language={language}
                            />
                          </td>
                        )}
                        {courses.map((c) => (
                          <td key={c.courseId}>
                            <Status
                              completion={m.completions.find((x) => x.courseId === c.courseId)}
                              language={language}
                            />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          )}
        </>
      )}
      {officer && training && courses.length > 0 && (
        <section aria-labelledby="record-completion">
          <h2 id="record-completion">{sw('recordTitle', language)}</h2>
          <p>{sw('recordIntro', language)}</p>
          <form onSubmit={(e) => void record(e)} noValidate>
            {recordProblem && <ProblemNotice problem={recordProblem} language={language} id="record-problem" />}
            {recordNote && (
              <p role="status" class="done">
                {recordNote}
              </p>
            )}
            <SafeguardField
              id="completion-staff"
              label={sw('staffId', language)}
              messages={recordErrors.staffId}
              language={language}
            >
              {(aria) => (
                <select
                  {...aria}
                  value={completion.staffId}
                  onChange={(e) => setCompletion({ ...completion, staffId: e.currentTarget.value })}
                >
                  <option value="">{sw('choose', language)}</option>
                  {training.members.map((m) => (
                    <option key={m.staffId} value={m.staffId}>
                      {language === 'ja' ? `${m.displayName}（${m.staffId}）` : `${m.displayName} (${m.staffId})`}
                    </option>
                  ))}
                </select>
              )}
            </SafeguardField>
            <SafeguardField
              id="completion-course"
              label={sw('course', language)}
              messages={recordErrors.courseId}
              language={language}
            >
              {(aria) => (
                <select
                  {...aria}
                  value={completion.courseId}
                  onChange={(e) => setCompletion({ ...completion, courseId: e.currentTarget.value })}
                >
                  <option value="">{sw('choose', language)}</option>
                  {courses.map((c) => (
                    <option key={c.courseId} value={c.courseId}>
                      {c.title[language]}
                    </option>
                  ))}
                </select>
              )}
            </SafeguardField>
            <SafeguardField
              id="completion-day"
              label={sw('completedOn', language)}
              messages={recordErrors.completedOn}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  max={training.today}
                  value={completion.completedOn}
                  onInput={(e) => setCompletion({ ...completion, completedOn: e.currentTarget.value })}
                />
              )}
            </SafeguardField>
            <button type="submit">{sw('record', language)}</button>
          </form>
        </section>
      )}
      {officer && training && (
        <section aria-labelledby="add-course">
          <h2 id="add-course">{sw('addCourseTitle', language)}</h2>
          <form onSubmit={(e) => void addCourse(e)} noValidate>
            {courseProblem && <ProblemNotice problem={courseProblem} language={language} id="course-problem" />}
            {courseNote && (
              <p role="status" class="done">
                {courseNote}
              </p>
            )}
            <SafeguardField
              id="course-id"
              label={sw('courseId', language)}
              messages={courseErrors.courseId}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  autocomplete="off"
                  value={course.courseId}
                  onInput={(e) => setCourse({ ...course, courseId: e.currentTarget.value })}
                />
              )}
            </SafeguardField>
            <SafeguardField
              id="course-title-ja"
              label={sw('titleJa', language)}
              messages={courseErrors.title}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  value={course.titleJa}
                  onInput={(e) => setCourse({ ...course, titleJa: e.currentTarget.value })}
                />
              )}
            </SafeguardField>
            <SafeguardField id="course-title-en" label={sw('titleEn', language)} language={language}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  lang="en"
                  value={course.titleEn}
                  onInput={(e) => setCourse({ ...course, titleEn: e.currentTarget.value })}
                />
              )}
            </SafeguardField>
            <SafeguardField
              id="course-validity"
              label={sw('validityField', language, {
                min: training.validity.minMonths,
                max: training.validity.maxMonths,
              })}
              hint={sw('validityHint', language, { n: training.validity.defaultMonths })}
              messages={courseErrors.validityMonths}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  min={training.validity.minMonths}
                  max={training.validity.maxMonths}
                  value={course.validityMonths}
                  onInput={(e) => setCourse({ ...course, validityMonths: e.currentTarget.value })}
                />
              )}
            </SafeguardField>
            <div class="field">
              <label>
                <input
                  type="checkbox"
                  checked={course.required}
                  onChange={(e) => setCourse({ ...course, required: e.currentTarget.checked })}
                />{' '}
                {sw('requiredField', language)}
              </label>
            </div>
            <button type="submit">{sw('addCourse', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
