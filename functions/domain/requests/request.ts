// A data-subject request (policy §7-§8) and the rules of its life: who may move it where.
import {
  CLOSED_REQUEST_RETENTION_SECONDS,
  type DisclosureMethod,
  UNVERIFIED_REQUEST_LIFETIME_SECONDS,
} from '../kernel/law';
import {
  type DecisionOutcome,
  type Language,
  OPEN_STATUSES,
  type RequesterKind,
  type RequestStatus,
} from './request-words';

export type { DecisionOutcome, Language, RequesterKind, RequestStatus } from './request-words';
export { DECISION_OUTCOMES, LANGUAGES, OPEN_STATUSES, REQUEST_STATUSES, REQUESTER_KINDS } from './request-words';

/** Words in both of the desk's languages. */
export interface Label {
  ja: string;
  en: string;
}

/** A request type's name; `made` names what the person made where "…のご請求" / "… request" would not fit. */
export interface TypeLabel extends Label {
  made?: Label;
}

export interface Decision {
  outcome: DecisionOutcome;
  grounds: string[];
  reason?: string;
  /** What the request type's decision carries besides grounds and reason (types/<type>/schema.ts decisionDetails). */
  details?: Record<string, unknown>;
  decidedAt: string;
  decidedBy: string;
}

/**
 * One step in a request's life. Events: submitted, wrong-code, locked, received, assigned,
 * note-added, a decision outcome, withdrawn, posted (a paper disclosure sent).
 */
export interface HistoryEntry {
  at: string;
  event: string;
  /** The staff member who acted; absent when the requester did. */
  by?: string;
  /** On 'assigned': the operator now handling the request. */
  assignee?: string;
  /** On 'withdrawn': the requester's reason, if they gave one. */
  reason?: string;
}

/**
 * How staff checked a representative's authority and identity before deciding: the kinds of document
 * seen, who checked and when. The desk keeps this record, never a copy of a document.
 */
export interface RepresentativeVerification {
  authorityDocument: string;
  identityDocument: string;
  checkedBy: string;
  checkedAt: string;
}

/**
 * How a fulfilled disclosure reaches the person (APPI Art. 33(1)): the method they chose, the hash
 * of the token its stored dossier is kept under (so staff can print a paper copy), and, once staff
 * posted the paper copy, when and with which tracking number.
 */
export interface Delivery {
  method: DisclosureMethod;
  dossierTokenHash: string;
  postedOn?: string;
  trackingNumber?: string;
  postedBy?: string;
}

/**
 * The answer of a decision that reached other holders (APPI Art. 34-35, policy §8(1)): the result
 * e-mail waits with the request until every holder has acted, then goes out with what was done where
 * (released), or is replaced by the withdrawal's acknowledgement (withdrawn).
 */
export interface HeldAnswer {
  state: 'awaiting-holders' | 'released' | 'withdrawn';
  /** The e-mail as the decision wrote it; dropped once released or withdrawn (the outbox then holds what went out). */
  message?: { subject: string; text: string };
  heldAt: string;
  releasedAt?: string;
  /** Released before every holder had finished: the answer named the holders still pending. */
  partial?: boolean;
}

/** A handling note by staff: personal data about the handling, kept and erased with the request. */
export interface RequestNote {
  at: string;
  by: string;
  text: string;
}

export interface DeskRequest {
  requestId: string;
  type: string;
  status: RequestStatus;
  requester: { kind: RequesterKind; name: string; email: string };
  subject: { email: string; name?: string };
  details?: Record<string, unknown>;
  language: Language;
  createdAt: string;
  receivedAt?: string;
  dueAt?: string;
  verification?: {
    codeHash: string;
    codeExpiresAt: string;
    attemptsLeft: number;
    /** When the code now valid was sent (absent on requests stored before resends: their createdAt). */
    codeSentAt?: string;
    /** New codes sent after the first (VERIFICATION_MAX_RESENDS). */
    resends?: number;
  };
  statusTokenHash?: string;
  decision?: Decision;
  /** The operator handling the request (staff id). */
  assignee?: string;
  notes?: RequestNote[];
  /** Required before deciding a request made by a legal representative or an agent. */
  representativeVerification?: RepresentativeVerification;
  /** A fulfilled disclosure: how it is delivered. */
  delivery?: Delivery;
  /** A decision that reached other holders: its answer, held until they have acted. */
  answer?: HeldAnswer;
  /** When the request closed (decided or withdrawn); retention counts from here. */
  closedAt?: string;
  history: HistoryEntry[];
  version: number;
  /** Epoch second after which the request is never served and TTL removes it. */
  expiresAt?: number;
}

export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

export function unverifiedExpiry(createdAt: Date): number {
  return epochSeconds(createdAt) + UNVERIFIED_REQUEST_LIFETIME_SECONDS;
}

export function closedRequestExpiry(closedAt: Date): number {
  return epochSeconds(closedAt) + CLOSED_REQUEST_RETENTION_SECONDS;
}

/**
 * Where the code and every answer of a request go. The person asking for themselves is answered only
 * at the address the desk looks them up by, so naming someone else's address gets nobody their data
 * (APPI Art. 37(1), Cabinet Order Art. 12: how the requester is confirmed); a representative is
 * answered at their own address once staff checked them (Art. 37(3), Cabinet Order Art. 13).
 */
export function answerAddress(request: Pick<DeskRequest, 'requester' | 'subject'>): string {
  return request.requester.kind === 'self' ? request.subject.email : request.requester.email;
}

export function isOpen(request: DeskRequest): boolean {
  return OPEN_STATUSES.includes(request.status);
}
