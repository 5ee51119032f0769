// The officer's decision to tell the persons whose data a reportable leak, loss or damage involved
// (APPI Art. 26(2), Enforcement Rules Art. 10). Each linked subject not yet told gets an e-mail through
// the outbox, written in one transaction with the notice records and the incident's next version; a
// subject the desk has no address for is recorded unreachable, with the alternative measure the officer
// names (Art. 26(2) proviso).
//
// A transaction holds at most 100 items, so one decision covers at most INCIDENT_NOTICES_PER_CALL
// persons and says how many remain; the officer (or the console, on the officer's click) decides
// again for the next ones. Each batch is the officer's own decision, all or nothing, conditional on the
// version read: no background sender can go on telling people after the officer has seen the text is
// wrong, two decisions at once cannot both pass, and a notice item already written fails the whole.

import type { AccessLogWriter } from '../access-log/ports';
import { type Company, deskContact } from '../company';
import type { SubjectAddressBook } from '../consents/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { OutboxMessage } from '../outbox';
import type { StaffActor } from '../staff';
import type { AlternativeMeasureKind, Incident, IncidentSubject, SubjectNotice } from './incident';
import { INCIDENT_NOTICES_PER_CALL } from './limits';
import { ALTERNATIVE_MEASURE_SOURCE, missingNoticeItems, NOTICE_SOURCE } from './notice-items';
import { incidentNoticeMessage, incidentNoticeText } from './notice-message';
import { NOTICE_ITEM_WORDS } from './notice-words';
import type { IncidentStore } from './ports';
import { actsAsReportable } from './reportability';

export interface NotifyDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  incidents: IncidentStore;
  addresses: SubjectAddressBook;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface NoticeDecision {
  /** The incident version the officer read: a change made meanwhile is refused (409). */
  version: number;
  /** What was done instead for persons the desk cannot reach; required when any in this batch is unreachable. */
  alternativeMeasure?: { kinds: AlternativeMeasureKind[]; description: string };
}

export interface NoticeOutcome {
  incidentId: string;
  /** The incident's version after this decision. */
  version: number;
  /** Persons e-mailed by this decision (the e-mail is queued in the outbox; sending follows at once or on retry). */
  sent: number;
  /** Persons of this decision the desk could not reach, for whom the alternative measure is recorded. */
  unreachable: number;
  /** Linked persons still without a notice: decide again to tell the next ones. */
  remaining: number;
  /** The notices this decision recorded. */
  notices: IncidentSubject[];
}

const title = 'Persons not notified';

const stale = (incidentId: string) =>
  new DeskProblem(
    'conflict',
    'Incident changed meanwhile',
    `"${incidentId}" was changed, or its persons notified, by someone else since you opened it; open it again and check who still needs a notice. Nobody was notified twice.`,
  );

function checkNotifiable(incident: Incident, decision: NoticeDecision) {
  if (incident.state !== 'open')
    throw new DeskProblem(
      'conflict',
      incident.state === 'draft' ? 'Incident not registered' : 'Incident closed',
      incident.state === 'draft'
        ? `"${incident.incidentId}" is still a draft: the officer registers it before the persons are told. Nobody was notified.`
        : `"${incident.incidentId}" is closed; a closed incident is kept as it was. Nobody was notified.`,
    );
  if (incident.version !== decision.version) throw stale(incident.incidentId);
  if (!actsAsReportable(incident.reportability))
    throw new DeskProblem(
      'unprocessable',
      title,
      `reportability: "${incident.incidentId}" is not reportable as the desk answers it, and the persons are told only of a reportable incident (${NOTICE_SOURCE}). If it is reportable, override the answer with your reason first. Nobody was notified.`,
      [{ field: 'reportability', message: 'the incident is not reportable; override the answer first' }],
    );
  const missing = missingNoticeItems(incident);
  if (missing.length > 0)
    throw new DeskProblem(
      'unprocessable',
      title,
      `${missing.map((m) => m.fields.join('/')).join(', ')}: the notice must state ${missing.map((m) => `"${NOTICE_ITEM_WORDS[m.id].en}" (${m.source})`).join(', ')} (${NOTICE_SOURCE}). Record it on the incident first; where it is not known yet, say so there. Nobody was notified.`,
      missing.map((m) => ({
        field: m.fields[0]!,
        message: `the notice must state this (${m.source}); record it on the incident first`,
      })),
    );
}

