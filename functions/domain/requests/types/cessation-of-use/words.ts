// The words of a cessation of use or erasure (APPI Art. 35(1),(2),(5),(6)): its name, the grounds the
// person may cite under Art. 35(1) (the Art. 35(5) ones are in cessation-shared/words.ts), the measures
// and the grounds for refusing. No imports, so the web apps bundle it as it is.

export const CESSATION_OF_USE_LABEL = { ja: '保有個人データの利用停止等', en: 'cessation of use or erasure' };

/**
 * APPI Art. 35(1): handled beyond the purposes of use (Art. 18), used improperly (Art. 19), acquired
 * improperly (Art. 20(1)), or special care-required data acquired without consent (Art. 20(2)).
 */
export const ART_35_1_GROUNDS = [
  'used-beyond-purpose',
  'improper-use',
  'improper-acquisition',
  'special-care-data-without-consent',
] as const;

export const ART_35_1_GROUND_LABELS = {
  'used-beyond-purpose': {
    ja: '利用目的の達成に必要な範囲を超えて取り扱われている（第18条違反、第35条第1項）',
    en: 'Handled beyond what the purposes of use require (in violation of Art. 18; Art. 35(1))',
  },
  'improper-use': {
    ja: '違法又は不当な行為を助長し、又は誘発するおそれがある方法により利用されている（第19条違反、第35条第1項）',
    en: 'Used in a way that may encourage or induce an illegal or unjust act (in violation of Art. 19; Art. 35(1))',
  },
  'improper-acquisition': {
    ja: '偽りその他不正の手段により取得された（第20条第1項違反、第35条第1項）',
    en: 'Acquired by deceit or other improper means (in violation of Art. 20(1); Art. 35(1))',
  },
  'special-care-data-without-consent': {
    ja: '要配慮個人情報が本人の同意なく取得された（第20条第2項違反、第35条第1項）',
    en: 'Special care-required personal information acquired without your consent (in violation of Art. 20(2); Art. 35(1))',
  },
};

/** APPI Art. 35(1),(5): the person may ask for the use to stop (利用停止) or for erasure (消去). */
export const CESSATION_OF_USE_MEASURES = ['cease-use', 'erase'] as const;
export type CessationOfUseMeasure = (typeof CESSATION_OF_USE_MEASURES)[number];

/** Each measure as the person asks for it on the form. */
export const CESSATION_OF_USE_MEASURE_LABELS = {
  'cease-use': { ja: '利用の停止', en: 'Stop using the data' },
  erase: { ja: '消去', en: 'Erase the data' },
};

/**
 * APPI Art. 35(2),(6): the desk must comply to the extent needed to remedy the violation or prevent
 * the harm, unless that is very costly or otherwise difficult and an alternative measure protecting the
 * person's rights and interests is taken.
 */
export const CESSATION_OF_USE_REFUSAL_GROUNDS = ['no-grounds-found', 'costly-or-difficult-alternative-taken'] as const;
export type CessationOfUseRefusalGround = (typeof CESSATION_OF_USE_REFUSAL_GROUNDS)[number];

export const CESSATION_OF_USE_REFUSAL_GROUND_LABELS = {
  'no-grounds-found': {
    ja: 'ご請求が第35条第1項又は第5項に定める要件に該当しないため（同条第2項・第6項）',
    en: 'The request does not meet the requirements of Art. 35(1) or (5) (Art. 35(2),(6))',
  },
  'costly-or-difficult-alternative-taken': {
    ja: '利用停止等に多額の費用を要する場合その他の利用停止等を行うことが困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置（下記に記載）をとったため（第35条第2項ただし書・第6項ただし書）',
    en: 'Stopping the use or erasing would be very costly or otherwise difficult, and we have taken the alternative measure stated below to protect your rights and interests (Art. 35(2),(6), proviso)',
  },
};

/** The provisos that allow a refusal with an alternative measure. */
export const CESSATION_OF_USE_PROVISO = { ja: '第35条第2項ただし書・第6項ただし書', en: 'Art. 35(2),(6), proviso' };
