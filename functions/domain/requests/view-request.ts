// GET /v1/staff/requests/{requestId}: a request as the desk sees it, with the requester's and the
// subject's details. Reading them is a read of personal data, so it is access-logged first. An open
// request also carries what may be decided on it (decision-options.ts, with the registered recipients
// a decision may name), and every request whether its answers go to an address the desk holds for
// the customer.

import type { AccessLogWriter } from '../access-log/ports';
import { answerStateOf, type TaskTracker, trackedTasks } from '../fulfilment/tracking';
import { emailLookupKey, normalisedEmail } from '../holdings';
import type { IncidentReader } from '../incidents/ports';
import type { Clock } from '../kernel/ports';
import type { SubjectFinder } from '../personal-data/search-subjects';
import type { RecipientRegistry } from '../provisions/ports';
import type { StaffActor } from '../staff';
import { decisionOptions, namesRecipients } from './decision-options';
import type { RequestReader } from './ports';
import { answerAddress, type Delivery, type DeskRequest, isOpen } from './request';
import { getConfirmedRequest, logRequestAccess } from './request-store';
import { citesReportableLeak, incidentChoices } from './types/cessation-shared/incident-ground';
import { groundLabels, requestTypeSchema } from './types/schemas';

export interface ViewRequestDeps {
  requests: RequestReader;
  accessLog: AccessLogWriter;
  clock: Clock;
  /** Which customers an address is held for, to judge the answer address. */
  subjects: Pick<SubjectFinder, 'subjectIdsByLookupKey'>;
  /** The registered recipients a decision may name, offered by name (company data, not personal data). */
  recipients: Pick<RecipientRegistry, 'list'>;
  /** The decided request's tasks at the holders: no personal data, holder names and states only. */
  tasks: Pick<TaskTracker, 'tasksOf' | 'holderNames'>;
  /** The incident register: a cessation citing a reportable leak is offered the incidents that involved the person. */
  incidents?: Pick<IncidentReader, 'get' | 'incidentsOf'>;
}

export async function viewRequest(deps: ViewRequestDeps, actor: StaffActor, requestId: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  await logRequestAccess(
    deps.accessLog,
    actor,
    request,
    'read',
    [
      'requester',
      'subject',
      'details',
      'notes',
      'representativeVerification',
      'delivery',
      'answerAddressHeldForCustomer',
    ],
    now.toISOString(),
  );
  const answerAddressHeldForCustomer = await isHeldForCustomer(deps.subjects, request, now);
  const {
    verification: _verification,
    statusTokenHash: _statusTokenHash,
    expiresAt: _expiresAt,
    version: _version,
    delivery,
    decision,
    ...visible
  } = request;
  const definition = isOpen(request) ? requestTypeSchema(request.type) : undefined;
  const recipients = definition && namesRecipients(definition) ? await deps.recipients.list() : undefined;
  const incidents =
    definition && deps.incidents && citesReportableLeak(request)
      ? await incidentChoices(
          { incidents: deps.incidents, accessLog: deps.accessLog },
          actor,
          request,
          await deps.subjects.subjectIdsByLookupKey(emailLookupKey(request.subject.email), now),
          now,
        )
      : undefined;
  const fulfilment = await fulfilmentOf(deps.tasks, request, now);
  return {
    ...visible,
    answerAddressHeldForCustomer,
    ...(decision ? { decision: { ...decision, groundLabels: groundLabels(request.type, decision.grounds) } } : {}),
    ...(delivery ? { delivery: shownDelivery(delivery) } : {}),
    ...(definition ? { decisionOptions: decisionOptions(definition, recipients, incidents) } : {}),
    ...(fulfilment ? { fulfilment } : {}),
  };
}

/** A decided request's tasks at the holders and where its answer stands; nothing for one without tasks. */
async function fulfilmentOf(tasks: ViewRequestDeps['tasks'], request: DeskRequest, now: Date) {
  if (isOpen(request)) return undefined;
  const tracked = await trackedTasks(tasks, request.requestId, now);
  if (tracked.length === 0) return undefined;
  const answer = answerStateOf(request);
  return { tasks: tracked, ...(answer ? { answer } : {}) };
}

/** The dossier's token hash finds the stored copy; staff print it through their own route instead. */
function shownDelivery({ dossierTokenHash: _dossierTokenHash, ...shown }: Delivery) {
  return shown;
}

/**
 * Whether the address the code and answers go to (answerAddress) is one the desk holds for the
 * customer the request names, i.e. both addresses find a common subject. A representative's own
 * address seldom is; a customer the desk holds nothing for has no address held at all.
 */
async function isHeldForCustomer(
  subjects: ViewRequestDeps['subjects'],
  request: DeskRequest,
  now: Date,
): Promise<boolean> {
  const address = answerAddress(request);
  const customers = await subjects.subjectIdsByLookupKey(emailLookupKey(request.subject.email), now);
  if (customers.length === 0) return false;
  if (normalisedEmail(address) === normalisedEmail(request.subject.email)) return true;
  const holders = await subjects.subjectIdsByLookupKey(emailLookupKey(address), now);
  return holders.some((id) => customers.includes(id));
}
