// The Privacy Center's form logic (web/src/request-form.ts): the bodies it builds are what the
// contract accepts, the API's field errors land on the fields they name, and every type and choice
// has its words.
import { describe, expect, it } from 'vitest';
import { ART_35_3_GROUNDS } from '../../functions/domain/requests/types/cessation-of-provision/words';
import {
  ART_35_1_GROUNDS,
  CESSATION_OF_USE_MEASURES,
} from '../../functions/domain/requests/types/cessation-of-use/words';
import { ART_35_5_GROUNDS } from '../../functions/domain/requests/types/cessation-shared/words';
import { COMPLAINT_SUBJECTS } from '../../functions/domain/requests/types/complaint/words';
import {
  CORRECTION_CHANGES,
  MAX_CORRECTION_ITEMS as CORRECTION_MAX_ITEMS,
} from '../../functions/domain/requests/types/correction/words';
import {
  DISCLOSURE_METHOD_LABELS,
  DISCLOSURE_RECORDS_LABELS,
} from '../../functions/domain/requests/types/disclosure/words';
import { REQUEST_TYPES } from '../../functions/domain/requests/types/registry';
import { submitRequestBody } from '../../functions/http/contract';
import { openApiDocument } from '../../functions/openapi';
import type { FormType, FormValues } from '../../web/src/request-form';
import * as requestForm from '../../web/src/request-form';
import { hrefOf, linkLanguage, parseRoute } from '../../web/src/routes';
import type { JsonSchema } from '../../web/src/schema-form';
import { FIELD_LABELS, OPTION_LABELS, TYPE_LABELS } from '../../web/src/text';

/** The body of POST /v1/requests as the API documents it: what the build gives the page (web/vite.config.ts). */
const documented = (
  openApiDocument().paths['/v1/requests']!.post as {
    requestBody: { content: { 'application/json': { schema: JsonSchema } } };
  }
).requestBody.content['application/json'].schema;
const form = { ...requestForm, ...requestForm.requestForms(documented) };

const person = { 'requester.name': '山田 花子', 'requester.email': 'hanako@example.jp' };

/** Something valid for every required field shown: a selection's first option, a text. */
function filled(type: FormType, extra: FormValues = {}): FormValues {
  const values: FormValues = { ...form.initialValues(type), ...person, ...extra };
  for (const field of form.visibleFields(type, values)) {
    if (!field.required || values[field.path]) continue;
    values[field.path] =
      field.kind === 'checkboxes' ? [field.options![0]!] : field.kind === 'email' ? 'taro@example.jp' : 'テキスト';
  }
  return values;
}

