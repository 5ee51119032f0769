// checkDefinition: every refusal names its field; a good definition passes.
import { describe, expect, it } from 'vitest';
import {
  type DatasetDefinitionInput,
  datasetDefinitionSchema,
} from '../../../functions/domain/anonymisation/definition';
import { checkDefinition, definitionProblems } from '../../../functions/domain/anonymisation/rules';
import { DeskProblem } from '../../../functions/domain/kernel/problems';

const PURPOSES = new Set(['usage-analysis', 'service-improvement']);

const good: DatasetDefinitionInput = {
  title: { ja: '契約者の属性', en: 'Customer attributes' },
  purposes: ['usage-analysis'],
  attributes: [
    { category: 'name', treatment: 'delete' },
    { category: 'customer-id', treatment: 'replace' },
    { category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'age', bands: [5, 10, 20] } },
    { category: 'address', treatment: 'generalise', hierarchy: { kind: 'address' } },
    {
      category: 'occupation',
      treatment: 'generalise',
      hierarchy: {
        kind: 'table',
        levels: { 会社員: ['被雇用者', '就業'], 公務員: ['被雇用者', '就業'], 自営業: ['自営', '就業'] },
      },
    },
    { category: 'contract', treatment: 'keep', sensitive: true },
  ],
  model: { k: 5, l: 2 },
};

const withAttributes = (attributes: DatasetDefinitionInput['attributes'], rest: Partial<DatasetDefinitionInput> = {}) =>
  datasetDefinitionSchema.parse({ ...good, attributes, model: { k: 5 }, ...rest });

const problems = (definition: ReturnType<typeof withAttributes>) => definitionProblems(definition, PURPOSES);
const fields = (definition: ReturnType<typeof withAttributes>) => problems(definition).map((e) => e.field);

