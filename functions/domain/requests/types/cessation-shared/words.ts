// What the two cessation requests share (APPI Art. 35): the grounds Art. 35(5) gives for both, and the
// ground for refusing that is lawful only with an alternative measure. No imports, so the web apps
// bundle it as it is.

/**
 * APPI Art. 35(5): grounds for stopping use or provision alike: no longer needed for our use, a leak
 * reportable under Art. 26(1) involving the person's data, or another risk to their rights or
 * legitimate interests.
 */
export const ART_35_5_GROUNDS = ['no-longer-needed', 'reportable-leak', 'risk-to-rights-or-interests'] as const;

export const ART_35_5_GROUND_LABELS = {
  'no-longer-needed': {
    ja: '当社が利用する必要がなくなった（第35条第5項）',
    en: 'We no longer need to use the data (Art. 35(5))',
  },
  'reportable-leak': {
    ja: '本人の個人データに係る漏えい等の報告対象事態（第26条第1項）が生じた（第35条第5項）',
    en: 'A leak or other incident reportable under Art. 26(1) involved your data (Art. 35(5))',
  },
  'risk-to-rights-or-interests': {
    ja: '本人の権利又は正当な利益が害されるおそれがある（第35条第5項）',
    en: 'Handling the data may harm your rights or legitimate interests (Art. 35(5))',
  },
};

/** The Art. 35(5) ground a decision may ground in an incident of the register (APPI Art. 26(1)). */
export const REPORTABLE_LEAK_GROUND = 'reportable-leak';

/** What the answer tells the person when the decision names the reportable incident that involved their data. */
export const REPORTABLE_LEAK_ANSWER = {
  ja: 'お客様の個人データが、個人情報保護委員会への報告の対象となる漏えい等の事態（個人情報の保護に関する法律第26条第1項）に係るものであったことを確認いたしました。このため、ご請求に応じております（同法第35条第5項）。',
  en: 'We have confirmed that a leak or other incident that must be reported to the Personal Information Protection Commission (APPI Art. 26(1)) involved your personal data, and we have acted on your request for that reason (APPI Art. 35(5)).',
};

/** What the decision form calls the choice of the incident. */
export const INCIDENT_CHOICE_LABEL = {
  ja: '根拠となる漏えい等の事案（報告対象）',
  en: 'The reportable incident that grounds it',
};

/** APPI Art. 35(2),(4),(6), provisos: refusing is lawful only when an alternative measure protects the person. */
export const ALTERNATIVE_MEASURE_GROUND = 'costly-or-difficult-alternative-taken';

/** The heading under which a refusal e-mail states the alternative measure; `proviso` cites the paragraphs. */
export function alternativeMeasureHeading(proviso: { ja: string; en: string }) {
  return {
    ja: `代わりにとった措置（同法${proviso.ja}）`,
    en: `The alternative measure we have taken (APPI ${proviso.en})`,
  };
}
