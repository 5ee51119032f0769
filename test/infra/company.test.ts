// The company as configuration at synthesis and at the local start: a bad one fails naming the field,
// before any stack or emulator is built. (The second company's synthesis and cdk-nag run on the
// shared configured desk, test/infra/synth.ts.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { company } from '../../functions/adapters/company';
import { buildApp, companyFromContext } from '../../lib/app';
import { DEMO_COMPANY, SECOND_COMPANY } from '../support/company';

const CONTEXT = { region: 'ap-northeast-1', senderEmail: 'desk@example.jp', officerEmail: 'iso@example.jp' };
const { representative: _r, ...withoutRepresentative } = SECOND_COMPANY;

describe('the company at synthesis', () => {
  it('reads context company (an object or its JSON), else companyFile; company wins over the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'company-')), 'company.json');
    writeFileSync(file, JSON.stringify(SECOND_COMPANY));
    expect(companyFromContext(new App({ context: { companyFile: file } }))).toEqual(SECOND_COMPANY);
    expect(companyFromContext(new App({ context: { company: JSON.stringify(SECOND_COMPANY) } }))).toEqual(
      SECOND_COMPANY,
    );
    expect(companyFromContext(new App({ context: { company: DEMO_COMPANY, companyFile: file } }))).toEqual(
      DEMO_COMPANY,
    );
    expect(companyFromContext(new App({ context: { companyFile: 'config/demo-company.json' } }))).toEqual(DEMO_COMPANY);
  });

  it('fails buildApp naming the field, or naming the missing context', () => {
    expect(() => buildApp({ ...CONTEXT, company: withoutRepresentative })).toThrow(
      'company.representative is required',
    );
    expect(() => buildApp(CONTEXT)).toThrow(/Context "company" or "companyFile" is required/);
    expect(() => buildApp({ ...CONTEXT, companyFile: '/nonexistent/company.json' })).toThrow(/cannot be read/);
  });
});

describe('the company at the local start', () => {
  it('is the demo company unless DESK_COMPANY_FILE names a file, which is validated naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'company-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(SECOND_COMPANY));
    writeFileSync(bad, JSON.stringify(withoutRepresentative));
    expect(company({})).toEqual(DEMO_COMPANY);
    expect(company({ DESK_COMPANY_FILE: good })).toEqual(SECOND_COMPANY);
    expect(() => company({ DESK_COMPANY_FILE: bad })).toThrow('company.representative is required');
  });
});