describe('the request form', () => {
  it.each(form.types)('builds a body for %s that the contract accepts', (type) => {
    const body = form.submitBody(type, filled(type), 'ja');
    expect(submitRequestBody.safeParse(body).error).toBeUndefined();
  });

  it('makes the person asking for themselves the subject, and leaves out what was not filled', () => {
    const body = form.submitBody(
      'disclosure',
      { ...form.initialValues('disclosure'), ...person, 'details.scope': '  ', 'details.records': [] },
      'en',
    );
    expect(body).toEqual({
      type: 'disclosure',
      language: 'en',
      requester: { kind: 'self', name: '山田 花子', email: 'hanako@example.jp' },
      subject: { name: '山田 花子', email: 'hanako@example.jp' },
    });
  });

  it("shows the API's refusal of a self request from another address next to the requester's e-mail", () => {
    const fields = form.visibleFields('disclosure', form.initialValues('disclosure'));
    const placed = form.placeErrors(
      {
        title: 'Not your own address',
        status: 422,
        detail: '…',
        errors: [{ field: 'body.requester.email', message: 'must be the same address as subject.email' }],
      },
      fields,
    );
    expect(placed).toEqual({
      byField: { 'requester.email': ['must be the same address as subject.email'] },
      general: [],
    });
  });

  it('asks a representative for the subject, and a paper copy for the postal address', () => {
    const values = { ...form.initialValues('disclosure'), 'requester.kind': 'agent', 'details.method': 'paper' };
    const paths = form.visibleFields('disclosure', values).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['subject.email', 'subject.name', 'details.postalAddress']));
    expect(form.visibleFields('disclosure', form.initialValues('disclosure')).map((f) => f.path)).not.toEqual(
      expect.arrayContaining(['subject.email']),
    );

    const body = form.submitBody(
      'disclosure',
      {
        ...filled('disclosure', values),
        'subject.email': 'taro@example.jp',
        'details.postalAddress': '東京都千代田区',
      },
      'ja',
    );
    expect(body).toMatchObject({
      subject: { email: 'taro@example.jp' },
      details: { method: 'paper', postalAddress: '東京都千代田区' },
    });
    expect(submitRequestBody.safeParse(body).error).toBeUndefined();
  });

  it("sends a correction's item as the first of the list, without content for a deletion", () => {
    const body = form.submitBody(
      'correction',
      filled('correction', { 'details.items.0.change': 'delete', 'details.items.0.content': 'hidden' }),
      'ja',
    );
    expect(body.details).toEqual({ items: [{ change: 'delete', description: 'テキスト' }] });
    expect(submitRequestBody.safeParse(body).error).toBeUndefined();
  });

  const items = form.list('correction', 'details.items')!;

  it("adds and removes a correction's items; the items after a removed one move up", () => {
    let values = form.initialValues('correction', person);
    expect(form.itemCount(items, values)).toBe(1);
    values = form.addItem(items, { ...values, 'details.items.0.description': '住所' });
    values = form.addItem(items, {
      ...values,
      'details.items.1.change': 'add',
      'details.items.1.description': '電話番号',
      'details.items.1.content': '03-0000-0000',
    });
    values = { ...values, 'details.items.2.change': 'delete', 'details.items.2.description': '旧姓' };
    expect(form.itemCount(items, values)).toBe(3);
    expect(values['details.items.1.change']).toBe('add');

    values = form.removeItem(items, values, 0);
    const body = form.submitBody('correction', values, 'ja');
    expect(body.details).toEqual({
      items: [
        { change: 'add', description: '電話番号', content: '03-0000-0000' },
        { change: 'delete', description: '旧姓' },
      ],
    });
    expect(submitRequestBody.safeParse(body).error).toBeUndefined();
    expect(Object.keys(values).filter((k) => k.startsWith('details.items.2'))).toEqual([]);
  });

  it('keeps a correction between one and MAX_CORRECTION_ITEMS items, a new item starting on "correct"', () => {
    let values = form.initialValues('correction');
    expect(form.removeItem(items, values, 0)).toBe(values);
    for (let i = 1; i < CORRECTION_MAX_ITEMS + 5; i += 1) values = form.addItem(items, values);
    expect(form.itemCount(items, values)).toBe(CORRECTION_MAX_ITEMS);
    expect(values[`details.items.${CORRECTION_MAX_ITEMS - 1}.change`]).toBe('correct');
    const body = form.submitBody('correction', filled('correction', values), 'en');
    expect((body.details as { items: unknown[] }).items).toHaveLength(CORRECTION_MAX_ITEMS);
    expect(submitRequestBody.safeParse(body).error).toBeUndefined();
  });

  it("places an error of the second item's content next to that field", () => {
    const values = form.addItem(items, form.initialValues('correction'));
    const placed = form.placeErrors(
      {
        title: 'The request is not valid',
        status: 400,
        detail: 'Fix these',
        errors: [{ field: 'body.details.items.1.content', message: 'is required' }],
      },
      form.visibleFields('correction', values),
    );
    expect(placed).toEqual({ byField: { 'details.items.1.content': ['is required'] }, general: [] });
  });

  it('keeps who asks and drops the details when the type changes', () => {
    const values = form.initialValues('cessation-of-provision', {
      ...person,
      'details.grounds': ['erase'],
      'details.measure': 'erase',
    });
    expect(values).toEqual({ ...person, 'requester.kind': 'self' });
  });

  it('sends what a hidden field still holds nowhere', () => {
    const values = filled('disclosure', {
      'details.method': 'electronic',
      'details.postalAddress': 'left from before',
    });
    expect(form.submitBody('disclosure', values, 'ja')).not.toHaveProperty('details.postalAddress');
  });
});

