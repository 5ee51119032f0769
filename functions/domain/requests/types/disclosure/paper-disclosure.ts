// A disclosure the person chose to receive on paper (APPI Art. 33(1), Enforcement Rules Art. 30):
// GET /v1/staff/requests/{requestId}/disclosure gives the operator the stored dossier to print, and
// POST /v1/staff/requests/{requestId}/posting records that the copy was posted and tells the person.
// Both are reads or writes of personal data by staff, so each is access-logged first.

import type { AccessLogWriter } from '../../../access-log/ports';
import { type Company, type DeskContact, deskContact } from '../../../company';
import { japanDay } from '../../../kernel/calendar';
import type { Clock, SecretSource } from '../../../kernel/ports';
import { DeskProblem } from '../../../kernel/problems';
import { outboxMessage } from '../../../outbox';
import type { StaffActor } from '../../../staff';
import { type MessageText, signature } from '../../notifications';
import type { DeskWriter, DisclosureReader, RequestReader } from '../../ports';
import { answerAddress, type Delivery, type DeskRequest, type Language } from '../../request';
import { commitOrConflict, getConfirmedRequest, logRequestAccess } from '../../request-store';
import { servedDossier } from './disclosure-dossier';
import { type DossierFormat, renderDossier } from './get-disclosure';
import { coveredBy, disclosureDetails } from './schema';

/** A decided disclosure to be delivered on paper, with its delivery; a 409 saying why otherwise. */
function paperDisclosure(request: DeskRequest): DeskRequest & { delivery: Delivery } {
  if (request.type !== 'disclosure') {
    throw new DeskProblem(
      'conflict',
      'Not a disclosure',
      `Request ${request.requestId} is a ${request.type} request; only a disclosure is delivered on paper.`,
    );
  }
  if (!request.delivery) {
    throw new DeskProblem(
      'conflict',
      'Not disclosed',
      `This disclosure is ${request.status}; a paper copy exists only once the request is fulfilled or partially fulfilled.`,
    );
  }
  if (request.delivery.method !== 'paper') {
    throw new DeskProblem(
      'conflict',
      'Not a paper disclosure',
      'The person chose the electronic record and was e-mailed a link to it; nothing is printed or posted.',
      undefined,
      { slug: 'not-a-paper-disclosure' },
    );
  }
  return request as DeskRequest & { delivery: Delivery };
}

export interface PaperDisclosureDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  disclosures: DisclosureReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export async function getPaperDisclosure(
  deps: PaperDisclosureDeps,
  actor: StaffActor,
  requestId: string,
  format: DossierFormat,
) {
  const now = deps.clock.now();
  const request = paperDisclosure(await getConfirmedRequest(deps.requests, requestId, now));
  const stored = await deps.disclosures.get(request.delivery.dossierTokenHash, now);
  if (!stored) {
    throw new DeskProblem(
      'gone',
      'Copy expired',
      'The stored dossier of this disclosure has expired (it is kept 14 days after the decision, or until everything in it has been erased if that is sooner) and cannot be printed any more. If it was never posted, ask the person to make a new request.',
    );
  }
  // Logged with the persons the copy is about before anyone sees it.
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: stored.subjectIds,
    fields: coveredBy(disclosureDetails.parse(request.details ?? {})),
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  // What expired since the decision is no longer held, so it is not printed either.
  return renderDossier(servedDossier(stored.dossier, now, deskContact(deps.company)), format);
}

export interface RecordPostingDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  accessLog: AccessLogWriter;
  writer: DeskWriter;
  secrets: SecretSource;
  clock: Clock;
}

export interface PostingInput {
  /** The Japan date the copy was posted, YYYY-MM-DD; today by default. */
  postedOn?: string;
  trackingNumber?: string;
}

export async function recordPosting(
  deps: RecordPostingDeps,
  actor: StaffActor,
  requestId: string,
  input: PostingInput = {},
) {
  const now = deps.clock.now();
  const request = paperDisclosure(await getConfirmedRequest(deps.requests, requestId, now));
  if (request.delivery.postedOn) {
    throw new DeskProblem(
      'conflict',
      'Already posted',
      `The paper copy of this disclosure was recorded as posted on ${request.delivery.postedOn}; it is recorded once.`,
    );
  }
  const today = japanDay(now);
  const decidedOn = japanDay(new Date(request.decision!.decidedAt));
  const postedOn = input.postedOn ?? today;
  if (postedOn > today || postedOn < decidedOn) {
    throw new DeskProblem(
      'unprocessable',
      'Posting date out of range',
      `postedOn must be a Japan date from the decision (${decidedOn}) to today (${today}); ${postedOn} is not.`,
    );
  }

  const at = now.toISOString();
  await logRequestAccess(deps.accessLog, actor, request, 'write', ['delivery'], at);
  const delivery: Delivery = {
    ...request.delivery,
    postedOn,
    ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
    postedBy: actor.staffId,
  };
  const posted: DeskRequest = {
    ...request,
    delivery,
    history: [...request.history, { at, event: 'posted', by: actor.staffId }],
    version: request.version + 1,
  };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    postedMessage(request.requestId, request.language, delivery, deskContact(deps.company)),
    now,
    'disclosure-posted',
    request.requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: posted, expectedVersion: request.version },
      { kind: 'outbox', message },
    ],
    'Changed meanwhile',
    'Someone changed this request while you were recording the posting. Reload it; it may already be recorded as posted.',
  );
  return { requestId, postedOn, ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}) };
}

export function postedMessage(
  requestId: string,
  language: Language,
  delivery: Delivery,
  desk: DeskContact,
): MessageText {
  if (language === 'en') {
    return {
      subject: 'We have posted your personal data disclosure',
      text: `The paper copy of the disclosure you requested (${requestId}) was posted on ${delivery.postedOn} to the address you gave.${delivery.trackingNumber ? `\n\nTracking number: ${delivery.trackingNumber}` : ''}\n\nIf it has not reached you within a week or so, please contact the desk below.${signature('en', desk)}`,
    };
  }
  return {
    subject: '保有個人データの開示書面を発送しました',
    text: `開示のご請求（受付番号 ${requestId}）について、書面の写しを${delivery.postedOn}にご指定のご住所へ発送いたしました。${delivery.trackingNumber ? `\n\nお問い合わせ番号: ${delivery.trackingNumber}` : ''}\n\n1週間程度たっても届かない場合は、下記の窓口までご連絡ください。${signature('ja', desk)}`,
  };
}
