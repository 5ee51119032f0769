// The consent ledger's rules as data, each with its source.
import { describe, expect, it } from 'vitest';
import {
  CONSENT_LINKAGES,
  CONSENT_METHODS,
  METHODS_BY_COLLECTOR,
  SUBJECT_TOKEN_LIFETIME_SECONDS,
  UNKNOWN_COUNTRY,
} from '../../../functions/domain/consents/rules';

describe('consent rules', () => {
  it('consent is given with a web button, in writing or orally (PPC Guidelines (General Rules) 2-16)', () => {
    expect(CONSENT_METHODS.map((m) => m.id)).toEqual(['web-button', 'written', 'oral']);
    for (const method of CONSENT_METHODS) expect(method.source).toMatch(/^PPC Guidelines \(General Rules\) 2-16/);
  });

  it('systems record buttons, staff written and oral consents, the person a button (desk policy)', () => {
    expect(METHODS_BY_COLLECTOR).toEqual({
      system: ['web-button'],
      staff: ['written', 'oral'],
      'data-subject': ['web-button'],
    });
  });

  it('a subject token lives 15 minutes (desk policy)', () => {
    expect(SUBJECT_TOKEN_LIFETIME_SECONDS).toBe(900);
  });

  it('the unknown country and the linkages', () => {
    expect(UNKNOWN_COUNTRY).toBe('unknown');
    expect(CONSENT_LINKAGES).toEqual(['access-information']);
  });
});
