// The signed-in member's standing under the internal rules and training (policy §6(2)A-B), above every
// page: nothing while current; while in grace, what is missing and the last day it may stay so; once
// lapsed, that pages of personal data are refused and what to do. Read again on each page change, so
// an acknowledgement or a recorded training clears it at once.
import { useEffect, useState } from 'preact/hooks';
import type { Obligation, Standing } from '../../../functions/domain/safeguards/standing';
import type { DeskPageProps } from './page-props';
import type { DeskRoute } from './routes';
import { staffApi } from './staff-api';
import type { Language } from './text';

/** 2026-06-01 as the page's language writes a date. */
export function dayInWords(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return language === 'ja' ? `${y}年${m}月${d}日` : new Date(Date.UTC(y, m - 1, d)).toUTCString().slice(5, 16);
}

function missing(o: Obligation, language: Language): string {
  const title = o.title[language];
  const due = o.dueOn ? dayInWords(o.dueOn, language) : '';
  if (o.kind === 'rule')
    return language === 'ja'
      ? `「${title}」第${o.version}版の確認（期限 ${due}）`
      : `Acknowledge version ${o.version} of "${title}" (due by ${due})`;
  const ran = o.validUntil ? dayInWords(o.validUntil, language) : undefined;
  return language === 'ja'
    ? `研修「${title}」の受講${ran ? `（${ran}まで有効でした）` : ''}（期限 ${due}）`
    : `Take the training "${title}"${ran ? ` (current until ${ran})` : ''} (due by ${due})`;
}

const WORDS = {
  lapsedTitle: {
    ja: '内部規程の確認又は研修の受講の期限が過ぎています',
    en: 'Your rules acknowledgement or training has lapsed',
  },
  lapsed: {
    ja: '個人データを扱う画面は、次のことが済むまで利用できません（プライバシーポリシー6(2)）。',
    en: 'Pages of personal data are refused to you until the following is done (privacy policy §6(2)).',
  },
  graceTitle: { ja: '内部規程の確認又は研修の受講が必要です', en: 'Rules to acknowledge or training to take' },
  grace: {
    ja: '{day}を過ぎると、個人データを扱う画面を利用できなくなります。',
    en: 'After {day} you will be refused pages of personal data.',
  },
  todo: {
    ja: '内部規程はコンソールで読んで確認を記録してください。研修を受講したら、個人情報保護管理者に受講の記録を依頼してください。',
    en: 'Read the rules and record your acknowledgement in the console. Once you have taken the training, ask the Information Security Officer to record it.',
  },
} as const;

export function StandingBanner({ session, language, route }: Omit<DeskPageProps, 'go'> & { route: DeskRoute }) {
  const [standing, setStanding] = useState<Standing | undefined>();
  useEffect(() => {
    let live = true;
    void staffApi(session)
      .get<Standing>('/v1/staff/safeguards/my-standing')
      .then((result) => {
        // A failed read shows nothing: the pages themselves say why they are refused.
        if (live) setStanding(result.kind === 'ok' ? result.data : undefined);
      });
    return () => {
      live = false;
    };
  }, [session, route]);
  if (!standing || standing.status === 'current') return null;
  const lapsed = standing.status === 'lapsed';
  const unmet = standing.obligations.filter((o) => !o.met);
  const lastDay = standing.lapsesOn
    ? dayInWords(
        new Date(Date.parse(`${standing.lapsesOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
        language,
      )
    : '';
  return (
    <section class={`standing-banner ${lapsed ? 'lapsed' : 'in-grace'}`} role="status" aria-labelledby="standing-title">
      <h2 id="standing-title">{WORDS[lapsed ? 'lapsedTitle' : 'graceTitle'][language]}</h2>
      <p>{lapsed ? WORDS.lapsed[language] : WORDS.grace[language].replace('{day}', lastDay)}</p>
      <ul>
        {unmet.map((o) => (
          <li key={o.kind === 'rule' ? `rule-${o.ruleId}` : `training-${o.courseId}`}>{missing(o, language)}</li>
        ))}
      </ul>
      <p>{WORDS.todo[language]}</p>
    </section>
  );
}
