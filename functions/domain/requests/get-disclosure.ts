// GET /v1/disclosures/{token}: the holder of the e-mailed link downloads the dossier until it expires.
import type { Clock, DisclosureReader } from '../ports';
import { DeskProblem } from '../problems';
import { hashSecret } from '../secrets';

export interface GetDisclosureDeps {
  disclosures: DisclosureReader;
  clock: Clock;
}

export async function getDisclosure(deps: GetDisclosureDeps, token: string) {
  const stored = await deps.disclosures.get(hashSecret(token), deps.clock.now());
  if (!stored) {
    throw new DeskProblem('not-found', 'Disclosure not found', 'This disclosure link is unknown or has expired (links work for 14 days). Ask the desk for a new disclosure.');
  }
  return stored.dossier;
}
