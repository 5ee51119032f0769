// The items a notice to the persons carries (Enforcement Rules Art. 10) and the alternative measures
// (APPI Art. 26(2) proviso), against the Rules' text and worked examples.
import { describe, expect, it } from 'vitest';
import {
  ALTERNATIVE_MEASURES,
  missingNoticeItems,
  NOTICE_ITEMS,
} from '../../../functions/domain/incidents/notice-items';
import { noticeItemsText } from '../../../functions/domain/incidents/notice-message';
import { ALTERNATIVE_MEASURE_WORDS, NOTICE_ITEM_WORDS } from '../../../functions/domain/incidents/notice-words';
import { reportableIncident } from './doubles';

describe('the items of a notice to the person (Rules Art. 10)', () => {
  it('are items (i), (ii), (iv), (v) and (ix) of Rules Art. 8(1), in the Rules’ words', () => {
    expect(NOTICE_ITEMS.map((i) => i.source.replace('Enforcement Rules Art. 8(1)', ''))).toEqual([
      '(i)',
      '(ii)',
      '(iv)',
      '(v)',
      '(ix)',
    ]);
    expect(NOTICE_ITEMS.map((i) => NOTICE_ITEM_WORDS[i.id].ja)).toEqual([
      '概要',
      '漏えい等が発生し、又は発生したおそれがある個人データの項目',
      '原因',
      '二次被害又はそのおそれの有無及びその内容',
      'その他参考となる事項',
    ]);
    expect(Object.keys(NOTICE_ITEM_WORDS)).toEqual(NOTICE_ITEMS.map((i) => i.id));
  });

  it('leave out what goes to the PPC alone: the number of persons, publication, recurrence prevention', () => {
    const fields = NOTICE_ITEMS.flatMap((i) => i.fields);
    for (const reportOnly of ['persons', 'measuresTaken', 'publication', 'recurrencePrevention'])
      expect(fields).not.toContain(reportOnly);
  });

  it('are all stated by a complete incident; a draft without cause or data items misses those', () => {
    expect(missingNoticeItems(reportableIncident())).toEqual([]);
    const draft = reportableIncident({ summary: '', categories: [], dataItems: [], cause: '', secondaryDamage: '' });
    expect(missingNoticeItems(draft).map((i) => i.id)).toEqual(['overview', 'data-items', 'cause', 'secondary-damage']);
    // The data items may be the registry's categories or the company's own words alone.
    expect(missingNoticeItems(reportableIncident({ categories: [], dataItems: ['会員ID'] }))).toEqual([]);
  });

  it('are numbered in order, "other" only when stated', () => {
    const text = noticeItemsText(reportableIncident({ other: '不審な連絡にご注意ください。' }), 'ja');
    expect(text).toMatch(/^1\. 概要\n/);
    expect(text).toContain(
      '2. 漏えい等が発生し、又は発生したおそれがある個人データの項目\n- 健康診断等の結果\n- 氏名\n- 受診日',
    );
    expect(text).toContain('5. その他参考となる事項\n不審な連絡にご注意ください。');
    expect(noticeItemsText(reportableIncident(), 'en')).not.toContain('Other information');
  });
});

describe('the alternative measures (Art. 26(2) proviso)', () => {
  it('are the guidelines’ publication and contact point, each with words', () => {
    expect(ALTERNATIVE_MEASURES).toEqual(['publication', 'contact-point']);
    for (const m of ALTERNATIVE_MEASURES) {
      expect(ALTERNATIVE_MEASURE_WORDS[m].ja).not.toBe('');
      expect(ALTERNATIVE_MEASURE_WORDS[m].en).not.toBe('');
    }
  });
});
