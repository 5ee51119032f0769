// POST /v1/staff/exports/{exportId}/approval: the officer approves or refuses an export request
// made by someone else. An approval creates the single-use download token (only its hash is kept)
// and e-mails the link to the requester in the same transaction; a refusal e-mails the reason.
import { type Company, deskContact } from '../company';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { hashSecret } from '../kernel/secrets';
import type { StaffActor, StaffDirectory } from '../staff';
import { exportApprovedMessage, exportRefusedMessage } from './notifications';
import type { ExportStore } from './ports';
import { decided, type ExportDecision, requireIndependentApprover } from './rules';

export interface DecideExportDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  exports: ExportStore;
  staff: StaffDirectory;
  clock: Clock;
  secrets: Pick<SecretSource, 'token'>;
}

export async function decideExport(
  deps: DecideExportDeps,
  actor: StaffActor,
  exportId: string,
  decision: { decision: ExportDecision; reason: string },
  publicBaseUrl: string,
) {
  const now = deps.clock.now();
  const request = await deps.exports.get(exportId, now);
  if (!request) {
    throw new DeskProblem(
      'not-found',
      'No such export',
      `There is no export request ${exportId}. List those awaiting approval with GET /v1/staff/exports?status=requested.`,
    );
  }
  const token = deps.secrets.token();
  const next = decided(request, actor, decision.decision, decision.reason, now, hashSecret(token));
  const requester = await deps.staff.get(request.requestedBy);
  if (!requester) {
    throw new DeskProblem(
      'conflict',
      'Requester unknown',
      `${request.requestedBy}, who requested export ${exportId}, is not in the staff directory, so the decision cannot be e-mailed. Decide it after the account is restored, or leave it.`,
    );
  }
  // A disabled account could never download; an approval would only leave a live link behind.
  if (next.status === 'approved' && requester.status !== 'active') {
    throw new DeskProblem(
      'conflict',
      'Requester disabled',
      `${request.requestedBy}, who requested export ${exportId}, has a disabled account, so the export cannot be approved. Refuse it instead.`,
    );
  }
  if (next.status === 'approved') {
    // The approver's own account as the staff table has it now: who made it, and who gave it its role.
    const approver = await deps.staff.get(actor.staffId);
    if (!approver)
      throw new DeskProblem(
        'forbidden',
        'Approver unknown',
        `Your account ${actor.staffId} is not in the staff directory, so it cannot approve an export.`,
      );
    requireIndependentApprover(request, approver, now);
  }
  const message =
    next.status === 'approved'
      ? exportApprovedMessage(next, requester.email, token, publicBaseUrl, now, deskContact(deps.company))
      : exportRefusedMessage(next, requester.email, now, deskContact(deps.company));
  try {
    await deps.exports.decide(next, request.version, message);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Decided meanwhile',
      `Someone decided export ${exportId} while you were deciding it. Reload it to see the decision.`,
    );
  }
  const { decision: recorded, linkExpiresAt } = next;
  return {
    exportId,
    status: next.status,
    decidedBy: recorded!.by,
    decidedAt: recorded!.at,
    ...(linkExpiresAt ? { linkExpiresAt } : {}),
  };
}
