// docs/law-constants.md is generated from the law constants catalogue; it must say what the code does,
// and the catalogue must name every value law.ts holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAW_TABLE_PATH, renderLawTable } from '../../bin/generate-law-table';
import * as law from '../../functions/domain/kernel/law';
import { LAW_CONSTANTS } from '../../functions/domain/law-constants';

const catalogued = LAW_CONSTANTS.flatMap((group) => group.constants);

describe('the law constants table', () => {
  it('is what npm run docs:law generates from the code', () => {
    const committed = readFileSync(new URL(`../../${LAW_TABLE_PATH}`, import.meta.url), 'utf8');
    expect(committed, `${LAW_TABLE_PATH} is stale: run npm run docs:law`).toBe(renderLawTable());
  });

  it('catalogues every value of law.ts (SECONDS is only the units)', () => {
    const names = new Set(catalogued.map((c) => c.name));
    const values = Object.keys(law).filter((name) => name !== 'SECONDS');
    expect(values.filter((name) => !names.has(name))).toEqual([]);
  });

  it('gives each constant a source, and each law constant an article or rule', () => {
    for (const c of catalogued) {
      expect(c.source.trim(), c.name).not.toBe('');
      if (c.kind === 'law') expect(c.source, c.name).toMatch(/Art\. \d/);
    }
    expect(new Set(catalogued.map((c) => c.name)).size).toBe(catalogued.length);
  });
});
