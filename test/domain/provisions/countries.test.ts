import { describe, expect, it } from 'vitest';
import {
  countryStanding,
  EQUIVALENT_COUNTRIES,
  EQUIVALENT_SETUPS,
} from '../../../functions/domain/provisions/countries';

describe('country profiles (APPI Art. 28, Enforcement Rules Art. 15, 16)', () => {
  it('designates the 27 EU members, the 3 other EEA members and the United Kingdom, each once', () => {
    expect(EQUIVALENT_COUNTRIES).toHaveLength(31);
    expect(new Set(EQUIVALENT_COUNTRIES).size).toBe(31);
    expect(EQUIVALENT_COUNTRIES).toEqual(expect.arrayContaining(['DE', 'FR', 'IE', 'NO', 'IS', 'LI', 'GB']));
    expect(EQUIVALENT_COUNTRIES).not.toContain('US');
    expect(EQUIVALENT_COUNTRIES).not.toContain('CH');
  });

  it('names the equivalent setups with their sources', () => {
    expect(EQUIVALENT_SETUPS).toEqual([
      { id: 'contract', source: 'Enforcement Rules Art. 16(i)' },
      { id: 'apec-cbpr', source: 'Enforcement Rules Art. 16(ii)' },
    ]);
  });

  it('tells domestic, equivalent country, equivalent setup and foreign apart', () => {
    expect(countryStanding({ country: 'JP' })).toBe('domestic');
    expect(countryStanding({ country: 'DE' })).toBe('equivalent-country');
    expect(countryStanding({ country: 'GB', equivalentSetup: 'contract' })).toBe('equivalent-country');
    expect(countryStanding({ country: 'US', equivalentSetup: 'apec-cbpr' })).toBe('equivalent-setup');
    expect(countryStanding({ country: 'US' })).toBe('foreign');
  });
});