describe("the request form drawn from the contract's JSON Schema", () => {
  /** Every field a type can show (a representative asking for a paper copy): path, kind, required, choices. */
  const everything = (forms: requestForm.RequestForms, type: FormType) =>
    forms
      .visibleFields(type, { ...forms.initialValues(type), 'requester.kind': 'agent', 'details.method': 'paper' })
      .map((f) => [f.path, f.kind, f.required ?? false, ...(f.options ? [f.options] : [])]);
  const whoAsks = [
    ['requester.kind', 'select', true, ['self', 'legal-representative', 'agent']],
    ['requester.name', 'text', true],
    ['requester.email', 'email', true],
    ['subject.name', 'text', false],
    ['subject.email', 'email', true],
  ];

  it("asks each type for what the Privacy Center has always asked, with the words modules' choices", () => {
    expect(form.types).toEqual([
      'disclosure',
      'purpose-notification',
      'correction',
      'cessation-of-use',
      'cessation-of-provision',
      'complaint',
    ]);
    expect(Object.fromEntries(form.types.map((type) => [type, everything(form, type)]))).toEqual({
      disclosure: [
        ...whoAsks,
        ['details.records', 'checkboxes', false, Object.keys(DISCLOSURE_RECORDS_LABELS)],
        ['details.scope', 'textarea', false],
        ['details.method', 'select', false, Object.keys(DISCLOSURE_METHOD_LABELS)],
        ['details.postalAddress', 'textarea', true],
      ],
      'purpose-notification': [...whoAsks, ['details.items', 'textarea', false]],
      correction: [
        ...whoAsks,
        ['details.items.0.change', 'select', true, CORRECTION_CHANGES],
        ['details.items.0.description', 'textarea', true],
        ['details.items.0.content', 'textarea', true],
      ],
      'cessation-of-use': [
        ...whoAsks,
        ['details.grounds', 'checkboxes', true, [...ART_35_1_GROUNDS, ...ART_35_5_GROUNDS]],
        ['details.measure', 'select', true, CESSATION_OF_USE_MEASURES],
        ['details.explanation', 'textarea', false],
      ],
      'cessation-of-provision': [
        ...whoAsks,
        ['details.grounds', 'checkboxes', true, [...ART_35_3_GROUNDS, ...ART_35_5_GROUNDS]],
        ['details.recipients', 'textarea', false],
      ],
      complaint: [
        ...whoAsks,
        ['details.about', 'select', false, COMPLAINT_SUBJECTS],
        ['details.description', 'textarea', true],
        ['details.relatedRequestId', 'text', false],
      ],
    });
    expect(form.list('correction', 'details.items')).toMatchObject({ min: 1, max: CORRECTION_MAX_ITEMS });
  });

  it("never shows the type, the language, the electronic record's file or a correction's category", () => {
    const paths = form.types.flatMap((type) => everything(form, type).map(([path]) => path as string));
    expect(paths.filter((path) => /^(type|language)$|\.format$|\.category$/.test(path))).toEqual([]);
    expect(form.list('correction', 'details.items')!.fields.map((f) => f.path)).toEqual([
      'change',
      'description',
      'content',
    ]);
  });

  it("shows a field added to a type's details schema, and a new type, without a change to the web app", () => {
    const schema = structuredClone(documented);
    const complaint = schema.oneOf!.find((variant) => variant.properties!.type!.const === 'complaint')!;
    const details = complaint.properties!.details!;
    details.properties!.contactBy = { type: 'string', enum: ['email', 'post'] };
    details.properties!.telephone = { type: 'string', maxLength: 30 };
    details.required = [...(details.required ?? []), 'contactBy'];
    schema.oneOf!.push({
      ...structuredClone(complaint),
      properties: { ...structuredClone(complaint.properties!), type: { type: 'string', const: 'objection' } },
    });
    const grown = requestForm.requestForms(schema);

    expect(grown.types).toContain('objection');
    expect(everything(grown, 'complaint').slice(-2)).toEqual([
      ['details.contactBy', 'select', true, ['email', 'post']],
      ['details.telephone', 'text', false],
    ]);
    expect(grown.initialValues('complaint')['details.contactBy']).toBe('email');
    const values = {
      ...grown.initialValues('complaint'),
      ...person,
      'details.description': '…',
      'details.telephone': ' 03-0000-0000 ',
    };
    expect(grown.submitBody('complaint', values, 'en').details).toEqual({
      description: '…',
      contactBy: 'email',
      telephone: '03-0000-0000',
    });
  });
});

