// GET /v1/staff/requests/{requestId}: a request as the desk sees it, with the requester's and the
// subject's details. Reading them is a read of personal data, so it is access-logged first. An open
// request also carries what may be decided on it (decision-options.ts).
import type { AccessLogWriter, Clock, RequestReader } from '../ports';
import type { StaffActor } from '../staff';
import { decisionOptions } from './decision-options';
import { groundLabels, requestType } from './request-types';
import { getConfirmedRequest, logRequestAccess } from './request-store';
import { isOpen, type Delivery } from './request';

export interface ViewRequestDeps {
  requests: RequestReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export async function viewRequest(deps: ViewRequestDeps, actor: StaffActor, requestId: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  await logRequestAccess(deps.accessLog, actor, request, 'read', ['requester', 'subject', 'details', 'notes', 'representativeVerification', 'delivery'], now.toISOString());
  const { verification: _verification, statusTokenHash: _statusTokenHash, expiresAt: _expiresAt, version: _version, delivery, decision, ...visible } = request;
  const definition = isOpen(request) ? requestType(request.type) : undefined;
  return {
    ...visible,
    ...(decision ? { decision: { ...decision, groundLabels: groundLabels(request.type, decision.grounds) } } : {}),
    ...(delivery ? { delivery: shownDelivery(delivery) } : {}),
    ...(definition ? { decisionOptions: decisionOptions(definition) } : {}),
  };
}

/** The dossier's token hash finds the stored copy; staff print it through their own route instead. */
function shownDelivery({ dossierTokenHash: _dossierTokenHash, ...shown }: Delivery) {
  return shown;
}
