// The words of a cessation of provision to third parties (APPI Art. 35(3),(4),(5),(6)): its name, the
// grounds the person may cite under Art. 35(3) (the Art. 35(5) ones are in cessation-shared/words.ts)
// and the grounds for refusing. No imports, so the web apps bundle it as it is.

export const CESSATION_OF_PROVISION_LABEL = {
  ja: '保有個人データの第三者提供の停止',
  en: 'cessation of provision to third parties',
};

/**
 * APPI Art. 35(3): provided to a third party in violation of Art. 27(1) (without consent) or Art. 28
 * (to a third party abroad without consent).
 */
export const ART_35_3_GROUNDS = ['provided-without-consent', 'provided-abroad-without-consent'] as const;

export const ART_35_3_GROUND_LABELS = {
  'provided-without-consent': {
    ja: '本人の同意なく第三者に提供されている（第27条第1項違反、第35条第3項）',
    en: 'Provided to a third party without your consent (in violation of Art. 27(1); Art. 35(3))',
  },
  'provided-abroad-without-consent': {
    ja: '本人の同意なく外国にある第三者に提供されている（第28条違反、第35条第3項）',
    en: 'Provided to a third party in a foreign country without your consent (in violation of Art. 28; Art. 35(3))',
  },
};

/**
 * APPI Art. 35(4),(6): provision must stop when the request is well founded, unless stopping is very
 * costly or otherwise difficult and an alternative measure protecting the person's rights is taken.
 */
export const CESSATION_OF_PROVISION_REFUSAL_GROUNDS = [
  'no-grounds-found',
  'costly-or-difficult-alternative-taken',
] as const;
export type CessationOfProvisionRefusalGround = (typeof CESSATION_OF_PROVISION_REFUSAL_GROUNDS)[number];

export const CESSATION_OF_PROVISION_REFUSAL_GROUND_LABELS = {
  'no-grounds-found': {
    ja: 'ご請求が第35条第3項又は第5項に定める要件に該当しないため（同条第4項・第6項）',
    en: 'The request does not meet the requirements of Art. 35(3) or (5) (Art. 35(4),(6))',
  },
  'costly-or-difficult-alternative-taken': {
    ja: '第三者への提供の停止に多額の費用を要する場合その他の停止が困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置（下記に記載）をとったため（第35条第4項ただし書・第6項ただし書）',
    en: 'Stopping provision would be very costly or otherwise difficult, and we have taken the alternative measure stated below to protect your rights and interests (Art. 35(4),(6), proviso)',
  },
};

/** The provisos that allow a refusal with an alternative measure. */
export const CESSATION_OF_PROVISION_PROVISO = {
  ja: '第35条第4項ただし書・第6項ただし書',
  en: 'Art. 35(4),(6), proviso',
};
