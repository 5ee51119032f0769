// The console's decision form logic (web/src/schema-form.ts, desk/decision-draft.ts) against the real
// decision options of every request type: every details schema has inputs, the bodies it builds
// reach the API's checks in the shape they expect, field errors land on the row they name, and the
// console's copies of the API's ids and labels match the server's.
import { describe, expect, it } from 'vitest';
import { decisionOptions } from '../../functions/domain/requests/decision-options';
import { REQUEST_TYPES, requestType } from '../../functions/domain/requests/types/registry';
import { decisionBody as decisionBodySchema } from '../../functions/http/contract';
import { DEMO_ABROAD_RECIPIENT, DEMO_PAYMENTS_RECIPIENT } from '../../local/seed';
import { type DecisionOptions, decisionBody, emptyDecisionDraft } from '../../web/src/desk/decision-draft';
import { DETAIL_LABELS, DETAIL_OPTION_LABELS } from '../../web/src/desk/request-text';
import {
  detailPaths,
  emptyValue,
  type FormObject,
  fieldKind,
  type JsonSchema,
  placeErrors,
  supported,
  switchVariant,
  valueToSend,
} from '../../web/src/schema-form';

const optionsOf = (type: string) => decisionOptions(requestType(type)!) as unknown as DecisionOptions;
const everyDetailsSchema = REQUEST_TYPES.flatMap((t) =>
  Object.entries(optionsOf(t.type).details).map(([outcome, schema]) => [`${t.type} ${outcome}`, schema] as const),
);

