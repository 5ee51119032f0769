// The report's items are the Rules' own: Enforcement Rules Art. 8(1) as the Rules have it (個人情報の
// 保護に関する法律施行規則 第八条第一項, as amended in 2024), written out here and compared word for word.
import { describe, expect, it } from 'vitest';
import { FINAL_REPORT_REQUIRED_ITEMS, PPC_REPORT_ITEMS } from '../../../functions/domain/incidents/report-items';
import { REPORT_ITEM_WORDS } from '../../../functions/domain/incidents/report-words';

/** 第八条第一項各号. */
const RULES_ART_8_1 = [
  '一 概要',
  '二 漏えい等が発生し、又は発生したおそれがある個人データ（前条第三号に定める事態については、同号に規定する個人情報を含む。次号において同じ。）の項目',
  '三 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数',
  '四 原因',
  '五 二次被害又はそのおそれの有無及びその内容',
  '六 本人への対応の実施状況',
  '七 公表の実施状況',
  '八 再発防止のための措置',
  '九 その他参考となる事項',
];
const KANJI_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The item's words without its number and without a parenthesis the Rules put inside it. */
const heading = (item: string) => item.replace(/^[一二三四五六七八九] /, '').replace(/（[^）]*）/g, '');

describe('the items of a report to the PPC (Enforcement Rules Art. 8(1))', () => {
  it('are the nine items of the Rules, in their order, each heading in the Rules’ words', () => {
    expect(PPC_REPORT_ITEMS.map((i) => i.heading)).toEqual(RULES_ART_8_1.map(heading));
    expect(PPC_REPORT_ITEMS.map((i) => KANJI_NUMBERS[i.number - 1])).toEqual(RULES_ART_8_1.map((i) => i[0]));
  });

  it('cite their item of the Rules and have an English heading', () => {
    expect(PPC_REPORT_ITEMS.map((i) => i.source)).toEqual(
      ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'].map((n) => `Enforcement Rules Art. 8(1)(${n})`),
    );
    for (const item of PPC_REPORT_ITEMS) {
      expect(item.headingEn).toBe(REPORT_ITEM_WORDS[item.key].en);
      expect(item.fields.length, item.key).toBeGreaterThan(0);
    }
  });

  it('the final report needs every item but (ix), other matters for reference', () => {
    expect(FINAL_REPORT_REQUIRED_ITEMS).toEqual([
      'overview',
      'dataItems',
      'persons',
      'cause',
      'secondaryDamage',
      'responseToPersons',
      'publication',
      'recurrencePrevention',
    ]);
  });

  it('item (vi), the response to the persons, also counts the notices (Art. 26(2))', () => {
    expect(PPC_REPORT_ITEMS.filter((i) => i.notices).map((i) => i.key)).toEqual(['responseToPersons']);
  });
});
