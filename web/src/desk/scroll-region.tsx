// A table that may be wider than a phone's screen scrolls in a box of its own, which takes focus so a
// keyboard can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable), named for screen readers.
import type { ComponentChildren } from 'preact';

export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus, or a keyboard cannot scroll the table on a narrow screen (WCAG 2.1.1, axe scrollable-region-focusable).
    <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
