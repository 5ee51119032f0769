// The words of the request page's section on the holders (the company's own systems and its
// subcontractors that hold the person's data), ja/en. The states, instructions and answer states are
// the server's own words (functions/domain/fulfilment/tracking-words.ts), so the e-mails say the same.
import {
  ANSWER_STATE_LABELS,
  CONTACT_KIND_LABELS,
  INSTRUCTION_LABELS,
  TASK_STATE_LABELS,
} from '../../../functions/domain/fulfilment/tracking-words';
import type { Label } from '../text';
import type { Language } from './text';

export { ANSWER_STATE_LABELS, CONTACT_KIND_LABELS, INSTRUCTION_LABELS, TASK_STATE_LABELS };

const H = {
  heading: { ja: '保有先での対応', en: 'At the holders' },
  intro: {
    ja: 'この決定は、本人のデータを保有する社内システムと委託先にも実施を依頼しています。保有先ごとの状況です。',
    en: "This decision is being carried out at the company's systems and subcontractors that hold the person's data too. Where each holder stands:",
  },
  table: { ja: '保有先ごとの状況（横にスクロールできます）', en: 'Where each holder stands (scrolls sideways)' },
  holder: { ja: '保有先', en: 'Holder' },
  instruction: { ja: '依頼した内容', en: 'Asked to' },
  categories: { ja: 'データの区分', en: 'Categories' },
  state: { ja: '状況', en: 'State' },
  lastContact: { ja: '最後のやり取り', en: 'Last contact' },
  expected: { ja: '完了予定', en: 'Expected done by' },
  results: { ja: '返されたデータ', en: 'Data returned' },
  resultsCount: { ja: '{n}件', en: '{n} record(s)' },
  none: { ja: '—', en: '—' },
  byHand: { ja: '担当者による記録', en: 'Recorded by hand' },
  answerNowHeading: { ja: '分かっている内容で回答する', en: 'Answer now with what is known' },
  answerNowIntro: {
    ja: '回答は、すべての保有先の対応が終わると自動で本人に送られます。期限が迫っている場合などは、今の時点で分かっている内容で回答できます。回答には、まだ対応が終わっていない保有先が記載されます。',
    en: 'The answer goes to the person by itself once every holder has finished. When the due date is near, you can answer now with what is known; the answer then names the holders that have not finished.',
  },
  answerNow: { ja: '分かっている内容で今すぐ回答する', en: 'Answer now with what is known' },
  answerSent: { ja: '回答を送りました。', en: 'The answer has been sent.' },
  closeHeading: { ja: '手作業で行った対応の記録：{holder}', en: 'Record what was done by hand: {holder}' },
  closeIntro: {
    ja: 'この保有先には自動で依頼できませんでした。保有先で行った対応（誰が、いつ、何をしたか）を記録すると、この依頼は完了になります。最後の依頼であれば、回答が本人に送られます。',
    en: 'This holder could not be asked automatically. Record what was done there (who, when, what); the task is then done, and if it was the last, the answer goes to the person.',
  },
  closeNote: { ja: '行った対応', en: 'What was done' },
  close: { ja: '対応を記録して完了にする', en: 'Record it and mark the task done' },
} satisfies Record<string, Label>;

export type HoldersTextKey = keyof typeof H;

export function ht(key: HoldersTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return H[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