describe('checkDefinition', () => {
  it('passes a definition that deletes, replaces, generalises and keeps as the rules allow', () => {
    expect(() => checkDefinition(datasetDefinitionSchema.parse(good), PURPOSES)).not.toThrow();
  });

  it('throws an unprocessable DeskProblem naming every field at once', () => {
    const definition = withAttributes([
      { category: 'name', treatment: 'keep' },
      { category: 'no-such-thing', treatment: 'keep' },
    ]);
    const error = (() => {
      try {
        checkDefinition(definition, PURPOSES);
      } catch (e) {
        return e;
      }
    })() as DeskProblem;
    expect(error).toBeInstanceOf(DeskProblem);
    expect(error.kind).toBe('unprocessable');
    expect(error.errors?.map((e) => e.field)).toEqual(['body.attributes.0.treatment', 'body.attributes.1.category']);
    expect(error.detail).toContain('Nothing was stored.');
  });

  it('refuses an unknown category', () => {
    expect(fields(withAttributes([{ category: 'shoe-size', treatment: 'keep' }]))).toEqual([
      'body.attributes.0.category',
    ]);
  });

  it.each(['my-number', 'individual-number', 'employee_my_number', 'マイナンバー', 'kojin-bango'])(
    'never takes My Number as an input (%s)',
    (category) => {
      const [error] = problems(
        withAttributes([
          { category, treatment: 'delete' },
          { category: 'gender', treatment: 'keep' },
        ]),
      );
      expect(error).toMatchObject({
        field: 'body.attributes.0.category',
        message: expect.stringContaining('My Number'),
      });
    },
  );

  it('refuses special care-required data unless the definition says why', () => {
    const attributes = [
      { category: 'gender', treatment: 'keep' as const },
      { category: 'medical-history', treatment: 'keep' as const },
    ];
    expect(fields(withAttributes(attributes))).toEqual(['body.attributes.1.category']);
    expect(
      fields(withAttributes(attributes, { specialCareReason: 'Health-plan statistics under the consent of 2026-04.' })),
    ).toEqual([]);
  });

  it.each(['name', 'email', 'phone', 'identity-document', 'recorded-call'])('only deletes %s', (category) => {
    expect(
      fields(
        withAttributes([
          { category, treatment: 'replace' },
          { category: 'gender', treatment: 'keep' },
        ]),
      ),
    ).toEqual(['body.attributes.0.treatment']);
    expect(
      fields(
        withAttributes([
          { category, treatment: 'delete' },
          { category: 'gender', treatment: 'keep' },
        ]),
      ),
    ).toEqual([]);
  });

  it.each(['customer-id', 'cookie-id', 'advertising-identifier'])(
    'deletes or replaces the linking code %s',
    (category) => {
      const other = { category: 'gender', treatment: 'keep' as const };
      expect(fields(withAttributes([{ category, treatment: 'keep' }, other]))).toEqual(['body.attributes.0.treatment']);
      expect(fields(withAttributes([{ category, treatment: 'replace' }, other]))).toEqual([]);
      expect(fields(withAttributes([{ category, treatment: 'delete' }, other]))).toEqual([]);
    },
  );

  it('generalises an address only along the address hierarchy, and never keeps it', () => {
    const other = { category: 'gender', treatment: 'keep' as const };
    expect(
      fields(
        withAttributes([
          { category: 'address', treatment: 'generalise', hierarchy: { kind: 'table', levels: { x: ['y'] } } },
          other,
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.kind']);
    expect(fields(withAttributes([{ category: 'address', treatment: 'keep' }, other]))).toEqual([
      'body.attributes.0.treatment',
    ]);
  });

  it('refuses a category named twice, at the second', () => {
    expect(
      fields(
        withAttributes([
          { category: 'gender', treatment: 'keep' },
          { category: 'gender', treatment: 'delete' },
        ]),
      ),
    ).toEqual(['body.attributes.1.category']);
  });

  it('refuses an unknown purpose', () => {
    expect(
      fields(withAttributes(good.attributes, { purposes: ['usage-analysis', 'selling-lists'], model: { k: 5, l: 2 } })),
    ).toEqual(['body.purposes.1']);
  });

  it('refuses l without a sensitive attribute, and a sensitive attribute without l', () => {
    expect(fields(withAttributes([{ category: 'gender', treatment: 'keep' }], { model: { k: 5, l: 2 } }))).toEqual([
      'body.model.l',
    ]);
    expect(fields(withAttributes([{ category: 'contract', treatment: 'keep', sensitive: true }]))).toEqual([
      'body.attributes.0.sensitive',
    ]);
  });

  it('refuses a lattice larger than can be searched whole', () => {
    const table = (n: number) => ({
      kind: 'table' as const,
      levels: { a: Array.from({ length: 5 }, (_, i) => `${n}-${i}`) },
    });
    // Seven levels each: 7^6 = 117,649 nodes.
    const categories = ['gender', 'occupation', 'payment-method', 'billing-history', 'credit-information', 'referral'];
    const errors = problems(
      withAttributes(
        categories.map((category, n) => ({ category, treatment: 'generalise' as const, hierarchy: table(n) })),
      ),
    );
    expect(errors).toEqual([{ field: 'body.attributes', message: expect.stringContaining('117649') }]);
  });

  it('counts an age only from a date of birth', () => {
    expect(
      fields(
        withAttributes([{ category: 'contract', treatment: 'generalise', hierarchy: { kind: 'age', bands: [10] } }]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.kind']);
  });

  it('refuses a table whose values list different numbers of levels, or one level with two parents', () => {
    expect(
      fields(
        withAttributes([
          {
            category: 'occupation',
            treatment: 'generalise',
            hierarchy: { kind: 'table', levels: { a: ['x'], b: ['x', 'y'] } },
          },
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.levels']);
    expect(
      fields(
        withAttributes([
          {
            category: 'occupation',
            treatment: 'generalise',
            hierarchy: { kind: 'table', levels: { a: ['x', 'p'], b: ['x', 'q'] } },
          },
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.levels.b']);
  });

  it('refuses a table that names the suppressed value', () => {
    expect(
      fields(
        withAttributes([
          {
            category: 'occupation',
            treatment: 'generalise',
            hierarchy: { kind: 'table', levels: { a: ['*'], b: ['x'] } },
          },
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.levels.a']);
  });

  it('refuses bands and widths that do not nest, and bottom coding above top coding', () => {
    expect(
      fields(
        withAttributes([
          { category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'age', bands: [5, 15, 20] } },
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.bands.2']);
    expect(
      fields(
        withAttributes([
          {
            category: 'billing-history',
            treatment: 'generalise',
            hierarchy: { kind: 'interval', widths: [0.1, 0.3, 0.5], bottomCodeAt: 10, topCodeAt: 5 },
          },
        ]),
      ),
    ).toEqual(['body.attributes.0.hierarchy.widths.2', 'body.attributes.0.hierarchy.topCodeAt']);
  });

  it('refuses a dataset with no quasi-identifier and nothing kept', () => {
    expect(
      fields(
        withAttributes([
          { category: 'name', treatment: 'delete' },
          { category: 'customer-id', treatment: 'replace' },
        ]),
      ),
    ).toEqual(['body.attributes']);
  });
});
