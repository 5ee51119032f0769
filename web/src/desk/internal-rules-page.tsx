// 社内規程・マニュアル (policy §6(2)A): every staff member reads the version in force of each rule and
// manual and acknowledges it for themselves; the officer publishes rules and their next versions and
// sees who has not acknowledged (auditors see that too).
import './officer.css';
import './safeguards.css';
import { useEffect, useState } from 'preact/hooks';
import type { InternalRuleKind } from '../../../functions/domain/safeguards/internal-rules';
import { INTERNAL_RULE_KIND_WORDS } from '../../../functions/domain/safeguards/words';
import { japanTime } from './japan-time';
import { placeProblem } from './officer';
import type { DeskPageProps } from './page-props';
import { type DeskProblemDetails, failureOf, ProblemNotice } from './problem';
import { SafeguardField } from './safeguards-form';
import { sw } from './safeguards-text';
import { ScrollRegion } from './scroll-region';
import { staffApi } from './staff-api';
import type { Language } from './text';

export const INTERNAL_RULES_PATH = '/v1/staff/internal-rules';

interface RuleVersionView {
  ruleId: string;
  version: number;
  kind: InternalRuleKind;
  title: { ja: string; en: string };
  effectiveFrom: string;
  text?: string;
  reference?: string;
  publishedBy: string;
  publishedAt: string;
}
interface RuleView {
  ruleId: string;
  kind: InternalRuleKind;
  title: { ja: string; en: string };
  inForce?: RuleVersionView;
  scheduled: RuleVersionView[];
}
interface AcknowledgementView {
  ruleId: string;
  version: number;
  acknowledgedAt: string;
}
interface RuleList {
  today: string;
  items: RuleView[];
  acknowledgements: AcknowledgementView[];
}
interface PendingList {
  items: {
    staffId: string;
    displayName: string;
    missing: { ruleId: string; version: number; title: { ja: string; en: string } }[];
  }[];
}

const PUBLISH_FIELDS = ['ruleId', 'version', 'kind', 'title', 'effectiveFrom', 'text', 'reference'] as const;
const emptyPublish = (today: string) => ({
  ruleId: '',
  version: '1',
  kind: 'rules' as InternalRuleKind,
  titleJa: '',
  titleEn: '',
  effectiveFrom: today,
  text: '',
  reference: '',
});

function VersionBlock({
  version,
  acknowledgement,
  label,
  language,
  onAcknowledge,
}: {
  version: RuleVersionView;
  acknowledgement?: AcknowledgementView;
  label: string;
  language: Language;
  onAcknowledge: () => void;
}) {
  return (
    <div class="rule-version">
      <p>
        <strong>{label}</strong> {sw('versionNumber', language, { n: version.version })}
        {language === 'ja' ? '・' : ', '}
        {sw('effectiveFrom', language)} <span class="date">{version.effectiveFrom}</span>
      </p>
      {/* The officer's own words, in whatever language they were written: data, not the page's text. */}
      {version.text && (
        <pre class="rule-text" translate={false}>
          {version.text}
        </pre>
      )}
      {version.reference && (
        <p>
          {sw('reference', language)}: <span translate={false}>{version.reference}</span>
        </p>
      )}
      <p class="note">
        {sw('publishedBy', language, { who: version.publishedBy, at: japanTime(version.publishedAt, language) })}
      </p>
      {acknowledgement ? (
        <p class="done">{sw('acknowledged', language, { at: japanTime(acknowledgement.acknowledgedAt, language) })}</p>
      ) : (
        <button type="button" onClick={onAcknowledge}>
          {sw('acknowledge', language)}
          <span class="visually-hidden">
            {language === 'ja' ? '（' : ' ('}
            {sw('acknowledgeAside', language, { title: version.title[language], n: version.version })}
            {language === 'ja' ? '）' : ')'}
          </span>
        </button>
      )}
    </div>
  );
}

