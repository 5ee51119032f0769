// POST /v1/system/my-number: payroll registers the Individual Number on one statutory document. The
// number is kept exactly as long as that document must be (its TTL), and never echoed back.
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { SystemActor } from '../systems';
import {
  MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD,
  type MyNumberAffair,
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
  document: MyNumberDocumentId;
  /** YYYY-MM-DD */
  documentDate: string;
  number: string;
}

export const documentIdOf = (document: string, documentDate: string) => `${document}#${documentDate}`;

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
  const retainUntil = document.retainUntil(input.documentDate);
  if (retainUntil.getTime() <= now.getTime()) {
    throw new DeskProblem(
      'unprocessable',
      'Retention period over',
      `Field "documentDate": a ${document.id} dated ${input.documentDate} may be kept only until ${retainUntil.toISOString()} (${document.source}). After that the number must not be kept (My Number Act Art. 20), so nothing was stored.`,
    );
  }
  const item: StoredMyNumber = {
    subjectId: input.subjectId,
    documentId: documentIdOf(document.id, input.documentDate),
    affair: document.affair,
    document: input.document,
    documentDate: input.documentDate,
    number: input.number,
    registeredBy: actor.principal,
    registeredAt: now.toISOString(),
    expiresAt: Math.floor(retainUntil.getTime() / 1000),
  };
  await deps.myNumbers.put(item);
  return { subjectId: item.subjectId, documentId: item.documentId, retainUntil: retainUntil.toISOString() };
}
