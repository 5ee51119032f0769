// Taking personal data out (policy §6(1)): an export of more than one subject's data is an export
// request that the Information Security Officer approves, and the approver is never the requester.
// The approval gives the requester a download link that works once and only for a short while;
// Individual Numbers and special care-required information are never in a bulk export.
import { EVIDENCE_RETENTION_SECONDS, SECONDS } from '../kernel/law';
import { DeskProblem } from '../kernel/problems';
import { categoryById, PERSONAL_DATA_CATEGORIES } from '../personal-data/categories';
import type { StaffActor, StaffMember } from '../staff';

/** Policy §6(1): one subject's data is read through the subject view with a reason; from two on it is an export. */
export const EXPORT_MIN_SUBJECTS = 2;
/** Desk policy: one export request covers at most this many subjects; a larger take-out is split, each part approved. */
export const EXPORT_MAX_SUBJECTS = 100;
/** Desk policy: the download link expires this many hours after the approval. */
export const EXPORT_LINK_LIFETIME_HOURS = 24;
/**
 * Policy §6(1), two people (desk policy): an approver whose account was created, or given its role,
 * by the requester within this many days is not a second person. Longer than the account alert takes
 * to be read and acted on; a grant older than that has stood unchallenged.
 */
export const EXPORT_APPROVER_INDEPENDENCE_DAYS = 30;
/**
 * Desk policy: an export request, its decision and its download are kept this long, like the
 * desk's other evidence (law.ts EVIDENCE_RETENTION_SECONDS); the request holds subject ids, never values.
 */
export const EXPORT_RECORD_RETENTION_SECONDS = EVIDENCE_RETENTION_SECONDS;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_DECISIONS = ['approved', 'refused'] as const;
export type ExportDecision = (typeof EXPORT_DECISIONS)[number];

