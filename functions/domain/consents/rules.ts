// The consent ledger's rules as data: how a consent may be obtained, who may record which way, and
// how long a self-service session lives. Each value carries its source.
import { SECONDS } from '../kernel/law';

/**
 * How a person may give or withdraw consent. The Act does not fix a form; the PPC Guidelines
 * (General Rules) 2-16 give as examples an oral statement, receipt of a written (or electronic)
 * consent, and clicking a consent button on a web page.
 */
export const CONSENT_METHODS = [
  { id: 'web-button', source: 'PPC Guidelines (General Rules) 2-16: clicking a consent button on a web page' },
  { id: 'written', source: 'PPC Guidelines (General Rules) 2-16: receipt of a written consent' },
  { id: 'oral', source: 'PPC Guidelines (General Rules) 2-16: an oral statement of consent' },
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number]['id'];

/**
 * Desk policy: who records which way. Company systems record the buttons people click on the web;
 * staff record written and oral consents they received; a person withdrawing through self-service
 * clicks a button.
 */
export const METHODS_BY_COLLECTOR = {
  system: ['web-button'],
  staff: ['written', 'oral'],
  'data-subject': ['web-button'],
} as const satisfies Record<string, readonly ConsentMethod[]>;
export type ConsentCollector = keyof typeof METHODS_BY_COLLECTOR;

/** The collectedBy of a withdrawal the person made themselves through self-service. */
export const DATA_SUBJECT_COLLECTOR = 'data-subject';

/** What a consent may cover besides a purpose or a recipient: the linkage of access information (APPI Art. 31(1)). */
export const CONSENT_LINKAGES = ['access-information'] as const;

/** Enforcement Rules Art. 17(3): where the recipient's country cannot be identified, it is named so, with the reason. */
export const UNKNOWN_COUNTRY = 'unknown';

/**
 * Desk policy: a subject token from the e-mailed code lets a person see and withdraw their consents
 * for this long; the Act leaves the means of confirming a person to the business (APPI Art. 37(1)).
 */
export const SUBJECT_TOKEN_LIFETIME_SECONDS = 15 * SECONDS.MINUTE;
