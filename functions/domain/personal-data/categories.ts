// The categories of personal data the desk registers. Each is ordinary personal data, access
// information (policy §1: cookies, web beacons, advertising identifiers, which may be linked to a
// person), or special care-required information (APPI Art. 2(3), Cabinet Order Art. 2), which may
// be acquired only with consent or under an exception of Art. 20(2).

import { type CategoryKind, PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from './category-words';
import { SPECIAL_CARE_EXCEPTION_WORDS } from './exception-words';

export { type CategoryKind, PERSONAL_DATA_CATEGORIES, type PersonalDataCategory };

export type CategoryId = (typeof PERSONAL_DATA_CATEGORIES)[number]['id'];
export const CATEGORY_IDS = PERSONAL_DATA_CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

export function categoryById(id: string): PersonalDataCategory | undefined {
  return (PERSONAL_DATA_CATEGORIES as readonly PersonalDataCategory[]).find((c) => c.id === id);
}

export function isSpecialCare(category: string): boolean {
  return categoryById(category)?.kind === 'special-care';
}

/** Access information registered under a subject is linked to that person (policy §1). */
export function isLinkedAccessInformation(category: string): boolean {
  return categoryById(category)?.kind === 'access-information';
}

/**
 * APPI Art. 20(2): special care-required information may be acquired without the person's consent
 * only in these cases. Each needs a written justification on the record.
 */
export const SPECIAL_CARE_EXCEPTIONS = SPECIAL_CARE_EXCEPTION_WORDS;
export type SpecialCareException = (typeof SPECIAL_CARE_EXCEPTIONS)[number]['id'];
export const SPECIAL_CARE_EXCEPTION_IDS = SPECIAL_CARE_EXCEPTIONS.map((e) => e.id) as [
  SpecialCareException,
  ...SpecialCareException[],
];