/** What is stored; 'expired' is an approved request whose link has run out, told apart by the time. */
export type StoredExportStatus = 'requested' | ExportDecision | 'downloaded';
export const EXPORT_STATUSES = ['requested', 'approved', 'refused', 'downloaded', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * Names under which an Individual Number could be asked for. My Number is not a category of the
 * personal-data table at all (it has a table of its own), so asking for it is refused by name.
 */
export const MY_NUMBER_NAMES = ['my-number', 'individual-number'] as const;

export interface ExportRequest {
  exportId: string;
  status: StoredExportStatus;
  /** Conditional transitions: a write expects the version it read. */
  version: number;
  requestedBy: string;
  requestedByRole: StaffActor['role'];
  requestedAt: string;
  subjectIds: string[];
  /** The categories the export may carry, resolved at request time: never special-care. */
  categories: string[];
  /** In the access log's words: `request <id>` or `purpose <id>`. */
  reason: string;
  format: ExportFormat;
  note?: string;
  decision?: { outcome: ExportDecision; by: string; at: string; reason: string };
  /** Set on approval: the download token's hash (the token itself is only e-mailed) and its end. */
  tokenHash?: string;
  linkExpiresAt?: string;
  downloadedAt?: string;
  /** Epoch seconds: the TTL of the request as evidence. */
  expiresAt: number;
}

/** The categories a bulk export may carry: ordinary personal data and access information. */
export const EXPORTABLE_CATEGORIES: readonly string[] = PERSONAL_DATA_CATEGORIES.filter(
  (c) => c.kind !== 'special-care',
).map((c) => c.id);

/** The asked categories (all exportable ones when none are named), or 422 naming each one refused. */
export function exportCategories(asked: readonly string[] | undefined): string[] {
  if (asked === undefined) return [...EXPORTABLE_CATEGORIES];
  const unique = [...new Set(asked)];
  const myNumber = unique.filter((c) => (MY_NUMBER_NAMES as readonly string[]).includes(c));
  const specialCare = unique.filter((c) => categoryById(c)?.kind === 'special-care');
  if (myNumber.length > 0 || specialCare.length > 0) {
    const refused = [
      ...specialCare.map((c) => `${c} (special care-required information, APPI Art. 2(3))`),
      ...myNumber.map((c) => `${c} (Individual Numbers, My Number Act Art. 19, 20)`),
    ];
    throw new DeskProblem(
      'unprocessable',
      'Not exportable',
      `categories: ${refused.join(', ')} are never taken out in a bulk export. Remove them; special care-required information and Individual Numbers are handled only one person at a time, through their own routes.`,
    );
  }
  const unknown = unique.filter((c) => !categoryById(c));
  if (unknown.length > 0) {
    throw new DeskProblem(
      'unprocessable',
      'Unknown categories',
      `categories: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a category' : 'are not categories'} of personal data the desk registers. Exportable categories: ${EXPORTABLE_CATEGORIES.join(', ')}.`,
    );
  }
  return unique;
}

const linkRunOut = (request: ExportRequest, now: Date) =>
  request.linkExpiresAt !== undefined && Date.parse(request.linkExpiresAt) <= now.getTime();

/** The status as a person should read it now: an approved request whose link ran out is expired. */
export function exportStatus(request: ExportRequest, now: Date): ExportStatus {
  return request.status === 'approved' && linkRunOut(request, now) ? 'expired' : request.status;
}

/** The officer's decision; the requester may never decide their own request, and only a pending one is decided. */
export function decided(
  request: ExportRequest,
  actor: StaffActor,
  outcome: ExportDecision,
  reason: string,
  now: Date,
  tokenHash: string,
): ExportRequest {
  if (request.requestedBy === actor.staffId) {
    throw new DeskProblem(
      'forbidden',
      'Requester cannot approve',
      `You requested export ${request.exportId}; taking data out needs two people (policy §6(1)). Another officer must decide it.`,
    );
  }
  if (request.status !== 'requested') {
    throw new DeskProblem(
      'conflict',
      'Already decided',
      `Export ${request.exportId} is ${exportStatus(request, now)}; only a request awaiting approval is decided. The requester may ask again if the data is still needed.`,
    );
  }
  const at = now.toISOString();
  const base = {
    ...request,
    status: outcome,
    version: request.version + 1,
    decision: { outcome, by: actor.staffId, at, reason },
  };
  if (outcome === 'refused') return base;
  return {
    ...base,
    tokenHash,
    linkExpiresAt: new Date(now.getTime() + EXPORT_LINK_LIFETIME_HOURS * SECONDS.HOUR * 1000).toISOString(),
  };
}

/**
 * An approval needs an approver the requester did not make: not an account they created, nor one
 * they gave its role, within EXPORT_APPROVER_INDEPENDENCE_DAYS; otherwise 403 naming the grant.
 */
export function requireIndependentApprover(request: ExportRequest, approver: StaffMember, now: Date): void {
  const since = now.getTime() - EXPORT_APPROVER_INDEPENDENCE_DAYS * SECONDS.DAY * 1000;
  const grants = [
    { by: approver.createdBy, at: approver.createdAt, what: 'created' },
    { by: approver.roleGrantedBy, at: approver.roleGrantedAt, what: `gave the role ${approver.role} to` },
  ];
  const dependent = grants.find((g) => g.by === request.requestedBy && g.at !== undefined && Date.parse(g.at) > since);
  if (dependent) {
    throw new DeskProblem(
      'forbidden',
      'Approver not independent',
      `${request.requestedBy}, who requested export ${request.exportId}, ${dependent.what} your account ${approver.staffId} at ${dependent.at}; an approval needs a second person the requester did not make within ${EXPORT_APPROVER_INDEPENDENCE_DAYS} days (policy §6(1)). Another officer must approve it, or you may refuse it.`,
    );
  }
}

/**
 * The first download with the right token, by the requester, before the link runs out. A wrong
 * token is told apart from no export at all by nobody: both are 404.
 */
export function downloaded(
  request: ExportRequest | undefined,
  tokenMatches: (hash: string) => boolean,
  actor: StaffActor,
  now: Date,
): ExportRequest {
  if (!request || request.tokenHash === undefined || !tokenMatches(request.tokenHash)) {
    throw new DeskProblem(
      'not-found',
      'No such download link',
      'This download link is not valid. Use the link from the approval e-mail exactly as it was sent.',
    );
  }
  if (request.requestedBy !== actor.staffId) {
    throw new DeskProblem(
      'forbidden',
      'Not your export',
      `Only the staff member who requested export ${request.exportId} may download it, signed in as themselves. Request an export of your own if you need the data.`,
    );
  }
  if (request.status === 'downloaded') {
    throw new DeskProblem(
      'gone',
      'Link already used',
      `Export ${request.exportId} was downloaded at ${request.downloadedAt}; its link works once. Request a new export if the data is needed again.`,
    );
  }
  if (request.status !== 'approved' || linkRunOut(request, now)) {
    throw new DeskProblem(
      'gone',
      'Link expired',
      `The link of export ${request.exportId} expired at ${request.linkExpiresAt} (${EXPORT_LINK_LIFETIME_HOURS} hours after approval). Request a new export if the data is still needed.`,
    );
  }
  return { ...request, status: 'downloaded', version: request.version + 1, downloadedAt: now.toISOString() };
}
