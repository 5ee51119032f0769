// The console's pages, addressed by the URL's fragment (ids only, never personal data), so the static
// host needs no rewrites and a page survives a sign-in.
import { QUEUE_FILTER_KEYS, type QueueFilters, queueFiltersOf } from './queue';
import type { StaffRole } from './session';

export type DeskRoute =
  /** The queue, filtered as the address says (`#/?status=refused&assignee=me`), else of the open requests. */
  | ({ page: 'queue' } & QueueFilters)
  | { page: 'request'; requestId: string }
  /** The paper copy of a decided paper disclosure, to print. */
  | { page: 'request-print'; requestId: string }
  | { page: 'subjects' }
  | { page: 'subject'; subjectId: string }
  | { page: 'accounts' }
  | { page: 'access-log' }
  /** The request report: counts, time to decision, overdue requests. */
  | { page: 'report' }
  /** The holder registry, and one holder. */
  | { page: 'holders' }
  | { page: 'holder'; holderId: string }
  /** The incident register (APPI Art. 26), one incident, and a report to the PPC to read and print. */
  | { page: 'incidents' }
  | { page: 'incident'; incidentId: string }
  | { page: 'incident-report'; incidentId: string; report: 'preliminary' | 'final' }
  /** Audits of the security measures (policy §6(2)A), one audit, and its report to read and print. */
  | { page: 'audits' }
  | { page: 'audit'; auditId: string }
  | { page: 'audit-report'; auditId: string }
  /** The internal rules and manuals, and training (policy §6(2)). */
  /** Anonymously processed information (APPI Art. 43): the definitions, one definition, one dataset. */
  | { page: 'anonymisation' }
  | { page: 'anonymisation-definition'; definitionId: string }
  | { page: 'anonymised-dataset'; datasetId: string }
  | { page: 'internal-rules' }
  | { page: 'training' }
  | { page: 'not-found' };

export type DeskPage = DeskRoute['page'];

/** Who may open each page: the roles of the API routes the page stands on (functions/routes.ts). */
export const DESK_PAGE_ROLES: Record<DeskPage, readonly StaffRole[]> = {
  queue: ['operator', 'officer', 'auditor'],
  request: ['operator', 'officer'],
  'request-print': ['operator'],
  subjects: ['operator', 'officer'],
  subject: ['operator', 'officer'],
  accounts: ['officer'],
  'access-log': ['officer', 'auditor'],
  report: ['officer', 'auditor'],
  holders: ['officer', 'auditor'],
  holder: ['officer', 'auditor'],
  incidents: ['operator', 'officer', 'auditor'],
  incident: ['operator', 'officer', 'auditor'],
  'incident-report': ['officer', 'auditor'],
  audits: ['officer', 'auditor'],
  audit: ['officer', 'auditor'],
  'audit-report': ['officer', 'auditor'],
  anonymisation: ['officer', 'auditor'],
  'anonymisation-definition': ['officer', 'auditor'],
  // Any role the definition names as a reader may read a dataset; the API checks which.
  'anonymised-dataset': ['operator', 'officer', 'auditor'],
  'internal-rules': ['operator', 'officer', 'auditor'],
  training: ['operator', 'officer', 'auditor'],
  'not-found': ['operator', 'officer', 'auditor'],
};

export function deskPageAllowed(route: DeskRoute, role: StaffRole): boolean {
  return DESK_PAGE_ROLES[route.page].includes(role);
}

function decode(segment: string): string | undefined {
  try {
    const value = decodeURIComponent(segment);
    return value ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parseDeskRoute(hash: string): DeskRoute {
  const [pathPart = '', query] = hash.replace(/^#/, '').split('?', 2);
  const path = pathPart.replace(/^\/?/, '/').replace(/(.)\/$/, '$1');
  const [, first = '', second, third, fourth, ...rest] = path.split('/');
  if (first === 'incidents' && third === 'reports') {
    const id = decode(second ?? '');
    if (rest.length || !id || (fourth !== 'preliminary' && fourth !== 'final')) return { page: 'not-found' };
    return { page: 'incident-report', incidentId: id, report: fourth };
  }
  if (first === 'audits' && third === 'report') {
    const id = decode(second ?? '');
    if (fourth !== undefined || rest.length || !id) return { page: 'not-found' };
    return { page: 'audit-report', auditId: id };
  }
  if (fourth !== undefined || rest.length || (third !== undefined && (first !== 'requests' || third !== 'print')))
    return { page: 'not-found' };
  if (second === undefined) {
    if (first === '') return { page: 'queue', ...queueFiltersOf(new URLSearchParams(query ?? '')) };
    if (
      first === 'subjects' ||
      first === 'accounts' ||
      first === 'access-log' ||
      first === 'report' ||
      first === 'holders' ||
      first === 'incidents' ||
      first === 'audits' ||
      first === 'anonymisation' ||
      first === 'internal-rules' ||
      first === 'training'
    )
      return { page: first };
    return { page: 'not-found' };
  }
  const id = decode(second);
  if (!id) return { page: 'not-found' };
  if (first === 'requests')
    return third ? { page: 'request-print', requestId: id } : { page: 'request', requestId: id };
  if (first === 'subjects') return { page: 'subject', subjectId: id };
  if (first === 'holders') return { page: 'holder', holderId: id };
  if (first === 'incidents') return { page: 'incident', incidentId: id };
  if (first === 'audits') return { page: 'audit', auditId: id };
  if (first === 'anonymisation') return { page: 'anonymisation-definition', definitionId: id };
  if (first === 'anonymised-datasets') return { page: 'anonymised-dataset', datasetId: id };
  return { page: 'not-found' };
}

export function hrefOfDeskRoute(route: DeskRoute): string {
  switch (route.page) {
    case 'queue': {
      const query = new URLSearchParams(
        QUEUE_FILTER_KEYS.flatMap((key) => (route[key] ? [[key, route[key]] as [string, string]] : [])),
      ).toString();
      return query ? `#/?${query}` : '#/';
    }
    case 'request':
      return `#/requests/${encodeURIComponent(route.requestId)}`;
    case 'request-print':
      return `#/requests/${encodeURIComponent(route.requestId)}/print`;
    case 'subjects':
      return '#/subjects';
    case 'subject':
      return `#/subjects/${encodeURIComponent(route.subjectId)}`;
    case 'accounts':
      return '#/accounts';
    case 'access-log':
      return '#/access-log';
    case 'report':
      return '#/report';
    case 'holders':
      return '#/holders';
    case 'holder':
      return `#/holders/${encodeURIComponent(route.holderId)}`;
    case 'incidents':
      return '#/incidents';
    case 'incident':
      return `#/incidents/${encodeURIComponent(route.incidentId)}`;
    case 'incident-report':
      return `#/incidents/${encodeURIComponent(route.incidentId)}/reports/${route.report}`;
    case 'audits':
      return '#/audits';
    case 'audit':
      return `#/audits/${encodeURIComponent(route.auditId)}`;
    case 'audit-report':
      return `#/audits/${encodeURIComponent(route.auditId)}/report`;
    case 'anonymisation':
      return '#/anonymisation';
    case 'anonymisation-definition':
      return `#/anonymisation/${encodeURIComponent(route.definitionId)}`;
    case 'anonymised-dataset':
      return `#/anonymised-datasets/${encodeURIComponent(route.datasetId)}`;
    case 'internal-rules':
      return '#/internal-rules';
    case 'training':
      return '#/training';
    case 'not-found':
      return '#/not-found';
  }
}
