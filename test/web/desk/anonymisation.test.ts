// The console's anonymisation pages: addressed by id in the fragment and open to the roles of the
// routes they stand on; the definition form offers each registry item only the measures Enforcement
// Rules Art. 34 allows it, sends a body the contract takes, and places a refusal next to the item it
// names; the risk report's and the method's numbers in words.
import { describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../../functions/domain/anonymisation/definition';
import { definitionProblems } from '../../../functions/domain/anonymisation/rules';
import { DELETE_ONLY_CATEGORIES, LINKING_CODE_CATEGORIES } from '../../../functions/domain/anonymisation/words';
import { PERSONAL_DATA_CATEGORIES } from '../../../functions/domain/personal-data/category-words';
import { createDefinitionBody } from '../../../functions/http/contract/anonymisation';
import {
  listAnonymisationDefinitions,
  viewAnonymisationDefinition,
  viewAnonymisedDataset,
} from '../../../functions/routes/anonymisation';
import {
  allowedTreatments,
  definitionBody,
  emptyAttribute,
  emptyDefinitionForm,
  fieldWords,
  formFieldOf,
  hierarchyKinds,
  levelWords,
  percent,
  placeDefinitionProblem,
  tableLevels,
} from '../../../web/src/desk/anonymisation';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The demo's kind of definition: age bands, prefecture, occupation by a table, the contract kept. */
function demoForm() {
  const form = emptyDefinitionForm();
  form.definitionId = 'customers-2026';
  form.titleJa = '顧客の年齢層と地域';
  form.titleEn = 'Customers by age and region';
  form.purposes = ['service-improvement'];
  form.attributes = {
    name: { ...emptyAttribute('name'), treatment: 'delete' },
    'customer-id': { ...emptyAttribute('customer-id'), treatment: 'replace' },
    'date-of-birth': { ...emptyAttribute('date-of-birth'), treatment: 'generalise', bands: '5, 10, 20' },
    address: { ...emptyAttribute('address'), treatment: 'generalise' },
    occupation: {
      ...emptyAttribute('occupation'),
      treatment: 'generalise',
      kind: 'table',
      table: '会社員 > 被雇用者\n公務員 > 被雇用者\n\n自営業 ＞ 自営\n',
    },
    contract: { ...emptyAttribute('contract'), treatment: 'keep', sensitive: true },
  };
  form.l = '2';
  form.maxSuppressionPercent = '2.5';
  return form;
}

describe('the anonymisation pages', () => {
  it('round-trip their address and open to the roles of the routes they stand on', () => {
    expect(parseDeskRoute('#/anonymisation')).toEqual({ page: 'anonymisation' });
    expect(parseDeskRoute('#/anonymisation/customers-2026')).toEqual({
      page: 'anonymisation-definition',
      definitionId: 'customers-2026',
    });
    expect(parseDeskRoute('#/anonymised-datasets/ANON-2026-12-07-7KQ2MX')).toEqual({
      page: 'anonymised-dataset',
      datasetId: 'ANON-2026-12-07-7KQ2MX',
    });
    expect(parseDeskRoute('#/anonymisation/customers-2026/x')).toEqual({ page: 'not-found' });
    expect(parseDeskRoute('#/anonymised-datasets')).toEqual({ page: 'not-found' });
    expect(hrefOfDeskRoute({ page: 'anonymised-dataset', datasetId: 'a b' })).toBe('#/anonymised-datasets/a%20b');
    const roles = (r: readonly string[]) => [...r].sort();
    expect(roles(DESK_PAGE_ROLES.anonymisation)).toEqual(roles(listAnonymisationDefinitions.auth.roles));
    expect(roles(DESK_PAGE_ROLES['anonymisation-definition'])).toEqual(roles(viewAnonymisationDefinition.auth.roles));
    expect(roles(DESK_PAGE_ROLES['anonymised-dataset'])).toEqual(roles(viewAnonymisedDataset.auth.roles));
  });

  it('offers each registry item only the measures it may take', () => {
    for (const c of DELETE_ONLY_CATEGORIES) expect(allowedTreatments(c), c).toEqual(['delete']);
    for (const c of LINKING_CODE_CATEGORIES) expect(allowedTreatments(c), c).toEqual(['delete', 'replace']);
    expect(allowedTreatments('address')).toEqual(['delete', 'generalise']);
    expect(hierarchyKinds('address')).toEqual(['address']);
    expect(hierarchyKinds('date-of-birth')).toContain('age');
    for (const c of PERSONAL_DATA_CATEGORIES)
      if (c.id !== 'date-of-birth') expect(hierarchyKinds(c.id), c.id).not.toContain('age');
    // Replacing by an unlinkable code is for linking codes only.
    for (const c of PERSONAL_DATA_CATEGORIES)
      if (!(LINKING_CODE_CATEGORIES as readonly string[]).includes(c.id))
        expect(allowedTreatments(c.id), c.id).not.toContain('replace');
  });

  it('offers nothing the definition rules refuse: every measure and hierarchy kind offered passes them', () => {
    for (const c of PERSONAL_DATA_CATEGORIES.filter((c) => c.kind !== 'special-care'))
      for (const treatment of allowedTreatments(c.id))
        for (const kind of treatment === 'generalise' ? hierarchyKinds(c.id) : [undefined]) {
          const form = demoForm();
          form.attributes = {
            // One kept item besides, so no dataset is empty.
            [c.id === 'contract' ? 'gender' : 'contract']: { ...emptyAttribute('contract'), treatment: 'keep' },
            [c.id]: {
              ...emptyAttribute(c.id),
              treatment,
              ...(kind ? { kind } : {}),
              widths: '10, 100',
              table: 'a > b\nc > b',
            },
          };
          form.l = '';
          const { body } = definitionBody(form, PERSONAL_DATA_CATEGORIES);
          const definition = createDefinitionBody.parse(body);
          expect(
            definitionProblems(definition, new Set(['service-improvement'])),
            `${c.id} ${treatment} ${kind}`,
          ).toEqual([]);
        }
  });

  it('sends a body the contract takes, items in the registry’s order, the share as a fraction', () => {
    const { body, attributeCategories } = definitionBody(demoForm(), PERSONAL_DATA_CATEGORIES);
    expect(attributeCategories).toEqual(['name', 'customer-id', 'address', 'date-of-birth', 'occupation', 'contract']);
    const parsed = createDefinitionBody.parse(body);
    expect(parsed.model).toEqual({ k: 5, l: 2, maxSuppression: 0.025 });
    expect(parsed.attributes[3]).toEqual({
      category: 'date-of-birth',
      treatment: 'generalise',
      hierarchy: { kind: 'age', bands: [5, 10, 20], topCodeAt: 90 },
    });
    expect(parsed.attributes[4]!.hierarchy).toEqual({
      kind: 'table',
      levels: { 会社員: ['被雇用者'], 公務員: ['被雇用者'], 自営業: ['自営'] },
    });
    expect(parsed.attributes[5]).toEqual({ category: 'contract', treatment: 'keep', sensitive: true });
    expect(parsed.attributes[2]).toEqual({
      category: 'address',
      treatment: 'generalise',
      hierarchy: { kind: 'address' },
    });
  });

  it('places the contract’s refusals next to the item or field they name, in Japanese the field’s rule', () => {
    const form = demoForm();
    form.k = '1';
    form.attributes['date-of-birth'] = { ...form.attributes['date-of-birth']!, bands: '' };
    const { body, attributeCategories } = definitionBody(form, PERSONAL_DATA_CATEGORIES);
    const result = createDefinitionBody.safeParse(body);
    expect(result.success).toBe(false);
    const errors = result.error!.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    const placed = placeDefinitionProblem(errors, attributeCategories);
    expect(placed.general).toBe(false);
    expect(Object.keys(placed.byField).sort()).toEqual(['date-of-birth:hierarchy', 'k']);
    expect(fieldWords('k', placed.byField.k, 'en')![0]).toContain('k = 1 protects no one');
    expect(fieldWords('k', placed.byField.k, 'ja')![0]).toMatch(JAPANESE);
    expect(fieldWords('date-of-birth:hierarchy', placed.byField['date-of-birth:hierarchy'], 'ja')![0]).toMatch(
      JAPANESE,
    );
    // What checkDefinition names: an item's measure, and the form's own fields.
    expect(formFieldOf('body.attributes.1.treatment', attributeCategories)).toBe('customer-id:treatment');
    expect(formFieldOf('body.attributes.0.category', attributeCategories)).toBe('name:category');
    expect(formFieldOf('body.attributes.2.hierarchy.kind', attributeCategories)).toBe('address:hierarchy');
    expect(formFieldOf('body.attributes', attributeCategories)).toBe('attributes');
    expect(formFieldOf('body.title.en', attributeCategories)).toBe('title');
    expect(formFieldOf('body.model.maxSuppression', attributeCategories)).toBe('maxSuppression');
    expect(formFieldOf('body.purposes.0', attributeCategories)).toBe('purposes');
    expect(formFieldOf('body.unknown', attributeCategories)).toBeUndefined();
  });

  it('reads the table hierarchy’s lines and says each level in words', () => {
    expect(tableLevels('a > b > c\r\nd')).toEqual({ a: ['b', 'c'], d: [] });
    const age: Hierarchy = { kind: 'age', bands: [5, 10], topCodeAt: 90 };
    expect([0, 1, 2, 3].map((l) => levelWords(age, l, 'ja'))).toEqual([
      '年齢',
      '5歳階級',
      '10歳階級',
      'すべて抑制（*）',
    ]);
    expect(levelWords({ kind: 'address' }, 1, 'en')).toBe('prefecture');
    expect(levelWords({ kind: 'address' }, 3, 'en')).toBe('suppressed entirely (*)');
    expect(levelWords({ kind: 'table', levels: { a: ['b', 'c'] } }, 2, 'en')).toBe('level 2');
    expect(percent(0.2, 'en')).toBe('20%');
    expect(percent(0.025, 'ja')).toBe('2.5%');
  });
});
