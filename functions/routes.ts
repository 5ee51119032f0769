// The route manifest: every HTTP route, who may call it, and what it may touch. The CDK api construct
// builds API Gateway, the functions and their grants from it; the local gateway mounts from it; the
// OpenAPI document is generated from it. One list, so the three cannot drift. Each route is defined
// in routes/<capability>.ts, and its handler imports that definition alone: a function bundles only
// its own route and its capability's schemas, never this list.
import type { RouteDefinition } from './http/route-definition';
import { withSafeguardsGate } from './http/safeguards-routes';
import * as accessLog from './routes/access-log';
import * as anonymisation from './routes/anonymisation';
import * as audits from './routes/audits';
import * as consents from './routes/consents';
import * as disclosures from './routes/disclosures';
import * as dataExports from './routes/exports';
import * as fulfilment from './routes/fulfilment';
import * as holders from './routes/holders';
import * as incidentNotices from './routes/incident-notices';
import * as incidentReports from './routes/incident-reports';
import * as incidents from './routes/incidents';
import * as internalRules from './routes/internal-rules';
import * as myNumber from './routes/my-number';
import * as notice from './routes/notice';
import * as personalData from './routes/personal-data';
import * as provisions from './routes/provisions';
import * as purposes from './routes/purposes';
import * as requestDetails from './routes/request-details';
import * as requests from './routes/requests';
import * as safeguardsStanding from './routes/safeguards-standing';
import * as staffAccounts from './routes/staff-accounts';
import * as training from './routes/training';

export type { RouteAuth, RouteDefinition, TableAccess } from './http/route-definition';

const MANIFEST = [
  requestDetails.submitRequest,
  requests.verifyRequest,
  requests.resendVerificationCode,
  requests.getRequestStatus,
  requests.listRequests,
  requests.listAssignees,
  requests.viewRequest,
  requestDetails.decideRequest,
  requestDetails.previewDecision,
  requestDetails.listRequestRecords,
  requests.withdrawRequest,
  requests.assignRequest,
  requests.addRequestNote,
  requests.verifyRepresentative,
  requests.answerWithWhatIsKnown,
  fulfilment.closeFulfilmentTask,
  personalData.registerPersonalData,
  personalData.registerPersonalDataBatch,
  personalData.registerPersonalDataByStaff,
  personalData.recordSubjectEvent,
  personalData.checkUse,
  consents.recordConsent,
  consents.recordConsentByStaff,
  consents.startSubjectSession,
  consents.verifySubjectSession,
  consents.listMyConsents,
  consents.withdrawMyConsent,
  personalData.viewSubject,
  personalData.searchSubjects,
  purposes.listPurposes,
  purposes.createPurpose,
  purposes.changePurpose,
  purposes.retirePurpose,
  myNumber.registerMyNumber,
  myNumber.getMyNumber,
  myNumber.viewMyNumber,
  disclosures.getDisclosure,
  disclosures.getPaperDisclosure,
  disclosures.recordPosting,
  requests.getRequestReport,
  provisions.registerRecipient,
  provisions.listRecipients,
  provisions.liftProvisionCessation,
  provisions.permitProvision,
  provisions.refuseAnonymisedProvision,
  provisions.recordReceipt,
  provisions.listProvisions,
  holders.listHolders,
  holders.registerHolder,
  holders.viewHolder,
  holders.changeHolder,
  holders.retireHolder,
  holders.recordHolderReview,
  incidents.listIncidents,
  incidents.openIncident,
  incidents.viewIncident,
  incidents.registerIncident,
  incidents.changeIncident,
  incidents.linkIncidentSubjects,
  incidents.overrideReportability,
  incidents.closeIncident,
  incidentReports.viewIncidentReport,
  incidentReports.recordReportSubmission,
  incidentNotices.notifyIncidentPersons,
  incidentNotices.previewIncidentNotice,
  accessLog.listAccessLog,
  accessLog.verifyAccessLog,
  accessLog.getIncidentTimeline,
  accessLog.listAccessAlerts,
  accessLog.openIncidentFromAlert,
  notice.getPrivacyNotice,
  notice.getOpenApi,
  dataExports.requestExport,
  dataExports.listExports,
  dataExports.viewExport,
  dataExports.decideExport,
  dataExports.downloadExport,
  staffAccounts.listStaffAccounts,
  staffAccounts.createStaffAccount,
  staffAccounts.changeStaffRole,
  staffAccounts.confirmOfficerGrant,
  staffAccounts.disableStaffAccount,
  staffAccounts.enableStaffAccount,
  internalRules.listInternalRules,
  internalRules.publishRuleVersion,
  internalRules.acknowledgeRule,
  internalRules.listUnacknowledged,
  training.listTraining,
  training.addTrainingCourse,
  training.recordTrainingCompletion,
  safeguardsStanding.getMyStanding,
  safeguardsStanding.listStandings,
  fulfilment.receiveOpendsrCallback,
  audits.listAudits,
  audits.planAudit,
  audits.viewAudit,
  audits.recordAuditResult,
  audits.addAuditFinding,
  audits.changeCorrectiveAction,
  audits.closeAudit,
  audits.viewAuditReport,
  anonymisation.listAnonymisationDefinitions,
  anonymisation.createAnonymisationDefinition,
  anonymisation.viewAnonymisationDefinition,
  anonymisation.startAnonymisationRun,
  anonymisation.viewAnonymisedDataset,
  anonymisation.readAnonymisedRows,
  anonymisation.readAnonymisationMethod,
] as const;

/**
 * The routes as deployed: each route that reads or writes personal data also reads the safeguards
 * table, for the gate that refuses a member whose rules or training lapsed (functions/http/safeguards-gate.ts).
 */
export const ROUTES: readonly RouteDefinition[] = MANIFEST.map(withSafeguardsGate);

/** The route modules by capability, as named in functions/routes/; CDK groups the functions by them. */
export const ROUTE_MODULES = {
  'access-log': accessLog,
  anonymisation,
  audits,
  consents,
  disclosures,
  exports: dataExports,
  fulfilment,
  holders,
  incidents,
  'incident-reports': incidentReports,
  'incident-notices': incidentNotices,
  'my-number': myNumber,
  notice,
  'personal-data': personalData,
  provisions,
  purposes,
  'request-details': requestDetails,
  requests,
  'staff-accounts': staffAccounts,
  'internal-rules': internalRules,
  training,
  'safeguards-standing': safeguardsStanding,
} as const satisfies Record<string, Record<string, RouteDefinition>>;

export type RouteModule = keyof typeof ROUTE_MODULES;

export type RouteName = (typeof MANIFEST)[number]['name'];

/** A route by name, with its literal type (tests and the bench; handlers import their own definition). */
export function routeNamed<N extends RouteName>(name: N): Extract<(typeof MANIFEST)[number], { name: N }> {
  return ROUTES.find((r) => r.name === name) as Extract<(typeof MANIFEST)[number], { name: N }>;
}
