// The prod stage: what changes when stage=prod, and the public base URL and desk settings from context.
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../functions/adapters/tables';
import { ROUTES } from '../../functions/routes';
import { type SynthesisedDesk, synthDesk } from './synth';

let desk: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk({
    stage: 'prod',
    publicBaseUrl: 'https://desk.example.jp',
    responseDeskDays: 8,
    fees: { disclosure: { amountYen: 1000, method: 'bank transfer' } },
  });
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

  it('gives the public base URL only to decide-request (e-mailed links) and the holders’ callback route (its own URL)', () => {
    for (const route of ROUTES) {
      const fn = desk.template.toJSON().Resources[desk.logicalId(desk.stack.api.functions[route.name]!.fn)];
      const expected = ['decide-request', 'receive-opendsr-callback'].includes(route.name)
        ? 'https://desk.example.jp'
        : undefined;
      expect(fn.Properties.Environment.Variables.DESK_PUBLIC_BASE_URL, route.name).toBe(expected);
    }
  });

  it('hands the desk settings from context to every route function', () => {
    for (const route of ROUTES) {
      const variables =
        desk.template.toJSON().Resources[desk.logicalId(desk.stack.api.functions[route.name]!.fn)].Properties
          .Environment.Variables;
      expect(variables.DESK_RESPONSE_DESK_DAYS, route.name).toBe('8');
      expect(JSON.parse(variables.DESK_FEES_JSON), route.name).toEqual({
        disclosure: { amountYen: 1000, method: 'bank transfer' },
      });
    }
  });

  it('refuses to synthesise a fee the Act does not allow (APPI Art. 38(1)) or a desk-day count past the 13-day cap', () => {
    expect(() => synthDesk({ fees: { correction: { amountYen: 500, method: 'cash' } } })).toThrow(/correction/);
    expect(() => synthDesk({ responseDeskDays: 20 })).toThrow();
    expect(() => synthDesk({ preliminaryReportDeskDays: 6 })).toThrow(/DESK_PRELIMINARY_REPORT_DESK_DAYS/);
    expect(() => synthDesk({ fiscalYear: { endMonth: 3, lossYears: ['FY2025'] } })).toThrow(/fiscalYear.lossYears/);
  });
});