export function InternalRulesPage({ session, language }: DeskPageProps) {
  const api = staffApi(session);
  const officer = session.role === 'officer';
  const seesPending = officer || session.role === 'auditor';
  const [rules, setRules] = useState<RuleList>();
  const [pending, setPending] = useState<PendingList>();
  const [problem, setProblem] = useState<DeskProblemDetails | 'network'>();
  const [ackProblem, setAckProblem] = useState<DeskProblemDetails | 'network'>();
  const [form, setForm] = useState(emptyPublish(''));
  const [formProblem, setFormProblem] = useState<DeskProblemDetails | 'network'>();
  const [publishedNote, setPublishedNote] = useState<string>();

  const load = async () => {
    const [listed, open] = await Promise.all([
      api.get<RuleList>(INTERNAL_RULES_PATH),
      seesPending ? api.get<PendingList>(`${INTERNAL_RULES_PATH}/unacknowledged`) : Promise.resolve(undefined),
    ]);
    if (listed.kind === 'ok') {
      setRules(listed.data);
      setForm((f) => (f.effectiveFrom ? f : { ...f, effectiveFrom: listed.data.today }));
    } else setProblem(failureOf(listed));
    if (open?.kind === 'ok') setPending(open.data);
    else if (open) setProblem(failureOf(open));
  };
  useEffect(() => void load(), []);

  const acknowledge = async (v: RuleVersionView) => {
    const result = await api.post(`${INTERNAL_RULES_PATH}/acknowledgements`, { ruleId: v.ruleId, version: v.version });
    setAckProblem(failureOf(result));
    if (result.kind === 'ok') await load();
  };
  const publish = async (e: Event) => {
    e.preventDefault();
    setPublishedNote(undefined);
    const body = {
      ruleId: form.ruleId.trim(),
      version: Number(form.version),
      kind: form.kind,
      title: { ja: form.titleJa, en: form.titleEn },
      effectiveFrom: form.effectiveFrom,
      ...(form.text.trim() ? { text: form.text } : {}),
      ...(form.reference.trim() ? { reference: form.reference } : {}),
    };
    const result = await api.post<RuleVersionView>(INTERNAL_RULES_PATH, body);
    setFormProblem(failureOf(result));
    if (result.kind === 'ok') {
      setPublishedNote(sw('published', language, { n: result.data.version }));
      setForm(emptyPublish(rules?.today ?? ''));
      await load();
    }
  };
  const errors =
    formProblem && formProblem !== 'network'
      ? placeProblem(formProblem, PUBLISH_FIELDS).byField
      : ({} as Record<string, string[]>);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm({ ...form, [key]: value });
  const ackOf = (v: RuleVersionView) =>
    rules?.acknowledgements.find((a) => a.ruleId === v.ruleId && a.version === v.version);

  return (
    <>
      <h1 tabIndex={-1}>{sw('rulesTitle', language)}</h1>
      <p>{sw('rulesIntro', language)}</p>
      {problem && <ProblemNotice problem={problem} language={language} />}
      {!rules && !problem && <p>{sw('loading', language)}</p>}
      {rules && <p class="note">{sw('today', language, { day: rules.today })}</p>}
      {ackProblem && <ProblemNotice problem={ackProblem} language={language} id="acknowledge-problem" />}
      {rules && rules.items.length === 0 && <p>{sw('rulesNone', language)}</p>}
      {rules?.items.map((rule) => (
        <section key={rule.ruleId} aria-labelledby={`rule-${rule.ruleId}`} class="rule">
          <h2 id={`rule-${rule.ruleId}`}>
            {rule.title[language]}{' '}
            <span class="note">
              {language === 'ja' ? '（' : '('}
              {INTERNAL_RULE_KIND_WORDS[rule.kind][language]}
              {language === 'ja' ? '・' : ', '}
              <span translate={false}>{rule.ruleId}</span>
              {language === 'ja' ? '）' : ')'}
            </span>
          </h2>
          {rule.inForce ? (
            <VersionBlock
              version={rule.inForce}
              acknowledgement={ackOf(rule.inForce)}
              label={sw('inForce', language)}
              language={language}
              onAcknowledge={() => void acknowledge(rule.inForce!)}
            />
          ) : (
            <p>{sw('notYetInForce', language)}</p>
          )}
          {rule.scheduled.map((v) => (
            <VersionBlock
              key={v.version}
              version={v}
              acknowledgement={ackOf(v)}
              label={sw('scheduled', language)}
              language={language}
              onAcknowledge={() => void acknowledge(v)}
            />
          ))}
        </section>
      ))}
      {seesPending && pending && (
        <section aria-labelledby="pending-acknowledgements">
          <h2 id="pending-acknowledgements">{sw('pendingTitle', language)}</h2>
          <p>{sw('pendingIntro', language)}</p>
          {pending.items.length === 0 ? (
            <p>{sw('pendingNone', language)}</p>
          ) : (
            <ScrollRegion label={sw('pendingTitle', language)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{sw('member', language)}</th>
                    <th scope="col">{sw('missing', language)}</th>
                  </tr>
                </thead>
                <tbody>
                  {pending.items.map((m) => (
                    <tr key={m.staffId}>
                      <th scope="row">
                        <span translate={false}>
                          {m.displayName} ({m.staffId})
                        </span>
                      </th>
                      <td>
                        {m.missing
                          .map((v) => `${v.title[language]} ${sw('versionNumber', language, { n: v.version })}`)
                          .join(language === 'ja' ? '、' : ', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      )}
      {officer && (
        <section aria-labelledby="publish-rule">
          <h2 id="publish-rule">{sw('publishTitle', language)}</h2>
          <p>{sw('publishIntro', language)}</p>
          <form onSubmit={(e) => void publish(e)} noValidate>
            {formProblem && <ProblemNotice problem={formProblem} language={language} id="publish-problem" />}
            {publishedNote && (
              <p role="status" class="done">
                {publishedNote}
              </p>
            )}
            <SafeguardField
              id="rule-id"
              label={sw('ruleId', language)}
              hint={sw('ruleIdHint', language)}
              messages={errors.ruleId}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  autocomplete="off"
                  value={form.ruleId}
                  onInput={(e) => set('ruleId', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <SafeguardField
              id="rule-version"
              label={sw('version', language)}
              messages={errors.version}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  min={1}
                  value={form.version}
                  onInput={(e) => set('version', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <SafeguardField id="rule-kind" label={sw('kind', language)} messages={errors.kind} language={language}>
              {(aria) => (
                <select
                  {...aria}
                  value={form.kind}
                  onChange={(e) => set('kind', e.currentTarget.value as InternalRuleKind)}
                >
                  {(Object.keys(INTERNAL_RULE_KIND_WORDS) as InternalRuleKind[]).map((k) => (
                    <option key={k} value={k}>
                      {INTERNAL_RULE_KIND_WORDS[k][language]}
                    </option>
                  ))}
                </select>
              )}
            </SafeguardField>
            <SafeguardField
              id="rule-title-ja"
              label={sw('titleJa', language)}
              messages={errors.title}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  value={form.titleJa}
                  onInput={(e) => set('titleJa', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <SafeguardField id="rule-title-en" label={sw('titleEn', language)} language={language}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  lang="en"
                  value={form.titleEn}
                  onInput={(e) => set('titleEn', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <SafeguardField
              id="rule-effective-from"
              label={sw('effectiveFrom', language)}
              messages={errors.effectiveFrom}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  min={rules?.today}
                  value={form.effectiveFrom}
                  onInput={(e) => set('effectiveFrom', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <SafeguardField id="rule-text" label={sw('text', language)} messages={errors.text} language={language}>
              {(aria) => (
                <textarea {...aria} rows={6} value={form.text} onInput={(e) => set('text', e.currentTarget.value)} />
              )}
            </SafeguardField>
            <SafeguardField
              id="rule-reference"
              label={sw('reference', language)}
              messages={errors.reference}
              language={language}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  value={form.reference}
                  onInput={(e) => set('reference', e.currentTarget.value)}
                />
              )}
            </SafeguardField>
            <button type="submit">{sw('publish', language)}</button>
          </form>
        </section>
      )}
    </>
  );
}
