// The decision form's options come from each type's law-as-data: its outcomes, exactly its refusal
// grounds with both labels, and each outcome's details as JSON Schema.
import { describe, expect, it } from 'vitest';
import { decisionOptions, namesRecipients } from '../../../functions/domain/requests/decision-options';
import { REQUEST_TYPES, requestType } from '../../../functions/domain/requests/types/registry';
import { JP_THIRD_PARTY } from '../provisions/doubles';

const optionsOf = (type: string) => decisionOptions(requestType(type)!);

describe('decisionOptions', () => {
  it.each(REQUEST_TYPES.map((t) => [t.type, t] as const))(
    '%s: the outcomes and exactly the refusal grounds of the type, labelled in ja and en',
    (_type, definition) => {
      const options = decisionOptions(definition);
      expect(options.outcomes).toEqual(definition.outcomes);
      expect(options.refusalGrounds.map((g) => g.ground)).toEqual(Object.keys(definition.refusalGrounds));
      for (const { ground, label } of options.refusalGrounds) {
        expect(label).toEqual(definition.refusalGrounds[ground]);
        expect(label.ja).not.toBe('');
        expect(label.en).not.toBe('');
      }
      expect(Object.keys(options.details).sort()).toEqual(Object.keys(definition.decisionDetails ?? {}).sort());
    },
  );

  it('disclosure: Art. 33(2) grounds; fulfilling takes no details, a partial decision names what it withheld', () => {
    const options = optionsOf('disclosure');
    expect(options.refusalGrounds.map((g) => g.ground)).toEqual([
      'harm-to-person-or-third-party',
      'hindrance-to-business',
      'violation-of-law',
    ]);
    expect(options.details.fulfilled).toBeUndefined();
    expect(options.details['partially-fulfilled']).toMatchObject({
      type: 'object',
      required: ['withheld'],
      additionalProperties: false,
      properties: { withheld: { type: 'array', minItems: 1, items: { type: 'string' } } },
    });
  });

  it('correction: the changes are an array of objects, one shape per action', () => {
    const schema = optionsOf('correction').details.fulfilled as {
      properties: { changes: { type: string; items: { oneOf: Array<{ properties: { action: { const: string } } }> } } };
    };
    expect(schema.properties.changes.type).toBe('array');
    expect(schema.properties.changes.items.oneOf.map((o) => o.properties.action.const)).toEqual([
      'correct',
      'add',
      'delete',
    ]);
  });

  it('cessation of use: the measure taken is an enum; a refusal may carry an alternative measure', () => {
    const options = optionsOf('cessation-of-use');
    expect(options.details.fulfilled).toMatchObject({
      properties: { measure: { enum: ['cease-use', 'erase'] } },
      required: ['measure'],
    });
    expect(options.details.refused).toMatchObject({ properties: { alternativeMeasure: { type: 'string' } } });
  });

  it('complaint: no refusal grounds, only fulfilled with a reply', () => {
    const options = optionsOf('complaint');
    expect(options.outcomes).toEqual(['fulfilled']);
    expect(options.refusalGrounds).toEqual([]);
    expect(options.details.fulfilled).toMatchObject({ required: ['reply'] });
  });

  it('cessation of provision: the named recipients are the registered third parties, by name and country', () => {
    const recipients = [
      JP_THIRD_PARTY,
      { ...JP_THIRD_PARTY, recipientId: 'mail-house', name: 'Mail House', relationship: 'outsourcing' as const },
      { ...JP_THIRD_PARTY, recipientId: 'us-analytics', name: 'US Analytics Inc.', country: 'US' },
    ];
    const definition = requestType('cessation-of-provision')!;
    expect(namesRecipients(definition)).toBe(true);
    expect(namesRecipients(requestType('disclosure')!)).toBe(false);
    const schema = decisionOptions(definition, recipients).details.fulfilled as {
      properties: { recipients: { oneOf: Array<{ properties: Record<string, { items?: unknown }> }> } };
    };
    const [all, named] = schema.properties.recipients.oneOf;
    expect(all!.properties.scope).toMatchObject({ const: 'all' });
    expect(named!.properties.recipientIds!.items).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 64,
      oneOf: [
        { const: 'partner-insurance', title: 'Partner Insurance K.K. (JP)' },
        { const: 'us-analytics', title: 'US Analytics Inc. (US)' },
      ],
    });
    // The registry is not a constraint of the API (a recipient registered meanwhile is accepted): options only.
    expect(decisionOptions(definition).details.fulfilled).toEqual(
      decisionOptions(definition, undefined).details.fulfilled,
    );
  });

  it('cessation of provision with no third party registered: only every third party can be named', () => {
    const definition = requestType('cessation-of-provision')!;
    const schema = decisionOptions(definition, [{ ...JP_THIRD_PARTY, relationship: 'outsourcing' }]).details
      .fulfilled as { properties: { recipients: { oneOf: Array<{ properties: { scope: { const: string } } }> } } };
    expect(schema.properties.recipients.oneOf.map((o) => o.properties.scope.const)).toEqual(['all']);
  });
});
