// Every relative link in README.md and docs/ points at a file that exists, and every #anchor at a
// heading of that file (GitHub's slugs), so moving or renaming a section breaks this test, not a reader.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const withoutFences = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');
/** The text outside code fences and inline code, where links are links. */
const prose = (markdown: string) => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** GitHub's anchors of a file's headings: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count ? `${slug}-${count}` : slug);
  }
  return result;
}

const FILES = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

describe('links in README.md and docs/', () => {
  it('has documents to check', () => {
    expect(FILES.length).toBeGreaterThan(5);
  });

  it.each(FILES.map((file) => [relative(ROOT, file), file]))(
    '%s links only to files and headings that exist',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const linked = path ? join(dirname(file), path) : file;
        if (!existsSync(linked)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && linked.endsWith('.md') && !anchors(readFileSync(linked, 'utf8')).has(anchor))
          broken.push(`${target}: no such heading`);
      }
      expect(broken).toEqual([]);
    },
  );
});