describe('the decision details form', () => {
  it.each(everyDetailsSchema)('%s: every part of the details has an input', (_name, schema) => {
    expect(supported(schema)).toBe(true);
  });

  it("a correction's changes are rows of objects, one shape per action, starting with one row", () => {
    const schema = optionsOf('correction').details.fulfilled!;
    const changes = schema.properties!.changes!;
    expect(fieldKind(changes).kind).toBe('object-rows');
    const kind = fieldKind(changes.items!);
    expect(kind.kind === 'variants' && kind.variants.map((v) => v.value)).toEqual(['correct', 'add', 'delete']);
    expect(emptyValue(schema)).toEqual({
      investigation: '',
      changes: [{ action: 'correct', subjectId: '', recordId: '', value: '' }],
    });
  });

  it("switching a row's action keeps what the actions share", () => {
    const item = optionsOf('correction').details.fulfilled!.properties!.changes!.items!;
    const row: FormObject = { action: 'correct', subjectId: 'subject-1', recordId: 'rec-1', value: 'new' };
    expect(switchVariant(item, row, 'delete')).toEqual({ action: 'delete', subjectId: 'subject-1', recordId: 'rec-1' });
    expect(switchVariant(item, row, 'add')).toEqual({
      action: 'add',
      subjectId: 'subject-1',
      category: '',
      value: 'new',
      purposes: [''],
    });
  });

  it('sends blank optional text as nothing, keeps every row so error paths match the rows on screen', () => {
    const schema = optionsOf('correction').details.fulfilled!;
    const value: FormObject = {
      investigation: 'Checked.',
      changes: [
        { action: 'correct', subjectId: 's', recordId: 'r', value: 'v' },
        { action: 'delete', subjectId: '', recordId: '' },
      ],
    };
    expect(valueToSend(schema, value)).toEqual({
      investigation: 'Checked.',
      changes: [{ action: 'correct', subjectId: 's', recordId: 'r', value: 'v' }, { action: 'delete' }],
    });
    expect(detailPaths(schema, value)).toEqual([
      'details',
      'details.investigation',
      'details.changes',
      'details.changes.0',
      'details.changes.0.action',
      'details.changes.0.subjectId',
      'details.changes.0.recordId',
      'details.changes.0.value',
      'details.changes.1',
      'details.changes.1.action',
      'details.changes.1.subjectId',
      'details.changes.1.recordId',
    ]);
    const cessation = optionsOf('cessation-of-use').details.refused!;
    expect(valueToSend(cessation, emptyValue(cessation))).toEqual({});
  });

  it('a cessation of provision names every third party or registered recipients, and sends what the decision parses', () => {
    const definition = requestType('cessation-of-provision')!;
    const schema = optionsOf('cessation-of-provision').details.fulfilled!;
    const recipients = schema.properties!.recipients!;
    const kind = fieldKind(recipients);
    expect(kind.kind === 'variants' && kind.variants.map((v) => v.value)).toEqual(['all', 'named']);
    expect(emptyValue(schema)).toEqual({ recipients: { scope: 'all' } });
    const named = switchVariant(recipients, emptyValue(recipients) as FormObject, 'named');
    expect(named).toEqual({ scope: 'named', recipientIds: [''] });
    const value: FormObject = { recipients: { scope: 'named', recipientIds: ['mecara-payments'] } };
    expect(definition.decisionDetails!.fulfilled!.safeParse(valueToSend(schema, value)).data).toEqual(value);
    expect(definition.decisionDetails!.fulfilled!.safeParse(valueToSend(schema, emptyValue(schema))).success).toBe(
      true,
    );
    expect(detailPaths(schema, value)).toEqual([
      'details',
      'details.recipients',
      'details.recipients.scope',
      'details.recipients.recipientIds',
      'details.recipients.recipientIds.0',
    ]);
    for (const name of ['recipients', 'scope', 'recipientIds']) expect(DETAIL_LABELS).toHaveProperty(name);
    for (const option of ['all', 'named']) expect(DETAIL_OPTION_LABELS).toHaveProperty(option);
  });

  it('a cessation of provision offers the registered third parties as a checkbox list of names', () => {
    const definition = requestType('cessation-of-provision')!;
    const registry = [
      { ...DEMO_PAYMENTS_RECIPIENT },
      { ...DEMO_ABROAD_RECIPIENT },
      {
        ...DEMO_PAYMENTS_RECIPIENT,
        recipientId: 'mail-house',
        name: 'Mail House',
        relationship: 'outsourcing' as const,
      },
    ];
    const schema = (decisionOptions(definition, registry) as unknown as DecisionOptions).details.fulfilled!;
    const recipients = schema.properties!.recipients!;
    const named = switchVariant(recipients, emptyValue(recipients) as FormObject, 'named');
    expect(named).toEqual({ scope: 'named', recipientIds: [] });
    const kind = fieldKind(recipients);
    const ids =
      kind.kind === 'variants'
        ? kind.variants.find((v) => v.value === 'named')!.schema.properties!.recipientIds!
        : undefined;
    expect(fieldKind(ids!)).toEqual({
      kind: 'choices',
      options: ['mecara-payments', 'northwind-analytics'],
      labels: {
        'mecara-payments': 'Mecara Payments K.K. (JP)',
        'northwind-analytics': 'Northwind Analytics Inc. (US)',
      },
    });
    expect(supported(schema)).toBe(true);
    const value: FormObject = { recipients: { scope: 'named', recipientIds: ['northwind-analytics'] } };
    expect(definition.decisionDetails!.fulfilled!.safeParse(valueToSend(schema, value)).data).toEqual(value);
    // The API's "details.recipients.recipientIds.0" lands on the list of checkboxes.
    expect(detailPaths(schema, value)).toEqual([
      'details',
      'details.recipients',
      'details.recipients.scope',
      'details.recipients.recipientIds',
    ]);
  });

  it("places the API's field errors on the nearest field shown, the rest in the summary", () => {
    const shown = [
      'outcome',
      'grounds',
      'reason',
      'details',
      'details.changes',
      'details.changes.1',
      'details.changes.1.value',
    ];
    const placed = placeErrors(
      {
        detail: 'Fix these.',
        errors: [
          { field: 'body.details.changes.1.value', message: 'is required' },
          { field: 'body.grounds.0', message: 'is not a ground' },
          { field: 'body.reason', message: 'is required' },
          { field: 'body', message: 'unknown field "x"' },
        ],
      },
      shown,
    );
    expect(placed.byPath).toEqual({
      'details.changes.1.value': ['is required'],
      grounds: ['is not a ground'],
      reason: ['is required'],
    });
    expect(placed.general).toEqual(['body: unknown field "x"']);
    expect(placeErrors({ detail: 'Someone decided meanwhile.' }, shown)).toEqual({
      byPath: {},
      general: ['Someone decided meanwhile.'],
    });
    expect(
      placeErrors(
        { detail: '', errors: [{ field: 'body.text', message: 'must not be empty' }] },
        ['note', 'note.text'],
        'note',
      ).byPath,
    ).toEqual({ 'note.text': ['must not be empty'] });
  });

  it('a date format gets a date input; a boolean a checkbox; an unknown shape is said to be unsupported', () => {
    expect(fieldKind({ type: 'string', format: 'date' }).kind).toBe('date');
    expect(fieldKind({ type: 'boolean' }).kind).toBe('checkbox');
    expect(fieldKind({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } })).toEqual({
      kind: 'choices',
      options: ['a', 'b'],
    });
    expect(
      supported({
        type: 'object',
        properties: { odd: { anyOf: [{ type: 'string' }, { type: 'number' }] } as JsonSchema },
      }),
    ).toBe(false);
  });
});

describe('the decision body', () => {
  it.each(REQUEST_TYPES.map((t) => t.type))(
    '%s: what the form sends passes the contract, for every outcome the type has',
    (type) => {
      const options = optionsOf(type);
      for (const outcome of options.outcomes) {
        const schema = options.details[outcome];
        const body = decisionBody(options, {
          ...emptyDecisionDraft(),
          outcome,
          grounds: outcome === 'fulfilled' ? [] : [options.refusalGrounds[0]!.ground],
          reason: outcome === 'fulfilled' ? '' : '理由',
          details: schema ? { [outcome]: emptyValue(schema) } : {},
        });
        expect(decisionBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
        if (outcome === 'fulfilled') expect(body).not.toHaveProperty('grounds');
        if (!schema) expect(body).not.toHaveProperty('details');
      }
    },
  );

  it('a refusal without a reason is sent without one, so the API names the field', () => {
    const body = decisionBody(optionsOf('disclosure'), {
      ...emptyDecisionDraft(),
      outcome: 'refused',
      grounds: ['violation-of-law'],
      reason: '  ',
    });
    expect(body).toEqual({ outcome: 'refused', grounds: ['violation-of-law'] });
  });
});