describe("placing the API's problem+json on the form", () => {
  const fields = form.visibleFields('cessation-of-use', form.initialValues('cessation-of-use'));

  it('puts each error next to the field it names, an array item on its list', () => {
    const placed = form.placeErrors(
      {
        title: 'The request is not valid',
        status: 400,
        detail: 'Fix these',
        errors: [
          { field: 'body.details.grounds.0', message: 'must be one of: a, b' },
          { field: 'body.requester.email', message: 'is required' },
          { field: 'body.subject.email', message: 'is required' },
          { field: 'body.extra', message: 'unknown field "extra": remove it' },
        ],
      },
      fields,
    );
    expect(placed.byField).toEqual({
      'details.grounds': ['must be one of: a, b'],
      // The subject of a person asking for themselves is what they typed as the requester.
      'requester.email': ['is required', 'is required'],
    });
    expect(placed.general).toEqual(['body.extra: unknown field "extra": remove it']);
  });

  it('shows a problem without field errors as a whole', () => {
    expect(
      form.placeErrors(
        { title: 'Locked', status: 423, detail: 'Too many wrong codes; make the request again.' },
        fields,
      ),
    ).toEqual({ byField: {}, general: ['Too many wrong codes; make the request again.'] });
  });

  it('reads the code as typed, with spaces or full-width digits', () => {
    expect(form.normaliseCode(' １２３ 456 ')).toBe('123456');
  });
});

describe("the form's words", () => {
  it('labels every type of the registry, and every field and option, in Japanese and English', () => {
    for (const type of form.types) {
      expect(TYPE_LABELS[type].ja && TYPE_LABELS[type].en).toBeTruthy();
      for (const field of form.visibleFields(type, form.initialValues(type))) {
        expect(FIELD_LABELS[field.label ?? field.path], field.path).toMatchObject({
          ja: expect.any(String),
          en: expect.any(String),
        });
        for (const option of 'options' in field ? (field.options ?? []) : [])
          expect(OPTION_LABELS[option], option).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
      }
    }
    expect([...form.types].sort()).toEqual(REQUEST_TYPES.map((r) => r.type).sort());
  });
});

describe("the pages' addresses", () => {
  it('reads back every address it makes, and sends anything else to not-found', () => {
    for (const route of [
      { page: 'notice' },
      { page: 'request' },
      { page: 'consents' },
      { page: 'verify', requestId: 'r_1-A' },
      { page: 'status', requestId: 'abc' },
      { page: 'status', requestId: 'abc', token: 'T0k-en_' },
    ] as const) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(parseRoute('')).toEqual({ page: 'notice' });
    expect(parseRoute('#/status/')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/verify/../x')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/verify/abc/token')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/status/abc/token/more')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/status/abc/T0k-en_?lang=en')).toEqual({ page: 'status', requestId: 'abc', token: 'T0k-en_' });
    expect(linkLanguage('#/status/abc/T0k-en_?lang=en')).toBe('en');
    expect(linkLanguage('#/status/abc?lang=fr')).toBeUndefined();
    expect(linkLanguage('#/request')).toBeUndefined();
  });
});
