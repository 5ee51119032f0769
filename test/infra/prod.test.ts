// The prod stage: what changes when stage=prod, and the public base URL from context.
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../functions/adapters/tables';
import { ROUTES } from '../../functions/routes';
import { synthDesk, type SynthesisedDesk } from './synth';

let desk: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk({ stage: 'prod', publicBaseUrl: 'https://desk.example.jp' });
}, 180_000);

describe('prod stage', () => {
  it('is its own stack', () => {
    expect(desk.stack.stackName).toBe('AppiDesk-prod');
  });

  it('protects every table from deletion and retains it with the stack', () => {
    const resources = desk.template.toJSON().Resources;
    for (const t of TABLES) {
      const table = resources[desk.logicalId(desk.stack.data.tables[t.name].table)];
      expect(table.Properties.Replicas[0].DeletionProtectionEnabled, t.name).toBe(true);
      expect(table.DeletionPolicy, t.name).toBe('Retain');
      expect(resources[desk.logicalId(desk.stack.data.tables[t.name].key)].DeletionPolicy, t.name).toBe('Retain');
    }
  });

  it('protects the staff user pool from deletion', () => {
    desk.template.hasResource('AWS::Cognito::UserPool', {
      Properties: { DeletionProtection: 'ACTIVE' },
      DeletionPolicy: 'Retain',
    });
  });

  it('retains every log group', () => {
    for (const logGroup of Object.values(desk.template.findResources('AWS::Logs::LogGroup'))) {
      expect(logGroup.DeletionPolicy).toBe('Retain');
    }
  });

  it('gives decide-request, and only it, the public base URL for e-mailed links', () => {
    for (const route of ROUTES) {
      const fn = desk.template.toJSON().Resources[desk.logicalId(desk.stack.api.functions[route.name]!.fn)];
      const expected = route.name === 'decide-request' ? 'https://desk.example.jp' : undefined;
      expect(fn.Properties.Environment.Variables.DESK_PUBLIC_BASE_URL, route.name).toBe(expected);
    }
  });
});
