// The generalisation hierarchies: for each kind, how many levels it has (level 0 the finest shown, the
// top level always SUPPRESSED_VALUE), what a value becomes at each level, and the item of information
// each level publishes (APPI Art. 43(3)). Each level is a function of the one below it, so classes only
// merge as levels rise: the search's monotonicity rests on that (rules.ts refuses tables and bands
// that would break it).
//
// A subject with no record of the category (a missing value) is SUPPRESSED_VALUE at every level: it
// says nothing of the person, so it is covered, and it costs the whole attribute in the loss.
import { categoryById } from '../personal-data/categories';
import type { Hierarchy } from './definition';
import { MUNICIPALITIES_WITH_INNER_SUFFIX, prefectureOf, REGIONS } from './prefectures';
import { HIERARCHY_KINDS, SUPPRESSED_LEVEL_WORDS, SUPPRESSED_VALUE } from './words';

type Words = { ja: string; en: string };

export interface CompiledHierarchy {
  /** Levels including the top (SUPPRESSED_VALUE): level 0 .. levels - 1. */
  levels: number;
  /**
   * The value at a level; undefined when the hierarchy does not cover it (a gap the run refuses).
   * A missing value (undefined) is SUPPRESSED_VALUE at every level.
   */
  generalise(value: string | undefined, level: number): string | undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD, or undefined. */
function calendarDay(value: string): { y: number; m: number; d: number } | undefined {
  const match = DAY.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

/**
 * Completed years on `on` (Act on the Calculation of Age; Civil Code Art. 143): a year completes at
 * the end of the day before the birthday. Someone born on 29 February whose birthday is missing from
 * a common year completes it at the end of 28 February (Art. 143(2)): one year older from 1 March.
 * Comparing month-day as text gives exactly that. Undefined for a birth after `on`.
 */
export function completedYears(dateOfBirth: string, on: string): number | undefined {
  const born = calendarDay(dateOfBirth);
  const day = calendarDay(on);
  if (!born || !day) return undefined;
  const md = (x: { m: number; d: number }) => x.m * 100 + x.d;
  const age = day.y - born.y - (md(day) < md(born) ? 1 : 0);
  return age < 0 ? undefined : age;
}

/** Numbers as labels: no float noise (0.30000000000000004), no exponent for ordinary sizes. */
const label = (n: number) => String(Number(n.toPrecision(12)));

function ageHierarchy(h: Extract<Hierarchy, { kind: 'age' }>, referenceDate: string): CompiledHierarchy {
  const top = h.topCodeAt;
  return {
    levels: h.bands.length + 2,
    generalise(value, level) {
      if (value === undefined || level === h.bands.length + 1) return SUPPRESSED_VALUE;
      const age = completedYears(value, referenceDate);
      if (age === undefined) return undefined;
      // Top coding (Rules Art. 34(iv)): the oldest ages are one value at every level.
      if (age >= top) return `${top}+`;
      if (level === 0) return String(age);
      const width = h.bands[level - 1]!;
      const lo = Math.floor(age / width) * width;
      return `${lo}-${Math.min(lo + width, top) - 1}`;
    },
  };
}

const dateHierarchy: CompiledHierarchy = {
  levels: 4,
  generalise(value, level) {
    if (value === undefined || level === 3) return SUPPRESSED_VALUE;
    if (!calendarDay(value)) return undefined;
    const day = value.trim();
    return level === 0 ? day : level === 1 ? day.slice(0, 7) : day.slice(0, 4);
  },
};

/**
 * The municipality of a Japanese address: the prefecture and the first 市, 区, 町 or 村 after it. A
 * ward of a designated city (大阪市北区) is its city (大阪市); a town or village in a county
 * (北佐久郡軽井沢町) is the town (軽井沢町), the county being no municipality.
 */
export function municipalityOf(address: string): string | undefined {
  const compact = address.replace(/[\s\u3000]/g, '');
  const prefecture = prefectureOf(compact);
  if (!prefecture) return undefined;
  const rest = compact.slice(prefecture.ja.length);
  // A county (郡) is no municipality: the town or village after it is.
  const county = /^[^市区町村郡]+郡(?=[^市区町村郡]+[町村])/.exec(rest);
  const local = county ? rest.slice(county[0].length) : rest;
  const listed = MUNICIPALITIES_WITH_INNER_SUFFIX.find((name) => local.startsWith(name));
  if (listed) return prefecture.ja + listed;
  const first = /^.+?[市区町村]/.exec(local);
  return first ? prefecture.ja + first[0] : undefined;
}

const addressHierarchy: CompiledHierarchy = {
  levels: 4,
  generalise(value, level) {
    if (value === undefined || level === 3) return SUPPRESSED_VALUE;
    const municipality = municipalityOf(value);
    if (municipality === undefined) return undefined;
    const prefecture = prefectureOf(municipality)!;
    return level === 0 ? municipality : level === 1 ? prefecture.ja : REGIONS[prefecture.region].ja;
  },
};

const POSTCODE = /^(\d{3})-?(\d{4})$/;
const postcodeHierarchy: CompiledHierarchy = {
  levels: 4,
  generalise(value, level) {
    if (value === undefined || level === 3) return SUPPRESSED_VALUE;
    const match = POSTCODE.exec(value.trim());
    if (!match) return undefined;
    const [three, four] = [match[1]!, match[2]!];
    return level === 0 ? `${three}-${four}` : level === 1 ? `${three}-****` : `${three[0]}**-****`;
  },
};

function tableHierarchy(h: Extract<Hierarchy, { kind: 'table' }>): CompiledHierarchy {
  const depth = Math.max(0, ...Object.values(h.levels).map((l) => l.length));
  const table = new Map(Object.entries(h.levels));
  return {
    levels: depth + 2,
    generalise(value, level) {
      if (value === undefined || level === depth + 1) return SUPPRESSED_VALUE;
      const row = table.get(value.trim());
      if (row === undefined) return undefined;
      return level === 0 ? value.trim() : row[level - 1];
    },
  };
}

function intervalHierarchy(h: Extract<Hierarchy, { kind: 'interval' }>): CompiledHierarchy {
  const { widths, bottomCodeAt: bottom, topCodeAt: top } = h;
  return {
    levels: widths.length + 2,
    generalise(value, level) {
      if (value === undefined || level === widths.length + 1) return SUPPRESSED_VALUE;
      const text = value.trim();
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return undefined;
      // Bottom and top coding (Rules Art. 34(iv)): values outside the range are one value each side.
      if (bottom !== undefined && n < bottom) return `<${label(bottom)}`;
      if (top !== undefined && n >= top) return `>=${label(top)}`;
      if (level === 0) return label(n);
      const width = widths[level - 1]!;
      const lo = Math.floor(n / width) * width;
      const from = bottom !== undefined ? Math.max(lo, bottom) : lo;
      const to = top !== undefined ? Math.min(lo + width, top) : lo + width;
      return `[${label(from)},${label(to)})`;
    },
  };
}

export function compileHierarchy(hierarchy: Hierarchy, referenceDate: string): CompiledHierarchy {
  switch (hierarchy.kind) {
    case 'age':
      return ageHierarchy(hierarchy, referenceDate);
    case 'date':
      return dateHierarchy;
    case 'address':
      return addressHierarchy;
    case 'postcode':
      return postcodeHierarchy;
    case 'table':
      return tableHierarchy(hierarchy);
    case 'interval':
      return intervalHierarchy(hierarchy);
  }
}

/** The number of levels a hierarchy has, top included, without a reference date. */
export const levelCount = (hierarchy: Hierarchy): number => compileHierarchy(hierarchy, '2000-01-01').levels;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** The category's own words, e.g. {ja: '住所', en: 'Address'}; the id itself for an unknown one. */
export function categoryWords(category: string): Words {
  const known = categoryById(category);
  return known ? { ja: known.ja, en: known.en } : { ja: category, en: category };
}

/**
 * The item of information a column publishes at a level, e.g. {ja: '年齢（10歳階級）', en: 'Age (10-year
 * bands)'} or {ja: '住所（都道府県）', en: 'Address (prefecture)'}.
 */
export function itemWords(category: string, hierarchy: Hierarchy, level: number): Words {
  const kind = HIERARCHY_KINDS[hierarchy.kind];
  const name = hierarchy.kind === 'age' ? { ja: kind.levels.ja[0], en: 'Age' } : categoryWords(category);
  const levels = levelCount(hierarchy);
  const detail = (ja: string, en: string): Words => ({ ja: `${name.ja}（${ja}）`, en: `${name.en} (${en})` });
  if (level >= levels - 1) return detail(SUPPRESSED_LEVEL_WORDS.ja, SUPPRESSED_LEVEL_WORDS.en);
  switch (hierarchy.kind) {
    case 'age': {
      if (level === 0) return name;
      const band = hierarchy.bands[level - 1]!;
      return detail(fill(kind.levels.ja[1], { band }), fill(kind.levels.en[1], { band }));
    }
    case 'date':
    case 'address':
    case 'postcode': {
      const words = HIERARCHY_KINDS[hierarchy.kind].levels;
      return detail(words.ja[level]!, words.en[level]!);
    }
    case 'table':
      return level === 0 ? name : detail(fill(kind.levels.ja[1], { level }), fill(kind.levels.en[1], { level }));
    case 'interval': {
      if (level === 0) return name;
      const width = label(hierarchy.widths[level - 1]!);
      return detail(fill(kind.levels.ja[1], { width }), fill(kind.levels.en[1], { width }));
    }
  }
}
