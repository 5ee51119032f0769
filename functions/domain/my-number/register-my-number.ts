// POST /v1/system/my-number: payroll registers the Individual Number on one statutory document. The
// number is kept exactly as long as that document must be (its TTL), and never echoed back.
import { japanDateOf } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { SystemActor } from '../systems';
import {
  MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD,
  MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD,
  type MyNumberAffair,
  type MyNumberDocument,
  type MyNumberDocumentId,
  myNumberDocument,
} from './documents';
import type { MyNumberWriter, StoredMyNumber } from './ports';

export interface RegisterMyNumberDeps {
  myNumbers: MyNumberWriter;
  clock: Clock;
}

export interface MyNumberRegistration {
  subjectId: string;
  affair: MyNumberAffair;
  /** Checked here: an unknown document is refused naming the field. */
  document: string;
  /** YYYY-MM-DD: the day it was filed, or the day its procedure was completed. */
  documentDate: string;
  /** The tax year a tax document is for: its retention counts from it. */
  taxYear?: number;
  number: string;
}

export const documentIdOf = (document: string, documentDate: string) => `${document}#${documentDate}`;

/** A tax year the document's rule needs, not one it does not, and none beyond next year or after the document. */
function taxYearFault(document: MyNumberDocument, input: MyNumberRegistration, now: Date): string | undefined {
  if (document.countedFrom === 'completion') {
    return input.taxYear === undefined
      ? undefined
      : `Field "taxYear": a ${document.id} (${document.en}) is kept from the day its procedure was completed (${document.source.split(':')[0]}), not by tax year. Leave taxYear out and send that day as documentDate. Nothing was stored.`;
  }
  if (input.taxYear === undefined)
    return `Field "taxYear": a ${document.id} (${document.en}) is kept by the tax year it is for (${document.source.split(':')[0]}). Send the tax year, e.g. ${japanDateOf(now).year}. Nothing was stored.`;
  const latest = Math.min(
    japanDateOf(now).year + MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD,
    Number(input.documentDate.slice(0, 4)) + MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD,
  );
  if (input.taxYear > latest)
    return `Field "taxYear": ${input.taxYear} is in the future: a document dated ${input.documentDate} is for ${latest} at the latest. A later year would keep the number longer than the law allows (My Number Act Art. 20). Nothing was stored.`;
  return undefined;
}

export async function registerMyNumber(deps: RegisterMyNumberDeps, actor: SystemActor, input: MyNumberRegistration) {
  const document = myNumberDocument(input.document);
  if (!document) {
    throw new DeskProblem(
      'unprocessable',
      'Unknown document',
      `Field "document": "${input.document}" is not a document the desk keeps Individual Numbers for.`,
    );
  }
  if (document.affair !== input.affair) {
    throw new DeskProblem(
      'unprocessable',
      'Document of another affair',
      `Field "document": ${document.id} (${document.en}) belongs to the ${document.affair} affair, not ${input.affair}. Send it with affair "${document.affair}", or send the ${input.affair} document the number is for. Nothing was stored.`,
    );
  }
  const now = deps.clock.now();
  const latestDate = new Date(now.getTime() + MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD * 24 * 60 * 60 * 1000);
  if (Date.parse(`${input.documentDate}T00:00:00+09:00`) > latestDate.getTime()) {
    throw new DeskProblem(
      'unprocessable',
      'Document dated too far ahead',
      `Field "documentDate": ${input.documentDate} is more than ${MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD} days ahead. Send the date the document was filed or completed; a later date would keep the number longer than the law allows (My Number Act Art. 20). Nothing was stored.`,
    );
  }
  const taxYearProblem = taxYearFault(document, input, now);
  if (taxYearProblem) throw new DeskProblem('unprocessable', 'Tax year', taxYearProblem);
  const retainUntil = document.retainUntil(input);
  if (retainUntil.getTime() <= now.getTime()) {
    const field = document.countedFrom === 'tax-year' ? 'taxYear' : 'documentDate';
    const what = document.countedFrom === 'tax-year' ? `for tax year ${input.taxYear}` : `dated ${input.documentDate}`;
    throw new DeskProblem(
      'unprocessable',
      'Retention period over',
      `Field "${field}": a ${document.id} ${what} may be kept only until ${retainUntil.toISOString()} (${document.source}). After that the number must not be kept (My Number Act Art. 20), so nothing was stored.`,
    );
  }
  const item: StoredMyNumber = {
    subjectId: input.subjectId,
    documentId: documentIdOf(document.id, input.documentDate),
    affair: document.affair,
    document: document.id as MyNumberDocumentId,
    documentDate: input.documentDate,
    ...(document.countedFrom === 'tax-year' ? { taxYear: input.taxYear } : {}),
    number: input.number,
    registeredBy: actor.principal,
    registeredAt: now.toISOString(),
    expiresAt: Math.floor(retainUntil.getTime() / 1000),
  };
  await deps.myNumbers.put(item);
  return { subjectId: item.subjectId, documentId: item.documentId, retainUntil: retainUntil.toISOString() };
}
