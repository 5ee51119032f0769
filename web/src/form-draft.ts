// What was typed on the request form, kept in this tab's sessionStorage so that Back from the code
// step, a reload or a new code loses nothing; cleared once the code is confirmed. The code itself is
// never stored, and nothing goes to localStorage: the draft holds personal data and ends with the tab.
import type { FormType, FormValues } from './request-form';

export interface FormDraft {
  type: FormType;
  values: FormValues;
}

/** One form, one key. */
export const REQUEST_FORM_DRAFT_KEY = 'appi-desk.form-draft.request';

const isValues = (value: unknown): value is FormValues =>
  !!value &&
  typeof value === 'object' &&
  Object.values(value).every(
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')),
  );

export const formDrafts = {
  /** The draft kept in this tab, if it is one of the types this build offers. */
  get(isType: (type: string) => type is FormType): FormDraft | undefined {
    try {
      const saved = JSON.parse(sessionStorage.getItem(REQUEST_FORM_DRAFT_KEY) ?? 'null') as {
        type?: unknown;
        values?: unknown;
      } | null;
      if (!saved || typeof saved.type !== 'string' || !isType(saved.type) || !isValues(saved.values)) return undefined;
      return { type: saved.type, values: saved.values };
    } catch {
      return undefined;
    }
  },
  set(draft: FormDraft) {
    try {
      sessionStorage.setItem(REQUEST_FORM_DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // A full or refused storage keeps the form in memory only: it then survives Back, not a reload.
    }
  },
  clear() {
    sessionStorage.removeItem(REQUEST_FORM_DRAFT_KEY);
  },
};
