// What both apps' frames do: keep the reader's language for the tab (sessionStorage: a choice, no
// personal data), set <html lang> and the title, and move focus to a new page's heading so screen
// readers announce it.
import { useEffect, useRef } from 'preact/hooks';
import type { Language } from './request-form';

const LANGUAGE_KEY = 'appi-desk.language';

export function savedLanguage(): Language {
  return sessionStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ja';
}

export function useDocumentLanguage(language: Language, title: string) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title;
    sessionStorage.setItem(LANGUAGE_KEY, language);
  }, [language, title]);
}

/** Focuses the main heading whenever one of `deps` changes, except on the first render. */
export function useHeadingFocus(deps: readonly unknown[]) {
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, deps);
}
