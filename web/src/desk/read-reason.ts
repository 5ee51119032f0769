// Why a member of staff reads a subject's personal data (policy §6(1)): the open request the read
// serves, or a published purpose of use. The API refuses any other (functions/domain/personal-data/
// read-reason.ts) and writes the reason into the access log; the console asks for it before reading.
import type { QueueItem } from '../api-types';

export type ReadReason = { kind: 'request'; requestId: string } | { kind: 'purpose'; purpose: string };

/** What the reason form holds while it is filled in. */
export interface ReasonForm {
  kind: 'request' | 'purpose' | '';
  /** The request chosen from the open ones, or OTHER_REQUEST to type one. */
  chosenRequest: string;
  typedRequest: string;
  purpose: string;
}

export const OTHER_REQUEST = '(other)';
export const EMPTY_REASON_FORM: ReasonForm = { kind: '', chosenRequest: '', typedRequest: '', purpose: '' };

/** The reason the form names, or undefined while it names none. */
export function reasonOf(form: ReasonForm): ReadReason | undefined {
  if (form.kind === 'request') {
    const requestId = (form.chosenRequest === OTHER_REQUEST ? form.typedRequest : form.chosenRequest).trim();
    return requestId ? { kind: 'request', requestId } : undefined;
  }
  if (form.kind === 'purpose') return form.purpose ? { kind: 'purpose', purpose: form.purpose } : undefined;
  return undefined;
}

/** The form again for a reason given before, so the next read offers it (ids only, kept in memory). */
export function formOf(reason: ReadReason | undefined, openRequestIds: readonly string[]): ReasonForm {
  if (!reason) return EMPTY_REASON_FORM;
  if (reason.kind === 'purpose') return { ...EMPTY_REASON_FORM, kind: 'purpose', purpose: reason.purpose };
  const offered = openRequestIds.includes(reason.requestId);
  return {
    ...EMPTY_REASON_FORM,
    kind: 'request',
    chosenRequest: offered ? reason.requestId : OTHER_REQUEST,
    typedRequest: offered ? '' : reason.requestId,
  };
}

/** The query parameters the subject routes take for the reason (exactly one of requestId, purpose). */
export function reasonParams(reason: ReadReason): Record<string, string> {
  return reason.kind === 'request' ? { requestId: reason.requestId } : { purpose: reason.purpose };
}

export function queryString(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return defined.length ? `?${new URLSearchParams(defined).toString()}` : '';
}

export type { QueueItem };

/** Requests a read may serve: the ones the desk is handling, soonest due first. */
export function openRequests(items: readonly QueueItem[]): QueueItem[] {
  return items
    .filter((r) => r.status === 'received' || r.status === 'in-progress')
    .sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.requestId.localeCompare(b.requestId));
}

export interface PurposeItem {
  purposeId: string;
  ja: string;
  en: string;
  status: string;
}

/** Purposes a read may serve: the active ones the privacy notice publishes. */
export function activePurposes(items: readonly PurposeItem[]): PurposeItem[] {
  return items.filter((p) => p.status === 'active');
}
