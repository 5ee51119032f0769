// A decided request's details on the request page (web/src/desk/decided-details.ts): named with the
// decision form's labels, a list of changes as a table of rows, choices in words, unknown keys as is.
import { describe, expect, it } from 'vitest';
import { detailsNode } from '../../../web/src/desk/decided-details';

describe('detailsNode', () => {
  it("lays out a correction's changes as rows under the form's column names, blank where a row has no such field", () => {
    const node = detailsNode(
      {
        investigation: '住民票の写しと照合しました。',
        changes: [
          { action: 'correct', subjectId: 'subject-1', recordId: 'rec-address', value: '東京都港区芝公園4-2-8' },
          {
            action: 'add',
            subjectId: 'subject-1',
            category: 'phone',
            value: '03-1234-5678',
            purposes: ['service-provision', 'billing'],
          },
          { action: 'delete', subjectId: 'subject-1', recordId: 'rec-old' },
        ],
      },
      'ja',
    );
    expect(node).toEqual({
      kind: 'fields',
      fields: [
        {
          key: 'investigation',
          label: '調査の内容と結果',
          value: { kind: 'text', text: '住民票の写しと照合しました。' },
        },
        {
          key: 'changes',
          label: '保有個人データの変更',
          value: {
            kind: 'table',
            columns: [
              { key: 'action', label: '変更の種類' },
              { key: 'subjectId', label: '本人ID' },
              { key: 'recordId', label: 'レコードID' },
              { key: 'value', label: '内容' },
              { key: 'category', label: 'カテゴリ' },
              { key: 'purposes', label: '利用目的ID' },
            ],
            rows: [
              [
                { kind: 'text', text: '訂正' },
                { kind: 'text', text: 'subject-1' },
                { kind: 'text', text: 'rec-address' },
                { kind: 'text', text: '東京都港区芝公園4-2-8' },
                { kind: 'text', text: '' },
                { kind: 'text', text: '' },
              ],
              [
                { kind: 'text', text: '追加' },
                { kind: 'text', text: 'subject-1' },
                { kind: 'text', text: '' },
                { kind: 'text', text: '03-1234-5678' },
                { kind: 'text', text: 'phone' },
                {
                  kind: 'list',
                  items: [
                    { kind: 'text', text: 'service-provision' },
                    { kind: 'text', text: 'billing' },
                  ],
                },
              ],
              [
                { kind: 'text', text: '削除' },
                { kind: 'text', text: 'subject-1' },
                { kind: 'text', text: 'rec-old' },
                { kind: 'text', text: '' },
                { kind: 'text', text: '' },
                { kind: 'text', text: '' },
              ],
            ],
          },
        },
      ],
    });
  });

  it("puts fields and columns in the form's order whatever order the stored details come in, unknown ones last", () => {
    const node = detailsNode(
      { zeta: 'z', changes: [{ value: 'v', recordId: 'r', action: 'delete', subjectId: 's' }], investigation: 'i' },
      'en',
    );
    expect(node.kind === 'fields' && node.fields.map((f) => f.key)).toEqual(['investigation', 'changes', 'zeta']);
    const changes = node.kind === 'fields' ? node.fields[1]!.value : node;
    expect(changes.kind === 'table' && changes.columns.map((c) => c.key)).toEqual([
      'action',
      'subjectId',
      'recordId',
      'value',
    ]);
  });

  it("names a cessation's measure in words, in English too", () => {
    expect(detailsNode({ measure: 'cease-use' }, 'en')).toEqual({
      kind: 'fields',
      fields: [{ key: 'measure', label: 'Measure taken', value: { kind: 'text', text: 'Stop using' } }],
    });
    expect(detailsNode({ measure: 'erase' }, 'ja')).toMatchObject({
      fields: [{ label: 'とった措置', value: { text: '消去' } }],
    });
  });

  it("shows a complaint's reply and an alternative measure as written, even when the text is a choice's id", () => {
    expect(detailsNode({ reply: 'delete' }, 'ja')).toMatchObject({
      fields: [{ label: '回答（請求者にメールで送られます）', value: { kind: 'text', text: 'delete' } }],
    });
    expect(detailsNode({ alternativeMeasure: '提供先に削除を依頼しました。' }, 'en')).toMatchObject({
      fields: [{ label: 'Alternative measure taken', value: { text: '提供先に削除を依頼しました。' } }],
    });
  });

  it("lists a partial disclosure's withheld categories", () => {
    expect(detailsNode({ withheld: ['phone', 'recorded-call'] }, 'ja')).toEqual({
      kind: 'fields',
      fields: [
        {
          key: 'withheld',
          label: '開示しない項目（カテゴリID）',
          value: {
            kind: 'list',
            items: [
              { kind: 'text', text: 'phone' },
              { kind: 'text', text: 'recorded-call' },
            ],
          },
        },
      ],
    });
  });

  it('falls back to the key for a field the form does not name, and nests objects', () => {
    expect(detailsNode({ extra: { count: 2, done: true, none: null } }, 'en')).toEqual({
      kind: 'fields',
      fields: [
        {
          key: 'extra',
          label: 'extra',
          value: {
            kind: 'fields',
            fields: [
              { key: 'count', label: 'count', value: { kind: 'text', text: '2' } },
              { key: 'done', label: 'done', value: { kind: 'text', text: 'true' } },
              { key: 'none', label: 'none', value: { kind: 'text', text: '' } },
            ],
          },
        },
      ],
    });
    expect(detailsNode({ changes: [] }, 'en')).toMatchObject({ fields: [{ value: { kind: 'list', items: [] } }] });
  });
});
