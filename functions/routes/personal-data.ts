// The personal data registry (policy §1, §2): company systems register records, report events and check
// a use; staff register what they took down and read a subject, each read access-logged with its reason.
import { subjectParams } from '../http/contract/common';
import {
  registerPersonalDataBatchBody,
  registerPersonalDataBatchResponse,
  registerPersonalDataBody,
  registerPersonalDataResponse,
  staffRegisterPersonalDataBody,
  subjectEventBody,
  subjectEventResponse,
  subjectSearchQuery,
  subjectSearchResponse,
  subjectViewQuery,
  subjectViewResponse,
  useCheckBody,
  useCheckResponse,
} from '../http/contract/personal-data';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const registerPersonalData = {
  name: 'register-personal-data',
  method: 'POST',
  path: '/v1/system/personal-data',
  summary: 'Register personal data of one subject, with source and purposes; all records or none.',
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { 'personal-data': 'read-write', purposes: 'read', subjects: 'read', consents: 'read', suppressions: 'read' },
  secrets: ['identifier-mac-key'],
  request: { body: registerPersonalDataBody },
  response: {
    status: 201,
    schema: registerPersonalDataResponse,
    description: 'Registered, each record with the expiry its purposes give it.',
  },
} as const satisfies RouteDefinition;

export const registerPersonalDataBatch = {
  name: 'register-personal-data-batch',
  method: 'POST',
  path: '/v1/system/personal-data/batches',
  summary:
    "Register up to 100 records of any subjects in one call; each entry is registered, refused or suppressed on its own (unlike one subject's registration, all or none).",
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { 'personal-data': 'read-write', purposes: 'read', subjects: 'read', consents: 'read', suppressions: 'read' },
  secrets: ['identifier-mac-key'],
  request: { body: registerPersonalDataBatchBody },
  response: {
    status: 200,
    schema: registerPersonalDataBatchResponse,
    description:
      "Each entry's answer in order: registered with its expiry, refused with the fields to correct, or suppressed.",
  },
} as const satisfies RouteDefinition;

export const registerPersonalDataByStaff = {
  name: 'register-personal-data-by-staff',
  method: 'POST',
  path: '/v1/staff/subjects/{subjectId}/personal-data',
  summary: 'Register personal data a person at the desk took down (a letter, a call); the write is access-logged.',
  auth: { kind: 'staff', roles: ['operator'] },
  tables: {
    'personal-data': 'read-write',
    purposes: 'read',
    subjects: 'read',
    consents: 'read',
    suppressions: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  secrets: ['identifier-mac-key'],
  request: { params: subjectParams, body: staffRegisterPersonalDataBody },
  response: { status: 201, schema: registerPersonalDataResponse, description: 'Registered.' },
} as const satisfies RouteDefinition;

export const recordSubjectEvent = {
  name: 'record-subject-event',
  method: 'POST',
  path: '/v1/system/subjects/{subjectId}/events',
  summary: 'Report a contract end or new activity; the expiry of every record of the subject is recomputed.',
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { subjects: 'read-write', 'personal-data': 'read-write', purposes: 'read' },
  request: { params: subjectParams, body: subjectEventBody },
  response: { status: 200, schema: subjectEventResponse, description: 'Recorded and recomputed.' },
} as const satisfies RouteDefinition;

export const checkUse = {
  name: 'check-use',
  method: 'POST',
  path: '/v1/system/use-checks',
  summary: "May this category of this person's data be used for this purpose? Allowed or denied, with the reason.",
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { 'personal-data': 'read', purposes: 'read', subjects: 'read', consents: 'read', evidence: 'write' },
  request: { body: useCheckBody },
  response: { status: 200, schema: useCheckResponse, description: 'The answer; a denial is an answer, not an error.' },
} as const satisfies RouteDefinition;

export const viewSubject = {
  name: 'view-subject',
  method: 'GET',
  path: '/v1/staff/subjects/{subjectId}',
  summary: 'Everything held about a subject that is not past its expiry; the read is access-logged with its reason.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: {
    'personal-data': 'read',
    subjects: 'read',
    consents: 'read',
    'provision-records': 'read',
    purposes: 'read',
    requests: 'read',
    incidents: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { params: subjectParams, query: subjectViewQuery },
  response: { status: 200, schema: subjectViewResponse, description: 'The subject as the desk holds it.' },
} as const satisfies RouteDefinition;

export const searchSubjects = {
  name: 'search-subjects',
  method: 'GET',
  path: '/v1/staff/subjects',
  summary: 'Find subjects by e-mail address or customer number; the search is access-logged with its reason.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { 'personal-data': 'read', purposes: 'read', requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { query: subjectSearchQuery },
  response: { status: 200, schema: subjectSearchResponse, description: 'Matching subjects, without their data.' },
} as const satisfies RouteDefinition;
