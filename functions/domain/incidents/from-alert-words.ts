// The words of a draft incident opened from an access-monitoring alert (policy §6(1), APPI Art. 26):
// what happened and how the company became aware, in Japanese then English, from the alert's facts
// (staff ids, roles, hours and counts; no personal data). No imports, so the web apps may bundle it.

export type AlertFindingFacts = {
  kind: 'many-subjects' | 'outside-desk-hours';
  actor: string;
  roles: string[];
  hour: string;
  subjectCount: number;
  reads?: number;
};

export type AlertFacts = {
  alertId: string;
  from: string;
  to: string;
  limit: number;
  findings: AlertFindingFacts[];
  findingCount: number;
  subjectCount: number;
};

/** Findings the summary lists; the rest are counted. */
export const SUMMARY_LISTED_FINDINGS = 5;

const time = (iso: string, language: 'ja' | 'en') =>
  new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso)) + (language === 'ja' ? '（日本時間）' : ' (Japan time)');

function findingLine(f: AlertFindingFacts, limit: number, language: 'ja' | 'en'): string {
  const who = `${f.actor} (${f.roles.join('/')})`;
  const hour = time(f.hour, language);
  if (f.kind === 'many-subjects')
    return language === 'ja'
      ? `- 職員 ${who} が ${hour} からの1時間に ${f.subjectCount}人分の個人データを閲覧（上限 ${limit}人）`
      : `- Staff member ${who} read the data of ${f.subjectCount} people in the hour from ${hour} (limit ${limit})`;
  return language === 'ja'
    ? `- 職員 ${who} が ${hour} からの1時間に窓口時間外の閲覧 ${f.reads ?? 0}件（${f.subjectCount}人分）`
    : `- Staff member ${who} made ${f.reads ?? 0} read(s) outside desk hours in the hour from ${hour} (${f.subjectCount} people)`;
}

function summaryIn(alert: AlertFacts, language: 'ja' | 'en'): string {
  const listed = alert.findings.slice(0, SUMMARY_LISTED_FINDINGS).map((f) => findingLine(f, alert.limit, language));
  const more = alert.findingCount - listed.length;
  if (more > 0) listed.push(language === 'ja' ? `- ほか${more}件` : `- and ${more} more`);
  const window = `${time(alert.from, language)} - ${time(alert.to, language)}`;
  const head =
    language === 'ja'
      ? `アクセス監視（${alert.alertId}）が、アクセスログの定期分析（${window}）で次の閲覧を検知した。対象は${alert.subjectCount}件の識別子。漏えいに当たるか（不正の目的によるものか）は、事実を確認のうえ判断する。`
      : `Access monitoring (${alert.alertId}) found the reads below in the scheduled analysis of the access log (${window}), naming ${alert.subjectCount} identifiers. Whether this is a leak, and whether for a wrongful purpose, is to be judged once the facts are checked.`;
  return [head, ...listed].join('\n');
}

/** What happened (Rules Art. 8(1)(i) overview, to be completed): Japanese, then English. */
export function alertIncidentSummary(alert: AlertFacts): string {
  return `${summaryIn(alert, 'ja')}\n\n${summaryIn(alert, 'en')}`;
}

/** How the company became aware: Japanese, then English. */
export function alertAwareHow(alert: Pick<AlertFacts, 'alertId'>): string {
  return (
    `アクセス監視による検知（${alert.alertId}）。アラートの時点で認識したものとする。\n\n` +
    `Detected by access monitoring (${alert.alertId}); the company is taken to have been aware when the alert was raised.`
  );
}
