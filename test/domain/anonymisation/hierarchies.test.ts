// The generalisation hierarchies on worked examples: ages (29 February included), dates, Japanese
// addresses, postcodes, tables, intervals, missing values, and the items each level publishes.
import { describe, expect, it } from 'vitest';
import { datasetDefinitionSchema, type Hierarchy } from '../../../functions/domain/anonymisation/definition';
import {
  compileHierarchy,
  completedYears,
  itemWords,
  municipalityOf,
} from '../../../functions/domain/anonymisation/hierarchies';
import { PREFECTURES, REGIONS } from '../../../functions/domain/anonymisation/prefectures';

const all = (hierarchy: Hierarchy, value: string | undefined, on = '2026-12-07') => {
  const h = compileHierarchy(hierarchy, on);
  return Array.from({ length: h.levels }, (_, level) => h.generalise(value, level));
};

describe('completed years', () => {
  it('counts a year complete from the birthday on', () => {
    expect(completedYears('1990-12-07', '2026-12-06')).toBe(35);
    expect(completedYears('1990-12-07', '2026-12-07')).toBe(36);
  });
  it('counts someone born on 29 February one year older from 1 March in a common year', () => {
    expect(completedYears('2000-02-29', '2023-02-28')).toBe(22);
    expect(completedYears('2000-02-29', '2023-03-01')).toBe(23);
    expect(completedYears('2000-02-29', '2024-02-28')).toBe(23);
    expect(completedYears('2000-02-29', '2024-02-29')).toBe(24);
  });
  it('has no age for a birth after the day or a date that does not exist', () => {
    expect(completedYears('2027-01-01', '2026-12-07')).toBeUndefined();
    expect(completedYears('2001-02-29', '2026-12-07')).toBeUndefined();
    expect(completedYears('1990/01/01', '2026-12-07')).toBeUndefined();
  });
});

