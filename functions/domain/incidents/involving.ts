// The incidents that involved one person's data, for their dossier: the staff's view of the subject
// and the disclosure the person receives (APPI Art. 33). Only facts about this person's data: which
// incident, of what kind, when the company became aware, and the notice this person was given. Never
// how many others, who they are, or what was told to anyone else.
import type { Incident, IncidentKind, IncidentState, IncidentSubject, SubjectNotice } from './incident';
import type { IncidentReader } from './ports';

export interface PersonIncident {
  incidentId: string;
  kinds: IncidentKind[];
  awareAt: string;
  state: IncidentState;
  /** The notice this person was given (Art. 26(2)), or the alternative measure recorded for them; absent while none. */
  notice?: Pick<SubjectNotice, 'state' | 'decidedAt' | 'sentAt' | 'alternativeMeasure' | 'alternativeMeasureKinds'>;
}

/** Of a person's several subject ids in one incident, the notice that says the most: sent, then unreachable, then pending. */
const NOTICE_RANK: Record<SubjectNotice['state'], number> = { sent: 3, unreachable: 2, pending: 1 };

function noticeOf(links: IncidentSubject[]): PersonIncident['notice'] {
  const best = links
    .flatMap((l) => (l.notice ? [l.notice] : []))
    .sort((a, b) => NOTICE_RANK[b.state] - NOTICE_RANK[a.state])[0];
  if (!best) return undefined;
  return {
    state: best.state,
    decidedAt: best.decidedAt,
    ...(best.sentAt ? { sentAt: best.sentAt } : {}),
    ...(best.alternativeMeasure ? { alternativeMeasure: best.alternativeMeasure } : {}),
    ...(best.alternativeMeasureKinds ? { alternativeMeasureKinds: best.alternativeMeasureKinds } : {}),
  };
}

/**
 * The incidents linked to any of the person's subject ids, newest awareness first. A draft (an
 * operator's report the officer has not yet taken on) is shown to staff, not told to the person.
 */
export async function incidentsInvolving(
  reader: Pick<IncidentReader, 'get' | 'incidentsOf'>,
  subjectIds: readonly string[],
  { withDrafts }: { withDrafts: boolean },
): Promise<PersonIncident[]> {
  const links = (await Promise.all([...new Set(subjectIds)].map((id) => reader.incidentsOf(id)))).flat();
  const byIncident = new Map<string, IncidentSubject[]>();
  for (const link of links) byIncident.set(link.incidentId, [...(byIncident.get(link.incidentId) ?? []), link]);
  const found = await Promise.all([...byIncident.keys()].map(async (id) => [id, await reader.get(id)] as const));
  return found
    .flatMap(([id, incident]: readonly [string, Incident | undefined]) => {
      if (!incident || (incident.state === 'draft' && !withDrafts)) return [];
      const notice = noticeOf(byIncident.get(id)!);
      return [
        {
          incidentId: id,
          kinds: incident.kinds,
          awareAt: incident.awareAt,
          state: incident.state,
          ...(notice ? { notice } : {}),
        },
      ];
    })
    .sort((a, b) => b.awareAt.localeCompare(a.awareAt) || a.incidentId.localeCompare(b.incidentId));
}
