// The words of a complaint about the handling of personal data (APPI Art. 40, policy §8(3)): its name
// and what it may be about. No imports, so the web apps bundle it as it is.

export const COMPLAINT_LABEL = {
  ja: '個人情報の取扱いに関する苦情',
  en: 'complaint',
  made: { ja: '個人情報の取扱いに関する苦情のお申出', en: 'complaint' },
};

/** What a complaint may be about: the policy's §8(3) desk takes complaints on any handling of personal information. */
export const COMPLAINT_SUBJECTS = ['handling-of-personal-data', 'request-handling', 'security', 'other'] as const;

export const COMPLAINT_SUBJECT_LABELS = {
  'handling-of-personal-data': { ja: '個人情報の取扱い', en: 'The handling of personal information' },
  'request-handling': { ja: 'ご請求への対応', en: 'How a request was handled' },
  security: { ja: '安全管理', en: 'Security' },
  other: { ja: 'その他', en: 'Other' },
};
