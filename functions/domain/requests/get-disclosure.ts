// GET /v1/disclosures/{token}: the holder of the e-mailed link downloads the dossier until it expires.
import type { Clock, DisclosureReader } from '../ports';
import { DeskProblem } from '../problems';
import { hashSecret } from '../secrets';
import { dossierCsv, dossierHtml } from './dossier-formats';

export interface GetDisclosureDeps {
  disclosures: DisclosureReader;
  clock: Clock;
}

export type DossierFormat = 'json' | 'html' | 'csv';

export const DOSSIER_CONTENT_TYPES: Record<DossierFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The format the Accept header prefers; JSON unless a page or CSV is asked for first. */
export function negotiateDossierFormat(accept: string | undefined): DossierFormat {
  const wanted = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  for (const type of wanted) {
    if (type === 'application/json') return 'json';
    if (type === 'text/html') return 'html';
    if (type === 'text/csv') return 'csv';
  }
  return 'json';
}

export async function getDisclosure(deps: GetDisclosureDeps, token: string, format: DossierFormat = 'json') {
  const stored = await deps.disclosures.get(hashSecret(token), deps.clock.now());
  if (!stored) {
    throw new DeskProblem('not-found', 'Disclosure not found', 'This disclosure link is unknown or has expired (links work for 14 days). Ask the desk for a new disclosure.');
  }
  const { dossier } = stored;
  const body = format === 'html' ? dossierHtml(dossier, dossier.language) : format === 'csv' ? dossierCsv(dossier) : dossier;
  return { body, contentType: DOSSIER_CONTENT_TYPES[format] };
}
