// Country profiles for provision abroad (policy §5, APPI Art. 28). A recipient in Japan is domestic;
// one in a country the PPC has designated as having an equivalent system is treated like a domestic
// recipient; one with an equivalent setup of its own (a contract, or APEC CBPR certification) is
// recorded as such; any other recipient abroad may be provided data only with the person's consent
// given with the country's information (Art. 28(2), Enforcement Rules Art. 17).

export const DOMESTIC_COUNTRY = 'JP';

/**
 * APPI Art. 28(1), Enforcement Rules Art. 15: the countries designated by PPC Notice No. 1 of 2019 (as
 * amended) as having a system equivalent to Japan's: the EU and EEA member states and the United Kingdom.
 */
export const EQUIVALENT_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  // EEA members outside the EU.
  'IS',
  'LI',
  'NO',
  'GB',
] as const;

/**
 * APPI Art. 28(1), Enforcement Rules Art. 16: a recipient abroad with a setup equivalent to the Act's
 * duties: (i) measures ensured by contract or other arrangement with the desk's business; (ii) a
 * recognition under an international framework (APEC Cross-Border Privacy Rules).
 */
export const EQUIVALENT_SETUPS = [
  { id: 'contract', source: 'Enforcement Rules Art. 16(i)' },
  { id: 'apec-cbpr', source: 'Enforcement Rules Art. 16(ii)' },
] as const;
export type EquivalentSetup = (typeof EQUIVALENT_SETUPS)[number]['id'];
export const EQUIVALENT_SETUP_IDS = EQUIVALENT_SETUPS.map((s) => s.id) as [EquivalentSetup, ...EquivalentSetup[]];

/** Where a recipient stands under Art. 28. */
export type CountryStanding = 'domestic' | 'equivalent-country' | 'equivalent-setup' | 'foreign';

export function countryStanding(recipient: { country: string; equivalentSetup?: EquivalentSetup }): CountryStanding {
  if (recipient.country === DOMESTIC_COUNTRY) return 'domestic';
  if ((EQUIVALENT_COUNTRIES as readonly string[]).includes(recipient.country)) return 'equivalent-country';
  if (recipient.equivalentSetup) return 'equivalent-setup';
  return 'foreign';
}