describe('the age hierarchy', () => {
  const age: Hierarchy = { kind: 'age', bands: [5, 10, 20], topCodeAt: 90 };
  it('shows the age, then each band, then nothing', () => {
    expect(all(age, '1990-06-15')).toEqual(['36', '35-39', '30-39', '20-39', '*']);
  });
  it('top-codes the oldest at every level, and cuts the band below at the top code', () => {
    expect(all(age, '1930-01-01')).toEqual(['90+', '90+', '90+', '90+', '*']);
    expect(all(age, '1941-01-01')).toEqual(['85', '85-89', '80-89', '80-89', '*']);
  });
  it('does not cover what is no date of birth', () => {
    expect(all(age, 'yesterday').slice(0, -1)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('the date hierarchy', () => {
  it('shows the day, the month, the year', () => {
    expect(all({ kind: 'date' }, '2024-02-29')).toEqual(['2024-02-29', '2024-02', '2024', '*']);
    expect(all({ kind: 'date' }, '2023-02-29')[0]).toBeUndefined();
  });
});

describe('the address hierarchy', () => {
  it('has the 47 prefectures in JIS X 0401 order and eight regions', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(PREFECTURES.map((p) => p.region))).toEqual(new Set(Object.keys(REGIONS)));
  });
  it.each([
    ['東京都千代田区神田錦町1-2-3', '東京都千代田区'],
    ['大阪府大阪市北区梅田1-1', '大阪府大阪市'],
    ['北海道札幌市中央区北1条西2丁目', '北海道札幌市'],
    ['京都府京都市左京区吉田本町', '京都府京都市'],
    ['長野県北佐久郡軽井沢町大字軽井沢1', '長野県軽井沢町'],
    ['三重県四日市市諏訪町1-5', '三重県四日市市'],
    ['福島県郡山市朝日1-23-7', '福島県郡山市'],
    ['東京都 町田市 森野2-2-22', '東京都町田市'],
    ['沖縄県島尻郡南大東村在所', '沖縄県南大東村'],
  ])('finds the municipality of %s', (address, municipality) => {
    expect(municipalityOf(address)).toBe(municipality);
  });
  it('generalises to the prefecture and the region', () => {
    expect(all({ kind: 'address' }, '大阪府大阪市北区梅田1-1')).toEqual(['大阪府大阪市', '大阪府', '近畿地方', '*']);
    expect(all({ kind: 'address' }, '長野県北佐久郡軽井沢町')).toEqual(['長野県軽井沢町', '長野県', '中部地方', '*']);
  });
  it('does not cover an address that does not start with a prefecture', () => {
    expect(municipalityOf('千代田区神田錦町1-2-3')).toBeUndefined();
    expect(municipalityOf('1-2-3 Kanda, Tokyo')).toBeUndefined();
    expect(all({ kind: 'address' }, '東京都')[0]).toBeUndefined();
  });
});

describe('the postcode hierarchy', () => {
  it('takes 123-4567 or 1234567', () => {
    expect(all({ kind: 'postcode' }, '101-0054')).toEqual(['101-0054', '101-****', '1**-****', '*']);
    expect(all({ kind: 'postcode' }, '1010054')[0]).toBe('101-0054');
    expect(all({ kind: 'postcode' }, '101-005')[0]).toBeUndefined();
  });
});

describe('the table hierarchy', () => {
  const table: Hierarchy = { kind: 'table', levels: { 会社員: ['被雇用者', '就業'], 自営業: ['自営', '就業'] } };
  it('follows the table, and does not cover a value missing from it', () => {
    expect(all(table, '会社員')).toEqual(['会社員', '被雇用者', '就業', '*']);
    expect(all(table, '学生')[0]).toBeUndefined();
  });
});

describe('the interval hierarchy', () => {
  const interval: Hierarchy = { kind: 'interval', widths: [10, 50], bottomCodeAt: 0, topCodeAt: 200 };
  it('bands [lo, hi) of each width, with bottom and top coding', () => {
    expect(all(interval, '123.5')).toEqual(['123.5', '[120,130)', '[100,150)', '*']);
    expect(all(interval, '-3')).toEqual(['<0', '<0', '<0', '*']);
    expect(all(interval, '200')).toEqual(['>=200', '>=200', '>=200', '*']);
    expect(all({ kind: 'interval', widths: [0.1] }, '0.35')).toEqual(['0.35', '[0.3,0.4)', '*']);
    expect(all(interval, 'many')[0]).toBeUndefined();
  });
});

describe('a missing value', () => {
  it.each<Hierarchy>([
    { kind: 'age', bands: [10], topCodeAt: 90 },
    { kind: 'date' },
    { kind: 'address' },
    { kind: 'postcode' },
    { kind: 'table', levels: { a: ['b'] } },
    { kind: 'interval', widths: [5] },
  ])('is suppressed at every level of $kind', (hierarchy) => {
    expect(new Set(all(hierarchy, undefined))).toEqual(new Set(['*']));
  });
});

describe('the published items', () => {
  it('names the category and the level', () => {
    const age: Hierarchy = { kind: 'age', bands: [5, 10], topCodeAt: 90 };
    expect(itemWords('date-of-birth', age, 0)).toEqual({ ja: '年齢', en: 'Age' });
    expect(itemWords('date-of-birth', age, 2)).toEqual({ ja: '年齢（10歳階級）', en: 'Age (10-year bands)' });
    expect(itemWords('date-of-birth', age, 3)).toEqual({ ja: '年齢（全件非表示）', en: 'Age (not shown)' });
    expect(itemWords('address', { kind: 'address' }, 1)).toEqual({
      ja: '住所（都道府県）',
      en: 'Address (prefecture)',
    });
    expect(itemWords('date-of-birth', { kind: 'date' }, 1)).toEqual({
      ja: '生年月日（年月）',
      en: 'Date of birth (month)',
    });
    expect(itemWords('occupation', { kind: 'table', levels: { a: ['b', 'c'] } }, 2)).toEqual({
      ja: '職業・勤務先（第2階層）',
      en: 'Occupation and employer (level 2)',
    });
    expect(itemWords('billing-history', { kind: 'interval', widths: [1000] }, 1)).toEqual({
      ja: 'ご請求・お支払履歴（1000刻み）',
      en: 'Billing and payment history (intervals of 1000)',
    });
  });
});

describe('the defaults of a definition', () => {
  it('are k = 5, 5% suppression and ages top-coded at 90', () => {
    const definition = datasetDefinitionSchema.parse({
      title: { ja: '既定', en: 'Defaults' },
      purposes: ['usage-analysis'],
      attributes: [{ category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'age', bands: [10] } }],
      model: {},
    });
    expect(definition.model).toEqual({ k: 5, maxSuppression: 0.05 });
    const hierarchy = definition.attributes[0]!.hierarchy!;
    expect(all(hierarchy, '1936-12-07')).toEqual(['90+', '90+', '*']);
    expect(all(hierarchy, '1936-12-08')).toEqual(['89', '80-89', '*']);
  });
});
