// The paper copy of a disclosure as the console prints it: the stored dossier (the staff's disclosure
// read, as JSON) laid out by the very layout the server's page uses (functions/domain/requests/types/
// disclosure/dossier-text.ts dossierLayout), in the person's language and Japan time. The console
// cannot show the server's page itself: a link cannot carry the bearer token.
import {
  type DossierBlock,
  type DossierCard,
  type DossierField,
  type DossierLayout,
  type DossierValue,
  dossierLayout,
} from '../../../functions/domain/requests/types/disclosure/dossier-text';
import type { DossierJson as ContractDossier } from '../api-types';

/** The dossier's JSON as the staff's disclosure read serves it. */
export type DossierJson = ContractDossier;

export type { DossierBlock, DossierCard, DossierField, DossierLayout, DossierValue };

/** The copy laid out as the person's page lays it out. */
export function printedDossier(dossier: DossierJson): DossierLayout {
  return dossierLayout(dossier);
}
