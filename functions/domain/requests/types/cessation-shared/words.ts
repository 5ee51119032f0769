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

/** APPI Art. 35(2),(4),(6), provisos: refusing is lawful only when an alternative measure protects the person. */
export const ALTERNATIVE_MEASURE_GROUND = 'costly-or-difficult-alternative-taken';

/** The heading under which a refusal e-mail states the alternative measure; `proviso` cites the paragraphs. */
export function alternativeMeasureHeading(proviso: { ja: string; en: string }) {
  return {
    ja: `代わりにとった措置（同法${proviso.ja}）`,
    en: `The alternative measure we have taken (APPI ${proviso.en})`,
  };
}
