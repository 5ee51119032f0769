// The e-mailed link: its holder reads or downloads the dossier until it expires, less what has
// expired in it since it was made; the format is asked for by Accept, or by a link's format parameter.
import { type Company, deskContact } from '../../../company';
import type { Clock } from '../../../kernel/ports';
import { DeskProblem } from '../../../kernel/problems';
import { hashSecret } from '../../../kernel/secrets';
import type { DisclosureReader } from '../../ports';
import { type Dossier, servedDossier } from './disclosure-dossier';
import { type DossierPageOptions, dossierCsv, dossierHtml } from './dossier-formats';

export interface GetDisclosureDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  disclosures: DisclosureReader;
  clock: Clock;
}

export type DossierFormat = 'json' | 'html' | 'csv';

export const DOSSIER_CONTENT_TYPES: Record<DossierFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const FORMAT_OF: Record<string, DossierFormat> = { 'application/json': 'json', 'text/html': 'html', 'text/csv': 'csv' };

/** The format the Accept header prefers by quality, then by order; JSON when it names none of them. */
export function negotiateDossierFormat(accept: string | undefined): DossierFormat {
  const offers = (accept ?? '').split(',').map((part, order) => {
    const [type, ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = Number(parameters.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    return { format: FORMAT_OF[type ?? ''], q: Number.isNaN(q) ? 0 : q, order };
  });
  const best = offers.filter((o) => o.format && o.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)[0];
  return best?.format ?? 'json';
}

/** The file name a download of the dossier is saved under: its request number, never the person's name. */
export function dossierFileName(dossier: Pick<Dossier, 'requestId'>, format: Exclude<DossierFormat, 'html'>): string {
  return `personal-data-disclosure-${dossier.requestId.replace(/[^A-Za-z0-9_-]/g, '-')}.${format}`;
}

export async function getDisclosure(deps: GetDisclosureDeps, token: string, format: DossierFormat = 'json') {
  const stored = await deps.disclosures.get(hashSecret(token), deps.clock.now());
  if (!stored) {
    throw new DeskProblem(
      'not-found',
      'Disclosure not found',
      'This disclosure link is unknown or has expired (links work for 14 days, or until everything in the copy has been erased if that is sooner). Ask the desk for a new disclosure.',
    );
  }
  return renderDossier(servedDossier(stored.dossier, deps.clock.now(), deskContact(deps.company)), format, {
    downloads: true,
  });
}

/** The dossier in the negotiated format: itself as JSON, the page, or CSV; with the name a download is saved under. */
export function renderDossier(dossier: Dossier, format: DossierFormat, page: DossierPageOptions = {}) {
  const body =
    format === 'html' ? dossierHtml(dossier, dossier.language, page) : format === 'csv' ? dossierCsv(dossier) : dossier;
  return {
    body,
    contentType: DOSSIER_CONTENT_TYPES[format],
    ...(format === 'html' ? {} : { fileName: dossierFileName(dossier, format) }),
  };
}
