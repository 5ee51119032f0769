// A cessation decided on the ground reportable-leak (APPI Art. 35(5)) may name the incident of the
// register that grounds it: a leak, loss or damage reportable under Art. 26(1) that involved the
// person's data. The decision checks the register for it and reads it once, access-logged with the
// incident's id, so the incident's timeline shows the decision that cited it.

import type { AccessLogWriter } from '../../../access-log/ports';
import type { IncidentReader } from '../../../incidents/ports';
import { actsAsReportable } from '../../../incidents/reportability';
import { japanDay } from '../../../kernel/calendar';
import { DeskProblem } from '../../../kernel/problems';
import type { StaffActor } from '../../../staff';
import type { IncidentChoice } from '../../decision-options';
import type { DeskRequest, Language } from '../../request';
import type { FulfilmentContext } from '../../request-type';
import { REPORTABLE_LEAK_ANSWER, REPORTABLE_LEAK_GROUND } from './words';

const FIELD = 'body.details.incidentId';

const refused = (title: string, detail: string, message: string) =>
  new DeskProblem('unprocessable', title, detail, [{ field: FIELD, message }], {
    slug: 'incident-does-not-ground-cessation',
  });

/**
 * The incident the decision names, checked: the request cites reportable-leak, the incident is in the
 * register, the answer the desk acts on (the officer's override, if any) is reportable, and one of the
 * person's subjects is linked to it. 422 naming details.incidentId otherwise; nothing is written.
 * Undefined when the decision names none.
 */
export async function incidentGround(
  context: FulfilmentContext,
  subjectIds: readonly string[],
): Promise<{ incidentId: string } | undefined> {
  const incidentId = context.decision.details?.incidentId;
  if (typeof incidentId !== 'string') return undefined;
  const { request, actor, now } = context;
  if (!citesReportableLeak(request))
    throw refused(
      'Incident not cited',
      `The person did not cite the ground ${REPORTABLE_LEAK_GROUND} (APPI Art. 35(5)), so no incident grounds this decision: leave details.incidentId out.`,
      `must be left out: the request does not cite ${REPORTABLE_LEAK_GROUND}`,
    );
  if (!context.incidents) throw new Error('The decision needs the incident register to check details.incidentId');
  const incident = await context.incidents.get(incidentId);
  if (!incident)
    throw refused(
      'No such incident',
      `No incident ${incidentId} is in the register. Choose one of the incidents that involved the person's data.`,
      'is not an incident of the register',
    );
  if (!actsAsReportable(incident.reportability))
    throw refused(
      'Incident not reportable',
      `Incident ${incidentId} is not reportable to the PPC (APPI Art. 26(1)), so it cannot ground a cessation on the ground ${REPORTABLE_LEAK_GROUND}. Decide on another ground the person cited, or have the officer settle its reportability first.`,
      'is not a reportable incident',
    );
  const linked = (await Promise.all(subjectIds.map((s) => context.incidents!.incidentsOf(s)))).flat();
  const subjects = [...new Set(linked.filter((l) => l.incidentId === incidentId).map((l) => l.subjectId))];
  if (subjects.length === 0)
    throw refused(
      'Person not linked to the incident',
      `None of the data the desk holds for this person is linked to incident ${incidentId}. Link the person to the incident in the register first, or choose the incident that involved their data.`,
      "is not linked to the person's data",
    );
  await context.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects,
    fields: ['reportability', 'subjects'],
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
    incidentId,
    incidentVersion: incident.version,
  });
  return { incidentId };
}

/** The answer with the sentence saying a reportable incident involved the person's data, first. */
export function withIncidentGround<M extends { subject: string; text: string }>(
  message: M,
  ground: { incidentId: string } | undefined,
  language: Language,
): M {
  return ground ? { ...message, text: `${REPORTABLE_LEAK_ANSWER[language]}\n\n${message.text}` } : message;
}

/** Whether the person cited the ground reportable-leak (APPI Art. 35(5)). */
export function citesReportableLeak(request: Pick<DeskRequest, 'details'>): boolean {
  const grounds = (request.details as { grounds?: unknown } | undefined)?.grounds;
  return Array.isArray(grounds) && grounds.includes(REPORTABLE_LEAK_GROUND);
}

/**
 * The reportable incidents linked to any of the person's subjects, newest awareness first, for the
 * decision form to offer. Each incident read is access-logged once under its id, naming the
 * person's subjects linked to it.
 */
export async function incidentChoices(
  deps: { incidents: Pick<IncidentReader, 'get' | 'incidentsOf'>; accessLog: AccessLogWriter },
  actor: StaffActor,
  request: Pick<DeskRequest, 'type' | 'requestId'>,
  subjectIds: readonly string[],
  now: Date,
): Promise<IncidentChoice[]> {
  const links = (await Promise.all(subjectIds.map((s) => deps.incidents.incidentsOf(s)))).flat();
  const subjectsOf = new Map<string, Set<string>>();
  for (const l of links) subjectsOf.set(l.incidentId, (subjectsOf.get(l.incidentId) ?? new Set()).add(l.subjectId));
  const incidents = await Promise.all([...subjectsOf.keys()].map((id) => deps.incidents.get(id)));
  const choices: (IncidentChoice & { awareAt: string })[] = [];
  for (const incident of incidents) {
    if (!incident) continue;
    await deps.accessLog.append({
      actor: actor.staffId,
      role: actor.role,
      action: 'read',
      subjects: [...subjectsOf.get(incident.incidentId)!],
      fields: ['reportability', 'subjects'],
      reason: `${request.type} ${request.requestId}`,
      sourceIp: actor.sourceIp,
      at: now.toISOString(),
      incidentId: incident.incidentId,
      incidentVersion: incident.version,
    });
    if (actsAsReportable(incident.reportability))
      choices.push({
        incidentId: incident.incidentId,
        awareOn: japanDay(new Date(incident.awareAt)),
        awareAt: incident.awareAt,
      });
  }
  return choices
    .sort((a, b) => b.awareAt.localeCompare(a.awareAt))
    .map(({ incidentId, awareOn }) => ({ incidentId, awareOn }));
}
