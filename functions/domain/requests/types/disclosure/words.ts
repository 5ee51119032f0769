// Disclosure's words (APPI Art. 33): its name, the refusal grounds as Art. 33(2) words them, and the
// choices the person makes on the form. No imports, so the web apps bundle it as it is.

export const DISCLOSURE_LABEL = { ja: '保有個人データの開示', en: 'disclosure' };

/** APPI Art. 33(2) items (i)-(iii), keyed by DISCLOSURE_REFUSAL_GROUNDS (kernel/law.ts). */
export const DISCLOSURE_REFUSAL_GROUND_LABELS = {
  'harm-to-person-or-third-party': {
    ja: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合（第33条第2項第1号）',
    en: 'Disclosure could harm the life, body, property or other rights or interests of you or a third party (Art. 33(2)(i))',
  },
  'hindrance-to-business': {
    ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある場合（第33条第2項第2号）',
    en: 'Disclosure could seriously hinder the proper conduct of our business (Art. 33(2)(ii))',
  },
  'violation-of-law': {
    ja: '他の法令に違反することとなる場合（第33条第2項第3号）',
    en: 'Disclosure would violate other laws or regulations (Art. 33(2)(iii))',
  },
};

/** APPI Art. 33(1), Enforcement Rules Art. 30: how the person may receive it (DISCLOSURE_METHODS). */
export const DISCLOSURE_METHOD_LABELS = {
  electronic: {
    ja: '電磁的記録（ダウンロード用リンクをメールでお送りします）',
    en: 'Electronic record (a download link is e-mailed)',
  },
  paper: { ja: '書面（郵送）', en: 'Paper copy by post' },
};

/** APPI Art. 33(1),(5): what the person may ask to see (DISCLOSURE_RECORDS). */
export const DISCLOSURE_RECORDS_LABELS = {
  'personal-data': { ja: '保有個人データ', en: 'Your personal data' },
  'provision-records': {
    ja: '第三者提供記録（第33条第5項）',
    en: 'Records of provision to or receipt from third parties (Art. 33(5))',
  },
};