/** POST …/incidents/{incidentId}/notices: notify the next persons not yet told, at most INCIDENT_NOTICES_PER_CALL. */
export async function notifyPersons(
  deps: NotifyDeps,
  actor: StaffActor,
  incidentId: string,
  decision: NoticeDecision,
): Promise<NoticeOutcome> {
  const now = deps.clock.now();
  const incident = await deps.incidents.get(incidentId);
  if (!incident)
    throw new DeskProblem('not-found', 'No such incident', `incidentId: "${incidentId}" is not in the register.`);
  checkNotifiable(incident, decision);
  const waiting = (await deps.incidents.subjects(incidentId))
    .filter((s) => !s.notice)
    .sort((a, b) => a.subjectId.localeCompare(b.subjectId));
  if (waiting.length === 0)
    throw new DeskProblem(
      'conflict',
      'Nobody left to notify',
      `Every person linked to "${incidentId}" has been notified or has the alternative measure recorded; link the persons first if some are missing. Nobody was notified twice.`,
    );
  const batch = waiting.slice(0, INCIDENT_NOTICES_PER_CALL);
  // The addresses are personal data read for the notice: logged, with whom, before they are read.
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: batch.map((s) => s.subjectId),
    fields: ['email', 'incident-notices'],
    reason: `incident ${incidentId}: notice to the persons (${NOTICE_SOURCE})`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const addressed = await Promise.all(
    batch.map(async (s) => ({ link: s, address: await deps.addresses.addressOf(s.subjectId, now) })),
  );
  const unreachable = addressed.filter((a) => a.address === undefined).length;
  const measure = decision.alternativeMeasure;
  if (unreachable > 0 && !measure)
    throw new DeskProblem(
      'unprocessable',
      title,
      `alternativeMeasure: the desk holds no e-mail address for ${unreachable} of the ${batch.length} persons of this notice. Name the measure taken instead (${ALTERNATIVE_MEASURE_SOURCE}), such as publishing the incident or a contact point where persons can ask, and what was done. Nobody was notified.`,
      [
        {
          field: 'alternativeMeasure',
          message: `${unreachable} persons cannot be reached by e-mail: name the measure taken instead`,
        },
      ],
    );
  const decided = { decidedAt: now.toISOString(), decidedBy: actor.staffId };
  const messages: OutboxMessage[] = [];
  const notices: IncidentSubject[] = addressed.map(({ link, address }) => {
    let notice: SubjectNotice;
    if (address === undefined) {
      notice = {
        state: 'unreachable',
        ...decided,
        alternativeMeasure: measure!.description,
        alternativeMeasureKinds: [...new Set(measure!.kinds)],
      };
    } else {
      const message = incidentNoticeMessage(incident, link.subjectId, address, now, deskContact(deps.company));
      messages.push(message);
      notice = { state: 'sent', ...decided, messageId: message.messageId, sentAt: now.toISOString() };
    }
    return { ...link, notice };
  });
  const sent = messages.length;
  const before = incident.notices ?? { sent: 0, unreachable: 0 };
  const next: Incident = {
    ...incident,
    version: incident.version + 1,
    changedAt: now.toISOString(),
    changedBy: actor.staffId,
    changeReason: `Notice to the persons (${NOTICE_SOURCE}): ${sent} e-mailed, ${unreachable} unreachable${unreachable > 0 ? `, alternative measure: ${measure!.description}` : ''}.`,
    notices: { sent: before.sent + sent, unreachable: before.unreachable + unreachable },
  };
  try {
    await deps.incidents.notify(next, notices, messages);
  } catch (error) {
    if (error instanceof StaleWriteError) throw stale(incidentId);
    throw error;
  }
  return {
    incidentId,
    version: next.version,
    sent,
    unreachable,
    remaining: waiting.length - batch.length,
    notices,
  };
}

export interface NoticePreview {
  incidentId: string;
  /** The version the preview is of: notify with it. */
  version: number;
  /** Whether the desk acts on the incident as reportable: only then are the persons told. */
  reportable: boolean;
  /** The e-mail every person would receive, word for word (it names no one). */
  subject: string;
  text: string;
  /** Items of Rules Art. 10 the incident does not state yet, by field: notifying is refused until they are. */
  missing: Array<{ field: string; item: string; source: string }>;
  /** Linked persons without a notice yet, and how many calls telling them takes. */
  waiting: number;
  calls: number;
}

/** GET …/incidents/{incidentId}/notice-preview: the e-mail the persons would receive, before the officer sends it. */
export async function previewNotice(
  deps: Pick<NotifyDeps, 'incidents' | 'accessLog' | 'clock' | 'company'>,
  actor: StaffActor,
  incidentId: string,
): Promise<NoticePreview> {
  const now = deps.clock.now();
  const incident = await deps.incidents.get(incidentId);
  if (!incident)
    throw new DeskProblem('not-found', 'No such incident', `incidentId: "${incidentId}" is not in the register.`);
  const waiting = (await deps.incidents.subjects(incidentId)).filter((s) => !s.notice).length;
  // Reads the register only (the text names no one, no address is read): one entry, no subjects.
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [],
    fields: ['incident-notices'],
    reason: `incident ${incidentId}: notice preview (version ${incident.version})`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const { subject, text } = incidentNoticeText(incident, deskContact(deps.company));
  return {
    incidentId,
    version: incident.version,
    reportable: actsAsReportable(incident.reportability),
    subject,
    text,
    missing: missingNoticeItems(incident).flatMap((m) =>
      m.fields.slice(0, 1).map((field) => ({ field, item: NOTICE_ITEM_WORDS[m.id].en, source: m.source })),
    ),
    waiting,
    calls: Math.ceil(waiting / INCIDENT_NOTICES_PER_CALL),
  };
}
