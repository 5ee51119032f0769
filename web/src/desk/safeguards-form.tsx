// A labelled field of the rules and training forms, with the API's messages for it next to it.
import type { ComponentChildren } from 'preact';
import { fieldMessages } from './officer';
import type { Language } from './text';

export function SafeguardField({
  id,
  label,
  hint,
  messages,
  language,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  messages?: string[];
  language: Language;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const invalid = messages && messages.length > 0;
  const described = [invalid ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {invalid && (
        <p class="field-error" id={`${id}-error`}>
          {fieldMessages(messages, language)}
        </p>
      )}
      {children({
        id,
        ...(invalid ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  );
}
